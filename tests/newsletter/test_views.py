"""The public newsletter pages: subscribe, confirm by POST, one-click unsubscribe."""

import re
import time
from unittest import mock

import pytest
from allauth.account.models import EmailAddress
from django.core import mail, signing
from django.db import connection
from django.test import Client, TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from newsletter.forms import CONSENT_TEXT
from newsletter.models import Subscriber
from newsletter.tokens import (
    CONFIRM_SALT,
    UNSUBSCRIBE_SALT,
    address_digest,
    confirm_token,
    unsubscribe_token,
)
from tests.accounts.factories import UserFactory

from .factories import SubscriberFactory

pytestmark = pytest.mark.django_db

PAGE = "/newsletter/"
REQUESTED = "/newsletter/bitte-bestaetigen/"
END = "/newsletter/abbestellen/"
DAY = 24 * 60 * 60


def confirm_path(subscriber):
    return f"/newsletter/bestaetigen/{confirm_token(subscriber)}/"


def unsubscribe_path(subscriber):
    return f"/newsletter/abbestellen/{unsubscribe_token(subscriber)}/"


def tampered(token):
    """The same token with one character of the signature changed."""
    return token[:-1] + ("A" if token[-1] != "A" else "B")


def link_in(message):
    link = re.search(r"(http\S+/newsletter/bestaetigen/\S+/)", message.body).group(1)
    return link[link.index("/newsletter/") :]


# The page


def test_paths_are_german_and_stable():
    assert reverse("newsletter:subscribe") == PAGE
    assert reverse("newsletter:requested") == REQUESTED
    assert reverse("newsletter:end") == END
    assert reverse("newsletter:confirm", kwargs={"token": "x"}) == "/newsletter/bestaetigen/x/"
    assert reverse("newsletter:unsubscribe", kwargs={"token": "x"}) == (
        "/newsletter/abbestellen/x/"
    )


def test_the_page_explains_the_newsletter_and_asks_for_explicit_consent(client):
    response = client.get(PAGE)
    assert response.status_code == 200
    html = response.text
    assert "<h1>Newsletter</h1>" in html
    assert 'href="/datenschutz/"' in html
    assert 'type="email" name="email"' in html
    assert 'autocomplete="email"' in html
    assert 'type="checkbox" name="consent"' in html
    assert "checked" not in html.split('name="consent"')[1].split(">")[0]
    assert str(CONSENT_TEXT) in html
    assert "placeholder" not in html.split('name="email"')[1].split(">")[0]
    assert "status-heading" not in html  # nobody signed in
    assert 'href="/newsletter/"' in client.get("/").text  # the footer links it


def test_signed_in_people_find_their_address_filled_in_and_their_status(client, user):
    other_verified = EmailAddress.objects.create(
        user=user, email="zweite@example.org", verified=True
    )
    EmailAddress.objects.create(user=user, email="fremd@example.org", verified=False)
    SubscriberFactory(email=user.email)
    SubscriberFactory(email=other_verified.email.upper(), pending=True)
    SubscriberFactory(email="fremd@example.org")  # not proven to be theirs
    SubscriberFactory(email="nachbar@example.org")
    client.force_login(user)

    html = client.get(PAGE).text

    assert f'value="{user.email}"' in html
    assert 'id="status-heading"' in html
    assert user.email in html
    assert "ZWEITE@EXAMPLE.ORG" in html
    assert "fremd@example.org" not in html
    assert "nachbar@example.org" not in html
    assert html.count(f'action="{END}"') == 2


def test_signed_in_without_subscription(client, user):
    client.force_login(user)
    html = client.get(PAGE).text
    assert 'id="status-heading"' in html
    assert f'action="{END}"' not in html


# Subscribing


def post(client, email="anna@example.org", consent=True, **extra):
    """Submit the form; the mail goes out as after the request's commit."""
    data = {"email": email}
    if consent:
        data["consent"] = "on"
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(PAGE, data, **extra)


