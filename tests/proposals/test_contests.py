"""Idea contests: proposals come in, staff admit them to the vote or not (with a reason),
people support the admitted ones while the vote is open, the most supported win.

The phases follow from the contest's dates; every contest here is built relative to now.
"""

import datetime
import threading

import factory
import pytest
from django.contrib.auth.models import AnonymousUser, Permission
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from moderation.models import ModerationState
from proposals.models import Admission, Contest, Proposal, Support
from proposals.permissions import (
    can_review,
    can_submit_to_contest,
    can_support,
    can_view_contest,
    can_withdraw_support,
    may_be_reviewed,
)
from proposals.services import (
    decide_admission,
    submit_proposal,
    support_proposal,
    withdraw_support,
)
from tests.accounts.factories import UserFactory
from tests.comments.factories import CommentFactory
from tests.projects.factories import ProjectFactory, TopicFactory

from .factories import ProposalFactory, SupportFactory

pytestmark = pytest.mark.django_db

Phase = Contest.Phase
UPCOMING, SUBMISSION, REVIEW, VOTING, RESULT = Phase
PHASES = list(Phase)
WAITING, ADMITTED, NOT_ADMITTED = Admission

PENDING = ModerationState.PENDING
PUBLISHED = ModerationState.PUBLISHED
REJECTED = ModerationState.REJECTED
HIDDEN = ModerationState.HIDDEN

CREATE = "/vorschlaege/neu/"
DAY = datetime.timedelta(days=1)

# Days from now of submission_opens, submission_closes, voting_opens, voting_closes.
PHASE_OFFSETS = {
    UPCOMING: (1, 2, 3, 4),
    SUBMISSION: (-1, 1, 2, 3),
    REVIEW: (-2, -1, 1, 2),
    VOTING: (-3, -2, -1, 1),
    RESULT: (-4, -3, -2, -1),
}
DATE_FIELDS = ("submission_opens", "submission_closes", "voting_opens", "voting_closes")


def dates_for(phase, now=None):
    now = now or timezone.now()
    return {
        field: now + offset * DAY
        for field, offset in zip(DATE_FIELDS, PHASE_OFFSETS[phase], strict=True)
    }


class ContestFactory(factory.django.DjangoModelFactory):
    """A published idea contest; `phase=VOTING` (etc.) sets its dates around now."""

    class Meta:
        model = Contest

    class Params:
        phase = SUBMISSION

    project = factory.SubFactory(ProjectFactory)
    title = factory.Sequence(lambda n: f"Ideenwettbewerb {n}")
    slug = factory.Sequence(lambda n: f"wettbewerb-{n}")
    is_published = True
    submission_opens = factory.LazyAttribute(lambda o: dates_for(o.phase)["submission_opens"])
    submission_closes = factory.LazyAttribute(lambda o: dates_for(o.phase)["submission_closes"])
    voting_opens = factory.LazyAttribute(lambda o: dates_for(o.phase)["voting_opens"])
    voting_closes = factory.LazyAttribute(lambda o: dates_for(o.phase)["voting_closes"])


def move_to(contest, phase):
    """Time passes: the contest is now in `phase`."""
    for field, value in dates_for(phase).items():
        setattr(contest, field, value)
    contest.save()
    return contest


def idea(contest, admission=WAITING, **kwargs):
    """A released proposal of the contest, admitted or not as asked (with a reason)."""
    if admission == NOT_ADMITTED:
        kwargs.setdefault("admission_reason", "Liegt nicht im Gebiet des Wettbewerbs.")
    return ProposalFactory(contest=contest, project=contest.project, admission=admission, **kwargs)


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def client_for(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def refreshed(obj):
    obj.refresh_from_db()
    return obj


NOT_VOTING = (
    "Vorschläge dieses Ideenwettbewerbs können nur während der Abstimmung unterstützt werden."
)
CONTEST_CLOSED = "Dieser Ideenwettbewerb nimmt zurzeit keine Vorschläge an."
NOT_YET_REVIEWED = "Noch nicht geprüft"
PHASES_IN_ORDER = "Die Phasen müssen aufeinander folgen: Einreichung, Prüfung, Abstimmung."
NEEDS_REASON = "Bitte nennen Sie den Grund, warum er nicht zugelassen wird."


# --- the model ------------------------------------------------------------------------------


def at(contest, field, seconds=0):
    return getattr(contest, field) + datetime.timedelta(seconds=seconds)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (("submission_opens", -1), UPCOMING),
        (("submission_opens", 0), SUBMISSION),
        (("submission_closes", -1), SUBMISSION),
        (("submission_closes", 0), REVIEW),
        (("voting_opens", -1), REVIEW),
        (("voting_opens", 0), VOTING),
        (("voting_closes", -1), VOTING),
        (("voting_closes", 0), RESULT),
        (("voting_closes", 3600 * 24 * 365), RESULT),
    ],
)
def test_phase_follows_from_the_dates_at_each_boundary(moment, expected):
    contest = ContestFactory()
    assert contest.phase(at(contest, *moment)) == expected


@pytest.mark.parametrize("phase", PHASES)
def test_phase_without_a_moment_is_the_current_one(phase):
    contest = ContestFactory(phase=phase)
    assert contest.phase() == phase
    assert contest.current_phase == phase


def test_review_phase_may_be_empty():
    """The vote may open the moment the submission closes."""
    contest = ContestFactory()
    contest.voting_opens = contest.submission_closes
    contest.full_clean()
    contest.save()
    assert contest.phase(at(contest, "submission_closes", -1)) == SUBMISSION
    assert contest.phase(at(contest, "submission_closes")) == VOTING


OUT_OF_ORDER = {
    "submission closes when it opens": {"submission_closes": 0},
    "submission closes before it opens": {"submission_closes": -1},
    "vote opens before the submission closes": {"voting_opens": 0.5},
    "vote closes when it opens": {"voting_closes": 2},
    "vote closes before it opens": {"voting_closes": 1.5},
}


