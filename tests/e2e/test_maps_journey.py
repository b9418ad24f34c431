"""A location poll in Chromium: the places on a map from our own origin (tiles, library,
markers by keyboard), and the same vote without JavaScript, by choosing a named place."""

import http.server
import threading

import pytest

from polls.models import Ballot, Poll, Question
from tests.e2e.conftest import Journey
from tests.maps.factories import PlaceFactory
from tests.polls.factories import ChoiceFactory, PollFactory, QuestionFactory

from .test_polls_journey import focus_next

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PLACES = [
    ("Hauptbahnhof", "49.436400", "7.768300", "Vorplatz, Ausgang Stadtmitte"),
    ("Uni-Campus", "49.423900", "7.753300", "vor der Mensa"),
    ("Stadtpark", "49.438000", "7.778500", "am Eingang Mozartstraße"),
]


@pytest.fixture
def box_poll(migration_data):
    poll = PollFactory(
        title="Wo soll die Ausprobierbox stehen?",
        slug="ausprobierbox-standort",
        eligibility=Poll.Eligibility.GUESTS,
        results_visibility=Poll.ResultsVisibility.AFTER_CLOSE,
    )
    question = QuestionFactory(poll=poll, text="Welcher Standort?", kind=Question.Kind.PLACE)
    for name, latitude, longitude, description in PLACES:
        place = PlaceFactory(
            name=name, latitude=latitude, longitude=longitude, description=description
        )
        ChoiceFactory(question=question, label=f"Box am {name}", place=place)
    return poll


class Silent(http.server.BaseHTTPRequestHandler):
    """A tile source of the operator's that the browser must never reach."""

    def do_GET(self):
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def remote_tile_source(settings):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Silent)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.MAP_TILES_URL = f"http://127.0.0.1:{server.server_port}/{{z}}/{{x}}/{{y}}.png"
    settings.MAP_TILES_TIMEOUT = 1
    yield
    server.shutdown()
    server.server_close()


def test_the_places_on_the_map_by_mouse_and_keyboard(journey, box_poll, remote_tile_source):
    page = journey.page
    tiles = []
    page.on(
        "requestfinished",
        lambda request: tiles.append(request.url) if "/karte/kacheln/" in request.url else None,
    )
    journey.visit("/abstimmungen/ausprobierbox-standort/")

    region = page.get_by_role("region", name="Karte der Orte von Frage 1")
    assert region.is_visible()
    page.wait_for_selector(".leaflet-tile-loaded")
    assert tiles and all(url.startswith(journey.base_url) for url in tiles)
    markers = page.locator(".leaflet-marker-icon")
    assert sorted(markers.evaluate_all("(all) => all.map((m) => m.alt)")) == sorted(
        name for name, *_ in PLACES
    )
    # With the mouse: a marker tells its place.
    region.scroll_into_view_if_needed()
    page.wait_for_load_state("load")
    page.wait_for_function("!document.querySelector('.leaflet-zoom-anim')")
    page.get_by_role("button", name="Uni-Campus").click()
    assert page.locator(".leaflet-popup-content").inner_text().startswith("Uni-Campus")
    assert "vor der Mensa" in page.locator(".leaflet-popup-content").inner_text()
    page.locator(".leaflet-popup-close-button").click()

    # With the keyboard: Tab reaches the markers, Enter opens one.
    focus_next(page, "document.activeElement.classList.contains('leaflet-marker-icon')")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused marker must show where the focus is"
    focused = page.evaluate("document.activeElement.alt")
    page.keyboard.press("Enter")
    assert page.locator(".leaflet-popup-content").last.inner_text().startswith(focused)
    journey.check_page()

    # The list says the same, and the vote is cast there.
    page.get_by_label("Box am Stadtpark").check()
    page.get_by_role("button", name="Stimme abgeben").click()
    journey.check_page()
    assert Ballot.objects.get().selections.get().choice.place.name == "Stadtpark"


def test_without_javascript_a_named_place_is_chosen_from_the_list(browser, live_server, box_poll):
    context = browser.new_context(locale="de-DE", java_script_enabled=False)
    try:
        page = context.new_page()
        page.set_default_timeout(10_000)
        journey = Journey(page, live_server.url, run_axe=False)
        journey.visit("/abstimmungen/ausprobierbox-standort/")
        assert not page.get_by_role("region", name="Karte der Orte von Frage 1").is_visible()
        assert page.get_by_text("Ort: Hauptbahnhof, Vorplatz, Ausgang Stadtmitte").is_visible()
        page.get_by_label("Box am Hauptbahnhof").check()
        page.get_by_role("button", name="Stimme abgeben").click()
        journey.check_page()
        assert Ballot.objects.get().selections.get().choice.place.name == "Hauptbahnhof"
    finally:
        context.close()