def test_subscribing_stores_the_wording_and_sends_the_link(client):
    response = post(client)
    assert response.status_code == 302
    assert response["Location"] == REQUESTED
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "anna@example.org"
    assert subscriber.consent_text == str(CONSENT_TEXT)
    assert subscriber.confirmed_at is None
    [message] = mail.outbox
    assert message.to == ["anna@example.org"]
    assert client.get(REQUESTED).status_code == 200


def test_the_answer_is_the_same_for_new_waiting_and_confirmed_addresses(client):
    SubscriberFactory(email="bestaetigt@example.org")
    SubscriberFactory(email="wartend@example.org", pending=True)
    answers = []
    for email in ("neu@example.org", "wartend@example.org", "bestaetigt@example.org"):
        response = post(client, email=email)
        answers.append((response.status_code, response["Location"], client.get(REQUESTED).text))
    assert answers[0] == answers[1] == answers[2]
    assert Subscriber.objects.count() == 3
    # Each address gets one mail; the confirmed one is told that nothing changed.
    assert sorted(message.to[0] for message in mail.outbox) == [
        "bestaetigt@example.org",
        "neu@example.org",
        "wartend@example.org",
    ]


def test_without_the_consent_nothing_is_stored_or_sent(client):
    response = post(client, consent=False)
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.text or "is-invalid" in response.text
    assert 'value="anna@example.org"' in response.text
    assert not Subscriber.objects.exists()
    assert mail.outbox == []


def test_an_invalid_address_gets_a_message_and_nothing_changes(client):
    response = post(client, email="anna@")
    assert response.status_code == 200
    assert "is-invalid" in response.text
    assert not Subscriber.objects.exists()
    assert mail.outbox == []


def test_too_many_requests_from_one_client_are_refused(client, settings):
    settings.NEWSLETTER_RATE_LIMITS = {"address": "100/d", "client": "2/h"}
    post(client, email="a@example.org")
    post(client, email="b@example.org")
    response = post(client, email="c@example.org")
    assert response.status_code == 429
    assert 'value="c@example.org"' in response.text  # the form keeps what was typed
    assert not Subscriber.objects.filter(email="c@example.org").exists()
    assert len(mail.outbox) == 2
    # Another client is not affected.
    assert post(client, email="c@example.org", REMOTE_ADDR="198.51.100.9").status_code == 302


def test_one_address_cannot_be_flooded(client, settings):
    settings.NEWSLETTER_RATE_LIMITS = {"address": "2/d", "client": "100/h"}
    for number in range(4):
        response = post(client, email="anna@example.org", REMOTE_ADDR=f"198.51.100.{number}")
        assert response["Location"] == REQUESTED  # the same answer, without a mail
    assert len(mail.outbox) == 2


def test_subscribing_needs_the_csrf_token():
    client = Client(enforce_csrf_checks=True)
    assert post(client).status_code == 403
    assert not Subscriber.objects.exists()


# Confirming: a GET only asks, a POST confirms


def test_the_link_in_the_mail_asks_and_the_button_confirms(client):
    post(client)
    path = link_in(mail.outbox[0])
    subscriber = Subscriber.objects.get()

    page = client.get(path)
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    assert '<meta name="robots" content="noindex">' in page.text
    assert f'<form method="post" action="{path}">' in page.text
    assert "anna@example.org" in page.text
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is None  # mail scanners open links: nothing happens

    response = client.post(path)
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is not None
    assert "<form" not in response.text.split("<main")[1].split("</main>")[0]

    # The link again: already confirmed, nothing changes.
    confirmed_at = subscriber.confirmed_at
    assert client.post(path).status_code == 200
    assert client.get(path).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at == confirmed_at


def test_an_expired_link_gets_a_clear_page_and_changes_nothing(client):
    subscriber = SubscriberFactory(pending=True)
    path = confirm_path(subscriber)
    with mock.patch("time.time", return_value=time.time() + 8 * DAY):
        for method in (client.get, client.post):
            response = method(path)
            assert response.status_code == 410
            assert f'href="{PAGE}"' in response.text
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is None


def test_the_link_works_for_six_days(client):
    subscriber = SubscriberFactory(pending=True)
    path = confirm_path(subscriber)
    with mock.patch("time.time", return_value=time.time() + 6 * DAY):
        assert client.post(path).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is not None


