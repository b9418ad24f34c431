"""Sessions read through Redis (core/sessions.py): a query less for every signed-in request,
and nobody signed out or left signed in by Redis failing."""

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import caches

from accounts import privacy as accounts_privacy
from klmitwirkung.privacy import delete_account
from tests.accounts.factories import PASSWORD, UserFactory
from tests.faults.test_redis_outage import production_caches, signed_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("production_caches")]

__all__ = ["production_caches"]  # the fixture, used by name


@pytest.fixture(autouse=True)
def sessions_through_redis(settings):
    """SESSION_ENGINE as production sets it with REDIS_URL (klmitwirkung/settings.py)."""
    settings.SESSION_ENGINE = "core.sessions"
    settings.SESSION_CACHE_ALIAS = "pages"


def test_a_signed_in_request_reads_its_session_from_redis(django_assert_num_queries):
    client = signed_in(UserFactory())
    client.get("/healthz/session")
    with django_assert_num_queries(1):  # the account; the session comes from Redis
        assert client.get("/healthz/session").text.strip() == "signed in"


def test_with_redis_gone_people_stay_signed_in_and_can_sign_out(redis_server):
    client = signed_in(UserFactory())
    redis_server.stop()
    assert client.get("/healthz/session").text.strip() == "signed in"
    token = client.get("/konto/profil/").text.split('name="csrfmiddlewaretoken" value="')[1]
    client.post("/konto/logout/", {"csrfmiddlewaretoken": token.split('"')[0]})
    assert client.get("/healthz/session").text.strip() == "anonymous"
    redis_server.start()
    assert client.get("/healthz/session").text.strip() == "anonymous"
    again = signed_in(UserFactory())
    assert again.get("/healthz/session").text.strip() == "signed in"


def test_a_deleted_account_is_signed_out_on_every_device_at_once(committed):
    citizen = UserFactory()
    phone, laptop = signed_in(citizen), signed_in(citizen)
    assert phone.get("/healthz/session").text.strip() == "signed in"
    keys = [device.cookies["sessionid"].value for device in (phone, laptop)]
    assert caches["pages"].get(f"klmitwirkung.session:{keys[0]}") is not None  # read through
    # What the account leaves outside its rows: its sessions, in the database and in Redis
    # (the deletion also empties the page cache, which must not be what ends them).
    accounts_privacy.delete_for(citizen)
    for key in keys:
        assert caches["pages"].get(f"klmitwirkung.session:{key}") is None
        assert not Session.objects.filter(session_key=key).exists()
    with committed():
        delete_account(user=citizen, password=PASSWORD)
    assert phone.get("/healthz/session").text.strip() == "anonymous"
    assert laptop.get("/healthz/session").text.strip() == "anonymous"
