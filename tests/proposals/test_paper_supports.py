"""Supports of contest ideas collected on paper at the stands: typed in by staff, released
by a second person in the moderation queue, then counted beside the online supports."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from moderation.services import release
from proposals.models import Admission, PaperSupport
from proposals.services import add_paper_supports, announce_winners
from tests.accounts.factories import UserFactory

from .factories import ContestFactory, ProposalFactory, SupportFactory

pytestmark = pytest.mark.django_db

ADD = "/admin/proposals/papersupport/add/"
DAY = datetime.date(2027, 5, 3)


def idea(contest, supports=0, admission=Admission.ADMITTED, **kwargs):
    proposal = ProposalFactory(
        contest=contest,
        project=contest.project,
        admission=admission,
        admission_reason="Nicht zuständig." if admission == Admission.NOT_ADMITTED else "",
        **kwargs,
    )
    for _ in range(supports):
        SupportFactory(proposal=proposal)
    return proposal


def enter(proposal, by, count=5):
    return add_paper_supports(
        entered_by=by, proposal=proposal, count=count, place="Stand am Markt", collected_on=DAY
    )


def test_paper_supports_wait_and_count_once_a_colleague_releases_them(editor, moderator, client):
    contest = ContestFactory(phase="voting")
    proposal = idea(contest, supports=2, title="Repair-Café")
    paper = enter(proposal, editor, count=7)
    assert paper.is_pending and paper.author is None and paper.entered_by == editor
    assert "9 Unterstützungen" not in client.get(proposal.get_absolute_url()).content.decode()

    release(contribution=paper, moderator=moderator, seen_revision=paper.revision)
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "9 Unterstützungen" in page
    assert "davon 7 auf Papier an Ständen gesammelt" in page
    assert "9 Unterstützungen" in client.get(contest.get_absolute_url()).content.decode()


def test_whoever_typed_them_in_cannot_release_them(moderator):
    contest = ContestFactory(phase="voting")
    paper = enter(idea(contest), moderator)
    with pytest.raises(ValidationError):
        release(contribution=paper, moderator=moderator, seen_revision=paper.revision)
    assert PaperSupport.objects.get().is_pending
    with pytest.raises(IntegrityError), transaction.atomic():
        PaperSupport.objects.filter(pk=paper.pk).update(moderated_by=moderator)


@pytest.mark.parametrize(
    "phase, admission, taken",
    [
        ("submission", Admission.ADMITTED, False),
        ("review", Admission.ADMITTED, False),
        ("voting", Admission.ADMITTED, True),
        ("result", Admission.ADMITTED, True),
        ("voting", Admission.NOT_ADMITTED, False),
        ("voting", Admission.WAITING, False),
    ],
)
def test_only_admitted_ideas_take_paper_supports_from_the_vote_on(editor, phase, admission, taken):
    proposal = idea(ContestFactory(phase=phase), admission=admission)
    if taken:
        assert enter(proposal, editor).pk
    else:
        with pytest.raises(ValidationError):
            enter(proposal, editor)
        assert not PaperSupport.objects.exists()


def test_no_paper_supports_after_the_winners_are_announced(editor):
    contest = ContestFactory(phase="result")
    proposal = idea(contest, supports=1)
    announce_winners(contest=contest, by=editor)
    proposal.refresh_from_db()
    with pytest.raises(ValidationError):
        enter(proposal, editor)


def test_citizens_cannot_enter_paper_supports():
    proposal = idea(ContestFactory(phase="voting"))
    with pytest.raises(PermissionDenied):
        enter(proposal, UserFactory())


def test_the_winners_count_paper_and_online_together(editor, moderator):
    contest = ContestFactory(phase="result", winner_count=1)
    online = idea(contest, supports=4, title="Online stark")
    stands = idea(contest, supports=1, title="Am Stand stark")
    paper = enter(stands, editor, count=6)  # 1 + 6 = 7 > 4
    release(contribution=paper, moderator=moderator, seen_revision=paper.revision)
    announce_winners(contest=contest, by=editor)
    online.refresh_from_db()
    stands.refresh_from_db()
    assert stands.is_winner and not online.is_winner


def test_unreleased_paper_supports_do_not_count(editor):
    contest = ContestFactory(phase="result", winner_count=1)
    online = idea(contest, supports=4)
    stands = idea(contest, supports=1)
    enter(stands, editor, count=6)  # waits for a colleague
    announce_winners(contest=contest, by=editor)
    online.refresh_from_db()
    assert online.is_winner


def test_staff_type_them_in_in_the_admin(client, editor):
    contest = ContestFactory(phase="voting", title="Ich mach was")
    proposal = idea(contest, title="Repair-Café")
    idea(contest, admission=Admission.NOT_ADMITTED, title="Parkhaus")
    client.force_login(editor)
    page = client.get(ADD).content.decode()
    assert "Ich mach was: Repair-Café" in page and "Parkhaus" not in page
    response = client.post(
        ADD,
        {
            "proposal": proposal.pk,
            "count": "12",
            "place": "Stand am Markt",
            "collected_on": "2027-05-03",
        },
    )
    assert response.status_code == 302, response.content.decode()[:1500]
    paper = PaperSupport.objects.get()
    assert (paper.count, paper.entered_by, paper.is_pending) == (12, editor, True)


def test_a_count_of_nought_is_refused_with_nothing_lost(client, editor):
    proposal = idea(ContestFactory(phase="voting"))
    client.force_login(editor)
    response = client.post(
        ADD,
        {
            "proposal": proposal.pk,
            "count": "0",
            "place": "Stand am Markt",
            "collected_on": "2027-05-03",
        },
    )
    assert response.status_code == 200
    assert "Stand am Markt" in response.content.decode()
    assert not PaperSupport.objects.exists()


def test_citizens_cannot_open_the_admin_form(client):
    client.force_login(UserFactory())
    assert client.get(ADD).status_code == 302  # to the admin's login