@pytest.mark.parametrize(
    "make_token",
    [
        pytest.param(lambda subscriber: "abc", id="made up"),
        pytest.param(lambda subscriber: tampered(confirm_token(subscriber)), id="tampered"),
        pytest.param(
            lambda subscriber: signing.dumps(
                {"s": subscriber.pk, "a": address_digest(subscriber.email)}, salt="other"
            ),
            id="other salt",
        ),
        pytest.param(
            lambda subscriber: signing.dumps(
                {"s": subscriber.pk, "a": address_digest("someone@example.org")},
                salt=CONFIRM_SALT,
            ),
            id="other address",
        ),
        pytest.param(lambda subscriber: unsubscribe_token(subscriber), id="unsubscribe token"),
    ],
)
def test_a_broken_link_is_not_found_and_changes_nothing(client, make_token):
    subscriber = SubscriberFactory(pending=True)
    path = f"/newsletter/bestaetigen/{make_token(subscriber)}/"
    for method in (client.get, client.post):
        response = method(path)
        assert response.status_code == 404
        assert f'href="{PAGE}"' in response.text
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is None


def test_the_link_of_an_ended_subscription_does_not_confirm_a_new_one(client):
    old = SubscriberFactory(email="anna@example.org", pending=True)
    path = confirm_path(old)
    old.delete()
    new = SubscriberFactory(email="anna@example.org", pending=True)
    assert client.post(path).status_code == 404
    new.refresh_from_db()
    assert new.confirmed_at is None


def test_confirming_needs_the_csrf_token():
    subscriber = SubscriberFactory(pending=True)
    client = Client(enforce_csrf_checks=True)
    assert client.post(confirm_path(subscriber)).status_code == 403
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is None


# Unsubscribing from the link in an issue


def test_opening_the_unsubscribe_link_asks_and_changes_nothing(client):
    subscriber = SubscriberFactory(email="anna@example.org")
    path = unsubscribe_path(subscriber)
    response = client.get(path)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert '<meta name="robots" content="noindex">' in response.text
    assert f'<form method="post" action="{path}">' in response.text
    assert "anna@example.org" in response.text
    assert Subscriber.objects.exists()


def test_the_button_unsubscribes_without_sign_in_and_keeps_nothing(client):
    subscriber = SubscriberFactory(email="Anna@Example.org")
    other = SubscriberFactory()
    path = unsubscribe_path(subscriber)
    response = client.post(path)
    assert response.status_code == 200
    assert "Anna@Example.org" in response.text
    assert list(Subscriber.objects.all()) == [other]
    assert f'href="{PAGE}"' in response.text
    # The link again: nothing more to do, and nothing else changes.
    for method in (client.post, client.get):
        again = method(path)
        assert again.status_code == 200
        assert "<form" not in again.text.split("<main")[1].split("</main>")[0]
    assert list(Subscriber.objects.all()) == [other]


