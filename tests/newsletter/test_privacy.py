"""The newsletter in a person's data export and in account deletion."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.utils import timezone

from klmitwirkung.privacy import delete_account, export_personal_data
from newsletter.models import Subscriber
from tests.accounts.factories import PASSWORD, UserFactory

from .factories import SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def person():
    person = UserFactory(username="Lauterin_Anna", email="anna@example.org")
    EmailAddress.objects.create(user=person, email="anna.arbeit@example.org", verified=True)
    EmailAddress.objects.create(user=person, email="bernd@example.net", verified=False)
    return person


@pytest.fixture
def subscriptions(person):
    return {
        "own": SubscriberFactory(email="Anna@Example.org", consent_text="Ja, bitte."),
        "own_waiting": SubscriberFactory(email="anna.arbeit@example.org", pending=True),
        # An address typed into the account but never confirmed may be someone else's.
        "unproven": SubscriberFactory(email="bernd@example.net"),
        "other": SubscriberFactory(email="claudia@example.org"),
    }


def test_export_holds_the_subscriptions_of_the_persons_confirmed_addresses(person, subscriptions):
    data = export_personal_data(person)
    own = subscriptions["own"]
    assert data["newsletter"] == [
        {
            "email": "anna.arbeit@example.org",
            "confirmed": False,
            "consent_text": subscriptions["own_waiting"].consent_text,
            "consented_at": timezone.localtime(
                subscriptions["own_waiting"].consented_at
            ).isoformat(),
            "confirmed_at": None,
            "language": "de",
        },
        {
            "email": "Anna@Example.org",
            "confirmed": True,
            "consent_text": "Ja, bitte.",
            "consented_at": timezone.localtime(own.consented_at).isoformat(),
            "confirmed_at": timezone.localtime(own.confirmed_at).isoformat(),
            "language": "de",
        },
    ]
    text = json.dumps(data)
    assert "bernd@example.net" in text  # listed among the addresses, but ...
    assert text.count("bernd@example.net") == 1  # ... its subscription is not shown
    assert "claudia@example.org" not in text


def test_export_of_someone_without_subscription_is_empty(user):
    SubscriberFactory()
    assert export_personal_data(user)["newsletter"] == []


def test_deleting_the_account_ends_the_subscriptions_of_its_confirmed_addresses(
    person, subscriptions
):
    delete_account(user=person, password=PASSWORD)
    remaining = set(Subscriber.objects.values_list("email", flat=True))
    assert remaining == {"bernd@example.net", "claudia@example.org"}


def test_a_wrong_password_keeps_the_subscriptions(person, subscriptions):
    with pytest.raises(ValidationError):
        delete_account(user=person, password="falsch-falsch-1")
    assert Subscriber.objects.count() == 4


def test_the_data_page_shows_the_consent(client, person, subscriptions):
    client.force_login(person)
    html = client.get("/konto/daten/").text
    assert 'aria-labelledby="newsletter-heading"' in html
    assert "Anna@Example.org" in html
    assert "Ja, bitte." in html
    assert "claudia@example.org" not in html
    assert 'href="/newsletter/"' in html


def test_the_deletion_page_says_the_newsletter_ends(client, user):
    client.force_login(user)
    assert "Newsletter" in client.get("/konto/loeschen/").text


def test_staff_who_sent_an_issue_can_still_be_exported():
    editor = UserFactory(is_staff=True, groups=["Redaktion"])
    assert export_personal_data(editor)["newsletter"] == []
