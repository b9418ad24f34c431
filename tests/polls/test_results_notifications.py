"""Participants hear once that the final results of their poll are out (closing the loop)."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.notifications import absolute_url
from polls.models import Ballot, Poll
from polls.services import announce_results, publish_results
from polls.tasks import RESULTS_NEWS_WINDOW, notify_participants_of_results
from tests.accounts.factories import UserFactory
from tests.polls.factories import BallotFactory, PollFactory

pytestmark = pytest.mark.django_db

VISIBILITY = Poll.ResultsVisibility


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def announce(capture):
    """Run the command as the scheduler does; return (polls announced, output)."""
    output = StringIO()
    with capture(execute=True):
        call_command("announce_results", stdout=output)
    return output.getvalue()


def close(poll, ago=datetime.timedelta(minutes=1)):
    """Move the close into the past, as time does."""
    closes_at = timezone.now() - ago
    Poll.objects.filter(pk=poll.pk).update(
        opens_at=closes_at - datetime.timedelta(days=10), closes_at=closes_at
    )
    poll.refresh_from_db()
    return poll


def test_publishing_the_results_mails_each_participant_once_after_the_commit(
    editor, django_capture_on_commit_callbacks
):
    poll = PollFactory(
        state="closed", results_visibility=VISIBILITY.PUBLISHED, title="Was kommt auf den Platz?"
    )
    anna = BallotFactory(poll=poll, user=UserFactory(username="Anna")).user
    BallotFactory(poll=poll, user=UserFactory(notify_poll_results=False))
    BallotFactory(poll=poll, user=UserFactory(is_active=False))
    BallotFactory(poll=poll, user=None, is_guest=True)  # a guest
    BallotFactory(poll=poll, user=None)  # an account deleted since
    other = PollFactory(state="closed", results_visibility=VISIBILITY.PUBLISHED)
    BallotFactory(poll=other)  # another poll's participant
    UserFactory()  # did not take part

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        publish_results(poll=poll, by=editor)
    assert mail.outbox == []  # nothing inside the transaction
    with django_capture_on_commit_callbacks(execute=True):  # and what they queue
        for callback in callbacks:
            callback()

    assert recipients() == [anna.email]  # once
    message = mail.outbox[0]
    assert "Was kommt auf den Platz?" in message.subject
    assert "Hallo Anna," in message.body
    url = absolute_url(poll.get_results_url())
    assert url in message.body
    assert f'href="{url}"' in message.alternatives[0].content
    assert "/konto/abbestellen/" in message.extra_headers["List-Unsubscribe"]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert Poll.objects.get(pk=poll.pk).results_announced_at is not None

    # Publishing again, or the scheduler coming by, sends nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        publish_results(poll=poll, by=editor)
    assert "0 poll(s)" in announce(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1


def test_publishing_in_the_admin_mails_the_participants_and_shows_when(
    client, editor, django_capture_on_commit_callbacks
):
    poll = PollFactory(state="closed", results_visibility=VISIBILITY.PUBLISHED)
    participant = BallotFactory(poll=poll).user
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/polls/poll/{poll.pk}/publish-results/")
    assert response.status_code == 302
    assert recipients() == [participant.email]

    page = client.get(f"/admin/polls/poll/{poll.pk}/change/")
    assert "field-results_announced_at" in page.text
    assert 'name="results_announced_at"' not in page.text  # shown, never edited


def test_the_mail_says_in_german_what_it_is_about_and_why_it_came(
    editor, django_capture_on_commit_callbacks
):
    poll = PollFactory(state="closed", results_visibility=VISIBILITY.PUBLISHED, title="Platz")
    BallotFactory(poll=poll)
    with django_capture_on_commit_callbacks(execute=True):
        publish_results(poll=poll, by=editor)
    [message] = mail.outbox
    assert message.subject == "[KLmitWirkung] Ergebnisse: Platz"
    html = message.alternatives[0].content
    for text in (message.body, html):
        assert "die Ergebnisse der Abstimmung „Platz“, an der Sie teilgenommen haben" in text
        assert (
            "Sie erhalten diese E-Mail, weil Sie auf KLmitWirkung an dieser Abstimmung "
            "teilgenommen haben." in text
        )
    assert ">Ergebnisse ansehen</a>" in html


def test_the_title_is_escaped_in_the_html_mail(editor, django_capture_on_commit_callbacks):
    poll = PollFactory(
        state="closed", results_visibility=VISIBILITY.PUBLISHED, title="Bänke & <Schatten>"
    )
    BallotFactory(poll=poll)
    with django_capture_on_commit_callbacks(execute=True):
        publish_results(poll=poll, by=editor)
    [message] = mail.outbox
    assert "Bänke & <Schatten>" in message.body
    html = message.alternatives[0].content
    assert "Bänke &amp; &lt;Schatten&gt;" in html
    assert "<Schatten>" not in html


@pytest.mark.parametrize("visibility", [VISIBILITY.AFTER_CLOSE, VISIBILITY.LIVE])
def test_the_command_announces_results_shown_by_themselves_once_the_poll_has_closed(
    visibility, django_capture_on_commit_callbacks
):
    poll = PollFactory(state="open", results_visibility=visibility)
    participant = BallotFactory(poll=poll).user

    assert "0 poll(s)" in announce(django_capture_on_commit_callbacks)
    assert mail.outbox == []

    close(poll)
    assert "1 poll(s)" in announce(django_capture_on_commit_callbacks)
    assert recipients() == [participant.email]

    # Running it again, and staff publishing the results later, send nothing more.
    assert "0 poll(s)" in announce(django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        publish_results(poll=poll, by=UserFactory(is_staff=True))
    assert len(mail.outbox) == 1


def test_results_that_staff_publish_are_not_announced_by_the_command_before(
    editor, django_capture_on_commit_callbacks
):
    poll = PollFactory(state="closed", results_visibility=VISIBILITY.PUBLISHED)
    participant = BallotFactory(poll=poll).user

    assert "0 poll(s)" in announce(django_capture_on_commit_callbacks)
    assert not announce_results(poll=poll)
    assert mail.outbox == []

    with django_capture_on_commit_callbacks(execute=True):
        publish_results(poll=poll, by=editor)
    assert recipients() == [participant.email]


def test_open_upcoming_and_unpublished_polls_are_not_announced(
    django_capture_on_commit_callbacks,
):
    live = PollFactory(state="open", results_visibility=VISIBILITY.LIVE)
    upcoming = PollFactory(state="upcoming", results_visibility=VISIBILITY.LIVE)
    hidden = PollFactory(state="closed", results_visibility=VISIBILITY.AFTER_CLOSE)
    Poll.objects.filter(pk=hidden.pk).update(is_published=False)
    hidden.refresh_from_db()
    for poll in (live, upcoming, hidden):
        BallotFactory(poll=poll)

    with django_capture_on_commit_callbacks(execute=True):
        assert not any(announce_results(poll=poll) for poll in (live, upcoming, hidden))
    assert "0 poll(s)" in announce(django_capture_on_commit_callbacks)
    assert mail.outbox == []
    assert not Poll.objects.filter(results_announced_at__isnull=False).exists()


def test_polls_whose_results_went_public_long_ago_are_never_announced(
    editor, django_capture_on_commit_callbacks
):
    """The first run of the scheduler does not mail everyone about polls of years past."""
    old_close = close(
        PollFactory(results_visibility=VISIBILITY.AFTER_CLOSE),
        ago=RESULTS_NEWS_WINDOW + datetime.timedelta(hours=1),
    )
    old_publication = PollFactory(state="closed", results_visibility=VISIBILITY.PUBLISHED)
    Poll.objects.filter(pk=old_publication.pk).update(
        results_published_at=timezone.now() - RESULTS_NEWS_WINDOW - datetime.timedelta(hours=1)
    )
    recent_close = close(
        PollFactory(results_visibility=VISIBILITY.AFTER_CLOSE),
        ago=RESULTS_NEWS_WINDOW - datetime.timedelta(hours=1),
    )
    for poll in (old_close, old_publication, recent_close):
        BallotFactory(poll=poll)

    assert "1 poll(s)" in announce(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    assert list(Poll.objects.filter(results_announced_at__isnull=False)) == [recent_close]


def test_results_published_late_by_staff_are_still_news(
    editor, django_capture_on_commit_callbacks
):
    poll = close(
        PollFactory(results_visibility=VISIBILITY.PUBLISHED), ago=datetime.timedelta(days=30)
    )
    participant = BallotFactory(poll=poll).user
    with django_capture_on_commit_callbacks(execute=True):
        publish_results(poll=poll, by=editor)
    assert recipients() == [participant.email]


def test_results_that_are_no_news_by_the_time_the_task_runs_send_nothing(
    editor, django_capture_on_commit_callbacks
):
    """As when the demo dates its 2022 round back after publishing the results."""
    poll = PollFactory(state="closed", results_visibility=VISIBILITY.PUBLISHED)
    BallotFactory(poll=poll)
    with django_capture_on_commit_callbacks(execute=True):
        publish_results(poll=poll, by=editor)
        Poll.objects.filter(pk=poll.pk).update(
            results_published_at=datetime.datetime(2022, 7, 14, 11, tzinfo=datetime.UTC)
        )
    assert mail.outbox == []


def test_seeding_the_demo_mails_nobody_about_results(settings, django_capture_on_commit_callbacks):
    from demo.accounts import seed_users
    from demo.places import seed_places
    from demo.polls import seed_polls
    from demo.projects import seed_projects

    settings.DEBUG = True
    seed_users()
    seed_projects()
    seed_places()
    with django_capture_on_commit_callbacks(execute=True):
        seed_polls()
    assert Poll.objects.get(slug="stadt-raum-wir-2022").results_published
    assert mail.outbox == []
    assert "0 poll(s)" in announce(django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_the_unsubscribe_link_switches_off_only_poll_results(
    client, editor, django_capture_on_commit_callbacks
):
    poll = PollFactory(state="closed", results_visibility=VISIBILITY.PUBLISHED)
    person = BallotFactory(poll=poll).user
    with django_capture_on_commit_callbacks(execute=True):
        publish_results(poll=poll, by=editor)
    link = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>")

    response = client.post(link.removeprefix(absolute_url("")))
    assert response.status_code == 200
    person.refresh_from_db()
    assert person.notify_poll_results is False
    assert person.notify_moderation and person.notify_replies
    assert person.notify_proposal_updates and person.notify_followed_projects


def mails_sent_with_queries(participants):
    poll = PollFactory(state="closed", results_visibility=VISIBILITY.AFTER_CLOSE)
    BallotFactory.create_batch(participants, poll=poll)
    BallotFactory(poll=poll, user=None, is_guest=True)
    mail.outbox.clear()
    with CaptureQueriesContext(connection) as queries:
        sent = notify_participants_of_results.call(poll.pk)
    assert sent == participants
    return len(queries)


def test_the_task_needs_the_same_queries_for_3_and_30_participants():
    assert mails_sent_with_queries(3) == mails_sent_with_queries(30)


def test_one_ballot_per_account_means_one_mail_per_person(
    editor, django_capture_on_commit_callbacks
):
    poll = PollFactory(state="closed", results_visibility=VISIBILITY.PUBLISHED)
    people = [BallotFactory(poll=poll).user for _ in range(3)]
    BallotFactory.create_batch(2, poll=poll, user=None, is_guest=True)
    with django_capture_on_commit_callbacks(execute=True):
        publish_results(poll=poll, by=editor)
    assert recipients() == sorted(person.email for person in people)
    assert Ballot.objects.filter(poll=poll).count() == 5


# The worker manages its own database connection, so this test commits for real;
# serialized_rollback puts back the staff groups that the flush afterwards removes.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_in_production_the_scheduler_queues_and_the_worker_sends(database_queue):
    from django_tasks_db.models import DBTaskResult

    poll = close(PollFactory(results_visibility=VISIBILITY.AFTER_CLOSE))
    participant = BallotFactory(poll=poll).user

    call_command("announce_results", stdout=StringIO())
    call_command("announce_results", stdout=StringIO())
    assert mail.outbox == []
    assert DBTaskResult.objects.count() == 1
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert recipients() == [participant.email]
