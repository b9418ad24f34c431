"""The permission matrix of issue 5: role x moderation state for proposals and comments."""

import pytest
from django.contrib.auth.models import AnonymousUser, Permission

from accounts.permissions import can_take_part
from comments.permissions import (
    can_comment,
    can_delete_comment,
    can_reply,
    can_report_comment,
    can_view_comment_text,
    may_answer_officially,
)
from moderation.models import ModerationState, can_moderate
from moderation.permissions import can_hide, can_reject, can_release, can_restore
from proposals.permissions import (
    can_edit_proposal,
    can_read_proposal,
    can_report_proposal,
    can_respond,
    can_support,
    can_view_proposal,
)
from tests.accounts.factories import UserFactory
from tests.comments.factories import CommentFactory
from tests.proposals.factories import ProposalFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "unconfirmed", "author", "other", "moderator", "editor"]
STATES = ["pending", "published", "rejected", "hidden"]


@pytest.fixture
def people(moderator, editor):
    author = UserFactory()
    return {
        "anonymous": AnonymousUser(),
        "unconfirmed": UserFactory(confirmed=False),
        "author": author,
        "other": UserFactory(),
        "moderator": moderator,
        "editor": editor,
    }


def matrix(allowed):
    """All (role, state) pairs with whether the action is allowed: `allowed` lists the Trues."""
    return [(role, state, (role, state) in allowed) for role in ROLES for state in STATES]


def everyone(*states):
    return {(role, state) for role in ROLES for state in states}


def roles(*names, states=STATES):
    return {(role, state) for role in names for state in states}


PROPOSAL_RULES = {
    # Released and removed proposals have a public page (removed: only the notice).
    "view": everyone("published", "hidden") | roles("author", "moderator"),
    # The words of a removed proposal stay with its author and the moderators.
    "read": everyone("pending", "published", "rejected")
    | roles("author", "moderator", states=["hidden"]),
    "edit": roles("author", states=["pending"]),
    "support": roles("author", "other", "moderator", "editor", states=["published"]),
    "comment": roles("author", "other", "moderator", "editor", states=["published"]),
    "report": roles("unconfirmed", "other", "moderator", "editor", states=["published"]),
    "release": roles("moderator", states=["pending", "rejected"]),
    "reject": roles("moderator", states=["pending"]),
    "hide": roles("moderator", states=["published"]),
    "restore": roles("moderator", states=["hidden"]),
}
PROPOSAL_PREDICATES = {
    "view": can_view_proposal,
    "read": can_read_proposal,
    "edit": can_edit_proposal,
    "support": can_support,
    "comment": lambda user, proposal: can_comment(user, proposal),
    "report": can_report_proposal,
    "release": can_release,
    "reject": can_reject,
    "hide": can_hide,
    "restore": can_restore,
}


@pytest.mark.parametrize("action", PROPOSAL_RULES)
def test_proposal_matrix(people, action):
    predicate = PROPOSAL_PREDICATES[action]
    for role, state, expected in matrix(PROPOSAL_RULES[action]):
        proposal = ProposalFactory(author=people["author"], moderation_state=state)
        assert predicate(people[role], proposal) is expected, (action, role, state)


COMMENT_RULES = {
    "read": everyone("published") | roles("author", "moderator", states=STATES),
    "reply": roles("author", "other", "moderator", "editor", states=["published"]),
    "delete": roles("author", states=STATES),
    "report": roles("unconfirmed", "other", "moderator", "editor", states=["published"]),
    "release": roles("moderator", states=["pending", "rejected"]),
    "reject": roles("moderator", states=["pending"]),
    "hide": roles("moderator", states=["published"]),
    "restore": roles("moderator", states=["hidden"]),
}
COMMENT_PREDICATES = {
    "read": can_view_comment_text,
    "reply": can_reply,
    "delete": can_delete_comment,
    "report": can_report_comment,
    "release": can_release,
    "reject": can_reject,
    "hide": can_hide,
    "restore": can_restore,
}


@pytest.mark.parametrize("action", COMMENT_RULES)
def test_comment_matrix(people, action):
    predicate = COMMENT_PREDICATES[action]
    for role, state, expected in matrix(COMMENT_RULES[action]):
        comment = CommentFactory(author=people["author"], moderation_state=state)
        assert predicate(people[role], comment) is expected, (action, role, state)


def test_nobody_comments_on_an_unpublished_page(people):
    comment = CommentFactory(target__is_published=False)
    for role in ROLES:
        assert not can_comment(people[role], comment.target), role


def test_a_deleted_comment_can_be_neither_read_nor_answered_nor_reported(people):
    comment = CommentFactory(author=people["author"], deleted_at="2026-11-01T10:00Z", text="")
    for role in ROLES:
        person = people[role]
        assert not can_view_comment_text(person, comment), role
        assert not can_reply(person, comment), role
        assert not can_report_comment(person, comment), role
        assert not can_delete_comment(person, comment), role


def test_a_deactivated_account_takes_part_no_more(people):
    author = people["author"]
    author.is_active = False
    author.save()
    proposal = ProposalFactory(author=author, moderation_state=ModerationState.PENDING)
    assert not can_edit_proposal(author, proposal)
    assert not can_support(author, ProposalFactory())


def test_staff_permissions_on_an_account_that_is_not_staff_do_nothing():
    """Staff roles work in the admin; the permissions alone, on a citizen's account, are inert."""
    citizen = UserFactory()
    citizen.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["moderate", "answer_officially", "respond_proposal"]
        )
    )
    proposal = ProposalFactory(moderation_state="pending")
    assert not can_moderate(citizen)
    assert not can_release(citizen, proposal)
    assert not may_answer_officially(citizen)
    assert not can_respond(citizen)
    citizen.is_staff = True
    citizen.save()
    citizen = type(citizen).objects.get(pk=citizen.pk)  # permissions are cached per object
    assert can_moderate(citizen)
    assert can_release(citizen, proposal)
    assert may_answer_officially(citizen)
    assert can_respond(citizen)


def test_a_citizens_page_asks_for_the_confirmed_address_once(django_assert_num_queries):
    citizen = type(UserFactory()).objects.get()
    with django_assert_num_queries(1):
        assert can_take_part(citizen)
        assert can_take_part(citizen)
