"""Editors maintain projects in the admin; moderators cannot."""

import io
from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from projects.models import Project

from .factories import PhaseFactory, ProjectFactory, TopicFactory

pytestmark = pytest.mark.django_db


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 2), "red").save(buffer, "PNG")
    return SimpleUploadedFile("bild.png", buffer.getvalue(), "image/png")


def project_form(topic, **overrides):
    data = {
        "title_de": "Neues Projekt",
        "title_en": "New project",
        "slug": "neues-projekt",
        "kind": "smart_city",
        "status": "running",
        "topics": [topic.pk],
        "is_published": "on",
        "teaser_de": "Kurz erklärt.",
        "teaser_en": "",
        "body_de": "<p>Text</p>",
        "body_en": "",
        "image_alt": "",
        "accepts_proposals": "on",
        "proposals_until": "",
        "contact_name": "",
        "contact_role": "",
        "contact_email": "",
        "phases-TOTAL_FORMS": "1",
        "phases-INITIAL_FORMS": "0",
        "phases-0-title_de": "Beteiligung",
        "phases-0-start": "01.05.2026",
        "phases-0-end": "31.05.2026",
        "phases-0-description_de": "",
        "updates-TOTAL_FORMS": "1",
        "updates-INITIAL_FORMS": "0",
        "updates-0-published_on": "02.05.2026",
        "updates-0-title_de": "Es geht los",
        "updates-0-text_de": "<p>Start</p>",
        "progress-milestone-content_type-object_id-TOTAL_FORMS": "0",
        "progress-milestone-content_type-object_id-INITIAL_FORMS": "0",
    }
    return {**data, **overrides}


def test_editor_creates_a_project_with_phases_and_news(client, editor):
    topic = TopicFactory()
    client.force_login(editor)
    assert client.get("/admin/projects/project/add/").status_code == 200
    response = client.post("/admin/projects/project/add/", project_form(topic))
    assert response.status_code == 302, response.context["adminform"].form.errors
    project = Project.objects.get(slug="neues-projekt")
    assert project.phases.get().title == "Beteiligung"
    assert project.updates.get().title == "Es geht los"
    assert client.get("/").text.count("Neues Projekt") >= 1
    assert client.get("/en/").text.count("New project") >= 1


def test_admin_refuses_an_image_without_description(client, editor, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    topic = TopicFactory()
    client.force_login(editor)
    data = project_form(topic, image=png())
    response = client.post("/admin/projects/project/add/", data)
    assert response.status_code == 200
    assert "Bitte beschreiben Sie das Bild" in response.text
    assert not Project.objects.exists()


def test_moderator_cannot_edit_projects(client, moderator):
    client.force_login(moderator)
    assert client.get("/admin/projects/project/add/").status_code == 403
    assert client.get("/admin/projects/project/").status_code == 403


class FormFields(HTMLParser):
    """The fields of a page that people fill in, and the ids that a <label> names."""

    def __init__(self):
        super().__init__()
        self.fields = []
        self.labelled = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "label" and attrs.get("for"):
            self.labelled.add(attrs["for"])
        if tag in {"input", "select", "textarea"} and attrs.get("type") not in {
            "hidden",
            "submit",
            "button",
        }:
            self.fields.append(attrs)


def unnamed_fields(html):
    """The names of the fields that a screen reader could not name."""
    page = FormFields()
    page.feed(html)
    return [
        field.get("name")
        for field in page.fields
        if not (field.get("aria-label") or field.get("aria-labelledby"))
        and field.get("id") not in page.labelled
    ]


def test_every_field_of_the_project_form_has_a_name(client, editor, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    project = ProjectFactory(topics=[TopicFactory()], image=png(), image_alt="Ein rotes Bild")
    PhaseFactory(project=project)
    client.force_login(editor)
    for path in ["/admin/projects/project/add/", f"/admin/projects/project/{project.pk}/change/"]:
        html = client.get(path).text
        assert unnamed_fields(html) == [], path
    # The phases of the timeline are named after their columns.
    assert 'name="phases-0-title_de"' in html
    assert 'aria-label="Titel [de]"' in html
