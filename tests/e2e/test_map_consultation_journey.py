"""A map consultation in Chromium: a citizen marks a heat spot with the mouse, another with
the keyboard, a third without JavaScript by choosing a named place; a moderator releases
them; the entries appear on the map, in the list and in the GeoJSON."""

import json
import re

import pytest

from mapconsultations.models import Entry
from tests.accounts.factories import UserFactory
from tests.e2e.conftest import Journey
from tests.mapconsultations.factories import CategoryFactory, ConsultationFactory
from tests.maps.factories import PlaceFactory

from .test_polls_journey import focus_next
from .test_proposals_journey import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PAGE = "/projekte/{project}/karte/hitzeorte/"


@pytest.fixture
def heat(migration_data):
    consultation = ConsultationFactory(title="Hitzeorte in der Innenstadt", slug="hitzeorte")
    CategoryFactory(consultation=consultation, name="Hier ist es im Sommer zu heiß")
    CategoryFactory(consultation=consultation, name="Hier fehlt Schatten")
    PlaceFactory(name="Stiftsplatz", latitude="49.443900", longitude="7.770700")
    return consultation


def write_entry(page, text):
    page.get_by_label("Hier ist es im Sommer zu heiß").check()
    page.get_by_label("Ihr Eintrag").fill(text)
    page.get_by_role("button", name="Eintrag absenden").click()