def out_of_order_dates(case):
    """Opens at day 0, closes day 1, vote from day 2 to 3, but one date moved."""
    start = timezone.now()
    days = dict(zip(DATE_FIELDS, (0, 1, 2, 3), strict=True)) | OUT_OF_ORDER[case]
    return {field: start + offset * DAY for field, offset in days.items()}


@pytest.mark.parametrize("case", list(OUT_OF_ORDER))
def test_phases_out_of_order_are_refused_by_clean(case):
    contest = ContestFactory.build(project=ProjectFactory(), **out_of_order_dates(case))
    with pytest.raises(ValidationError) as error:
        contest.clean()
    assert error.value.message_dict == {"voting_closes": [PHASES_IN_ORDER]}
    with pytest.raises(ValidationError, match=PHASES_IN_ORDER):
        contest.full_clean()


@pytest.mark.parametrize("case", list(OUT_OF_ORDER))
def test_phases_out_of_order_are_refused_by_the_database(case):
    with (
        pytest.raises(IntegrityError, match="proposals_contest_phases_in_order"),
        transaction.atomic(),
    ):
        ContestFactory(**out_of_order_dates(case))
    assert not Contest.objects.exists()


def test_phases_in_order_pass_clean():
    contest = ContestFactory.build(project=ProjectFactory(), **dates_for(SUBMISSION))
    contest.full_clean()


def test_not_admitted_without_reason_is_refused_by_the_database():
    contest = ContestFactory(phase=REVIEW)
    with (
        pytest.raises(IntegrityError, match="proposals_proposal_not_admitted_has_reason"),
        transaction.atomic(),
    ):
        idea(contest, NOT_ADMITTED, admission_reason="")
    proposal = idea(contest)
    with (
        pytest.raises(IntegrityError, match="proposals_proposal_not_admitted_has_reason"),
        transaction.atomic(),
    ):
        Proposal.objects.filter(pk=proposal.pk).update(admission=NOT_ADMITTED)
    assert refreshed(proposal).admission == WAITING


def test_not_admitted_without_reason_is_refused_by_full_clean():
    proposal = idea(ContestFactory(phase=REVIEW))
    proposal.admission = NOT_ADMITTED
    with pytest.raises(ValidationError, match="Bitte nennen Sie den Grund"):
        proposal.full_clean()


@pytest.mark.parametrize(
    "fields",
    [
        {"admission": ADMITTED},
        {"admission": NOT_ADMITTED, "admission_reason": "Nicht machbar."},
        {"is_winner": True},
    ],
)
def test_admission_and_winning_only_for_proposals_of_a_contest(fields):
    with (
        pytest.raises(IntegrityError, match="proposals_proposal_admission_only_in_contests"),
        transaction.atomic(),
    ):
        ProposalFactory(**fields)
    proposal = ProposalFactory()
    with (
        pytest.raises(IntegrityError, match="proposals_proposal_admission_only_in_contests"),
        transaction.atomic(),
    ):
        Proposal.objects.filter(pk=proposal.pk).update(**fields)
    # In a contest the same is fine.
    idea(ContestFactory(phase=RESULT), **fields)


def test_proposal_outside_a_contest_waits_for_no_admission():
    proposal = ProposalFactory()
    assert refreshed(proposal).admission == WAITING and not proposal.is_winner


def test_contest_address_is_under_its_project():
    contest = ContestFactory(project=ProjectFactory(slug="stadtpark"), slug="ideen-2027")
    assert contest.get_absolute_url() == "/projekte/stadtpark/ideenwettbewerb/ideen-2027/"


def test_accepting_lists_published_contests_in_submission_only():
    accepting = ContestFactory(phase=SUBMISSION)
    ContestFactory(phase=SUBMISSION, is_published=False)
    for phase in (UPCOMING, REVIEW, VOTING, RESULT):
        ContestFactory(phase=phase)
    assert list(Contest.objects.accepting()) == [accepting]


# --- who may do what, in which phase --------------------------------------------------------

ROLES = ["anonymous", "citizen", "unconfirmed", "author", "moderator", "editor"]
TAKING_PART = {"citizen", "author", "moderator", "editor"}  # signed in, address confirmed
STAFF_REVIEWERS = {"moderator", "editor"}


def make_role(role, author):
    return {
        "anonymous": AnonymousUser,
        "citizen": UserFactory,
        "unconfirmed": lambda: UserFactory(confirmed=False),
        "author": lambda: author,
        "moderator": lambda: UserFactory(is_staff=True, groups=["Moderation"]),
        "editor": lambda: UserFactory(is_staff=True, groups=["Redaktion"]),
    }[role]()


@pytest.fixture
def author():
    return UserFactory(username="ideengeberin")


def matrix(expected):
    """(phase, role, allowed) for every phase and role."""
    return [(phase, role, expected(phase, role)) for phase in PHASES for role in ROLES]


@pytest.mark.parametrize(
    ("phase", "role", "allowed"),
    matrix(lambda phase, role: phase == SUBMISSION and role in TAKING_PART),
)
def test_who_may_submit_to_the_contest(author, phase, role, allowed):
    contest = ContestFactory(phase=phase)
    assert can_submit_to_contest(make_role(role, author), contest) is allowed


@pytest.mark.parametrize("role", ROLES)
def test_nobody_submits_to_an_unpublished_contest(author, role):
    contest = ContestFactory(phase=SUBMISSION, is_published=False)
    assert not can_submit_to_contest(make_role(role, author), contest)


@pytest.mark.parametrize(
    ("phase", "role", "allowed"),
    matrix(lambda phase, role: phase == VOTING and role in TAKING_PART),
)
def test_who_may_support_an_admitted_proposal(author, phase, role, allowed):
    proposal = idea(ContestFactory(phase=phase), ADMITTED, author=author)
    assert bool(can_support(make_role(role, author), proposal)) is allowed


@pytest.mark.parametrize("admission", [WAITING, NOT_ADMITTED])
@pytest.mark.parametrize(("phase", "role", "allowed"), matrix(lambda phase, role: False))
def test_nobody_supports_a_waiting_or_not_admitted_proposal(
    author, admission, phase, role, allowed
):
    proposal = idea(ContestFactory(phase=phase), admission, author=author)
    assert bool(can_support(make_role(role, author), proposal)) is allowed


