"""Background work of the proposals app: telling authors and supporters about the city's news."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.tasks import task

from core.notifications import absolute_url, language_of, notification_message, wanting
from outbox.services import queue_mails

from .models import Contest, StatusEntry, Support

KIND = "proposals"


def proposal_news_message(entry, response, user):
    """The mail about one step in the proposal's history to its author or a supporter."""
    with language_of(user):
        proposal = entry.proposal
        return notification_message(
            user=user,
            kind=KIND,
            template="proposals/email/proposal_news",
            context={
                "proposal": proposal,
                "status_changed": entry.status_changed,
                "status": entry.get_status_display(),
                "response": response,
                "is_author": user.pk == proposal.author_id,
                "proposal_url": absolute_url(proposal.get_absolute_url()),
            },
        )


@task
def notify_about_proposal_news(entry_id, response=""):
    """One mail to the author and each supporter who want them; returns how many.

    `response` is the city's response as written in this change ("" if it did not change):
    each mail tells of its own change, even when a later one follows before the queue runs.

    A person who wrote and also supports the proposal gets one mail, as its author; the
    staff member who made the change gets none. A proposal that is no longer public by the
    time the task runs sends nothing.
    """
    entry = StatusEntry.objects.select_related("proposal").get(pk=entry_id)
    proposal = entry.proposal
    if not proposal.is_published:
        return 0
    supporters = Support.objects.filter(proposal=proposal).values("user")
    recipients = wanting(
        get_user_model().objects.filter(Q(pk=proposal.author_id) | Q(pk__in=supporters)), KIND
    ).order_by("pk")
    if entry.changed_by_id is not None:
        recipients = recipients.exclude(pk=entry.changed_by_id)
    mails = queue_mails(
        [proposal_news_message(entry, response, user) for user in recipients],
        purpose="proposals/email/proposal_news",
    )
    return len(mails)


def contest_result_message(contest, winners, own_ideas, user):
    """The mail about the winners of an idea contest to an author or a supporter."""
    with language_of(user):
        return notification_message(
            user=user,
            kind=KIND,
            template="proposals/email/contest_result",
            context={
                "contest": contest,
                "winners": winners,
                "own_ideas": own_ideas,
                "contest_url": absolute_url(contest.get_absolute_url()),
            },
        )


@task
def notify_about_contest_result(contest_id):
    """One mail to each author and supporter of the contest's released ideas who wants news
    of proposals; returns how many. Authors learn whether their own ideas won."""
    contest = Contest.objects.select_related("project").get(pk=contest_id)
    ideas = list(contest.proposals.published().order_by("-support_count", "pk"))
    winners = [idea for idea in ideas if idea.is_winner]
    supporters = Support.objects.filter(proposal__in=ideas).values("user")
    authors = {idea.author_id for idea in ideas}
    recipients = wanting(
        get_user_model().objects.filter(Q(pk__in=authors) | Q(pk__in=supporters)), KIND
    ).order_by("pk")
    mails = queue_mails(
        [
            contest_result_message(
                contest,
                winners,
                [idea for idea in ideas if idea.author_id == user.pk],
                user,
            )
            for user in recipients
        ],
        purpose="proposals/email/contest_result",
    )
    return len(mails)
