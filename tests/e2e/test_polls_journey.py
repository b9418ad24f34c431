"""Citizens vote in Chromium: a resident signs in, declares a postal code, votes, sees the live
results and changes the vote; a guest answers a survey with the keyboard alone."""

import pytest

from polls.models import Ballot, Poll, Question
from tests.accounts.factories import PASSWORD, UserFactory
from tests.polls.factories import ChoiceFactory, PollFactory, QuestionFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def square_poll(migration_data):
    poll = PollFactory(
        title="Stadt.Raum.Wir. 2026",
        slug="stadt-raum-wir-2026",
        intro="<p>Welche Veranstaltung soll den freien Platz zuerst nutzen?</p>",
        eligibility=Poll.Eligibility.RESIDENTS,
        results_visibility=Poll.ResultsVisibility.LIVE,
        ballots_changeable=True,
    )
    question = QuestionFactory(poll=poll, text="Welche Veranstaltung zuerst?")
    for label in ("Roundnet", "Open-Air-Lesung", "Tanzabend „Lautern tanzt“"):
        ChoiceFactory(question=question, label=label, description=f"Beschreibung: {label}")
    return poll


@pytest.fixture
def logistics_survey(migration_data):
    poll = PollFactory(
        title="Umfrage zur Ausprobierbox",
        slug="umfrage-ausprobierbox",
        eligibility=Poll.Eligibility.GUESTS,
        results_visibility=Poll.ResultsVisibility.AFTER_CLOSE,
    )
    where = QuestionFactory(poll=poll, position=1, text="Wo soll die Box stehen?")
    for label in ("Hauptbahnhof", "Uni-Campus", "Stadtpark"):
        ChoiceFactory(question=where, label=label)
    what = QuestionFactory(
        poll=poll,
        position=2,
        text="Was soll die Box können?",
        kind=Question.Kind.MULTIPLE,
        max_choices=3,
    )
    for label in ("Pakete abholen", "Pakete versenden", "Kühlfach", "Leihgeräte"):
        ChoiceFactory(question=what, label=label)
    QuestionFactory(
        poll=poll,
        position=3,
        text="Was möchten Sie uns noch sagen?",
        kind=Question.Kind.TEXT,
        is_required=False,
    )
    return poll


def test_resident_votes_sees_live_results_and_changes_the_vote(journey, square_poll):
    citizen = UserFactory(username="Lauterin", email="lauterin@example.org")
    page = journey.page

    journey.visit("/abstimmungen/")
    page.get_by_role("link", name="Stadt.Raum.Wir. 2026").click()
    journey.check_page()
    page.get_by_role("main").get_by_role("link", name="Anmelden").first.click()
    journey.check_page()
    page.get_by_label("E-Mail-Adresse*", exact=True).fill(citizen.email)
    page.get_by_label("Passwort*", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url("**/abstimmungen/stadt-raum-wir-2026/")
    journey.check_page()

    # A resident-only poll asks for the postal code first and comes back afterwards.
    page.get_by_role("link", name="Postleitzahl eintragen").click()
    journey.check_page()
    page.get_by_role("textbox", name="Postleitzahl").fill("67655")
    page.get_by_role("button", name="Postleitzahl speichern").click()
    page.wait_for_url("**/abstimmungen/stadt-raum-wir-2026/")
    journey.check_page()

    # Sending nothing brings the message to the question; nothing is stored.
    page.get_by_role("button", name="Stimme abgeben").click()
    journey.check_page()
    assert page.get_by_text("Bitte beantworten Sie diese Frage.").first.is_visible()
    assert not Ballot.objects.exists()

    page.get_by_label("Tanzabend „Lautern tanzt“").check()
    page.get_by_role("button", name="Stimme abgeben").click()
    journey.check_page()
    assert page.get_by_role("heading", name="Ihre Stimme wurde gezählt").is_visible()
    receipt = page.locator("#ihre-stimme")
    assert "Tanzabend „Lautern tanzt“" in receipt.inner_text()

    page.get_by_role("link", name="Ergebnisse ansehen").click()
    journey.check_page()
    row = page.get_by_role("row", name="Tanzabend „Lautern tanzt“")
    assert "100,0 %" in row.inner_text()
    page.get_by_role("link", name="Zurück zur Abstimmung").first.click()
    journey.check_page()

    page.get_by_role("link", name="Stimme ändern").click()
    journey.check_page()
    assert page.get_by_label("Tanzabend „Lautern tanzt“").is_checked()
    page.get_by_label("Open-Air-Lesung").check()
    page.get_by_role("button", name="Geänderte Stimme speichern").click()
    journey.check_page()
    assert page.get_by_text("Ihre geänderte Stimme wurde gezählt.").is_visible()
    assert "Open-Air-Lesung" in page.locator("#ihre-stimme").inner_text()
    ballot = Ballot.objects.get()
    assert [s.choice.label for s in ballot.selections.all()] == ["Open-Air-Lesung"]


def focus_next(page, predicate, limit=80):
    """Press Tab until the focused element matches; fail if the keyboard never gets there."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(predicate):
            return
    pytest.fail(f"the keyboard never reached {predicate}")


def test_guest_answers_the_survey_with_the_keyboard_only(journey, logistics_survey):
    page = journey.page
    journey.visit("/abstimmungen/umfrage-ausprobierbox/")
    assert page.get_by_text("Sie können ohne Konto teilnehmen.").is_visible()

    # Radio group: Tab enters it, the arrow key moves the choice.
    focus_next(page, "document.activeElement.type === 'radio'")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    assert page.get_by_label("Uni-Campus").is_checked()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused radio button must show where the focus is"

    # Checkboxes: Tab from one to the next, Space ticks.
    focus_next(page, "document.activeElement.type === 'checkbox'")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert page.get_by_label("Pakete abholen").is_checked()
    assert page.get_by_label("Kühlfach").is_checked()

    focus_next(page, "document.activeElement.tagName === 'TEXTAREA'")
    page.keyboard.type("Bitte mit Sitzbank.")
    focus_next(page, "document.activeElement.type === 'submit'")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    journey.check_page()
    assert page.get_by_role("heading", name="Ihre Antworten wurden gezählt").is_visible()

    ballot = Ballot.objects.get()
    assert ballot.is_guest and ballot.user is None
    assert sorted(s.choice.label for s in ballot.selections.all()) == [
        "Kühlfach",
        "Pakete abholen",
        "Uni-Campus",
    ]
    assert ballot.text_answers.get().text == "Bitte mit Sitzbank."