@pytest.mark.parametrize(
    ("phase", "role", "allowed"),
    # Signed in is enough: withdrawing asks no confirmed address, but only during the vote.
    matrix(lambda phase, role: phase == VOTING and role != "anonymous"),
)
def test_who_may_withdraw_a_support(author, phase, role, allowed):
    proposal = idea(ContestFactory(phase=phase), ADMITTED, author=author)
    assert bool(can_withdraw_support(make_role(role, author), proposal)) is allowed


@pytest.mark.parametrize(
    ("phase", "role", "allowed"),
    matrix(lambda phase, role: phase in (SUBMISSION, REVIEW) and role in STAFF_REVIEWERS),
)
def test_who_may_review_when(author, phase, role, allowed):
    proposal = idea(ContestFactory(phase=phase), author=author)
    user = make_role(role, author)
    assert (may_be_reviewed(proposal) and can_review(user)) is allowed


@pytest.mark.parametrize("state", [PENDING, REJECTED, HIDDEN])
def test_only_released_proposals_are_reviewed(state):
    proposal = idea(ContestFactory(phase=REVIEW), moderation_state=state)
    assert not may_be_reviewed(proposal)


def test_proposals_outside_contests_are_not_reviewed():
    assert not may_be_reviewed(ProposalFactory())


def test_staff_without_the_permission_does_not_review():
    assert not can_review(UserFactory(is_staff=True))
    # The permission given to an account that is not staff does nothing.
    citizen = UserFactory()
    citizen.user_permissions.add(Permission.objects.get(codename="review_proposal"))
    assert not can_review(refreshed(citizen))


@pytest.mark.parametrize(
    ("role", "published", "allowed"),
    [
        ("anonymous", True, True),
        ("citizen", True, True),
        ("editor", True, True),
        ("anonymous", False, False),
        ("citizen", False, False),
        ("author", False, False),
        ("moderator", False, True),
        ("editor", False, True),
    ],
)
def test_who_sees_a_contest(author, role, published, allowed):
    contest = ContestFactory(is_published=published)
    assert can_view_contest(make_role(role, author), contest) is allowed


# --- services: submitting ------------------------------------------------------------------


def submit(author, contest, **kwargs):
    data = {
        "title": "  Ein Wasserspielplatz im Volkspark  ",
        "description": "Für heiße Sommertage.",
        "topic": TopicFactory(),
    }
    return submit_proposal(author=author, contest=contest, **{**data, **kwargs})


@pytest.mark.parametrize("phase", [UPCOMING, REVIEW, VOTING, RESULT])
def test_submitting_to_a_contest_outside_its_submission_is_refused(user, phase):
    contest = ContestFactory(phase=phase)
    with pytest.raises(ValidationError, match=CONTEST_CLOSED):
        submit(user, contest)
    assert not Proposal.objects.exists()


def test_submitting_to_an_unpublished_contest_is_refused(user):
    contest = ContestFactory(is_published=False)
    with pytest.raises(ValidationError):
        submit(user, contest)
    assert not Proposal.objects.exists()


def test_submitting_to_a_contest_needs_a_confirmed_address():
    with pytest.raises(PermissionDenied):
        submit(UserFactory(confirmed=False), ContestFactory())
    assert not Proposal.objects.exists()


def test_submitting_to_a_contest_puts_the_proposal_into_its_project(user):
    # The project itself need not collect proposals: the contest does.
    project = ProjectFactory(accepts_proposals=False)
    contest = ContestFactory(project=project)
    other_project = ProjectFactory(accepts_proposals=True)
    proposal = submit(user, contest, project=other_project)
    proposal.refresh_from_db()
    assert proposal.contest == contest
    assert proposal.project == project
    assert proposal.admission == WAITING and not proposal.is_winner
    assert proposal.title == "Ein Wasserspielplatz im Volkspark"
    assert proposal.history.count() == 1


# --- services: supports -------------------------------------------------------------------


def test_supporting_an_admitted_proposal_during_the_vote(user):
    proposal = idea(ContestFactory(phase=VOTING), ADMITTED)
    assert support_proposal(proposal=proposal, user=user) is True
    assert refreshed(proposal).support_count == 1
    assert support_proposal(proposal=proposal, user=user) is False  # the second click
    assert refreshed(proposal).support_count == 1


@pytest.mark.parametrize("phase", [UPCOMING, SUBMISSION, REVIEW, RESULT])
def test_supports_are_refused_outside_the_vote(user, phase):
    proposal = idea(ContestFactory(phase=phase), ADMITTED)
    with pytest.raises(ValidationError, match=NOT_VOTING) as error:
        support_proposal(proposal=proposal, user=user)
    assert error.value.code == "not_voting"
    assert not Support.objects.exists()
    assert refreshed(proposal).support_count == 0


@pytest.mark.parametrize("admission", [WAITING, NOT_ADMITTED])
def test_supports_are_refused_for_proposals_not_admitted(user, admission):
    proposal = idea(ContestFactory(phase=VOTING), admission)
    with pytest.raises(ValidationError, match=NOT_VOTING):
        support_proposal(proposal=proposal, user=user)
    assert not Support.objects.exists()
    assert refreshed(proposal).support_count == 0


def test_support_limit_refuses_the_third_until_one_is_withdrawn(user):
    contest = ContestFactory(phase=VOTING, max_supports=2)
    first, second, third = (idea(contest, ADMITTED) for _ in range(3))
    assert support_proposal(proposal=first, user=user)
    assert support_proposal(proposal=second, user=user)
    with pytest.raises(ValidationError) as error:
        support_proposal(proposal=third, user=user)
    assert error.value.code == "limit"
    assert error.value.messages == [
        "Sie dürfen 2 Vorschläge dieses Wettbewerbs unterstützen und haben alle vergeben. "
        "Um einen weiteren zu unterstützen, ziehen Sie zuerst eine Ihrer Unterstützungen "
        "zurück."
    ]
    assert not Support.objects.filter(proposal=third).exists()
    assert refreshed(third).support_count == 0

    assert withdraw_support(proposal=first, user=user) is True
    assert support_proposal(proposal=third, user=user) is True
    assert set(Support.objects.filter(user=user).values_list("proposal", flat=True)) == {
        second.pk,
        third.pk,
    }
    assert [refreshed(p).support_count for p in (first, second, third)] == [0, 1, 1]