def test_heat_spots_by_mouse_keyboard_and_without_javascript(new_tab, browser, live_server, heat):
    path = PAGE.format(project=heat.project.slug)
    UserFactory(email="maus@example.org")
    UserFactory(email="tastatur@example.org")
    UserFactory(email="ohne-js@example.org")
    UserFactory(email="moderation@example.org", is_staff=True, groups=["Moderation"])

    # With the mouse: a click on the map places the point.
    mouse = new_tab()
    sign_in(mouse, "maus@example.org", path)
    picker = mouse.page.get_by_role("region", name="Karte: Setzen Sie Ihren Punkt")
    picker.scroll_into_view_if_needed()
    mouse.page.wait_for_selector("#form-picker .leaflet-tile-loaded")
    picker.click()
    assert mouse.page.get_by_role("status").filter(has_text="Punkt gesetzt bei").is_visible()
    write_entry(mouse.page, "Mit der Maus gesetzt.")
    mouse.check_page()
    assert mouse.page.get_by_text("Ihr Eintrag wartet auf die Freigabe").is_visible()

    # With the keyboard: Tab to the map, arrows move it, Enter places the point.
    keyboard = new_tab()
    sign_in(keyboard, "tastatur@example.org", path)
    keyboard.page.wait_for_selector("#form-picker .leaflet-tile-loaded")
    focus_next(keyboard.page, "document.activeElement.id === 'form-picker'")
    keyboard.page.keyboard.press("ArrowUp")
    keyboard.page.keyboard.press("Enter")
    status = keyboard.page.locator("#form-picker-status")
    assert status.inner_text().startswith("Punkt gesetzt bei")
    write_entry(keyboard.page, "Mit der Tastatur gesetzt.")
    keyboard.check_page()

    # Without JavaScript: no map, a named place from the list.
    context = browser.new_context(locale="de-DE", java_script_enabled=False)
    try:
        page = context.new_page()
        page.set_default_timeout(10_000)
        plain = Journey(page, live_server.url, run_axe=False)
        sign_in(plain, "ohne-js@example.org", path)
        assert not page.get_by_role("region", name="Karte: Setzen Sie Ihren Punkt").is_visible()
        page.get_by_label("Einen Ort aus der Liste wählen").select_option(label="Stiftsplatz")
        write_entry(page, "Ohne Karte gewählt.")
        plain.check_page()
        assert page.get_by_text("Ihr Eintrag wartet auf die Freigabe").is_visible()
    finally:
        context.close()

    entries = {entry.text: entry for entry in Entry.objects.all()}
    assert set(entries) == {
        "Mit der Maus gesetzt.",
        "Mit der Tastatur gesetzt.",
        "Ohne Karte gewählt.",
    }
    assert all(entry.is_pending for entry in entries.values())
    assert entries["Ohne Karte gewählt."].place.name == "Stiftsplatz"
    assert entries["Mit der Maus gesetzt."].place is None

    # Nothing is public before release.
    visitor = new_tab()
    visitor.visit(path)
    assert visitor.page.get_by_text("Mit der Maus gesetzt.").count() == 0

    # The moderator releases the heat spot chosen without the map.
    moderator = new_tab()
    sign_in(moderator, "moderation@example.org", "/admin/", staff=True)
    moderator.page.get_by_role("link", name="3 Beiträge warten auf Freigabe").first.click()
    moderator.check_page()
    moderator.page.get_by_label(
        "Karteneintrag: Hier ist es im Sommer zu heiß: Stiftsplatz"
    ).check()
    moderator.page.get_by_label("Freigeben", exact=True).check()
    moderator.page.get_by_role("button", name="Auf die ausgewählten Beiträge anwenden").click()
    moderator.check_page()
    assert moderator.page.get_by_text("1 Beitrag freigegeben.").is_visible()

    visitor.visit(path)
    assert visitor.page.get_by_text("Ohne Karte gewählt.").is_visible()
    visitor.page.wait_for_selector(f"#eintraege-{heat.pk}-karte .leaflet-marker-icon")
    marker = visitor.page.locator(".leaflet-marker-icon")
    assert marker.count() == 1
    assert marker.get_attribute("alt") == "Hier ist es im Sommer zu heiß: Stiftsplatz"
    geojson = visitor.page.request.get(live_server.url + path + "eintraege.geojson")
    [feature] = json.loads(geojson.body())["features"]
    assert feature["properties"]["text"] == "Ohne Karte gewählt."
    assert feature["geometry"]["coordinates"] == [7.7707, 49.4439]

    # The entry has a page of its own, with its place on the map and its discussion.
    visitor.page.get_by_role("link", name=re.compile("^0 Kommentare")).click()
    visitor.check_page()
    assert visitor.page.get_by_role("heading", level=1).inner_text() == (
        "Hier ist es im Sommer zu heiß: Stiftsplatz"
    )
    assert visitor.page.get_by_role("region", name="Karte dieses Eintrags").is_visible()

    # Another citizen sees it the same way.
    mouse.visit(visitor.page.url.replace(live_server.url, ""))
    mouse.page.get_by_role("button", name="Ich sehe das auch so").click()
    mouse.check_page()
    assert mouse.page.get_by_role("heading", name="1 Person sieht das auch so").is_visible()
    assert mouse.page.get_by_role("button", name="Unterstützung zurückziehen").is_visible()


def test_an_editor_clicks_the_area_of_a_consultation_on_the_map(new_tab, migration_data):
    UserFactory(email="redaktion@example.org", is_staff=True, groups=["Redaktion"])
    editor = new_tab()
    sign_in(editor, "redaktion@example.org", "/admin/", staff=True)
    editor.visit("/admin/mapconsultations/consultation/add/")
    page = editor.page
    area = page.get_by_role("region", name="Karte: das Gebiet der Beteiligung")
    area.scroll_into_view_if_needed()
    page.wait_for_selector("#area-map .leaflet-tile-loaded")
    box = area.bounding_box()
    area.click(position={"x": box["width"] * 0.4, "y": box["height"] * 0.6})
    area.click(position={"x": box["width"] * 0.6, "y": box["height"] * 0.4})
    south, west, north, east = (
        float(page.locator(f"#id_{edge}").input_value())
        for edge in ("south", "west", "north", "east")
    )
    assert south < north and west < east
    assert page.locator("#area-map path.leaflet-interactive").count() == 1  # the rectangle
    editor.check_page()
