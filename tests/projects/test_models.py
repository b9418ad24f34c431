"""Project rules that hold whatever screen an editor uses."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from django.utils import timezone

from projects.models import Project

from .factories import PhaseFactory, ProjectFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 5, 1)


def test_image_needs_alt_text(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    project = ProjectFactory.build(image=SimpleUploadedFile("bild.png", b"x"), image_alt=" ")
    with pytest.raises(ValidationError) as error:
        project.clean()
    assert "image_alt" in error.value.error_dict


def test_image_without_alt_text_is_refused_by_the_database():
    project = ProjectFactory()
    with pytest.raises(IntegrityError):
        Project.objects.filter(pk=project.pk).update(image="projects/bild.png", image_alt="")


def test_phase_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError):
        PhaseFactory(start=TODAY, end=TODAY - datetime.timedelta(days=1))


@pytest.mark.parametrize(
    ("accepts", "until", "open_"),
    [
        (False, None, False),
        (True, None, True),
        (True, TODAY, True),
        (True, TODAY - datetime.timedelta(days=1), False),
    ],
)
def test_proposals_open_until_the_end_of_the_last_day(accepts, until, open_):
    project = ProjectFactory(accepts_proposals=accepts, proposals_until=until)
    assert project.proposals_open(TODAY) is open_
    assert (project in Project.objects.accepting_proposals(TODAY)) is open_


def test_staff_html_in_body_is_sanitised_on_save():
    project = ProjectFactory.build(body='<p>Gut</p><script>alert(1)</script><p onclick="x">A</p>')
    project.full_clean(exclude=["topics"])
    assert project.body == "<p>Gut</p><p>A</p>"


def test_phase_knows_whether_it_is_current():
    today = timezone.localdate()
    phase = PhaseFactory(start=today, end=today)
    assert phase.is_current()
    assert not phase.is_past()