def test_support_limit_is_per_person_and_per_contest(user):
    contest = ContestFactory(phase=VOTING, max_supports=1)
    mine, other = idea(contest, ADMITTED), idea(contest, ADMITTED)
    # Supports elsewhere do not count: another contest, a proposal without contest.
    SupportFactory(proposal=idea(ContestFactory(phase=VOTING), ADMITTED), user=user)
    SupportFactory(proposal=ProposalFactory(), user=user)
    # Nor do other people's supports.
    SupportFactory(proposal=other)
    assert support_proposal(proposal=mine, user=user)
    assert support_proposal(proposal=other, user=UserFactory())
    with pytest.raises(ValidationError):
        support_proposal(proposal=other, user=user)


def test_without_a_limit_one_supports_any_number(user):
    contest = ContestFactory(phase=VOTING, max_supports=None)
    for proposal in [idea(contest, ADMITTED) for _ in range(5)]:
        assert support_proposal(proposal=proposal, user=user)
    assert Support.objects.filter(user=user).count() == 5


def test_second_click_at_the_limit_is_not_mistaken_for_a_new_support(user):
    """Supporting the same proposal again when all supports are given changes nothing and
    says "you already support it", not "withdraw one of your supports first"."""
    contest = ContestFactory(phase=VOTING, max_supports=1)
    proposal = idea(contest, ADMITTED)
    assert support_proposal(proposal=proposal, user=user) is True
    assert support_proposal(proposal=proposal, user=user) is False
    assert refreshed(proposal).support_count == 1


@pytest.mark.django_db(transaction=True)
def test_two_supports_at_once_cannot_both_slip_under_the_limit():
    """The limit is checked with the contest row locked: a second support sent while the
    first is being stored waits for it, and is then refused."""
    contest = ContestFactory(phase=VOTING, max_supports=1)
    first, second = idea(contest, ADMITTED), idea(contest, ADMITTED)
    user = UserFactory()
    outcome = {}

    def support_second():
        try:
            proposal = Proposal.objects.select_related("contest").get(pk=second.pk)
            outcome["supported"] = support_proposal(proposal=proposal, user=user)
        except ValidationError as error:
            outcome["error"] = error
        finally:
            connection.close()

    thread = threading.Thread(target=support_second)
    with transaction.atomic():
        # The support of the first proposal is under way, as in support_proposal().
        Contest.objects.select_for_update().filter(pk=contest.pk).first()
        thread.start()
        thread.join(timeout=1)
        assert thread.is_alive(), "the second support did not wait for the first"
        Support.objects.create(proposal=first, user=user)
    thread.join(timeout=10)
    assert not thread.is_alive()
    assert "supported" not in outcome
    assert outcome["error"].code == "limit"
    assert list(Support.objects.filter(user=user).values_list("proposal", flat=True)) == [first.pk]


def test_withdrawing_during_the_vote_counts_down(user):
    proposal = idea(ContestFactory(phase=VOTING), ADMITTED)
    SupportFactory(proposal=proposal, user=user)
    assert withdraw_support(proposal=proposal, user=user) is True
    assert refreshed(proposal).support_count == 0
    assert withdraw_support(proposal=proposal, user=user) is False


def test_withdrawing_is_refused_after_the_vote(user):
    contest = ContestFactory(phase=VOTING)
    proposal = idea(contest, ADMITTED)
    support_proposal(proposal=proposal, user=user)
    move_to(contest, RESULT)
    proposal = Proposal.objects.select_related("contest").get(pk=proposal.pk)
    with pytest.raises(
        ValidationError, match="Die Abstimmung dieses Ideenwettbewerbs ist beendet"
    ):
        withdraw_support(proposal=proposal, user=user)
    assert Support.objects.filter(proposal=proposal, user=user).exists()
    assert refreshed(proposal).support_count == 1


# --- services: admission --------------------------------------------------------------------


@pytest.fixture
def reviewer(moderator):
    return moderator


@pytest.mark.parametrize("phase", [SUBMISSION, REVIEW])
def test_admitting_a_proposal(reviewer, phase):
    proposal = idea(ContestFactory(phase=phase))
    decide_admission(proposal=proposal, user=reviewer, admission=ADMITTED, reason="")
    proposal.refresh_from_db()
    assert proposal.admission == ADMITTED
    assert proposal.admission_by == reviewer
    assert proposal.admission_at is not None


def test_not_admitting_needs_a_reason(reviewer):
    proposal = idea(ContestFactory(phase=REVIEW))
    for reason in ("", "   \n "):
        with pytest.raises(ValidationError) as error:
            decide_admission(
                proposal=proposal, user=reviewer, admission=NOT_ADMITTED, reason=reason
            )
        assert error.value.message_dict == {"admission_reason": [NEEDS_REASON]}
    proposal.refresh_from_db()
    assert proposal.admission == WAITING and proposal.admission_by is None
    decide_admission(
        proposal=proposal, user=reviewer, admission=NOT_ADMITTED, reason=" Zu teuer. "
    )
    proposal.refresh_from_db()
    assert (proposal.admission, proposal.admission_reason) == (NOT_ADMITTED, "Zu teuer.")


def test_the_decision_must_be_admitted_or_not(reviewer):
    proposal = idea(ContestFactory(phase=REVIEW), ADMITTED)
    with pytest.raises(ValidationError):
        decide_admission(proposal=proposal, user=reviewer, admission=WAITING, reason="")
    assert refreshed(proposal).admission == ADMITTED


@pytest.mark.parametrize("phase", [VOTING, RESULT])
def test_admission_is_refused_once_the_vote_has_opened(reviewer, phase):
    proposal = idea(ContestFactory(phase=phase), ADMITTED)
    with pytest.raises(ValidationError) as error:
        decide_admission(proposal=proposal, user=reviewer, admission=NOT_ADMITTED, reason="x")
    assert error.value.code == "not_reviewable"
    assert refreshed(proposal).admission == ADMITTED


