"""Editors in the admin: subscribers as a record, issues written, previewed, tested, sent once."""

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.core import mail
from django.test import Client

from newsletter.models import Issue, Subscriber
from tests.accounts.factories import UserFactory

from .factories import IssueFactory, SubscriberFactory

pytestmark = pytest.mark.django_db

SUBSCRIBERS = "/admin/newsletter/subscriber/"
ISSUES = "/admin/newsletter/issue/"


def issue_url(issue, action="change"):
    return f"{ISSUES}{issue.pk}/{action}/"


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def superuser():
    return UserFactory(is_staff=True, is_superuser=True)


@pytest.fixture
def subscribers():
    return [
        SubscriberFactory(email="anna@example.org"),
        SubscriberFactory(email="bernd@example.org"),
        SubscriberFactory(email="wartend@example.org", pending=True),
    ]


# Who gets in


def all_pages(issue):
    return [
        ("get", SUBSCRIBERS),
        ("get", ISSUES),
        ("get", f"{ISSUES}add/"),
        ("get", issue_url(issue)),
        ("get", issue_url(issue, "preview")),
        ("get", issue_url(issue, "send")),
        ("post", issue_url(issue, "send")),
        ("post", issue_url(issue, "send-test")),
    ]


@pytest.mark.parametrize("role", ["anonymous", "citizen"])
def test_people_without_staff_status_are_sent_to_the_admin_login(role, subscribers):
    client = Client()
    if role == "citizen":
        client.force_login(UserFactory())
    issue = IssueFactory()
    for method, path in all_pages(issue):
        response = getattr(client, method)(path)
        assert response.status_code == 302, path
        assert "/login/" in response["Location"], path
    issue.refresh_from_db()
    assert issue.sent_at is None
    assert mail.outbox == []


def test_a_moderator_without_the_permission_is_refused(client, moderator, subscribers, committed):
    client.force_login(moderator)
    issue = IssueFactory()
    with committed():
        for method, path in all_pages(issue):
            assert getattr(client, method)(path).status_code == 403, path
    issue.refresh_from_db()
    assert issue.sent_at is None
    assert mail.outbox == []
    assert "/admin/newsletter/" not in client.get("/admin/").text


def test_an_editor_may_read_but_not_send_without_the_send_permission(
    client, subscribers, committed
):
    reader = UserFactory(is_staff=True)
    reader.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_issue", "change_issue"])
    )
    client.force_login(reader)
    issue = IssueFactory()
    assert client.get(issue_url(issue)).status_code == 200
    assert client.get(issue_url(issue, "send")).status_code == 403
    with committed():
        assert client.post(issue_url(issue, "send")).status_code == 403
        client.post(issue_url(issue, "send-test"))
    assert mail.outbox == []
    issue.refresh_from_db()
    assert issue.sent_at is None


# Subscribers: a record, not edited


def test_editors_see_and_search_the_subscribers_but_cannot_change_consent(
    client, editor, subscribers
):
    client.force_login(editor)
    response = client.get(SUBSCRIBERS)
    assert response.status_code == 200
    for subscriber in subscribers:
        assert subscriber.email in response.text
    assert f'href="{SUBSCRIBERS}add/"' not in response.text

    found = client.get(SUBSCRIBERS, {"q": "bernd"}).text
    assert "bernd@example.org" in found
    assert "anna@example.org" not in found
    pending = client.get(SUBSCRIBERS, {"confirmed": "no"}).text
    assert "wartend@example.org" in pending
    assert "anna@example.org" not in pending

    anna = subscribers[0]
    page = client.get(f"{SUBSCRIBERS}{anna.pk}/change/")
    assert page.status_code == 200
    assert anna.consent_text in page.text
    assert 'name="consent_text"' not in page.text
    assert 'name="email"' not in page.text
    client.post(f"{SUBSCRIBERS}{anna.pk}/change/", {"email": "x@example.org"})
    assert client.get(f"{SUBSCRIBERS}add/").status_code == 403
    anna.refresh_from_db()
    assert anna.email == "anna@example.org"


