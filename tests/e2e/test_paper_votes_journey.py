"""Staff in Chromium: an editor enters the paper ballots of a stand, a colleague confirms
them, and the public results show them beside the online votes."""

import pytest
from django.core.management import call_command

from demo.accounts import DEMO_TOTP_SECRET
from polls.models import PaperBatch
from polls.results import tally
from tests.e2e.conftest import enter_second_factor

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

POLL = "Stadt.Raum.Wir.: Was kommt als Nächstes auf den Platz?"


@pytest.fixture
def demo(settings, migration_data):
    settings.DEBUG = True
    call_command("seed_demo", "--without-renditions", verbosity=0)
    settings.DEBUG = False


def sign_in(journey, email):
    page = journey.page
    journey.visit("/admin/")
    page.get_by_label("E-Mail-Adresse*", exact=True).fill(email)
    page.get_by_label("Passwort*", exact=True).fill("kl-demo-2026!")
    page.get_by_role("button", name="Anmelden").click()
    enter_second_factor(journey, DEMO_TOTP_SECRET)
    page.wait_for_url("**/admin/")
    journey.check_page()


def test_editor_enters_a_batch_and_a_colleague_confirms_it(browser, live_server, demo):
    from tests.e2e.conftest import Journey

    editor_context = browser.new_context(locale="de-DE")
    editor = Journey(editor_context.new_page(), live_server.url)
    page = editor.page
    sign_in(editor, "redaktion@example.org")

    page.get_by_role("link", name="Abstimmungen", exact=True).click()
    editor.check_page()
    page.get_by_role("link", name=POLL).click()
    editor.check_page()
    page.get_by_role("link", name="Papierstimmen erfassen").click()
    editor.check_page()

    # A mistake first: more votes than ballots. The form comes back with everything typed.
    page.get_by_label("Ort:").fill("Stand auf dem Wochenmarkt")
    page.get_by_label("Papierstimmzettel:").fill("5")
    page.get_by_label("Strandbar mit Liegestühlen:").fill("9")
    page.get_by_role("button", name="Sichern", exact=True).click()
    editor.check_page()
    assert page.get_by_label("Ort:").input_value() == "Stand auf dem Wochenmarkt"
    assert not PaperBatch.objects.filter(place="Stand auf dem Wochenmarkt").exists()

    page.get_by_label("Strandbar mit Liegestühlen:").fill("4")
    page.get_by_label("Open-Air-Kino:").fill("1")
    page.get_by_role("button", name="Sichern", exact=True).click()
    editor.check_page()
    batch = PaperBatch.objects.get(place="Stand auf dem Wochenmarkt")
    assert batch.state == PaperBatch.State.ENTERED
    assert page.get_by_role("button", name="Diesen Stapel bestätigen").count() == 0
    editor_context.close()

    poll = batch.poll
    paper_before = tally(poll).paper_participants

    colleague_context = browser.new_context(locale="de-DE")
    colleague = Journey(colleague_context.new_page(), live_server.url)
    page = colleague.page
    sign_in(colleague, "moderation@example.org")
    colleague.visit(f"/admin/polls/paperbatch/{batch.pk}/change/")
    page.get_by_role("button", name="Diesen Stapel bestätigen").click()
    colleague.check_page()
    batch.refresh_from_db()
    assert batch.state == PaperBatch.State.CONFIRMED

    colleague.visit(poll.get_results_url())
    assert tally(poll).paper_participants == paper_before + 5
    assert page.get_by_text("Stand auf dem Wochenmarkt").is_visible()
    colleague_context.close()