@pytest.mark.parametrize("state", [PENDING, REJECTED])
def test_unreleased_proposals_are_not_reviewed(reviewer, state):
    proposal = idea(ContestFactory(phase=REVIEW), moderation_state=state)
    with pytest.raises(ValidationError):
        decide_admission(proposal=proposal, user=reviewer, admission=ADMITTED, reason="")
    assert refreshed(proposal).admission == WAITING


@pytest.mark.parametrize(
    "make_user",
    [
        lambda: UserFactory(),
        lambda: UserFactory(is_staff=True),
    ],
    ids=["citizen", "staff-without-permission"],
)
def test_only_staff_with_the_permission_decide(make_user):
    proposal = idea(ContestFactory(phase=REVIEW))
    with pytest.raises(PermissionDenied):
        decide_admission(proposal=proposal, user=make_user(), admission=ADMITTED, reason="")
    assert refreshed(proposal).admission == WAITING


def test_editors_decide_too(editor):
    proposal = idea(ContestFactory(phase=REVIEW))
    decide_admission(proposal=proposal, user=editor, admission=ADMITTED, reason="")
    assert refreshed(proposal).admission == ADMITTED


def test_the_same_decision_again_changes_nothing(reviewer, editor):
    proposal = idea(ContestFactory(phase=REVIEW))
    decide_admission(proposal=proposal, user=reviewer, admission=NOT_ADMITTED, reason="Zu teuer.")
    first = refreshed(proposal)
    decided = (first.admission, first.admission_reason, first.admission_by_id, first.admission_at)
    decide_admission(proposal=proposal, user=editor, admission=NOT_ADMITTED, reason="Zu teuer.")
    again = refreshed(proposal)
    assert (
        again.admission,
        again.admission_reason,
        again.admission_by_id,
        again.admission_at,
    ) == decided
    # A changed decision is one.
    decide_admission(proposal=proposal, user=editor, admission=ADMITTED, reason="")
    changed = refreshed(proposal)
    assert changed.admission == ADMITTED and changed.admission_by == editor
    assert changed.admission_at > decided[3]


# --- the contest page -----------------------------------------------------------------------


def page(client, contest, query=""):
    return client.get(contest.get_absolute_url() + query)


def titles(response):
    return [proposal.title for proposal in response.context["proposals"]]


def test_upcoming_contest_says_when_it_starts(client):
    contest = ContestFactory(phase=UPCOMING, title="Ideen für den Volkspark")
    response = page(client, contest)
    assert response.status_code == 200
    html = response.text
    assert "Ideenwettbewerb" in html
    assert "Ideen für den Volkspark" in html
    assert "Was Sie jetzt tun können" in html
    assert "Der Wettbewerb beginnt am" in html
    assert "?wettbewerb=" not in html  # no button to send in an idea
    assert "Es sind noch keine Ideen veröffentlicht." in html


def test_submission_lists_all_released_ideas_with_their_review_state(client):
    contest = ContestFactory(phase=SUBMISSION, slug="volkspark")
    idea(contest, title="Wartet auf Prüfung")
    idea(contest, ADMITTED, title="Schon zugelassen")
    idea(contest, NOT_ADMITTED, title="Schon abgelehnt", admission_reason="Zu teuer.")
    idea(contest, title="Wartet auf Freigabe", moderation_state=PENDING)
    idea(contest, title="Abgelehnt von der Moderation", moderation_state=REJECTED)
    idea(contest, title="Entfernt", moderation_state=HIDDEN)
    idea(ContestFactory(phase=SUBMISSION), title="Anderer Wettbewerb")
    ProposalFactory(title="Ohne Wettbewerb", project=contest.project)

    response = page(client, contest)
    html = response.text
    assert sorted(titles(response)) == [
        "Schon abgelehnt",
        "Schon zugelassen",
        "Wartet auf Prüfung",
    ]
    assert "Was Sie jetzt tun können" in html
    assert "Reichen Sie Ihre Idee bis" in html
    assert 'href="/vorschlaege/neu/?wettbewerb=volkspark"' in html
    assert "Idee einreichen" in html
    assert "Die Ideen" in html
    assert "Zur Abstimmung zugelassene Ideen" not in html
    assert html.count(NOT_YET_REVIEWED) == 1
    assert "Begründung: Zu teuer." in html
    for unlisted in ("Wartet auf Freigabe", "Abgelehnt von der Moderation", "Entfernt"):
        assert unlisted not in html
    assert "Anderer Wettbewerb" not in html and "Ohne Wettbewerb" not in html
    assert "nicht-zugelassen" not in html


def test_review_phase_says_the_city_is_checking(client):
    contest = ContestFactory(phase=REVIEW)
    idea(contest, title="Wartet")
    idea(contest, ADMITTED, title="Zugelassen")
    response = page(client, contest)
    assert "Die Stadt prüft die Ideen" in response.text
    assert "?wettbewerb=" not in response.text
    assert sorted(titles(response)) == ["Wartet", "Zugelassen"]


def test_voting_lists_only_admitted_ideas_and_links_to_the_others(client):
    contest = ContestFactory(phase=VOTING, max_supports=3)
    idea(contest, ADMITTED, title="Zugelassene Idee")
    idea(contest, NOT_ADMITTED, title="Abgewiesene Idee", admission_reason="Nicht im Gebiet.")
    idea(contest, NOT_ADMITTED, title="Zweite Abgewiesene", admission_reason="Zu teuer.")
    idea(contest, ADMITTED, title="Zugelassen, aber unfreigegeben", moderation_state=HIDDEN)

    response = page(client, contest)
    html = response.text
    assert titles(response) == ["Zugelassene Idee"]
    assert "Zur Abstimmung zugelassene Ideen" in html
    assert "Unterstützen Sie bis" in html
    assert "Sie können bis zu 3 Ideen unterstützen." in html
    assert "?wettbewerb=" not in html  # no button to send in an idea
    assert 'href="?zulassung=nicht-zugelassen"' in html
    assert "Die 2 nicht zugelassenen Ideen zeigen, mit Begründungen" in html
    assert "Nicht im Gebiet." not in html and "Abgewiesene Idee" not in html

    response = page(client, contest, "?zulassung=nicht-zugelassen")
    html = response.text
    assert response.status_code == 200
    assert sorted(titles(response)) == ["Abgewiesene Idee", "Zweite Abgewiesene"]
    assert "Nicht zur Abstimmung zugelassene Ideen" in html
    assert "Begründung: Nicht im Gebiet." in html
    assert "Begründung: Zu teuer." in html
    assert "Zugelassene Idee" not in html
    assert "Die 1 zugelassene Idee zeigen" in html