def test_one_click_unsubscribe_of_mail_providers_needs_no_csrf_token():
    """RFC 8058: the provider POSTs `List-Unsubscribe=One-Click` without cookies."""
    subscriber = SubscriberFactory(email="anna@example.org")
    response = Client(enforce_csrf_checks=True).post(
        unsubscribe_path(subscriber),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not Subscriber.objects.exists()


def test_the_unsubscribe_link_does_not_expire(client):
    subscriber = SubscriberFactory(email="anna@example.org")
    path = unsubscribe_path(subscriber)
    with mock.patch("time.time", return_value=time.time() + 400 * DAY):
        assert client.post(path).status_code == 200
    assert not Subscriber.objects.exists()


def test_the_token_decides_which_subscription_ends_not_who_is_signed_in(client, user):
    SubscriberFactory(email=user.email)
    anna = SubscriberFactory(email="anna@example.org")
    client.force_login(user)
    client.post(unsubscribe_path(anna))
    assert list(Subscriber.objects.values_list("email", flat=True)) == [user.email]


def test_the_link_of_an_ended_subscription_leaves_a_new_one_alone(client):
    old = SubscriberFactory(email="anna@example.org")
    path = unsubscribe_path(old)
    old.delete()
    SubscriberFactory(email="anna@example.org")
    assert client.post(path).status_code == 200
    assert Subscriber.objects.exists()


def test_a_token_is_bound_to_the_address():
    subscriber = SubscriberFactory(email="anna@example.org")
    forged = signing.dumps(
        {"s": subscriber.pk, "a": address_digest("bernd@example.org")}, salt=UNSUBSCRIBE_SALT
    )
    Client().post(f"/newsletter/abbestellen/{forged}/")
    assert Subscriber.objects.exists()


@pytest.mark.parametrize(
    "make_token",
    [
        pytest.param(lambda subscriber: "abc", id="made up"),
        pytest.param(lambda subscriber: tampered(unsubscribe_token(subscriber)), id="tampered"),
        pytest.param(
            lambda subscriber: signing.dumps({"s": subscriber.pk}, salt="other"), id="other salt"
        ),
        pytest.param(
            lambda subscriber: signing.dumps({"s": "1"}, salt=UNSUBSCRIBE_SALT), id="no id"
        ),
        pytest.param(lambda subscriber: confirm_token(subscriber), id="confirmation token"),
    ],
)
def test_a_bad_unsubscribe_link_is_not_found_and_changes_nothing(client, make_token):
    subscriber = SubscriberFactory(email="anna@example.org")
    path = f"/newsletter/abbestellen/{make_token(subscriber)}/"
    for method in (client.get, client.post):
        assert method(path).status_code == 404
    assert Subscriber.objects.exists()


# Signed-in people end their own subscriptions


def test_signed_in_people_unsubscribe_on_the_page(client, user):
    own = SubscriberFactory(email=user.email)
    client.force_login(user)
    response = client.post(END, {"subscriber": own.pk})
    assert response.status_code == 302
    assert response["Location"] == PAGE
    assert not Subscriber.objects.exists()
    assert user.email in client.get(PAGE).text  # the notice names the address


def test_nobody_ends_a_subscription_that_is_not_theirs(client, user):
    EmailAddress.objects.create(user=user, email="fremd@example.org", verified=False)
    unproven = SubscriberFactory(email="fremd@example.org")
    strangers = SubscriberFactory(email="nachbar@example.org")
    client.force_login(user)
    for subscriber in (unproven, strangers):
        assert client.post(END, {"subscriber": subscriber.pk}).status_code == 404
    assert client.post(END, {"subscriber": "x"}).status_code == 404
    assert client.post(END, {}).status_code == 404
    assert Subscriber.objects.count() == 2


def test_ending_on_the_page_needs_sign_in_post_and_csrf(user):
    subscriber = SubscriberFactory(email=user.email)
    anonymous = Client()
    response = anonymous.post(END, {"subscriber": subscriber.pk})
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(user)
    assert strict.post(END, {"subscriber": subscriber.pk}).status_code == 403
    strict_get = Client()
    strict_get.force_login(user)
    assert strict_get.get(END).status_code == 405
    assert Subscriber.objects.exists()


# Queries


def count_queries(client, path):
    client.get(path)  # warms caches a running site has filled long ago
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def add_subscribed_addresses(user, n):
    for _ in range(n):
        address = EmailAddress.objects.create(
            user=user,
            email=f"{user.username}.{EmailAddress.objects.count()}@example.org",
            verified=True,
        )
        SubscriberFactory(email=address.email)


def test_the_page_takes_the_same_queries_for_few_and_many_subscriptions(client):
    person = UserFactory()
    client.force_login(person)
    add_subscribed_addresses(person, 3)
    few = count_queries(client, PAGE)
    add_subscribed_addresses(person, 27)
    assert count_queries(client, PAGE) == few
    SubscriberFactory.create_batch(10)  # others' subscriptions change nothing either
    assert count_queries(client, PAGE) == few


def test_the_page_needs_no_query_for_anonymous_visitors(client):
    SubscriberFactory.create_batch(5)
    assert count_queries(client, PAGE) <= 1
