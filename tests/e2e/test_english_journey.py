"""A resident who reads English: switches the language, signs up, votes in a bilingual poll
and searches, every page in English and axe-clean; the mails come in English too."""

import re

import pytest
from django.core import mail

from accounts.models import User
from polls.models import Ballot
from tests.polls.factories import ChoiceFactory, PollFactory, QuestionFactory
from tests.proposals.factories import ProposalFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def bilingual_poll(migration_data):
    poll = PollFactory(
        title="Stadt.Raum.Wir.: Was zuerst?",
        title_en="Stadt.Raum.Wir.: what first?",
        slug="was-zuerst",
        intro="<p>Was soll zuerst auf den Platz?</p>",
        intro_en="<p>What should the square host first?</p>",
    )
    question = QuestionFactory(
        poll=poll, text="Welche Veranstaltung?", text_en="Which event?", kind="single"
    )
    ChoiceFactory(question=question, label="Lesung", label_en="Reading")
    ChoiceFactory(question=question, label="Strandbar", label_en="Beach bar")
    return poll


def test_an_english_speaking_resident_takes_part_in_english(journey, bilingual_poll):
    from moderation.models import ModerationState

    ProposalFactory(
        title="Safe bike parking at the station",
        description="Covered racks near the Hauptbahnhof.",
        language="en",
        moderation_state=ModerationState.PUBLISHED,
    )
    page = journey.page
    journey.visit("/")
    assert page.locator("html").get_attribute("lang") == "de"
    page.get_by_role("list", name="Sprache").get_by_role("link", name="English").click()
    page.wait_for_url("**/en/")
    journey.check_page()
    assert page.locator("html").get_attribute("lang") == "en"

    # Sign up in English.
    page.get_by_role("link", name="Sign up").first.click()
    journey.check_page()
    page.get_by_label("E-mail address*", exact=True).fill("resident@example.org")
    page.get_by_label("Public name*", exact=True).fill("Resident_KL")
    page.get_by_label("Password*", exact=True).fill("Pfaelzerwald-2026")
    page.get_by_label("Password (again)*", exact=True).fill("Pfaelzerwald-2026")
    page.get_by_role("button", name="Sign up").click()
    journey.check_page()
    assert "/en/konto/" in page.url

    [confirmation] = mail.outbox
    assert "confirm" in confirmation.subject.lower()
    assert "Bitte" not in confirmation.body and "Sie " not in confirmation.body
    link = re.search(r"https?://\S+/en/konto/confirm-email/\S+/", confirmation.body).group(0)
    journey.visit("/en/konto/" + link.split("/en/konto/", 1)[1])
    page.get_by_role("button", name="Confirm").click()
    journey.check_page()

    page.get_by_label("E-mail address*", exact=True).fill("resident@example.org")
    page.get_by_label("Password*", exact=True).fill("Pfaelzerwald-2026")
    page.get_by_role("button", name="Sign in").click()
    journey.check_page()
    assert page.locator("html").get_attribute("lang") == "en"
    assert User.objects.get(email="resident@example.org").language == "en"

    # Vote in the bilingual poll.
    page.get_by_role("link", name="Polls", exact=True).click()
    journey.check_page()
    page.get_by_role("link", name="Stadt.Raum.Wir.: what first?").click()
    journey.check_page()
    assert page.get_by_text("What should the square host first?").is_visible()
    page.get_by_label("Beach bar").check()
    page.get_by_role("button", name="Cast my vote").click()
    journey.check_page()
    assert page.get_by_role("heading", name="Your vote has been counted").is_visible()
    assert Ballot.objects.filter(poll=bilingual_poll).count() == 1

    # Search from the header.
    page.get_by_label("Search the site").fill("bikes")
    page.get_by_label("Search the site").press("Enter")
    page.wait_for_url("**/en/suche/?q=bikes*")
    journey.check_page()
    page.get_by_role("link", name="Safe bike parking at the station").click()
    journey.check_page()
    assert "/en/vorschlaege/" in page.url

    # Back to German by the switch, which is remembered for the account.
    page.get_by_role("list", name="Language").get_by_role("button", name="Deutsch").click()
    journey.check_page()
    assert page.locator("html").get_attribute("lang") == "de"
    assert User.objects.get(email="resident@example.org").language == "de"


def test_every_kind_of_page_is_clean_in_english(journey, bilingual_poll):
    """axe, reflow at 320 px, visible focus and nothing foreign on each kind of page under
    /en/, with English content and with German content shown on an English page."""
    from moderation.models import ModerationState
    from pages.models import Page
    from tests.comments.factories import CommentFactory
    from tests.projects.factories import ProjectFactory, ProjectUpdateFactory

    english = ProjectFactory(title="Radverkehr", title_en="Cycling", body_en="<p>Bikes.</p>")
    ProjectUpdateFactory(project=english, title="Start", title_en="Kick-off")
    german_only = ProjectFactory(title="Gesundheitskiosk", body="<p>Beratung.</p>")
    proposal = ProposalFactory(
        title="Mehr Bänke", language="de", moderation_state=ModerationState.PUBLISHED
    )
    CommentFactory(target=proposal, text="Good idea.", language="en", moderation_state="published")
    Page.objects.create(slug="leichte-sprache", title="Leichte Sprache", body="<p>Einfach.</p>")
    Page.objects.create(
        slug="impressum", title="Impressum", title_en="Legal notice", body_en="<p>KL.digital</p>"
    )
    for path in [
        "/en/",
        "/en/projekte/",
        english.get_absolute_url().replace("/projekte/", "/en/projekte/", 1),
        f"/en/projekte/{german_only.slug}/",
        "/en/abstimmungen/",
        f"/en/abstimmungen/{bilingual_poll.slug}/",
        f"/en/abstimmungen/{bilingual_poll.slug}/ergebnisse/",
        "/en/vorschlaege/",
        f"/en/vorschlaege/{proposal.pk}/",
        "/en/suche/?q=Bank",
        "/en/suche/",
        "/en/impressum/",
        "/en/leichte-sprache/",
        "/en/newsletter/",
        "/en/konto/login/",
        "/en/konto/signup/",
    ]:
        journey.visit(path)
        assert journey.page.locator("html").get_attribute("lang") == "en", path