def test_voting_without_rejections_shows_no_link_to_them(client):
    contest = ContestFactory(phase=VOTING)
    idea(contest, ADMITTED)
    assert "nicht-zugelassen" not in page(client, contest).text


def test_result_lists_admitted_ideas_by_supports(client):
    contest = ContestFactory(phase=RESULT)
    for title, supports in (("Wenig", 1), ("Viel", 5), ("Mittel", 3), ("Keine", 0)):
        proposal = idea(contest, ADMITTED, title=title)
        SupportFactory.create_batch(supports, proposal=proposal)
    idea(contest, NOT_ADMITTED, title="Nicht zugelassen")
    response = page(client, contest)
    assert titles(response) == ["Viel", "Mittel", "Wenig", "Keine"]
    assert "Die Abstimmung ist beendet" in response.text
    assert "Zur Abstimmung zugelassene Ideen" in response.text


def test_result_lists_the_winners_first(client):
    contest = ContestFactory(phase=RESULT)
    winner = idea(contest, ADMITTED, title="Gewinnerin", is_winner=True)
    SupportFactory(proposal=winner)
    SupportFactory.create_batch(2, proposal=idea(contest, ADMITTED, title="Mehr Stimmen"))
    response = page(client, contest)
    assert titles(response) == ["Gewinnerin", "Mehr Stimmen"]
    assert "Gewinner-Idee" in response.text


@pytest.mark.parametrize("phase", PHASES)
def test_pending_proposals_are_never_listed(client, phase):
    contest = ContestFactory(phase=phase)
    for admission in (WAITING, ADMITTED, NOT_ADMITTED):
        idea(contest, admission, moderation_state=PENDING, title=f"Unfreigegeben {admission}")
    for query in ("", "?zulassung=nicht-zugelassen"):
        response = page(client, contest, query)
        if response.status_code == 404:
            continue
        assert titles(response) == []
        assert "Unfreigegeben" not in response.text


def test_unpublished_contest_is_404_for_citizens_and_a_preview_for_staff(user, editor, moderator):
    contest = ContestFactory(is_published=False)
    idea(contest, title="Vorab eingereicht")
    assert page(Client(), contest).status_code == 404
    assert page(client_for(user), contest).status_code == 404
    for staff in (editor, moderator):
        response = page(client_for(staff), contest)
        assert response.status_code == 200
        assert "Vorschau: Dieser Ideenwettbewerb ist nicht veröffentlicht" in response.text


@pytest.mark.parametrize(
    ("phase", "query"),
    [
        (VOTING, "?zulassung=unbekannt"),
        (RESULT, "?zulassung=zugelassen"),
        (SUBMISSION, "?zulassung=unbekannt"),
        # Before the vote there is only one list.
        (SUBMISSION, "?zulassung=nicht-zugelassen"),
    ],
)
def test_unknown_list_is_a_404(client, phase, query):
    assert page(client, ContestFactory(phase=phase), query).status_code == 404


def test_contest_under_another_project_is_a_404(client):
    ContestFactory(slug="volkspark", project=ProjectFactory(slug="stadtpark"))
    ProjectFactory(slug="anderes-projekt")
    assert client.get("/projekte/stadtpark/ideenwettbewerb/volkspark/").status_code == 200
    assert client.get("/projekte/anderes-projekt/ideenwettbewerb/volkspark/").status_code == 404


def test_contest_page_is_paginated(client):
    contest = ContestFactory(phase=SUBMISSION)
    for number in range(25):
        idea(contest, title=f"Idee {number}")
    first = page(client, contest)
    assert len(titles(first)) == 20
    assert "25 Ideen" in first.text
    assert len(titles(page(client, contest, "?page=2"))) == 5


def test_project_page_lists_its_published_contests_with_their_phase(client):
    project = ProjectFactory()
    ContestFactory(project=project, phase=VOTING, title="Ideen für den Volkspark")
    ContestFactory(project=project, is_published=False, title="Noch geheim")
    ContestFactory(title="Anderes Projekt")
    html = client.get(project.get_absolute_url()).text
    assert "Ideenwettbewerbe" in html
    assert "Ideen für den Volkspark" in html
    assert "Phase: Abstimmung" in html
    assert "Noch geheim" not in html and "Anderes Projekt" not in html


def test_project_page_without_contests_has_no_section(client):
    assert "Ideenwettbewerbe" not in client.get(ProjectFactory().get_absolute_url()).text


# --- submitting an idea for a contest --------------------------------------------------------


def idea_form(topic, **overrides):
    data = {
        "title": "Ein Wasserspielplatz im Volkspark",
        "description": "Für heiße Sommertage, nahe dem Spielplatz.",
        "topic": str(topic.pk),
    }
    return {**data, **overrides}


@pytest.fixture
def topic():
    return TopicFactory(name="Stadtgrün", slug="stadtgruen")


def test_create_form_for_a_contest_names_it_and_carries_it(client, user):
    contest = ContestFactory(title="Ideen für den Volkspark", slug="volkspark")
    client.force_login(user)
    response = client.get(f"{CREATE}?wettbewerb=volkspark")
    html = response.text
    assert response.status_code == 200
    assert "Ihre Idee für den Ideenwettbewerb „Ideen für den Volkspark“." in html
    assert '<input type="hidden" name="wettbewerb" value="volkspark">' in html
    assert 'name="project"' not in html  # the contest's project is the proposal's
    assert CONTEST_CLOSED not in html
    assert response.context["contest"] == contest


