"""A step may show an image; it is described for people who cannot see it, or refused."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from progress.models import Milestone
from tests.images import with_renditions
from tests.polls.factories import PollFactory
from tests.projects.factories import ProjectFactory
from tests.projects.test_admin import png, unnamed_fields

from .factories import MilestoneFactory
from .test_project_milestones import DONE_STEP, project_admin_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_an_image_without_description_is_refused_by_the_model(media):
    step = MilestoneFactory.build(target=ProjectFactory(), image=png(), image_alt=" ")
    with pytest.raises(ValidationError) as refused:
        step.full_clean()
    assert list(refused.value.message_dict) == ["image_alt"]


def test_an_image_without_description_is_refused_by_the_database():
    step = MilestoneFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Milestone.objects.filter(pk=step.pk).update(image="milestones/bild.png")


def test_the_admin_refuses_an_image_without_description(client, editor, media):
    project = ProjectFactory()
    client.force_login(editor)
    url = f"/admin/projects/project/{project.pk}/change/"
    response = client.post(url, project_admin_form(project, {**DONE_STEP, "image": png()}))
    assert response.status_code == 200
    assert "Bitte beschreiben Sie das Bild" in response.content.decode()
    assert not Milestone.objects.exists()

    described = {
        **DONE_STEP,
        "image": png(),
        "image_alt": "Ein Sensor am Laternenmast",
        "image_credit": "Foto: KL.digital",
    }
    response = client.post(url, project_admin_form(project, described))
    assert response.status_code == 302
    step = Milestone.objects.get()
    assert step.image_alt == "Ein Sensor am Laternenmast"
    assert (step.image_width, step.image_height) == (4, 2)


def test_the_timeline_shows_the_image_with_its_description(client, media):
    poll = PollFactory(state="closed")
    step = MilestoneFactory(target=poll, image=png(), image_alt="Menschen tanzen auf dem Platz")
    # Not before its renditions are made: the original is never shown.
    assert "Menschen tanzen" not in client.get(poll.get_results_url()).text
    with_renditions(step)
    page = client.get(poll.get_results_url()).text
    assert re.search(
        r'<img src="/media/renditions/[\w/]+\.jpg" srcset="[^"]+ 4w" sizes="[^"]+" '
        r'alt="Menschen tanzen auf dem Platz" width="4" height="2" class="[^"]*" '
        r'loading="lazy" decoding="async">',
        page,
    )


def test_every_field_of_a_projects_steps_has_a_name(client, editor, media):
    project = ProjectFactory()
    MilestoneFactory(target=project, image=png(), image_alt="Ein Sensor am Laternenmast")
    client.force_login(editor)
    html = client.get(f"/admin/projects/project/{project.pk}/change/").content.decode()
    assert 'name="progress-milestone-content_type-object_id-0-image"' in html
    assert unnamed_fields(html) == []
