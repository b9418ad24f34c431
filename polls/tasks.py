"""Background work of the polls app: mails about a new poll and about results that are out."""

import datetime

from django.contrib.auth import get_user_model
from django.tasks import task
from django.utils import timezone

from core.notifications import absolute_url, language_of, notification_message, wanting
from outbox.services import queue_mails

from .models import Poll
from .permissions import results_are_public

KIND = "followed-projects"
RESULTS_KIND = "poll-results"
# Results are news for a week. Polls whose results went public earlier (before this mail
# existed, the demo's past rounds, or while the queue stood still) are never announced.
RESULTS_NEWS_WINDOW = datetime.timedelta(days=7)


def new_poll_message(poll, user):
    """The mail to one follower of the poll's project."""
    with language_of(user):
        return notification_message(
            user=user,
            kind=KIND,
            template="polls/email/new_poll",
            context={
                "poll": poll,
                "project": poll.project,
                "poll_url": absolute_url(poll.get_absolute_url()),
            },
        )


@task
def notify_followers_of_new_poll(poll_id):
    """One mail to each follower of the poll's project who wants them; returns how many."""
    poll = Poll.objects.select_related("project").get(pk=poll_id)
    followers = wanting(
        get_user_model().objects.filter(follows__project=poll.project_id), KIND
    ).order_by("follows__pk")
    mails = queue_mails(
        [new_poll_message(poll, user) for user in followers], purpose="polls/email/new_poll"
    )
    return len(mails)


def results_final_at(poll):
    """When the results went public for good: on publication by staff, or else at the close."""
    if poll.results_visibility == Poll.ResultsVisibility.PUBLISHED:
        return poll.results_published_at
    return poll.closes_at


def results_are_news(poll, now=None):
    """Closed, results public, and public for good only recently: worth a mail to participants."""
    now = now or timezone.now()
    final_at = results_final_at(poll)
    return (
        poll.is_closed(now)
        and results_are_public(poll, now)
        and final_at is not None
        and final_at > now - RESULTS_NEWS_WINDOW
    )


def results_message(poll, user):
    """The mail to one participant of the poll."""
    with language_of(user):
        return notification_message(
            user=user,
            kind=RESULTS_KIND,
            template="polls/email/results",
            context={"poll": poll, "results_url": absolute_url(poll.get_results_url())},
        )


@task
def notify_participants_of_results(poll_id):
    """One mail to each participant with an account who wants them; returns how many.

    Guests and deleted accounts left ballots without a person, so they are not asked.
    Checked again here, because the poll may have changed while the task waited.
    """
    poll = Poll.objects.get(pk=poll_id)
    if not results_are_news(poll):
        return 0
    participants = wanting(
        get_user_model().objects.filter(ballots__poll=poll).distinct(), RESULTS_KIND
    ).order_by("pk")
    mails = queue_mails(
        [results_message(poll, user) for user in participants], purpose="polls/email/results"
    )
    return len(mails)