def test_idea_is_stored_in_the_contest_with_the_hidden_field(client, user, topic):
    contest = ContestFactory(slug="volkspark")
    client.force_login(user)
    response = client.post(CREATE, idea_form(topic, wettbewerb="volkspark"))
    proposal = Proposal.objects.get()
    assert response.status_code == 302
    assert response["Location"] == proposal.get_absolute_url()
    assert proposal.contest == contest
    assert proposal.project == contest.project
    assert proposal.author == user
    assert proposal.admission == WAITING


def test_idea_is_stored_in_the_contest_with_the_address_parameter(client, user, topic):
    contest = ContestFactory(slug="volkspark")
    client.force_login(user)
    assert client.post(f"{CREATE}?wettbewerb=volkspark", idea_form(topic)).status_code == 302
    assert Proposal.objects.get().contest == contest


@pytest.mark.parametrize("phase", [UPCOMING, REVIEW, VOTING, RESULT])
def test_create_refuses_a_contest_outside_its_submission_and_keeps_the_text(
    client, user, topic, phase
):
    contest = ContestFactory(phase=phase, slug="volkspark")
    client.force_login(user)
    assert CONTEST_CLOSED in client.get(f"{CREATE}?wettbewerb=volkspark").text
    response = client.post(CREATE, idea_form(topic, wettbewerb=contest.slug))
    html = response.text
    assert response.status_code == 200
    assert CONTEST_CLOSED in html
    assert 'value="Ein Wasserspielplatz im Volkspark"' in html
    assert "Für heiße Sommertage, nahe dem Spielplatz." in html
    assert not Proposal.objects.exists()


@pytest.mark.parametrize("slug", ["unbekannt", "geheim"])
def test_create_with_an_unknown_or_unpublished_contest_is_a_404(client, user, topic, slug):
    ContestFactory(slug="geheim", is_published=False)
    client.force_login(user)
    assert client.get(f"{CREATE}?wettbewerb={slug}").status_code == 404
    assert client.post(CREATE, idea_form(topic, wettbewerb=slug)).status_code == 404
    assert not Proposal.objects.exists()


# --- supporting through the pages ------------------------------------------------------------


def support_url(proposal):
    return f"/vorschlaege/{proposal.pk}/unterstuetzen/"


def withdraw_url(proposal):
    return f"/vorschlaege/{proposal.pk}/unterstuetzung-zurueckziehen/"


@pytest.mark.parametrize(
    ("phase", "admission"),
    [
        (UPCOMING, ADMITTED),
        (SUBMISSION, WAITING),
        (SUBMISSION, ADMITTED),
        (REVIEW, ADMITTED),
        (VOTING, WAITING),
        (VOTING, NOT_ADMITTED),
        (RESULT, ADMITTED),
    ],
)
def test_support_outside_the_vote_shows_the_message_and_stores_nothing(
    client, user, phase, admission
):
    proposal = idea(ContestFactory(phase=phase), admission)
    client.force_login(user)
    response = client.post(support_url(proposal), follow=True)
    assert response.redirect_chain == [(f"{proposal.get_absolute_url()}#unterstuetzung", 302)]
    assert NOT_VOTING in response.text
    assert not Support.objects.exists()
    assert refreshed(proposal).support_count == 0


def test_support_during_the_vote(client, user):
    proposal = idea(ContestFactory(phase=VOTING), ADMITTED)
    client.force_login(user)
    detail = client.get(proposal.get_absolute_url()).text
    assert ">Unterstützen</button>" in detail
    response = client.post(support_url(proposal), follow=True)
    assert "Vielen Dank für Ihre Unterstützung!" in response.text
    assert Support.objects.filter(proposal=proposal, user=user).exists()


def test_support_at_the_limit_shows_the_message(client, user):
    contest = ContestFactory(phase=VOTING, max_supports=1)
    first, second = idea(contest, ADMITTED), idea(contest, ADMITTED)
    client.force_login(user)
    client.post(support_url(first))
    response = client.post(support_url(second), follow=True)
    assert "Sie dürfen 1 Vorschlag dieses Wettbewerbs unterstützen und haben das getan." in (
        response.text
    )
    assert not Support.objects.filter(proposal=second).exists()
    # A second click on the one supported is no new support, and says so.
    response = client.post(support_url(first), follow=True)
    assert "Sie unterstützen diesen Vorschlag bereits." in response.text
    # Withdraw the first, and the second can be supported.
    client.post(withdraw_url(first))
    client.post(support_url(second))
    assert list(Support.objects.values_list("proposal", flat=True)) == [second.pk]


def test_withdrawing_after_the_vote_shows_the_message_and_keeps_the_support(client, user):
    contest = ContestFactory(phase=VOTING)
    proposal = idea(contest, ADMITTED)
    SupportFactory(proposal=proposal, user=user)
    move_to(contest, RESULT)
    client.force_login(user)
    response = client.post(withdraw_url(proposal), follow=True)
    assert "Die Abstimmung dieses Ideenwettbewerbs ist beendet" in response.text
    assert Support.objects.filter(proposal=proposal, user=user).exists()
    assert refreshed(proposal).support_count == 1


@pytest.mark.parametrize("url", [support_url, withdraw_url])
def test_support_needs_the_csrf_token(user, url):
    proposal = idea(ContestFactory(phase=VOTING), ADMITTED)
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    assert client.post(url(proposal)).status_code == 403
    assert not Support.objects.exists()


@pytest.mark.parametrize("url", [support_url, withdraw_url])
def test_anonymous_support_is_sent_to_sign_in(client, url):
    proposal = idea(ContestFactory(phase=VOTING), ADMITTED)
    response = client.post(url(proposal))
    assert response.status_code == 302
    assert response["Location"] == f"/konto/login/?next=/vorschlaege/{proposal.pk}/"
    assert not Support.objects.exists()


