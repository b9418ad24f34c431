"""After the vote of an idea contest: the winners are announced once, by editors, and the
authors and supporters of its ideas hear of it by mail."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from proposals.models import Admission, Contest
from proposals.services import announce_winners
from tests.accounts.factories import UserFactory

from .factories import ContestFactory, ProposalFactory, SupportFactory

pytestmark = pytest.mark.django_db


def idea(contest, supports, admission=Admission.ADMITTED, **kwargs):
    proposal = ProposalFactory(
        contest=contest,
        project=contest.project,
        admission=admission,
        admission_reason="" if admission != Admission.NOT_ADMITTED else "Nicht zuständig.",
        **kwargs,
    )
    for _ in range(supports):
        SupportFactory(proposal=proposal)
    return proposal


def winners_of(contest):
    return sorted(contest.proposals.filter(is_winner=True).values_list("title", flat=True))


def test_the_most_supported_admitted_ideas_win_ties_at_the_line_included(editor):
    contest = ContestFactory(phase="result", winner_count=2)
    idea(contest, 5, title="A")
    idea(contest, 3, title="B")
    idea(contest, 3, title="C")  # equal with B at the last winning place: wins too
    idea(contest, 2, title="D")
    idea(contest, 0, admission=Admission.NOT_ADMITTED, title="E")
    announce_winners(contest=contest, by=editor)
    assert winners_of(contest) == ["A", "B", "C"]
    contest.refresh_from_db()
    assert contest.winners_announced


def test_an_idea_without_support_never_wins(editor):
    contest = ContestFactory(phase="result", winner_count=3)
    idea(contest, 1, title="A")
    idea(contest, 0, title="B")
    announce_winners(contest=contest, by=editor)
    assert winners_of(contest) == ["A"]


@pytest.mark.parametrize("phase", ["submission", "review", "voting"])
def test_winners_wait_for_the_end_of_the_vote(editor, phase):
    contest = ContestFactory(phase=phase)
    idea(contest, 1)
    with pytest.raises(ValidationError):
        announce_winners(contest=contest, by=editor)
    assert not Contest.objects.get(pk=contest.pk).winners_announced


def test_winners_are_announced_once(editor, django_capture_on_commit_callbacks):
    contest = ContestFactory(phase="result")
    idea(contest, 1)
    with django_capture_on_commit_callbacks(execute=True):
        announce_winners(contest=contest, by=editor)
    sent = len(mail.outbox)
    with pytest.raises(ValidationError):
        announce_winners(contest=contest, by=editor)
    assert len(mail.outbox) == sent


def test_only_editors_announce(moderator):
    contest = ContestFactory(phase="result")
    idea(contest, 1)
    with pytest.raises(PermissionDenied):
        announce_winners(contest=contest, by=moderator)
    with pytest.raises(PermissionDenied):
        announce_winners(contest=contest, by=UserFactory())


def test_authors_and_supporters_get_one_mail_after_the_commit(
    editor, django_capture_on_commit_callbacks
):
    contest = ContestFactory(phase="result", winner_count=1, title="Ich mach was")
    author = UserFactory(username="Gärtnerin")
    won = idea(contest, 2, title="Nachbarschaftsgarten", author=author)
    lost = idea(contest, 1, title="Straßenfest")
    fan = won.supports.first().user
    SupportFactory(proposal=lost, user=fan)  # supports both: one mail
    muted = UserFactory(notify_proposal_updates=False)
    SupportFactory(proposal=won, user=muted)  # switched these mails off: none

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        announce_winners(contest=contest, by=editor)
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        for callback in callbacks:
            callback()

    addresses = sorted(address for message in mail.outbox for address in message.to)
    expected = {
        author.email,
        lost.author.email,
        *(s.user.email for s in won.supports.all()),
        *(s.user.email for s in lost.supports.all()),
    } - {muted.email}
    assert addresses == sorted(expected)
    assert muted.email not in addresses
    to_author = next(message for message in mail.outbox if message.to == [author.email])
    assert to_author.subject == "[KLmitWirkung] Die Gewinner-Ideen von „Ich mach was“"
    assert "Nachbarschaftsgarten" in to_author.body
    assert "Ihre Idee „Nachbarschaftsgarten“ ist dabei." in to_author.body
    to_loser = next(message for message in mail.outbox if message.to == [lost.author.email])
    assert "Ihre Idee „Straßenfest“ hat diesmal nicht gewonnen." in to_loser.body


def test_the_contest_page_shows_the_winners_first(client, editor):
    contest = ContestFactory(phase="result", winner_count=1)
    idea(contest, 1, title="Zweite Idee")
    idea(contest, 2, title="Gewinner-Idee hier")
    announce_winners(contest=contest, by=editor)
    page = client.get(contest.get_absolute_url()).content.decode()
    assert page.index("Gewinner-Idee hier") < page.index("Zweite Idee")
    assert "die Gewinner-Ideen wurden am" in page


def test_editors_announce_in_the_admin(client, editor):
    contest = ContestFactory(phase="result")
    idea(contest, 1, title="Repair-Café")
    client.force_login(editor)
    change = client.get(f"/admin/proposals/contest/{contest.pk}/change/")
    assert "Gewinner-Ideen bekanntgeben" in change.content.decode()
    page = client.get(f"/admin/proposals/contest/{contest.pk}/announce/")
    assert page.status_code == 200 and "Repair-Café" in page.content.decode()
    response = client.post(f"/admin/proposals/contest/{contest.pk}/announce/")
    assert response.status_code == 302
    assert winners_of(contest) == ["Repair-Café"]


def test_moderators_cannot_announce_in_the_admin(client, moderator):
    contest = ContestFactory(phase="result")
    idea(contest, 1)
    client.force_login(moderator)
    assert client.post(f"/admin/proposals/contest/{contest.pk}/announce/").status_code == 403
    assert not Contest.objects.get(pk=contest.pk).winners_announced


def test_the_contest_list_counts_the_released_ideas_nobody_has_reviewed(client, editor):
    contest = ContestFactory(phase="review", title="Wettbewerb mit Arbeit")
    idea(contest, 0, admission=Admission.WAITING)
    idea(contest, 0, admission=Admission.WAITING)
    idea(contest, 0, admission=Admission.ADMITTED)
    idea(contest, 0, admission=Admission.WAITING, moderation_state="pending")
    client.force_login(editor)
    page = client.get("/admin/proposals/contest/").content.decode()
    assert '<td class="field-to_review">2</td>' in page
