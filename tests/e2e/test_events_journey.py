"""Events in Chromium: a visitor finds the next stand, reads where and how to get there, and
takes it into a calendar; the past events are a click away. axe on every page."""

from pathlib import Path

import icalendar
import pytest

from tests.e2e.conftest import Journey
from tests.events.factories import EventFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_a_visitor_finds_a_stand_and_takes_it_into_the_calendar(
    browser, live_server, migration_data, javascript
):
    EventFactory(
        title="Stand „Lautern blüht auf“",
        slug="lautern-blueht-auf",
        what_to_do="Auf Papier über den freien Platz abstimmen.",
        accessibility="Stufenlos erreichbar, Sitzgelegenheiten am Stand.",
    )
    EventFactory(title="Werkstatt vom Frühjahr", days=-40)
    context = browser.new_context(
        locale="de-DE", java_script_enabled=javascript, accept_downloads=True
    )
    try:
        journey = Journey(context.new_page(), live_server.url, run_axe=javascript)
        page = journey.page
        journey.visit("/termine/")
        assert page.get_by_role("link", name="Werkstatt vom Frühjahr").count() == 0
        page.get_by_role("link", name="Stand „Lautern blüht auf“").click()
        journey.check_page()
        assert page.get_by_text("Auf Papier über den freien Platz abstimmen.").is_visible()
        assert page.get_by_text("Stufenlos erreichbar").is_visible()
        with page.expect_download() as download:
            page.get_by_role("link", name="In meinen Kalender eintragen (.ics)").click()
        calendar = icalendar.Calendar.from_ical(Path(download.value.path()).read_bytes())
        (event,) = calendar.walk("VEVENT")
        assert str(event["SUMMARY"]) == "Stand „Lautern blüht auf“"

        page.get_by_role("link", name="Alle Termine").click()
        journey.check_page()
        page.get_by_role("link", name="Vergangene Termine").click()
        journey.check_page()
        assert page.get_by_role("link", name="Werkstatt vom Frühjahr").is_visible()
    finally:
        context.close()
