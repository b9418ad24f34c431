"""The demo content that `make run` loads: the eight Smart City projects, each current."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from projects.models import Project, ProjectUpdate, Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(seeded_demo, db, settings):
    settings.DEBUG = True  # for tests that seed again


def test_demo_has_eight_smart_city_projects_and_city_matters(demo):
    assert Project.objects.filter(kind=Project.Kind.SMART_CITY).count() == 8
    assert Project.objects.filter(kind=Project.Kind.CITY).count() >= 2
    assert Project.objects.filter(slug="stadt-raum-wir").exists()
    assert Topic.objects.count() == 10
    assert ProjectUpdate.objects.count() >= 15


def test_every_running_demo_project_has_exactly_one_current_phase(demo):
    today = timezone.localdate()
    for project in Project.objects.filter(status=Project.Status.RUNNING):
        current = project.phases.filter(start__lte=today, end__gte=today)
        assert current.count() == 1, project.title


def test_seeding_twice_changes_nothing(demo, settings):
    before = (Project.objects.count(), ProjectUpdate.objects.count())
    call_command("seed_demo", verbosity=0)
    assert (Project.objects.count(), ProjectUpdate.objects.count()) == before


def test_demo_project_pages_render(client, demo):
    for project in Project.objects.all():
        assert client.get(project.get_absolute_url()).status_code == 200
    response = client.get("/")
    assert "Stadt.Raum.Wir." in response.text
