"""A visitor walks from the start page through the main navigation and every footer page."""

import pytest
from django.core.management import call_command

from demo.accounts import DEMO_TOTP_SECRET
from tests.e2e.conftest import enter_second_factor

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(settings, migration_data):
    settings.DEBUG = True
    call_command("seed_demo", "--without-renditions", verbosity=0)
    settings.DEBUG = False


def test_start_page_navigation_and_footer_pages(journey, demo):
    page = journey.page
    journey.visit("/")
    assert page.get_by_role("heading", level=1).inner_text() == "Willkommen bei KLmitWirkung"

    for link in ["Projekte", "Abstimmungen", "Vorschläge", "So funktioniert’s"]:
        page.get_by_role("navigation", name="Hauptnavigation").get_by_role(
            "link", name=link, exact=True
        ).click()
        journey.check_page()

    footer = [
        "Impressum",
        "Datenschutz",
        "Barrierefreiheit",
        "Leichte Sprache",
        "Gebärdensprache",
        "Über uns",
    ]
    for link in footer:
        page.get_by_role("navigation", name="Rechtliches und Barrierefreiheit").get_by_role(
            "link", name=link, exact=True
        ).click()
        journey.check_page()
        assert page.get_by_role("heading", level=1).is_visible()
        if link == "Impressum":
            # The Bildnachweis hangs off the Impressum, as German law expects.
            page.get_by_role("main").get_by_role("link", name="Bildnachweis").click()
            journey.check_page()
            assert page.get_by_role("heading", level=1).inner_text() == "Bildnachweis"


def test_keyboard_user_skips_to_the_content(journey):
    page = journey.page
    journey.visit("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Zum Inhalt springen")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.bounding_box()["y"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_staff_sign_in_to_the_german_admin(journey, demo):
    page = journey.page
    journey.visit("/admin/")
    page.get_by_label("E-Mail-Adresse*", exact=True).fill("redaktion@example.org")
    page.get_by_label("Passwort*", exact=True).fill("kl-demo-2026!")
    page.get_by_role("button", name="Anmelden").click()
    enter_second_factor(journey, DEMO_TOTP_SECRET)
    page.wait_for_url("**/admin/")
    journey.check_page()
    assert "KLmitWirkung – Verwaltung" in page.content()
    page.get_by_role("link", name="Seiten").last.click()
    journey.check_page()
    page.get_by_role("link", name="Impressum", exact=True).click()
    journey.check_page()
    assert page.get_by_label("Titel [de]:").input_value() == "Impressum"