def test_editors_may_delete_a_subscriber_on_request(client, editor, subscribers):
    client.force_login(editor)
    anna = subscribers[0]
    response = client.post(f"{SUBSCRIBERS}{anna.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Subscriber.objects.filter(pk=anna.pk).exists()


# Issues


def test_an_editor_writes_an_issue_and_stays_on_it(client, editor, subscribers):
    client.force_login(editor)
    response = client.post(
        f"{ISSUES}add/",
        {
            "subject_de": "Neues im Mai",
            "body_text_de": "Hallo!\n\nDie Umfrage läuft.",
            "body_html_de": "<p>Hallo!</p><script>alert(1)</script>",
            "subject_en": "News in   May",
            "body_text_en": "Hello!",
            "body_html_en": "<p>Hello!</p><script>alert(1)</script>",
            "_save": "Sichern",
        },
    )
    issue = Issue.objects.get()
    assert response.status_code == 302
    assert response["Location"] == issue_url(issue)
    assert issue.body_html == "<p>Hallo!</p>"
    assert issue.body_html_en == "<p>Hello!</p>"
    assert issue.subject_en == "News in May"
    response = client.get(issue_url(issue))
    page = response.text
    assert f'href="{issue_url(issue, "send")}"' in page
    assert f'action="{issue_url(issue, "send-test")}"' in page
    assert f'href="{issue_url(issue, "preview")}"' in page
    # Two confirmed subscribers; the waiting one does not count.
    assert response.context["recipients"] == 2
    assert "An 2 bestätigte Abonnent:innen senden" in page


def test_the_preview_shows_the_issue_escaped(client, editor):
    issue = IssueFactory(subject="<b>Fett</b>", body_text="<script>alert(1)</script>")
    client.force_login(editor)
    response = client.get(issue_url(issue, "preview"))
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.text
    assert "<b>Fett</b>" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    assert "&lt;b&gt;Fett&lt;/b&gt;" in response.text
    assert "/newsletter/abbestellen/" in response.text


def test_a_test_mail_goes_to_the_editor_only(client, editor, subscribers, committed):
    issue = IssueFactory()
    client.force_login(editor)
    with committed():
        response = client.post(issue_url(issue, "send-test"))
    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [[editor.email]]
    issue.refresh_from_db()
    assert issue.sent_at is None
    assert client.get(issue_url(issue, "send-test")).status_code == 405


def test_sending_asks_with_the_number_and_sends_once_to_confirmed_subscribers(
    client, editor, subscribers, committed
):
    issue = IssueFactory(subject="Neues im Mai")
    client.force_login(editor)

    confirm = client.get(issue_url(issue, "send"))
    assert confirm.status_code == 200
    assert confirm.context["recipients"] == 2
    assert "„Neues im Mai“ geht jetzt an 2 bestätigte Abonnent:innen." in confirm.text
    assert 'method="post"' in confirm.text
    assert mail.outbox == []

    with committed():
        response = client.post(issue_url(issue, "send"))
    assert response.status_code == 302
    assert response["Location"] == issue_url(issue)
    assert sorted(message.to[0] for message in mail.outbox) == [
        "anna@example.org",
        "bernd@example.org",
    ]
    issue.refresh_from_db()
    assert issue.sent_by == editor
    assert issue.recipient_count == 2
    assert LogEntry.objects.filter(object_id=str(issue.pk)).exists()

    # A sent issue is a record: no more changes, no second sending, no deletion.
    page = client.get(issue_url(issue))
    assert page.status_code == 200
    assert 'name="subject_de"' not in page.text
    assert f'href="{issue_url(issue, "send")}"' not in page.text
    with committed():
        client.post(issue_url(issue), {"subject_de": "Anders", "body_text_de": "x", "_save": "1"})
        again = client.post(issue_url(issue, "send"))
        assert again.status_code == 302
        assert client.post(issue_url(issue, "delete"), {"post": "yes"}).status_code == 403
    issue.refresh_from_db()
    assert issue.subject == "Neues im Mai"
    assert len(mail.outbox) == 2


def test_nothing_is_sent_without_confirmed_subscribers(client, editor, committed):
    SubscriberFactory(pending=True)
    issue = IssueFactory()
    client.force_login(editor)
    assert client.get(issue_url(issue, "send")).context["recipients"] == 0
    with committed():
        response = client.post(issue_url(issue, "send"))
    assert response.status_code == 302
    assert messages_of(response)
    issue.refresh_from_db()
    assert issue.sent_at is None
    assert mail.outbox == []


def test_superusers_send_too(client, superuser, subscribers, committed):
    issue = IssueFactory()
    client.force_login(superuser)
    with committed():
        assert client.post(issue_url(issue, "send")).status_code == 302
    assert len(mail.outbox) == 2


def test_the_issue_list_shows_what_was_sent_by_whom(client, editor, subscribers, committed):
    client.force_login(editor)
    draft = IssueFactory(subject="Entwurf Juni")
    sent = IssueFactory(subject="Ausgabe Mai")
    with committed():
        client.post(issue_url(sent, "send"))
    html = client.get(ISSUES).text
    assert "Entwurf Juni" in html
    assert "Ausgabe Mai" in html
    assert editor.username in html
    assert client.get(ISSUES, {"sent": "no"}).text.count("Ausgabe Mai") == 0
    assert draft.subject in client.get(ISSUES, {"sent": "no"}).text
