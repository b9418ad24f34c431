"""The dialogue in Chromium: a citizen proposes, a moderator releases it in the admin,
another citizen supports and discusses it, the comment waits and is released, a report
reaches the moderators; and the same with pre-moderation switched off."""

import pytest

from comments.models import Comment
from moderation.models import Report, SiteSettings
from proposals.models import Proposal
from tests.accounts.factories import PASSWORD, UserFactory
from tests.e2e.conftest import enter_second_factor
from tests.projects.factories import ProjectFactory, TopicFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TITLE = "Schattenbäume auf dem Schillerplatz"
DESCRIPTION = (
    "Im Sommer ist der Platz zu heiß. Mehr Bäume spenden Schatten.\n\n"
    "Ein Beispiel: https://www.kaiserslautern.de/stadtgruen"
)


@pytest.fixture
def city(migration_data):
    topic = TopicFactory(name="Umwelt und Klima", slug="umwelt")
    ProjectFactory(
        title="Klimafreundliche Innenstadt",
        slug="klimafreundliche-innenstadt",
        accepts_proposals=True,
        topics=[topic],
    )
    return topic


def sign_in(journey, email, then, staff=False):
    page = journey.page
    journey.visit(f"/konto/login/?next={then}")
    page.get_by_label("E-Mail-Adresse*", exact=True).fill(email)
    page.get_by_label("Passwort*", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    if staff:
        enter_second_factor(journey)
    page.wait_for_url(f"**{then}")
    journey.check_page()


def submit_proposal(journey):
    page = journey.page
    journey.visit("/vorschlaege/")
    page.get_by_role("link", name="Vorschlag einreichen").first.click()
    journey.check_page()
    page.get_by_label("Titel").fill(TITLE)
    page.get_by_label("Beschreibung").fill(DESCRIPTION)
    page.get_by_label("Themenfeld").select_option(label="Umwelt und Klima")
    page.get_by_label("Projekt").select_option(label="Klimafreundliche Innenstadt")
    page.get_by_role("button", name="Vorschlag einreichen").click()
    page.wait_for_url("**/vorschlaege/*/")
    journey.check_page()
    return Proposal.objects.get(title=TITLE)


def release_in_queue(journey, label):
    page = journey.page
    journey.visit("/admin/")
    page.get_by_role("link", name="wartet auf Freigabe").first.click()
    journey.check_page()
    page.get_by_label(label).check()
    page.get_by_label("Freigeben", exact=True).check()
    page.get_by_role("button", name="Auf die ausgewählten Beiträge anwenden").click()
    journey.check_page()
    assert page.get_by_text("1 Beitrag freigegeben.").is_visible()


def test_proposal_and_comment_wait_for_release_and_a_report_reaches_the_moderators(
    new_tab, live_server, city
):
    author = UserFactory(username="Baumfreundin", email="baum@example.org")
    neighbour = UserFactory(username="Nachbar67657", email="nachbar@example.org")
    UserFactory(email="moderation@example.org", is_staff=True, groups=["Moderation"])

    # The citizen proposes; the proposal waits and only she sees it.
    citizen = new_tab()
    sign_in(citizen, author.email, "/vorschlaege/")
    proposal = submit_proposal(citizen)
    assert proposal.is_pending and proposal.author == author
    assert citizen.page.get_by_text("wartet auf Freigabe").first.is_visible()
    assert citizen.page.get_by_role("link", name="Bearbeiten").is_visible()

    visitor = new_tab()
    assert visitor.page.goto(live_server.url + proposal.get_absolute_url()).status == 404
    visitor.visit("/vorschlaege/")
    assert visitor.page.get_by_text(TITLE).count() == 0

    # A moderator releases it from the queue in the admin.
    moderator = new_tab()
    sign_in(moderator, "moderation@example.org", "/admin/", staff=True)
    release_in_queue(moderator, f"Vorschlag: {TITLE}")
    proposal.refresh_from_db()
    assert proposal.is_published

    # Now it is public; another citizen supports it and comments.
    visitor.visit("/vorschlaege/")
    visitor.page.get_by_role("link", name=TITLE).click()
    visitor.check_page()
    link = visitor.page.get_by_role("link", name="https://www.kaiserslautern.de/stadtgruen")
    assert link.get_attribute("rel") == "nofollow ugc noopener"

    other = new_tab()
    sign_in(other, neighbour.email, proposal.get_absolute_url())
    other.page.get_by_role("button", name="Unterstützen").click()
    other.check_page()
    assert proposal.supports.filter(user=neighbour).exists()
    assert other.page.get_by_role("button", name="Unterstützung zurückziehen").is_visible()
    other.page.get_by_label("Ihr Kommentar").fill("Gute Idee – bitte auch mit Trinkbrunnen!")
    other.page.get_by_role("button", name="Kommentar absenden").click()
    other.check_page()
    comment = Comment.objects.get(author=neighbour)
    assert comment.is_pending
    assert other.page.get_by_text("wartet auf Freigabe").first.is_visible()
    visitor.visit(proposal.get_absolute_url())
    assert visitor.page.get_by_text("bitte auch mit Trinkbrunnen").count() == 0

    # Released, the comment is public.
    release_in_queue(moderator, "Kommentar: Gute Idee – bitte auch mit Trinkbrunnen!")
    visitor.visit(proposal.get_absolute_url())
    assert visitor.page.get_by_text("Gute Idee – bitte auch mit Trinkbrunnen!").is_visible()

    # The author finds the comment offensive and reports it; the moderators see the report.
    citizen.visit(proposal.get_absolute_url())
    citizen.page.locator(f"#kommentar-{comment.pk}").get_by_role("link", name="Melden").click()
    citizen.check_page()
    citizen.page.get_by_label("Beleidigung").check()
    citizen.page.get_by_role("button", name="Meldung senden").click()
    citizen.check_page()
    assert citizen.page.get_by_text("Die Moderation sieht sich Ihre Meldung an").is_visible()
    report = Report.objects.get()
    assert report.contribution == comment and report.is_open

    moderator.visit("/admin/")
    moderator.page.get_by_role("link", name="offene Meldung").first.click()
    moderator.check_page()
    assert moderator.page.get_by_text("Beleidigung").first.is_visible()


def test_without_pre_moderation_contributions_appear_at_once(new_tab, city):
    SiteSettings.objects.update_or_create(pk=1, defaults={"premoderation": False})
    author = UserFactory(username="Baumfreundin", email="baum@example.org")

    citizen = new_tab()
    sign_in(citizen, author.email, "/vorschlaege/")
    proposal = submit_proposal(citizen)
    assert proposal.is_published
    assert citizen.page.get_by_text("wartet auf Freigabe").count() == 0
    citizen.page.get_by_label("Ihr Kommentar").fill("Ich ergänze: auch Sitzbänke im Schatten.")
    citizen.page.get_by_role("button", name="Kommentar absenden").click()
    citizen.check_page()

    visitor = new_tab()
    visitor.visit("/vorschlaege/")
    visitor.page.get_by_role("link", name=TITLE).click()
    visitor.check_page()
    assert visitor.page.get_by_text("auch Sitzbänke im Schatten").is_visible()
    assert visitor.page.get_by_role("heading", name=TITLE).is_visible()
