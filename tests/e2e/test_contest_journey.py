"""An idea contest in Chromium, through its phases: a citizen sends in an idea, a moderator
releases it, an editor admits it to the vote in the admin, and once the vote opens another
citizen supports it; a second idea, not admitted, shows its reason and takes no support."""

import datetime

import pytest
from django.utils import timezone

from proposals.models import Admission, Contest, PaperSupport, Proposal
from tests.accounts.factories import UserFactory
from tests.e2e.test_proposals_journey import release_in_queue, sign_in
from tests.projects.factories import ProjectFactory, TopicFactory
from tests.proposals.factories import ProposalFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

IDEA = "Repair-Café im Stadtteilbüro"


@pytest.fixture
def contest(migration_data):
    topic = TopicFactory(name="Stadtleben", slug="stadtleben")
    project = ProjectFactory(title="Ich mach was in KL", slug="ich-mach-was", topics=[topic])
    now = timezone.now()
    day = datetime.timedelta(days=1)
    return Contest.objects.create(
        project=project,
        title="Ich mach was in KL 2027",
        slug="ich-mach-was-2027",
        intro="<p>Ihre Idee für Ihr Viertel.</p>",
        submission_opens=now - day,
        submission_closes=now + 7 * day,
        voting_opens=now + 14 * day,
        voting_closes=now + 28 * day,
        max_supports=3,
        is_published=True,
    )


def move_to_voting(contest):
    now = timezone.now()
    day = datetime.timedelta(days=1)
    Contest.objects.filter(pk=contest.pk).update(
        submission_opens=now - 20 * day,
        submission_closes=now - 10 * day,
        voting_opens=now - day,
        voting_closes=now + 14 * day,
    )


def test_an_idea_goes_through_the_phases_of_a_contest(new_tab, contest):
    author = UserFactory(username="Schrauberin", email="schrauberin@example.org")
    neighbour = UserFactory(username="Nachbar", email="nachbar@example.org")
    UserFactory(email="moderation@example.org", is_staff=True, groups=["Moderation"])
    UserFactory(email="redaktion@example.org", is_staff=True, groups=["Redaktion"])

    citizen = new_tab()
    sign_in(citizen, author.email, contest.get_absolute_url())
    page = citizen.page
    assert page.get_by_text("Reichen Sie Ihre Idee bis").is_visible()
    page.get_by_role("link", name="Idee einreichen").click()
    citizen.check_page()
    assert page.get_by_text(
        "Ihre Idee für den Ideenwettbewerb „Ich mach was in KL 2027“."
    ).is_visible()
    page.get_by_label("Titel").fill(IDEA)
    page.get_by_label("Beschreibung").fill("Einmal im Monat reparieren wir gemeinsam Geräte.")
    page.get_by_label("Themenfeld").select_option(label="Stadtleben")
    page.get_by_role("button", name="Vorschlag einreichen").click()
    page.wait_for_url("**/vorschlaege/*/")
    citizen.check_page()
    idea = Proposal.objects.get(title=IDEA)
    assert idea.contest == contest and idea.project == contest.project and idea.is_pending

    moderator = new_tab()
    sign_in(moderator, "moderation@example.org", "/admin/", staff=True)
    release_in_queue(moderator, f"Vorschlag: {IDEA}")

    # In the review, an editor admits it; another idea is not admitted, with a reason.
    other = ProposalFactory(contest=contest, project=contest.project, title="Parkhaus am Fluss")
    editor = new_tab()
    sign_in(editor, "redaktion@example.org", "/admin/", staff=True)
    editor.visit(f"/admin/proposals/proposal/{idea.pk}/change/")
    editor.page.get_by_role("link", name="Für den Ideenwettbewerb prüfen").click()
    editor.check_page()
    editor.page.get_by_label("zugelassen", exact=True).check()
    editor.page.get_by_role("button", name="Prüfung speichern und veröffentlichen").click()
    editor.check_page()
    editor.visit(f"/admin/proposals/proposal/{other.pk}/review/")
    editor.page.get_by_label("nicht zugelassen").check()
    editor.page.get_by_role("button", name="Prüfung speichern und veröffentlichen").click()
    editor.check_page()
    assert editor.page.get_by_text("Bitte nennen Sie den Grund").first.is_visible()
    editor.page.get_by_label("Begründung (wird veröffentlicht):").fill(
        "Ein Parkhaus ist keine Idee für ein Wochenende im Viertel."
    )
    editor.page.get_by_role("button", name="Prüfung speichern und veröffentlichen").click()
    editor.check_page()
    idea.refresh_from_db()
    other.refresh_from_db()
    assert idea.admission == Admission.ADMITTED and other.admission == Admission.NOT_ADMITTED

    # Before the vote: no support offered.
    supporter = new_tab()
    sign_in(supporter, neighbour.email, idea.get_absolute_url())
    assert supporter.page.get_by_role("button", name="Unterstützen").count() == 0
    assert supporter.page.get_by_text("können vom").is_visible()

    move_to_voting(contest)
    supporter.visit(contest.get_absolute_url())
    assert supporter.page.get_by_role(
        "heading", name="Zur Abstimmung zugelassene Ideen"
    ).is_visible()
    assert supporter.page.get_by_role("link", name="Parkhaus am Fluss").count() == 0
    supporter.page.get_by_role("link", name=IDEA).click()
    supporter.check_page()
    supporter.page.get_by_role("button", name="Unterstützen").click()
    supporter.check_page()
    assert idea.supports.filter(user=neighbour).exists()

    supporter.visit(contest.get_absolute_url())
    supporter.page.get_by_role("link", name="nicht zugelassene Idee zeigen").click()
    supporter.check_page()
    assert supporter.page.get_by_text("Ein Parkhaus ist keine Idee").is_visible()

    # Supports from a stand: the editor types them in, the moderator releases them.
    editor.visit("/admin/proposals/papersupport/add/")
    editor.page.get_by_label("Idee:").select_option(label=f"Ich mach was in KL 2027: {IDEA}")
    editor.page.get_by_label("Unterstützungen auf Papier:").fill("3")
    editor.page.get_by_label("Wo gesammelt:").fill("Stand auf dem Wochenmarkt")
    editor.page.get_by_label("Gesammelt am:").fill("2027-05-03")
    editor.page.get_by_role("button", name="Sichern", exact=True).click()
    editor.check_page()
    assert PaperSupport.objects.get().is_pending
    release_in_queue(
        moderator, f"Unterstützungen auf Papier: 3 Unterstützungen auf Papier für „{IDEA}“"
    )
    supporter.visit(idea.get_absolute_url())
    assert supporter.page.get_by_text("4 Unterstützungen").is_visible()
    assert supporter.page.get_by_text("davon 3 auf Papier an Ständen gesammelt").is_visible()

    # After the vote, the editor announces the winners; the contest page shows them.
    now = timezone.now()
    Contest.objects.filter(pk=contest.pk).update(voting_closes=now - datetime.timedelta(hours=1))
    editor.visit(f"/admin/proposals/contest/{contest.pk}/change/")
    editor.page.get_by_role("link", name="Gewinner-Ideen bekanntgeben").click()
    editor.check_page()
    editor.page.get_by_role("button", name="Gewinner-Ideen bekanntgeben").click()
    editor.check_page()
    idea.refresh_from_db()
    assert idea.is_winner
    supporter.visit(contest.get_absolute_url())
    card = supporter.page.locator(".proposal-card", has_text=IDEA)
    assert card.get_by_text("Gewinner-Idee").is_visible()
