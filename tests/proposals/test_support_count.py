"""The stored support count of a proposal: always the number of its supports, and the order
of "most supported first", however supports come and go."""

import importlib

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import User
from klmitwirkung.privacy import delete_account
from moderation.models import ModerationState
from proposals.filters import MOST_SUPPORTED, ORDERINGS
from proposals.models import Proposal, Support
from proposals.services import support_proposal, withdraw_support
from tests.accounts.factories import PASSWORD, UserFactory

from .factories import ProposalFactory, SupportFactory

pytestmark = pytest.mark.django_db

LIST = "/vorschlaege/"


@pytest.fixture
def other_user():
    return UserFactory()


def stored_count(proposal):
    return Proposal.objects.values_list("support_count", flat=True).get(pk=proposal.pk)


def assert_counts_match_supports():
    for pk, stored in Proposal.objects.values_list("pk", "support_count"):
        assert stored == Support.objects.filter(proposal_id=pk).count(), pk


# --- the services ---------------------------------------------------------------------------


def test_support_counts_one_up_and_withdrawing_one_down(user):
    proposal = ProposalFactory()
    SupportFactory(proposal=proposal)

    assert support_proposal(proposal=proposal, user=user) is True
    assert stored_count(proposal) == 2

    assert withdraw_support(proposal=proposal, user=user) is True
    assert stored_count(proposal) == 1
    assert_counts_match_supports()


def test_a_second_click_on_support_counts_nothing(user):
    proposal = ProposalFactory()
    support_proposal(proposal=proposal, user=user)
    # The second request finds the support there (as the loser of a race would): the
    # unique constraint refuses it and the count stays.
    assert support_proposal(proposal=proposal, user=user) is False
    assert stored_count(proposal) == 1
    assert_counts_match_supports()


def test_a_second_click_on_withdraw_counts_nothing(user):
    proposal = ProposalFactory()
    SupportFactory(proposal=proposal)  # someone else's stays counted
    support_proposal(proposal=proposal, user=user)
    withdraw_support(proposal=proposal, user=user)

    assert withdraw_support(proposal=proposal, user=user) is False
    assert stored_count(proposal) == 1
    assert_counts_match_supports()


def test_withdrawing_a_support_never_given_counts_nothing(user):
    proposal = ProposalFactory()
    assert withdraw_support(proposal=proposal, user=user) is False
    assert stored_count(proposal) == 0


def test_supports_count_only_on_their_own_proposal(user):
    supported, other = ProposalFactory(), ProposalFactory()
    SupportFactory(proposal=other)
    support_proposal(proposal=supported, user=user)
    assert (stored_count(supported), stored_count(other)) == (1, 1)


def test_a_stale_copy_of_the_proposal_does_not_lose_supports(user, other_user):
    proposal = ProposalFactory()
    copy = Proposal.objects.get(pk=proposal.pk)
    support_proposal(proposal=proposal, user=user)
    support_proposal(proposal=copy, user=other_user)  # still holds 0
    assert stored_count(proposal) == 2


def test_refused_support_counts_nothing():
    proposal = ProposalFactory(moderation_state=ModerationState.PENDING)
    with pytest.raises(PermissionDenied):
        support_proposal(proposal=proposal, user=UserFactory())
    assert stored_count(proposal) == 0


def test_the_database_refuses_a_negative_count():
    proposal = ProposalFactory()
    with pytest.raises(IntegrityError):
        Proposal.objects.filter(pk=proposal.pk).update(support_count=F("support_count") - 1)


# --- deleting an account --------------------------------------------------------------------


@pytest.fixture
def supporter():
    """A citizen who supports two proposals, one of them also supported by someone else."""
    supporter = UserFactory()
    crowded, lonely, untouched = ProposalFactory.create_batch(3)
    SupportFactory(proposal=crowded)
    SupportFactory(proposal=crowded, user=supporter)
    SupportFactory(proposal=lonely, user=supporter)
    SupportFactory(proposal=untouched)
    return supporter


