"""Who may do what with the newsletter: roles x state of the issue or the address."""

import pytest
from allauth.account.models import EmailAddress
from django.utils import timezone

from newsletter.permissions import (
    can_edit_issue,
    can_manage_subscription,
    can_send_issue,
    can_send_test,
)
from tests.accounts.factories import UserFactory

from .factories import IssueFactory, SubscriberFactory

pytestmark = pytest.mark.django_db

ROLES = ["citizen", "moderator", "editor", "superuser", "inactive editor"]


def make(role):
    return {
        "citizen": lambda: UserFactory(),
        "moderator": lambda: UserFactory(is_staff=True, groups=["Moderation"]),
        "editor": lambda: UserFactory(is_staff=True, groups=["Redaktion"]),
        "superuser": lambda: UserFactory(is_staff=True, is_superuser=True),
        "inactive editor": lambda: UserFactory(
            is_staff=True, groups=["Redaktion"], is_active=False
        ),
    }[role]()


MAY_SEND = {"editor", "superuser"}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("sent", [False, True], ids=["draft", "sent"])
def test_issues_are_edited_and_sent_by_editors_until_they_are_sent(role, sent):
    person = make(role)
    issue = IssueFactory()
    if sent:
        issue.sent_at = timezone.now()
        issue.recipient_count = 1
        issue.save()
    assert can_edit_issue(person, issue) is (role in MAY_SEND and not sent)
    assert can_send_issue(person, issue) is (role in MAY_SEND and not sent)
    assert can_send_test(person) is (role in MAY_SEND)


@pytest.mark.parametrize(
    ("address", "verified", "expected"),
    [
        ("primary", True, True),
        ("second", True, True),
        ("second", False, False),  # typed in, never confirmed: maybe someone else's
        ("stranger", None, False),
    ],
)
def test_people_manage_only_subscriptions_of_their_confirmed_addresses(
    address, verified, expected
):
    person = UserFactory(email="anna@example.org")
    if address == "second":
        EmailAddress.objects.create(user=person, email="anna2@example.org", verified=verified)
    email = {
        "primary": "ANNA@example.org",
        "second": "anna2@example.org",
        "stranger": "bernd@example.org",
    }[address]
    assert can_manage_subscription(person, SubscriberFactory(email=email)) is expected


def test_anonymous_visitors_manage_no_subscription_on_the_page():
    from django.contrib.auth.models import AnonymousUser

    assert not can_manage_subscription(AnonymousUser(), SubscriberFactory())
