"""Double opt-in, unsubscribing and sending issues, as services and background tasks."""

import datetime
import re
import smtplib

import pytest
from django.conf import settings as conf
from django.core import mail, signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.ratelimit import RateLimited
from newsletter import services, tasks
from newsletter.models import Issue, Subscriber
from newsletter.tokens import read_confirm_token, read_unsubscribe_token
from tests.accounts.factories import UserFactory

from .factories import IssueFactory, SubscriberFactory

pytestmark = pytest.mark.django_db

CONSENT = "Ich möchte den Newsletter erhalten."
CLIENT = "203.0.113.7"


def subscribe(email="anna@example.org", client=CLIENT):
    return services.subscribe(email=email, consent_text=CONSENT, client=client)


def link_in(message, part):
    return re.search(rf"(http\S+/newsletter/{part}/\S+/)", message.body).group(1)


def token_of(link):
    return link.rstrip("/").rsplit("/", 1)[1]


# Subscribing: double opt-in


def test_subscribing_stores_the_consent_and_mails_the_link_only_after_the_commit(
    django_capture_on_commit_callbacks,
):
    before = timezone.now()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        subscriber = subscribe(" anna@example.org ")
    assert mail.outbox == []  # nothing is sent inside the transaction
    assert len(callbacks) == 1

    subscriber.refresh_from_db()
    assert subscriber.email == "anna@example.org"
    assert subscriber.consent_text == CONSENT
    assert before <= subscriber.consented_at <= timezone.now()
    assert subscriber.confirmed_at is None  # inactive until confirmed
    assert not Subscriber.objects.confirmed().exists()

    with django_capture_on_commit_callbacks(execute=True):  # and the mail it queues
        callbacks[0]()
    [message] = mail.outbox
    assert message.to == ["anna@example.org"]
    assert "[KLmitWirkung]" in message.subject
    link = link_in(message, "bestaetigen")
    assert link.startswith(f"{conf.SITE_URL}/newsletter/bestaetigen/")
    assert "anna" not in signing.b64_decode(token_of(link).split(":")[0].encode()).decode()
    assert read_confirm_token(token_of(link)) == subscriber
    html = message.alternatives[0].content
    assert f'href="{link}"' in html
    # The confirmation mail is not a list mail: no unsubscribe header.
    assert "List-Unsubscribe" not in message.extra_headers


def test_an_unconfirmed_subscriber_gets_no_issue(editor, django_capture_on_commit_callbacks):
    subscribe()
    with pytest.raises(ValidationError):
        services.send_issue(issue=IssueFactory(), by=editor)