def test_deleting_the_account_counts_its_supports_down(supporter):
    crowded, lonely, untouched = Proposal.objects.order_by("pk")

    delete_account(user=supporter, password=PASSWORD)

    assert not Support.objects.filter(user_id=supporter.pk).exists()
    assert [stored_count(p) for p in (crowded, lonely, untouched)] == [1, 0, 1]
    assert_counts_match_supports()


def test_deleting_the_account_decrements_in_one_update_whatever_it_supported(supporter):
    for proposal in ProposalFactory.create_batch(5):
        SupportFactory(proposal=proposal, user=supporter)
    with CaptureQueriesContext(connection) as queries:
        delete_account(user=supporter, password=PASSWORD)
    counting = [q["sql"] for q in queries if 'SET "support_count"' in q["sql"]]
    assert len(counting) == 1
    assert_counts_match_supports()


def test_deleting_an_account_with_a_never_public_proposal_keeps_the_others_right(supporter):
    waiting = ProposalFactory(author=supporter, moderation_state=ModerationState.PENDING)
    SupportFactory(proposal=waiting)  # goes with the proposal, which goes with the account

    delete_account(user=supporter, password=PASSWORD)

    assert not Proposal.objects.filter(pk=waiting.pk).exists()
    assert_counts_match_supports()


def test_a_wrong_password_leaves_supports_and_counts(supporter):
    with pytest.raises(ValidationError):
        delete_account(user=supporter, password="falsch-falsch-1")
    assert Support.objects.filter(user=supporter).count() == 2
    assert_counts_match_supports()


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_an_administrator_deleting_the_account_counts_its_supports_down(admin_client, supporter):
    response = admin_client.post(
        reverse("admin:accounts_user_delete", args=[supporter.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not User.objects.filter(pk=supporter.pk).exists()
    assert_counts_match_supports()


def test_an_administrator_deleting_several_accounts_counts_all_their_supports_down(
    admin_client, supporter
):
    second = UserFactory()
    for proposal in Proposal.objects.all():
        SupportFactory(proposal=proposal, user=second)

    response = admin_client.post(
        reverse("admin:accounts_user_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": [supporter.pk, second.pk],
            "post": "yes",
        },
    )

    assert response.status_code == 302
    assert not User.objects.filter(pk__in=[supporter.pk, second.pk]).exists()
    assert_counts_match_supports()
    assert sorted(Proposal.objects.values_list("support_count", flat=True)) == [0, 1, 1]


# --- the list sorted by most supported ------------------------------------------------------


def titles(response):
    return [proposal.title for proposal in response.context["proposals"]]


def test_most_supported_first_follows_supports_given_and_withdrawn(client, user):
    older = ProposalFactory(title="Älter")
    newer = ProposalFactory(title="Neuer")
    SupportFactory(proposal=older)
    assert titles(client.get(f"{LIST}?sort=supports")) == ["Älter", "Neuer"]

    support_proposal(proposal=newer, user=user)
    # A tie: the newer one first.
    assert titles(client.get(f"{LIST}?sort=supports")) == ["Neuer", "Älter"]

    support_proposal(proposal=newer, user=UserFactory())
    withdraw_support(proposal=newer, user=user)
    withdraw_support(proposal=newer, user=user)  # a second click changes nothing
    assert titles(client.get(f"{LIST}?sort=supports")) == ["Neuer", "Älter"]


def test_most_supported_first_reads_the_stored_count_without_counting_supports():
    sql = str(Proposal.objects.listed().for_cards().order_by(*ORDERINGS[MOST_SUPPORTED]).query)
    assert "proposals_support" not in sql
    assert "ORDER BY" in sql and '"support_count" DESC' in sql


# --- filling the column for supports given before it existed ---------------------------------


def test_the_migration_counts_the_supports_given_so_far():
    fill = importlib.import_module("proposals.migrations.0004_fill_support_count")
    many, one, none = ProposalFactory.create_batch(3)
    SupportFactory.create_batch(3, proposal=many)
    SupportFactory(proposal=one)
    # As before the migration: supports there, the column still at its default.
    Proposal.objects.update(support_count=0)
    Proposal.objects.filter(pk=none.pk).update(support_count=7)  # and a wrong one put right

    fill.fill_support_count(apps, None)

    assert [stored_count(p) for p in (many, one, none)] == [3, 1, 0]
