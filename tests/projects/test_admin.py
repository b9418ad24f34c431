"""Editors maintain projects in the admin; moderators cannot."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from projects.models import Project

from .factories import TopicFactory

pytestmark = pytest.mark.django_db


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 2), "red").save(buffer, "PNG")
    return SimpleUploadedFile("bild.png", buffer.getvalue(), "image/png")


def project_form(topic, **overrides):
    data = {
        "title": "Neues Projekt",
        "slug": "neues-projekt",
        "kind": "smart_city",
        "status": "running",
        "topics": [topic.pk],
        "is_published": "on",
        "teaser": "Kurz erklärt.",
        "body": "<p>Text</p>",
        "image_alt": "",
        "accepts_proposals": "on",
        "proposals_until": "",
        "contact_name": "",
        "contact_role": "",
        "contact_email": "",
        "phases-TOTAL_FORMS": "1",
        "phases-INITIAL_FORMS": "0",
        "phases-0-title": "Beteiligung",
        "phases-0-start": "01.05.2026",
        "phases-0-end": "31.05.2026",
        "phases-0-description": "",
        "updates-TOTAL_FORMS": "1",
        "updates-INITIAL_FORMS": "0",
        "updates-0-published_on": "02.05.2026",
        "updates-0-title": "Es geht los",
        "updates-0-text": "<p>Start</p>",
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
