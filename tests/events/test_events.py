"""Events and stands: the list, one event, and their iCalendar read back by a calendar
library, as calendar programs read them."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models import Event
from tests.maps.factories import PlaceFactory

from .factories import EventFactory

pytestmark = pytest.mark.django_db


def parse(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return icalendar.Calendar.from_ical(response.content)


def test_the_list_shows_upcoming_published_events_soonest_first(client):
    later = EventFactory(title="Werkstatt Platzgestaltung", days=9)
    sooner = EventFactory(title="Stand beim Wochenmarkt", days=2)
    EventFactory(title="Entwurf", is_published=False)
    EventFactory(title="Vorbei", days=-3)
    page = client.get("/termine/").content.decode()
    assert page.index(sooner.title) < page.index(later.title)
    assert "Entwurf" not in page and "Vorbei" not in page
    past = client.get("/termine/?vergangen=1").content.decode()
    assert "Vorbei" in past and sooner.title not in past


def test_the_list_has_an_empty_state_and_refuses_unknown_parameters(client):
    assert "Zurzeit sind keine Termine geplant" in client.get("/termine/").content.decode()
    assert client.get("/termine/?vergangen=ja").status_code == 404


def list_queries(client, count):
    Event.objects.all().delete()
    for _ in range(count):
        EventFactory(place=PlaceFactory())
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/termine/").status_code == 200
    return len(queries)


def test_the_list_takes_the_same_queries_for_3_and_30_events(client):
    assert list_queries(client, 3) == list_queries(client, 30)


def test_an_unpublished_event_is_for_staff_only(client, editor):
    event = EventFactory(is_published=False, title="Noch geheim")
    assert client.get(event.get_absolute_url()).status_code == 404
    assert client.get(event.get_ics_url()).status_code == 404
    client.force_login(editor)
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Vorschau" in page and "Noch geheim" in page


def test_the_event_page_says_where_when_and_how_to_get_in(client):
    event = EventFactory(
        title="Stand „Lautern blüht auf“",
        what_to_do="Auf Papier über den Platz abstimmen.",
        accessibility="Stufenlos erreichbar.",
    )
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Stiftsplatz, am Brunnen" in page
    assert "Auf Papier über den Platz abstimmen." in page
    assert "Stufenlos erreichbar." in page
    assert event.get_ics_url() in page


def test_one_event_as_ics_reads_back_with_its_time_place_and_link(client):
    place = PlaceFactory(name="Stiftsplatz")
    event = EventFactory(
        title="Stand beim Wochenmarkt",
        address="Stiftsplatz, 67655 Kaiserslautern",
        place=place,
        what_to_do="Auf Papier abstimmen.",
        accessibility="Stufenlos.",
    )
    calendar = parse(client.get(event.get_ics_url()))
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Stand beim Wochenmarkt"
    assert vevent.decoded("DTSTART") == event.starts_at
    assert vevent.decoded("DTEND") == event.ends_at
    assert vevent.decoded("DTSTART").astimezone(ZoneInfo("Europe/Berlin")).hour == 10
    assert str(vevent["LOCATION"]) == "Stiftsplatz, am Brunnen, Stiftsplatz, 67655 Kaiserslautern"
    assert str(vevent["URL"]).endswith(event.get_absolute_url())
    assert "Auf Papier abstimmen." in str(vevent["DESCRIPTION"])
    assert str(vevent["UID"]).startswith(f"event-{event.pk}@")
    latitude, longitude = vevent["GEO"].latitude, vevent["GEO"].longitude
    assert (round(latitude, 4), round(longitude, 4)) == tuple(round(c, 4) for c in place.point)


def test_the_feed_holds_upcoming_and_recent_events_only(client):
    EventFactory(title="Bald", days=3)
    EventFactory(title="Letzten Monat", days=-30)
    EventFactory(title="Vor einem Jahr", days=-365)
    EventFactory(title="Unveröffentlicht", days=4, is_published=False)
    calendar = parse(client.get("/termine/kalender.ics"))
    titles = sorted(str(vevent["SUMMARY"]) for vevent in calendar.walk("VEVENT"))
    assert titles == ["Bald", "Letzten Monat"]
    assert str(calendar["X-WR-CALNAME"]) == "KLmitWirkung: Termine und Stände"


def test_an_event_must_end_after_it_starts():
    start = timezone.now()
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.create(
            title="Falsch", slug="falsch", venue="Hier", starts_at=start, ends_at=start
        )
    event = Event(
        title="Falsch",
        slug="falsch",
        venue="Hier",
        starts_at=start,
        ends_at=start - datetime.timedelta(hours=1),
    )
    with pytest.raises(Exception, match="muss enden, nachdem"):
        event.full_clean()
