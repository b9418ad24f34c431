"""The outbox: a mail exists only if its transaction committed, is retried while the mail
server refuses it, and administrators see and resend what is stuck."""

import datetime
import smtplib

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.core.mail.backends.locmem import EmailBackend
from django.db import transaction
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from klmitwirkung.privacy import export_personal_data, prepare_account_deletion
from outbox import services
from outbox.models import Mail
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

MAILS = "/admin/outbox/mail/"


def message(to="anna@example.org", subject="Hallo"):
    result = EmailMultiAlternatives(subject=subject, body="Text", to=[to])
    result.attach_alternative("<p>Text</p>", "text/html")
    return result


@pytest.fixture
def refusing(monkeypatch):
    """The locmem mail server refuses every mail until `refusing.undo()`."""

    def refuse(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr(EmailBackend, "send_messages", refuse)
    return monkeypatch


def test_no_mail_about_what_was_rolled_back(committed):
    with committed(), pytest.raises(RuntimeError), transaction.atomic():
        services.queue_mail(message())
        raise RuntimeError("the change fails after the mail was queued")
    assert not Mail.objects.exists()
    assert mail.outbox == []


def test_a_queued_mail_is_sent_after_the_commit_with_both_parts(committed):
    with committed(execute=False) as callbacks:
        services.queue_mail(message(), purpose="test")
    assert mail.outbox == []
    assert Mail.objects.get().status == Mail.Status.WAITING
    with committed():
        for callback in callbacks:
            callback()
    [sent] = mail.outbox
    assert sent.to == ["anna@example.org"]
    assert sent.alternatives[0].content == "<p>Text</p>"
    stored = Mail.objects.get()
    assert stored.status == Mail.Status.SENT
    assert stored.sent_at is not None
    assert (stored.body, stored.html) == ("", "")  # the text is not kept once sent


def test_an_address_the_server_refuses_fails_at_once(monkeypatch, committed):
    def refuse(self, messages):
        raise smtplib.SMTPRecipientsRefused({"x@example.org": (550, b"no such user")})

    monkeypatch.setattr(EmailBackend, "send_messages", refuse)
    with committed():
        services.queue_mail(message(to="x@example.org"))
    stored = Mail.objects.get()
    assert stored.status == Mail.Status.FAILED
    assert "550" in stored.last_error


def test_with_the_database_queue_a_retry_waits_in_the_queue(database_queue, refusing, committed):
    with committed():
        [queued] = services.queue_mail(message())
    # The first attempt is the worker's.
    [first] = DBTaskResult.objects.all()
    assert first.args_kwargs["args"] == [[queued.pk]]
    with committed():
        services.deliver(queued.pk)
    queued.refresh_from_db()
    assert queued.status == Mail.Status.WAITING
    retry = DBTaskResult.objects.exclude(pk=first.pk).get()
    assert retry.run_after == queued.next_attempt_at
    assert retry.args_kwargs["args"] == [[queued.pk]]


# The admin


@pytest.fixture
def superuser_client():
    client = Client()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_only_administrators_see_the_mails(client):
    assert client.get(MAILS).status_code == 302  # to the sign-in
    client.force_login(UserFactory())
    assert client.get(MAILS).status_code == 302
    client.force_login(UserFactory(is_staff=True, groups=["Moderation"]))
    assert client.get(MAILS).status_code == 403
    client.force_login(UserFactory(is_staff=True, groups=["Redaktion"]))
    assert client.get(MAILS).status_code == 403


def test_administrators_send_failed_mails_again(superuser_client, refusing, committed):
    with committed():
        services.queue_mail(message(to="a@example.org"))
        services.queue_mail(message(to="b@example.org"))
    Mail.objects.update(status=Mail.Status.FAILED)
    page = superuser_client.get(MAILS + "?status=failed")
    assert "a@example.org" in page.text and "b@example.org" in page.text
    assert "Erneut senden" in page.text
    refusing.undo()  # the mail server is back
    with committed():
        response = superuser_client.post(
            MAILS,
            {
                "action": "send_again",
                "_selected_action": list(Mail.objects.values_list("pk", flat=True)),
            },
        )
    assert response.status_code == 302
    assert sorted(sent.to[0] for sent in mail.outbox) == ["a@example.org", "b@example.org"]
    assert set(Mail.objects.values_list("status", flat=True)) == {Mail.Status.SENT}


def test_send_again_needs_a_post_with_the_token(refusing, committed):
    with committed():
        services.queue_mail(message())
    client = Client(enforce_csrf_checks=True)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.post(
        MAILS, {"action": "send_again", "_selected_action": [Mail.objects.get().pk]}
    )
    assert response.status_code == 403


@pytest.mark.parametrize("count", [3, 30])
def test_the_list_needs_the_same_queries_for_3_and_30_mails(
    superuser_client, django_assert_num_queries, count
):
    now = timezone.now()
    Mail.objects.bulk_create(
        Mail(
            recipient=f"p{number}@example.org",
            subject="Betreff",
            from_email="noreply@klmitwirkung.de",
            give_up_at=now + datetime.timedelta(days=1),
        )
        for number in range(count)
    )
    superuser_client.get(MAILS)  # sessions and permissions warmed up
    with django_assert_num_queries(9):
        response = superuser_client.get(MAILS)
    assert response.text.count("@example.org</") >= min(count, 100)


# The person's data


def test_mails_to_a_person_are_in_the_export_and_go_with_the_account(committed, refusing):
    person = UserFactory(email="anna@example.org")
    with committed():
        services.queue_mail(message(to="Anna@Example.org", subject="Ihr Code"))
        services.queue_mail(message(to="bernd@example.org"))
    assert [item["subject"] for item in export_personal_data(person)["emails"]] == ["Ihr Code"]
    prepare_account_deletion(person)
    assert list(Mail.objects.values_list("recipient", flat=True)) == ["bernd@example.org"]


def test_mails_to_an_address_the_person_has_not_confirmed_are_not_theirs(committed, refusing):
    """Anybody can type another person's address into their account; it is not theirs."""
    from allauth.account.models import EmailAddress

    person = UserFactory(email="anna@example.org")
    EmailAddress.objects.create(user=person, email="bernd@example.org", verified=False)
    with committed():
        services.queue_mail(message(to="bernd@example.org", subject="Ihr Anmeldecode"))
    assert export_personal_data(person)["emails"] == []
    prepare_account_deletion(person)
    assert list(Mail.objects.values_list("recipient", flat=True)) == ["bernd@example.org"]
