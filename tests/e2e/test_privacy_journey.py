"""A citizen in Chromium looks at everything stored about her, downloads it, and leaves."""

import json

import pytest
from django.contrib.auth import get_user_model

from comments.models import Comment
from tests.accounts.factories import PASSWORD, UserFactory
from tests.comments.factories import CommentFactory
from tests.proposals.factories import ProposalFactory, SupportFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_citizen_exports_her_data_and_deletes_her_account(journey, migration_data):
    citizen = UserFactory(username="Lauterin_Anna", email="anna@example.org", postal_code="67657")
    proposal = ProposalFactory(author=citizen, title="Trinkbrunnen am Stiftsplatz")
    SupportFactory(proposal=proposal)
    CommentFactory(author=citizen, target=proposal, text="Ich ergänze: auch am Bahnhof.")
    page = journey.page

    journey.visit("/konto/login/?next=/konto/profil/")
    page.get_by_label("E-Mail-Adresse*", exact=True).fill(citizen.email)
    page.get_by_label("Passwort*", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url("**/konto/profil/")
    journey.check_page()

    page.get_by_role("link", name="Ihre Daten ansehen und herunterladen").click()
    journey.check_page()
    assert page.get_by_role("link", name="Trinkbrunnen am Stiftsplatz").first.is_visible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Alle Daten als JSON herunterladen").click()
    data = json.loads(download_info.value.path().read_text(encoding="utf-8"))
    assert data["account"]["email"] == "anna@example.org"
    assert data["account"]["postal_code"] == "67657"
    assert [p["title"] for p in data["proposals"]] == ["Trinkbrunnen am Stiftsplatz"]

    journey.visit("/konto/profil/")
    page.get_by_role("link", name="Konto löschen").click()
    journey.check_page()
    # A wrong password first: nothing happens.
    page.get_by_label("Aktuelles Passwort").fill("falsch")
    page.get_by_label("Ich habe verstanden").check()
    page.get_by_role("button", name="Mein Konto löschen").click()
    journey.check_page()
    assert get_user_model().objects.filter(pk=citizen.pk).exists()

    page.get_by_label("Aktuelles Passwort").fill(PASSWORD)
    page.get_by_label("Ich habe verstanden").check()
    page.get_by_role("button", name="Mein Konto löschen").click()
    page.wait_for_url(journey.base_url + "/")
    journey.check_page()
    assert not get_user_model().objects.filter(pk=citizen.pk).exists()

    journey.visit(proposal.get_absolute_url())
    assert page.get_by_text("gelöschtes Konto").first.is_visible()
    assert page.get_by_text("Lauterin_Anna").count() == 0
    assert Comment.objects.get(text="Ich ergänze: auch am Bahnhof.").author is None
