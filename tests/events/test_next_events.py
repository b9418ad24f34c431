"""The start page and a project's page name the next events."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Event
from tests.projects.factories import ProjectFactory

from .factories import EventFactory

pytestmark = pytest.mark.django_db


def test_the_start_page_names_the_next_three_events(client):
    for day, title in ((5, "Dritter"), (1, "Erster"), (3, "Zweiter"), (9, "Vierter")):
        EventFactory(title=f"{title} Stand", days=day)
    EventFactory(title="Vorbei", days=-2)
    page = client.get("/").content.decode()
    assert "Nächste Termine" in page
    assert page.index("Erster Stand") < page.index("Zweiter Stand") < page.index("Dritter Stand")
    assert "Vierter Stand" not in page and "Vorbei" not in page


def test_a_project_page_names_its_own_events_only(client):
    project = ProjectFactory()
    EventFactory(title="Werkstatt zum Platz", project=project)
    EventFactory(title="Anderer Stand", project=ProjectFactory())
    page = client.get(project.get_absolute_url()).content.decode()
    assert "Werkstatt zum Platz" in page and "Anderer Stand" not in page


def test_no_events_no_section(client):
    assert "Nächste Termine" not in client.get("/").content.decode()


def home_queries(client, count):
    Event.objects.all().delete()
    for day in range(count):
        EventFactory(days=day + 1)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    return len(queries)


def test_the_start_page_takes_the_same_queries_for_1_and_5_events(client):
    assert home_queries(client, 1) == home_queries(client, 5)