@pytest.mark.parametrize(
    ("phase", "admission", "text"),
    [
        (SUBMISSION, WAITING, "Zur Abstimmung zugelassene Ideen können vom"),
        (VOTING, NOT_ADMITTED, "nicht zur Abstimmung des Wettbewerbs zugelassen"),
        (RESULT, ADMITTED, "Die Abstimmung des Ideenwettbewerbs ist beendet"),
    ],
)
def test_proposal_page_explains_why_it_cannot_be_supported(client, user, phase, admission, text):
    contest = ContestFactory(phase=phase, title="Ideen für den Volkspark")
    proposal = idea(contest, admission)
    client.force_login(user)
    html = client.get(proposal.get_absolute_url()).text
    assert "Ideenwettbewerb" in html and "Ideen für den Volkspark" in html
    assert f'href="{contest.get_absolute_url()}"' in html
    assert ">Unterstützen</button>" not in html
    assert text in html


# --- the review page in the admin ------------------------------------------------------------


def review_url(proposal):
    return f"/admin/proposals/proposal/{proposal.pk}/review/"


def change_url(proposal):
    return f"/admin/proposals/proposal/{proposal.pk}/change/"


@pytest.mark.parametrize("role", ["moderator", "editor"])
def test_moderators_and_editors_review_in_the_admin(request, role):
    staff = request.getfixturevalue(role)
    proposal = idea(ContestFactory(phase=REVIEW), title="Wasserspielplatz")
    client = client_for(staff)
    response = client.get(review_url(proposal))
    assert response.status_code == 200
    assert "Prüfung für den Ideenwettbewerb: Wasserspielplatz" in response.text

    response = client.post(
        review_url(proposal), {"admission": NOT_ADMITTED, "reason": "Nicht im Gebiet."}
    )
    assert response.status_code == 302
    assert response["Location"] == change_url(proposal)
    assert "Die Prüfung ist gespeichert und veröffentlicht." in messages_of(response)
    proposal.refresh_from_db()
    assert proposal.admission == NOT_ADMITTED
    assert proposal.admission_reason == "Nicht im Gebiet."
    assert proposal.admission_by == staff


@pytest.mark.parametrize("role", ["moderator", "editor"])
def test_change_page_links_to_the_review(request, role):
    proposal = idea(ContestFactory(phase=REVIEW))
    html = client_for(request.getfixturevalue(role)).get(change_url(proposal)).text
    assert f'href="{review_url(proposal)}"' in html
    assert "Für den Ideenwettbewerb prüfen" in html


def test_staff_without_the_permission_gets_a_403():
    staff = UserFactory(is_staff=True)
    staff.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_proposal", "respond_proposal"])
    )
    proposal = idea(ContestFactory(phase=REVIEW))
    client = client_for(staff)
    assert client.get(change_url(proposal)).status_code == 200  # sees the proposal
    assert client.get(review_url(proposal)).status_code == 403
    assert client.post(review_url(proposal), {"admission": ADMITTED}).status_code == 403
    assert refreshed(proposal).admission == WAITING


def test_not_admitted_without_reason_shows_the_error_and_stores_nothing(moderator):
    proposal = idea(ContestFactory(phase=REVIEW))
    response = client_for(moderator).post(
        review_url(proposal), {"admission": NOT_ADMITTED, "reason": "  "}
    )
    assert response.status_code == 200
    assert NEEDS_REASON in response.text
    assert response.context["form"].errors["reason"] == [NEEDS_REASON]
    proposal.refresh_from_db()
    assert proposal.admission == WAITING and proposal.admission_by is None


def test_review_without_a_decision_shows_the_error(moderator):
    proposal = idea(ContestFactory(phase=REVIEW))
    response = client_for(moderator).post(review_url(proposal), {"reason": "Gut."})
    assert response.status_code == 200
    assert "Bitte wählen Sie: zugelassen oder nicht zugelassen." in response.text
    assert refreshed(proposal).admission == WAITING


@pytest.mark.parametrize("phase", [VOTING, RESULT])
def test_review_is_refused_once_the_vote_has_opened(moderator, phase):
    proposal = idea(ContestFactory(phase=phase), ADMITTED)
    client = client_for(moderator)
    for response in (
        client.get(review_url(proposal)),
        client.post(review_url(proposal), {"admission": NOT_ADMITTED, "reason": "Zu teuer."}),
    ):
        assert response.status_code == 302
        assert response["Location"] == change_url(proposal)
        assert any("nur bis seine Abstimmung beginnt" in m for m in messages_of(response))
    assert refreshed(proposal).admission == ADMITTED


def test_citizens_do_not_reach_the_review_page(user):
    proposal = idea(ContestFactory(phase=REVIEW))
    response = client_for(user).post(review_url(proposal), {"admission": ADMITTED})
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert refreshed(proposal).admission == WAITING


# --- queries --------------------------------------------------------------------------------


def count_queries(client, url):
    client.get(url)  # fills the caches a running site has filled long ago (content types)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def add_ideas(contest, number):
    admissions = [ADMITTED, NOT_ADMITTED, WAITING]
    for index in range(number):
        proposal = idea(contest, admissions[index % 3])
        if proposal.admission == ADMITTED:
            SupportFactory(proposal=proposal)
        CommentFactory(target=proposal)


@pytest.mark.parametrize("phase", [SUBMISSION, VOTING, RESULT])
@pytest.mark.parametrize("signed_in", [False, True])
def test_contest_page_queries_do_not_grow_with_proposals(client, user, phase, signed_in):
    if signed_in:
        client.force_login(user)
    contest = ContestFactory(phase=phase)
    lists = [contest.get_absolute_url()]
    if phase != SUBMISSION:
        lists.append(contest.get_absolute_url() + "?zulassung=nicht-zugelassen")
    add_ideas(contest, 3)
    few = [count_queries(client, url) for url in lists]
    add_ideas(contest, 27)
    many = [count_queries(client, url) for url in lists]
    assert few == many


def test_project_page_queries_do_not_grow_with_contests(client):
    project = ProjectFactory()
    ContestFactory(project=project)
    url = project.get_absolute_url()
    few = count_queries(client, url)
    for phase in (UPCOMING, REVIEW, VOTING, RESULT):
        ContestFactory(project=project, phase=phase)
    many = count_queries(client, url)
    assert client.get(url).text.count("Phase: ") == 5
    assert few == many
