"""A newcomer signs up, confirms the e-mail, signs in, opens the profile and signs out."""

import re

import pytest
from django.core import mail

from accounts.models import User

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_sign_up_confirm_sign_in_profile_sign_out(journey):
    page = journey.page
    journey.visit("/")
    page.get_by_role("link", name="Registrieren").first.click()
    journey.check_page()

    page.get_by_label("E-Mail-Adresse*", exact=True).fill("neu@example.org")
    page.get_by_label("Öffentlicher Name*", exact=True).fill("Neue_Lauterin")
    page.get_by_label("Passwort*", exact=True).fill("Pfaelzerwald-2026")
    page.get_by_label("Passwort (wiederholen)*", exact=True).fill("Pfaelzerwald-2026")
    page.get_by_role("button", name="Registrieren").click()
    journey.check_page()
    assert page.get_by_role("heading", name="Bestätigen Sie Ihre E-Mail-Adresse").is_visible()

    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/konto/confirm-email/\S+/", mail.outbox[0].body).group(0)
    journey.visit("/konto/" + link.split("/konto/", 1)[1])
    page.get_by_role("button", name="Bestätigen").click()
    journey.check_page()

    page.get_by_label("E-Mail-Adresse*", exact=True).fill("neu@example.org")
    page.get_by_label("Passwort*", exact=True).fill("Pfaelzerwald-2026")
    page.get_by_role("button", name="Anmelden").click()
    journey.check_page()

    page.get_by_role("link", name="Profil").click()
    journey.check_page()
    assert page.get_by_role("heading", name="Ihr Profil").is_visible()
    assert page.get_by_text("Neue_Lauterin").first.is_visible()

    page.get_by_role("link", name="E-Mail-Adressen verwalten").click()
    journey.check_page()
    assert page.get_by_text("neu@example.org").first.is_visible()
    page.go_back()
    page.get_by_role("link", name="Passwort ändern").click()
    journey.check_page()
    page.go_back()

    page.get_by_role("button", name="Abmelden").first.click()
    journey.check_page()
    assert page.get_by_role("link", name="Anmelden").is_visible()
    assert User.objects.get(email="neu@example.org").emailaddress_set.get().verified


def test_citizen_signs_in_with_a_code_by_mail(journey, migration_data):
    from tests.accounts.factories import UserFactory

    citizen = UserFactory(username="Codefreundin", email="code@example.org")
    page = journey.page
    journey.visit("/konto/login/")
    page.get_by_role("link", name="Anmeldecode zusenden").click()
    journey.check_page()
    page.get_by_label("E-Mail-Adresse*", exact=True).fill(citizen.email)
    page.get_by_role("button", name="Code anfordern").click()
    page.wait_for_url("**/konto/login/code/confirm/**")
    journey.check_page()
    code = re.search(r"^([A-Z0-9]{4}-[A-Z0-9]{4})$", mail.outbox[-1].body, re.MULTILINE)
    page.get_by_label("Code aus der E-Mail*", exact=True).fill(code.group(1))
    with page.expect_navigation():
        page.get_by_role("button", name="Bestätigen").click()
    journey.check_page()
    assert page.url.endswith("/konto/profil/")
    assert page.get_by_role("button", name="Abmelden").is_visible()
