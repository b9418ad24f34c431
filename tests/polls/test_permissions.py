"""Who may vote, as a matrix of roles, poll states and eligibility settings."""

import pytest
from django.contrib.auth.models import AnonymousUser

from polls.models import Poll
from polls.permissions import (
    Obstacle,
    can_change_ballot,
    can_see_results,
    can_view_poll,
    results_are_public,
    voting_obstacle,
)
from tests.accounts.factories import UserFactory
from tests.polls.factories import BallotFactory, PollFactory

pytestmark = pytest.mark.django_db

ACCOUNT, RESIDENTS, GUESTS = Poll.Eligibility


def make_role(role):
    return {
        "anonymous": lambda: AnonymousUser(),
        "unconfirmed": lambda: UserFactory(confirmed=False, postal_code="67655"),
        "confirmed": lambda: UserFactory(),
        "non_resident": lambda: UserFactory(postal_code="66849"),
        "resident": lambda: UserFactory(postal_code="67657"),
        "staff": lambda: UserFactory(is_staff=True, groups=["Redaktion"]),
    }[role]()


# (role, eligibility) -> obstacle while the poll is open; None means the role may vote.
OPEN_MATRIX = {
    ("anonymous", ACCOUNT): Obstacle.LOGIN_REQUIRED,
    ("anonymous", RESIDENTS): Obstacle.LOGIN_REQUIRED,
    ("anonymous", GUESTS): None,
    ("unconfirmed", ACCOUNT): Obstacle.EMAIL_UNCONFIRMED,
    ("unconfirmed", RESIDENTS): Obstacle.EMAIL_UNCONFIRMED,
    ("unconfirmed", GUESTS): None,
    ("confirmed", ACCOUNT): None,
    ("confirmed", RESIDENTS): Obstacle.POSTAL_CODE_MISSING,
    ("confirmed", GUESTS): None,
    ("non_resident", ACCOUNT): None,
    ("non_resident", RESIDENTS): Obstacle.NOT_RESIDENT,
    ("non_resident", GUESTS): None,
    ("resident", ACCOUNT): None,
    ("resident", RESIDENTS): None,
    ("resident", GUESTS): None,
    # Staff vote like everyone else: as people with a confirmed account, without a postal code.
    ("staff", ACCOUNT): None,
    ("staff", RESIDENTS): Obstacle.POSTAL_CODE_MISSING,
    ("staff", GUESTS): None,
}


@pytest.mark.parametrize(("role", "eligibility"), list(OPEN_MATRIX))
@pytest.mark.parametrize("state", ["upcoming", "open", "closed"])
def test_voting_matrix(role, eligibility, state):
    poll = PollFactory(state=state, eligibility=eligibility)
    expected = {
        "upcoming": Obstacle.NOT_OPEN_YET,
        "closed": Obstacle.CLOSED,
        "open": OPEN_MATRIX[(role, eligibility)],
    }[state]
    assert voting_obstacle(make_role(role), poll) == expected


@pytest.mark.parametrize("role", ["anonymous", "confirmed", "resident", "staff"])
def test_nobody_votes_in_an_unpublished_poll(role):
    poll = PollFactory(is_published=False, eligibility=GUESTS)
    assert voting_obstacle(make_role(role), poll) == Obstacle.UNPUBLISHED


@pytest.mark.parametrize(
    ("role", "visible"),
    [("anonymous", False), ("confirmed", False), ("resident", False), ("staff", True)],
)
def test_only_staff_see_an_unpublished_poll(role, visible):
    assert can_view_poll(make_role(role), PollFactory(is_published=False)) is visible
    assert can_view_poll(make_role(role), PollFactory()) is True


@pytest.mark.parametrize(
    ("visibility", "state", "public"),
    [
        ("live", "upcoming", False),
        ("live", "open", True),
        ("live", "closed", True),
        ("after_close", "upcoming", False),
        ("after_close", "open", False),
        ("after_close", "closed", True),
        ("published", "open", False),
        ("published", "closed", False),
    ],
)
def test_results_visibility(visibility, state, public):
    poll = PollFactory(state=state, results_visibility=visibility)
    assert results_are_public(poll) is public
    assert can_see_results(make_role("confirmed"), poll) is public
    assert can_see_results(make_role("anonymous"), poll) is public
    # Staff may look before the public does, as a preview.
    assert can_see_results(make_role("staff"), poll) is True


def test_published_results_are_public_whatever_the_setting(editor):
    from polls.services import publish_results

    poll = PollFactory(state="closed", results_visibility="published")
    publish_results(poll=poll, by=editor)
    poll.refresh_from_db()
    assert results_are_public(poll)


def test_only_the_owner_changes_a_ballot_while_open_and_allowed():
    poll = PollFactory(ballots_changeable=True)
    owner, other = UserFactory(), UserFactory()
    ballot = BallotFactory(poll=poll, user=owner)
    assert can_change_ballot(owner, poll, ballot)
    assert not can_change_ballot(other, poll, ballot)
    assert not can_change_ballot(AnonymousUser(), poll, ballot)
    poll.ballots_changeable = False
    assert not can_change_ballot(owner, poll, ballot)
    closed = PollFactory(state="closed")
    assert not can_change_ballot(owner, closed, BallotFactory(poll=closed, user=owner))
