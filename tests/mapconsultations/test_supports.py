"""Others support a released entry („Ich sehe das auch so“): once per person, counted."""

import datetime

import pytest
from django.utils import timezone

from mapconsultations.models import EntrySupport
from mapconsultations.services import support_entry
from moderation.models import ModerationState
from tests.accounts.factories import PASSWORD, UserFactory

from .factories import EntryFactory

pytestmark = pytest.mark.django_db


def support_url(entry):
    return entry.get_absolute_url() + "unterstuetzen/"


def withdraw_url(entry):
    return entry.get_absolute_url() + "unterstuetzung-zurueckziehen/"


def test_a_citizen_supports_once_and_withdraws(client, user):
    entry = EntryFactory()
    client.force_login(user)
    page = client.get(entry.get_absolute_url()).text
    assert "Ich sehe das auch so" in page
    assert client.post(support_url(entry)).status_code == 302
    client.post(support_url(entry))  # a second click changes nothing
    entry.refresh_from_db()
    assert entry.support_count == 1 == EntrySupport.objects.count()
    page = client.get(entry.get_absolute_url()).text
    assert "1 Person sieht das auch so" in page
    assert "Unterstützung zurückziehen" in page
    client.post(withdraw_url(entry))
    client.post(withdraw_url(entry))
    entry.refresh_from_db()
    assert entry.support_count == 0 and not EntrySupport.objects.exists()


@pytest.mark.parametrize(
    "who, status", [("anonymous", 302), ("unconfirmed", 403), ("author", 302), ("staff", 302)]
)
def test_who_may_support(client, who, status):
    author = UserFactory()
    entry = EntryFactory(author=author)
    people = {
        "anonymous": None,
        "unconfirmed": UserFactory(confirmed=False),
        "author": author,
        "staff": UserFactory(is_staff=True, groups=["Moderation"]),
    }
    if people[who] is not None:
        client.force_login(people[who])
    response = client.post(support_url(entry))
    assert response.status_code == status
    if who == "anonymous":
        assert "/konto/login/" in response["Location"]
    counted = EntrySupport.objects.count()
    assert counted == (1 if who in {"author", "staff"} else 0)


def test_a_waiting_entry_or_a_closed_map_takes_no_support(client, user):
    waiting = EntryFactory(moderation_state=ModerationState.PENDING, published_at=None)
    client.force_login(user)
    assert client.post(support_url(waiting)).status_code == 404
    closed = EntryFactory()
    closed.consultation.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    closed.consultation.save()
    assert client.post(support_url(closed)).status_code == 403
    assert not EntrySupport.objects.exists()


def test_supports_need_a_post(client, user):
    entry = EntryFactory()
    client.force_login(user)
    assert client.get(support_url(entry)).status_code == 405


def test_a_deleted_account_s_supports_are_counted_down(user):
    from klmitwirkung.privacy import delete_account

    entry = EntryFactory()
    support_entry(entry=entry, user=user)
    support_entry(entry=entry, user=UserFactory())
    delete_account(user=user, password=PASSWORD)
    entry.refresh_from_db()
    assert entry.support_count == 1 == EntrySupport.objects.count()
