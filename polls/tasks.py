"""Background work of the polls app: telling followers of a project about a new poll."""

from django.tasks import task

from klmitwirkung.notifications import absolute_url, notification_message
from projects.models import Follow

from .models import Poll

KIND = "followed-projects"


def new_poll_message(poll, user):
    """The mail to one follower of the poll's project."""
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
    followers = (
        Follow.objects.filter(
            project=poll.project_id,
            user__is_active=True,
            user__notify_followed_projects=True,
        )
        .select_related("user")
        .order_by("pk")
    )
    sent = 0
    for follow in followers:
        new_poll_message(poll, follow.user).send()
        sent += 1
    return sent