def test_subscribing_again_before_confirming_renews_the_consent_and_sends_a_new_link(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        first = subscribe("anna@example.org")
    Subscriber.objects.filter(pk=first.pk).update(
        consented_at=timezone.now() - datetime.timedelta(days=2), consent_text="alt"
    )
    with django_capture_on_commit_callbacks(execute=True):
        again = subscribe("Anna@Example.ORG")
    assert again.pk == first.pk
    assert Subscriber.objects.count() == 1
    again.refresh_from_db()
    assert again.consent_text == CONSENT
    assert again.consented_at > timezone.now() - datetime.timedelta(minutes=1)
    assert len(mail.outbox) == 2
    assert all("/newsletter/bestaetigen/" in message.body for message in mail.outbox)


def test_a_confirmed_subscriber_who_subscribes_again_keeps_one_subscription(
    django_capture_on_commit_callbacks,
):
    subscriber = SubscriberFactory(email="anna@example.org", consent_text="ursprünglich")
    with django_capture_on_commit_callbacks(execute=True):
        subscribe("ANNA@example.org")
    assert Subscriber.objects.count() == 1
    after = Subscriber.objects.get()
    assert after.confirmed_at == subscriber.confirmed_at
    assert after.consent_text == "ursprünglich"
    # The owner of the address hears that nothing changed, and how to leave.
    [message] = mail.outbox
    assert message.to == ["anna@example.org"]
    assert "/newsletter/bestaetigen/" not in message.body
    assert read_unsubscribe_token(token_of(link_in(message, "abbestellen"))) == subscriber


def test_the_database_keeps_one_row_per_address_whatever_its_case():
    SubscriberFactory(email="anna@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        SubscriberFactory(email="ANNA@example.org")


def test_an_invalid_address_is_refused_and_nothing_is_stored():
    with pytest.raises(ValidationError):
        subscribe("keine-adresse")
    assert not Subscriber.objects.exists()


def test_confirmation_mails_per_address_are_limited_silently(
    settings, django_capture_on_commit_callbacks
):
    settings.NEWSLETTER_RATE_LIMITS = {"address": "2/d", "client": "100/h"}
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(5):
            subscribe("anna@example.org", client=f"198.51.100.{number}")
            subscribe(f"other{number}@example.org", client=f"198.51.100.{number}")
    to_anna = [message for message in mail.outbox if message.to == ["anna@example.org"]]
    assert len(to_anna) == 2  # nobody can flood an inbox
    assert len(mail.outbox) == 2 + 5
    assert Subscriber.objects.count() == 6


def test_requests_per_client_are_limited(settings, django_capture_on_commit_callbacks):
    settings.NEWSLETTER_RATE_LIMITS = {"address": "100/d", "client": "3/h"}
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(3):
            subscribe(f"person{number}@example.org")
        with pytest.raises(RateLimited):
            subscribe("person3@example.org")
        subscribe("person4@example.org", client="198.51.100.1")  # another client
    assert len(mail.outbox) == 4
    assert not Subscriber.objects.filter(email="person3@example.org").exists()


# Confirming and unsubscribing


def test_confirming_activates_the_subscription_once():
    subscriber = SubscriberFactory(pending=True)
    assert services.confirm_subscription(subscriber=subscriber)
    confirmed_at = subscriber.confirmed_at
    assert confirmed_at is not None
    assert Subscriber.objects.confirmed().get() == subscriber
    assert not services.confirm_subscription(subscriber=subscriber)
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at == confirmed_at


def test_unsubscribing_deletes_the_address_and_a_new_subscription_starts_over(
    django_capture_on_commit_callbacks,
):
    subscriber = SubscriberFactory(email="anna@example.org")
    other = SubscriberFactory()
    assert services.unsubscribe(subscriber=subscriber)
    assert not Subscriber.objects.filter(pk=subscriber.pk).exists()
    assert Subscriber.objects.filter(pk=other.pk).exists()
    assert not services.unsubscribe(subscriber=subscriber)

    with django_capture_on_commit_callbacks(execute=True):
        again = subscribe("anna@example.org")
    assert again.pk != subscriber.pk
    assert again.confirmed_at is None  # double opt-in again
    assert "/newsletter/bestaetigen/" in mail.outbox[0].body


def test_a_subscription_ended_before_the_mail_goes_gets_no_mail(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        subscriber = subscribe("anna@example.org")
    services.unsubscribe(subscriber=subscriber)
    with django_capture_on_commit_callbacks(execute=True):  # and what they queue
        for callback in callbacks:
            callback()
    assert mail.outbox == []


def test_signed_in_people_end_only_subscriptions_of_their_confirmed_addresses(user):
    own = SubscriberFactory(email=user.email.upper())
    strangers = SubscriberFactory()
    with pytest.raises(PermissionDenied):
        services.end_subscription(subscriber=strangers, by=user)
    assert services.end_subscription(subscriber=own, by=user)
    assert list(Subscriber.objects.all()) == [strangers]


def test_unconfirmed_subscriptions_are_pruned_when_their_link_has_expired():
    old = timezone.now() - datetime.timedelta(days=8)
    expired = SubscriberFactory(pending=True, consented_at=old)
    waiting = SubscriberFactory(pending=True)
    confirmed_long_ago = SubscriberFactory(consented_at=old)
    call_command("prune_newsletter", verbosity=0)
    assert set(Subscriber.objects.all()) == {waiting, confirmed_long_ago}
    assert not Subscriber.objects.filter(pk=expired.pk).exists()


# Sending an issue


def test_an_issue_goes_once_to_each_confirmed_subscriber_after_the_commit(
    editor, django_capture_on_commit_callbacks
):
    anna = SubscriberFactory(email="anna@example.org")
    bernd = SubscriberFactory(email="bernd@example.org")
    SubscriberFactory(email="wartend@example.org", pending=True)
    gone = SubscriberFactory(email="weg@example.org")
    services.unsubscribe(subscriber=gone)
    issue = IssueFactory(subject="Neues im Mai")

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert services.send_issue(issue=issue, by=editor) == 2
    assert mail.outbox == []
    issue.refresh_from_db()
    assert issue.sent_at is not None
    assert issue.sent_by == editor
    assert issue.recipient_count == 2
    with django_capture_on_commit_callbacks(execute=True):  # and what they queue
        for callback in callbacks:
            callback()

    assert sorted(message.to[0] for message in mail.outbox) == [anna.email, bernd.email]
    for message in mail.outbox:
        assert message.subject == "[KLmitWirkung] Neues im Mai"
        assert "die zweite Runde von Stadt.Raum.Wir. ist eröffnet." in message.body
        link = link_in(message, "abbestellen")
        # Each mail has its own unsubscribe link, for its own address.
        assert read_unsubscribe_token(token_of(link)).email == message.to[0]
        assert "@" not in link  # the address is not readable in the link
        assert message.extra_headers["List-Unsubscribe"] == f"<{link}>"
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert f'href="{link}"' in message.alternatives[0].content
    issue.refresh_from_db()
    assert issue.delivered_count == 2
    assert issue.failed_count == 0
    assert issue.delivery_finished_at is not None

    # Sending again sends nothing.
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(ValidationError):
            services.send_issue(issue=issue, by=editor)
        with pytest.raises(ValidationError):
            services.send_issue(issue=Issue.objects.get(pk=issue.pk), by=editor)
    assert len(mail.outbox) == 2


def test_a_second_run_of_the_task_sends_nothing_twice(editor, django_capture_on_commit_callbacks):
    SubscriberFactory()
    issue = IssueFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.send_issue(issue=issue, by=editor)
    assert len(mail.outbox) == 1
    assert tasks.send_issue.call(issue.pk) == 0
    assert len(mail.outbox) == 1


def test_who_confirms_after_the_sending_does_not_get_that_issue(
    editor, django_capture_on_commit_callbacks
):
    SubscriberFactory(email="frueh@example.org")
    late = SubscriberFactory(email="spaet@example.org", pending=True)
    issue = IssueFactory()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.send_issue(issue=issue, by=editor)
    services.confirm_subscription(subscriber=late)
    with django_capture_on_commit_callbacks(execute=True):  # and what they queue
        for callback in callbacks:
            callback()
    assert [message.to for message in mail.outbox] == [["frueh@example.org"]]


def test_one_failing_address_does_not_stop_the_others(
    editor, monkeypatch, django_capture_on_commit_callbacks
):
    SubscriberFactory(email="a@example.org")
    SubscriberFactory(email="kaputt@example.org")
    SubscriberFactory(email="c@example.org")
    send_messages = EmailBackend.send_messages

    def refuse_one(self, messages):
        if messages[0].to == ["kaputt@example.org"]:
            raise smtplib.SMTPRecipientsRefused({"kaputt@example.org": (550, b"no")})
        return send_messages(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", refuse_one)
    issue = IssueFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.send_issue(issue=issue, by=editor)
    assert sorted(message.to[0] for message in mail.outbox) == ["a@example.org", "c@example.org"]
    issue.refresh_from_db()
    assert (issue.delivered_count, issue.failed_count) == (2, 1)


@pytest.mark.parametrize("role", ["user", "moderator"])
def test_only_people_with_the_permission_send(role, request, django_capture_on_commit_callbacks):
    person = request.getfixturevalue(role)
    SubscriberFactory()
    issue = IssueFactory()
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(PermissionDenied):
            services.send_issue(issue=issue, by=person)
        with pytest.raises(PermissionDenied):
            services.send_test_issue(issue=issue, by=person)
    issue.refresh_from_db()
    assert issue.sent_at is None
    assert mail.outbox == []


def test_superusers_may_send():
    admin = UserFactory(is_staff=True, is_superuser=True)
    SubscriberFactory()
    assert services.send_issue(issue=IssueFactory(), by=admin) == 1


def test_a_test_mail_goes_to_the_editor_only_and_does_not_send_the_issue(
    editor, django_capture_on_commit_callbacks
):
    SubscriberFactory()
    issue = IssueFactory(subject="Entwurf")
    with django_capture_on_commit_callbacks(execute=True):
        services.send_test_issue(issue=issue, by=editor)
    [message] = mail.outbox
    assert message.to == [editor.email]
    assert message.subject.startswith("[KLmitWirkung] [")
    assert message.subject.endswith("] Entwurf")
    issue.refresh_from_db()
    assert issue.sent_at is None


def test_what_editors_write_is_escaped_or_sanitised_in_the_html_mail(
    editor, django_capture_on_commit_callbacks
):
    SubscriberFactory()
    issue = IssueFactory(
        subject="<b>Fett</b> & Co",
        body_text="<script>alert(1)</script>\n\nMehr unter www.example.org",
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.send_issue(issue=issue, by=editor)
    [message] = mail.outbox
    assert message.subject == "[KLmitWirkung] <b>Fett</b> & Co"  # a mail subject is plain text
    assert "<script>alert(1)</script>" in message.body  # plain text stays as written
    html = message.alternatives[0].content
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<title>&lt;b&gt;Fett&lt;/b&gt; &amp; Co</title>" in html
    assert '<a href="https://www.example.org"' in html


def test_the_formatted_text_is_sanitised_when_saved_and_when_sent(
    editor, django_capture_on_commit_callbacks
):
    issue = IssueFactory.build(
        subject="Zeile eins\nZeile zwei",
        body_html='<h2>Neu</h2><script>alert(1)</script><p onclick="x()">Text</p>',
    )
    issue.full_clean()
    issue.save()
    assert issue.subject == "Zeile eins Zeile zwei"
    assert issue.body_html == "<h2>Neu</h2><p>Text</p>"
    # Even a value that reached the database unsanitised is cleaned in the mail.
    Issue.objects.filter(pk=issue.pk).update(body_html="<p>Hallo</p><script>alert(2)</script>")
    SubscriberFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.send_issue(issue=Issue.objects.get(pk=issue.pk), by=editor)
    html = mail.outbox[0].alternatives[0].content
    assert "<p>Hallo</p>" in html
    assert "alert(2)" not in html


# Production: the worker sends


# The worker manages its own database connection, so this test commits for real;
# serialized_rollback puts back the staff groups that the flush afterwards removes.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_in_production_the_worker_sends_confirmation_and_issue(database_queue):
    from django_tasks_db.models import DBTaskResult

    editor = UserFactory(is_staff=True, groups=["Redaktion"])
    subscriber = subscribe("anna@example.org")
    assert mail.outbox == []
    assert DBTaskResult.objects.count() == 1
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert [message.to for message in mail.outbox] == [["anna@example.org"]]

    services.confirm_subscription(subscriber=subscriber)
    assert services.send_issue(issue=IssueFactory(), by=editor) == 1
    assert len(mail.outbox) == 1
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert [message.to for message in mail.outbox] == [["anna@example.org"]] * 2
    assert "List-Unsubscribe" in mail.outbox[1].extra_headers


def test_each_subscriber_gets_the_issue_in_their_language(
    editor, django_capture_on_commit_callbacks
):
    SubscriberFactory(email="anna@example.org", language="de")
    SubscriberFactory(email="resident@example.org", language="en")
    issue = IssueFactory(
        subject="Neues im Mai",
        subject_en="News in May",
        body_text="Die Umfrage läuft.",
        body_text_en="The survey is open.",
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.send_issue(issue=issue, by=editor)
    by_address = {message.to[0]: message for message in mail.outbox}
    english = by_address["resident@example.org"]
    assert english.subject == "[KLmitWirkung] News in May"
    assert "The survey is open." in english.body
    assert "/en/newsletter/" in english.body
    german = by_address["anna@example.org"]
    assert german.subject == "[KLmitWirkung] Neues im Mai"
    assert "Die Umfrage läuft." in german.body
    assert "/en/" not in german.body


def test_without_english_the_english_subscriber_gets_the_german_issue(
    editor, django_capture_on_commit_callbacks
):
    SubscriberFactory(email="resident@example.org", language="en")
    issue = IssueFactory(subject="Neues im Mai", body_text="Die Umfrage läuft.")
    with django_capture_on_commit_callbacks(execute=True):
        services.send_issue(issue=issue, by=editor)
    [message] = mail.outbox
    assert message.subject == "[KLmitWirkung] Neues im Mai"
    assert "Die Umfrage läuft." in message.body


def test_subscribing_on_an_english_page_keeps_english(client, django_capture_on_commit_callbacks):
    from newsletter.models import Subscriber

    with django_capture_on_commit_callbacks(execute=True):
        response = client.get("/en/newsletter/")
        assert response.status_code == 200
    form = response.context["form"]
    data = {name: "on" for name, field in form.fields.items() if field.required}
    data["email"] = "resident@example.org"
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/newsletter/", data)
    subscriber = Subscriber.objects.get(email="resident@example.org")
    assert subscriber.language == "en"
    [message] = mail.outbox
    assert "/en/newsletter/" in message.body
