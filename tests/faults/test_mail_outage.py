"""The mail server goes away and comes back: every mail arrives, once, and nobody sees an
error page or is left with half an account.

Mail goes over real SMTP to a sink of the test's own (tests/processes.py), which first
answers every connection with 421, as a mail server down for maintenance does, and later
accepts. The outbox (outbox/) keeps each mail until the server has taken it.
"""

import datetime
import email
import email.policy
import re
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from outbox import services
from outbox.models import RETRY_PERIOD, Mail
from tests.accounts.factories import UserFactory
from tests.accounts.test_views import signup_data

pytestmark = pytest.mark.django_db


def parsed(raw):
    return email.message_from_string(raw, policy=email.policy.default)


def text_of(raw):
    return parsed(raw).get_body(preferencelist=("plain",)).get_content()


def later(minutes):
    return timezone.now() + datetime.timedelta(minutes=minutes)


def test_sign_up_while_the_mail_server_is_down(smtp_sink, committed):
    client = Client()
    with committed():
        response = client.post("/konto/signup/", signup_data())

    # The normal next step, no error page; one account; the mail waits.
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert User.objects.filter(email="neu@example.org").count() == 1
    assert smtp_sink.connections == 1 and smtp_sink.received == []
    waiting = Mail.objects.get()
    assert waiting.status == Mail.Status.WAITING
    assert waiting.attempts == 1
    assert "421" in waiting.last_error
    assert waiting.purpose == "account/email/email_confirmation_signup"

    # Trying again does not say that the address is taken, and makes no second account
    # (nor a second mail at once: allauth sends one confirmation per address every 3 min).
    with committed():
        again = Client().post("/konto/signup/", signup_data(username="Nochmal_Ich"))
    assert again["Location"] == reverse("account_email_verification_sent")
    assert User.objects.count() == 1

    # The server is back; the next round of the queue delivers each mail once.
    smtp_sink.accepting = True
    with committed():
        call_command("send_waiting_mails", stdout=StringIO())
    assert Mail.objects.get().status == Mail.Status.WAITING  # not due yet
    with committed():
        services.send_due_mails(now=later(2))
    assert len(smtp_sink.received) == 1
    assert Mail.objects.get().status == Mail.Status.SENT
    with committed():
        assert services.send_due_mails(now=later(10)) == {}
    assert len(smtp_sink.received) == 1  # once

    # The confirmation link in the delivered mail works; the text is no longer stored.
    [confirmation] = smtp_sink.received
    assert parsed(confirmation)["To"] == "neu@example.org"
    link = re.search(r"/konto/confirm-email/\S+/", text_of(confirmation)).group(0)
    client.post(link)
    assert EmailAddress.objects.get(email="neu@example.org").verified
    assert Mail.objects.get(pk=waiting.pk).body == ""


def test_login_code_and_password_reset_wait_for_the_server_too(smtp_sink, committed):
    user = UserFactory()
    with committed():
        code = Client().post("/konto/login/code/", {"email": user.email})
        reset = Client().post("/konto/password/reset/", {"email": user.email})
    assert code.status_code == reset.status_code == 302
    assert Mail.objects.waiting().count() == 2

    smtp_sink.accepting = True
    with committed():
        services.send_due_mails(now=later(2))
    subjects = sorted(parsed(raw)["Subject"] for raw in smtp_sink.received)
    assert len(subjects) == 2
    assert all(subject.startswith("[KLmitWirkung]") for subject in subjects)


def test_a_mail_is_tried_for_a_day_then_marked_failed(smtp_sink, committed):
    user = UserFactory()
    with committed():
        Client().post("/konto/password/reset/", {"email": user.email})
    mail = Mail.objects.get()
    start = mail.last_attempt_at  # the first attempt, right after the request
    attempts_at = []
    now = start
    while mail.status == Mail.Status.WAITING:
        now = mail.next_attempt_at
        with committed():
            services.deliver(mail.pk, now=now)
        mail.refresh_from_db()
        attempts_at.append(now)
    pauses = [b - a for a, b in zip([start, *attempts_at], attempts_at, strict=False)]
    assert [pause.total_seconds() / 60 for pause in pauses[:5]] == [1, 5, 15, 30, 60]
    assert now - start >= datetime.timedelta(hours=24)
    assert now <= start + RETRY_PERIOD
    assert mail.status == Mail.Status.FAILED
    assert smtp_sink.received == []
