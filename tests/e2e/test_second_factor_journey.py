"""New staff in Chromium: the admin first asks for an authenticator app, then opens."""

import pytest

from tests.accounts.factories import PASSWORD, UserFactory, totp_code

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_new_staff_member_sets_up_the_app_and_then_reaches_the_admin(journey, migration_data):
    staff = UserFactory(
        email="neu@example.org", is_staff=True, groups=["Redaktion"], second_factor=False
    )
    page = journey.page
    journey.visit("/konto/login/?next=/admin/")
    page.get_by_label("E-Mail-Adresse*", exact=True).fill(staff.email)
    page.get_by_label("Passwort*", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()

    # No admin without the second factor: the page to set up the app comes instead.
    # allauth asks for the password once more before a second factor is added.
    page.wait_for_url("**/konto/reauthenticate/**")
    journey.check_page()
    page.get_by_label("Passwort*", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Bestätigen").click()
    page.wait_for_url("**/konto/2fa/totp/activate/**")
    journey.check_page()
    assert page.get_by_text("Authenticator-App").first.is_visible()
    secret = page.get_by_label("Geheimer Schlüssel für die Authenticator-App").input_value()
    page.get_by_label("Authentifizierungscode").fill("000000")
    page.get_by_role("button", name="Aktivieren").click()
    journey.check_page()
    assert page.url.endswith("/konto/2fa/totp/activate/")

    page.get_by_label("Authentifizierungscode").fill(totp_code(secret))
    page.get_by_role("button", name="Aktivieren").click()
    page.wait_for_url("**/konto/2fa/recovery-codes/**")
    journey.check_page()

    journey.visit("/admin/")
    assert page.get_by_role("heading", name="Übersicht").is_visible()
