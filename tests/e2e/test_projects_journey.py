"""A visitor finds a Smart City project by topic, without JavaScript, and reads its timeline."""

import datetime

import pytest
from django.utils import timezone

from tests.projects.factories import (
    PhaseFactory,
    ProjectFactory,
    ProjectUpdateFactory,
    TopicFactory,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def projects(migration_data):
    society = TopicFactory(name="Gesellschaft", slug="gesellschaft")
    data = TopicFactory(name="Datenplattform", slug="datenplattform")
    square = ProjectFactory(
        title="Stadt.Raum.Wir.",
        slug="stadt-raum-wir",
        teaser="Ein freier Platz in der Innenstadt – Sie entscheiden, wofür.",
        topics=[society],
        accepts_proposals=True,
        proposals_until=days(30),
    )
    ProjectFactory(title="Urbane Datenplattform", topics=[data])
    PhaseFactory(project=square, title="Bürgerwerkstätten", start=days(-90), end=days(-60))
    PhaseFactory(project=square, title="Abstimmung", start=days(-3), end=days(20))
    PhaseFactory(project=square, title="Umsetzung", start=days(40), end=days(80))
    ProjectUpdateFactory(project=square, title="Die Abstimmung läuft", published_on=days(-2))
    return square


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_start_page_to_a_project_filtered_by_topic(browser, live_server, projects, javascript):
    from tests.e2e.conftest import Journey

    context = browser.new_context(locale="de-DE", java_script_enabled=javascript)
    journey = Journey(context.new_page(), live_server.url, run_axe=javascript)
    page = journey.page

    journey.visit("/")
    assert page.get_by_role("link", name="Stadt.Raum.Wir.").first.is_visible()
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role(
        "link", name="Projekte"
    ).click()
    journey.check_page()
    assert page.get_by_role("link", name="Urbane Datenplattform").is_visible()

    page.get_by_label("Themenfeld", exact=True).select_option(label="Gesellschaft")
    page.get_by_role("button", name="Filter anwenden").click()
    journey.check_page()
    assert "topic=gesellschaft" in page.url
    assert page.get_by_role("link", name="Urbane Datenplattform").count() == 0

    page.get_by_role("link", name="Stadt.Raum.Wir.").click()
    journey.check_page()
    current = page.locator('[aria-current="step"]')
    assert "Abstimmung" in current.inner_text()
    assert "Aktuelle Phase" in current.inner_text()
    assert page.get_by_role("heading", name="Die Abstimmung läuft").is_visible()
    context.close()
