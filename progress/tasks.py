"""Mails of the progress app: a step of what became of a project, a poll or a proposal."""

from django.contrib.auth import get_user_model
from django.tasks import task

from core.notifications import absolute_url, language_of, notification_message, wanting
from outbox.services import queue_mails

KIND = "progress"


def milestone_message(milestone, user):
    with language_of(user):
        target = milestone.target
        return notification_message(
            user=user,
            kind=KIND,
            template="progress/email/milestone",
            context={
                "milestone": milestone,
                "target": target,
                "target_url": absolute_url(milestone.get_absolute_url()),
            },
        )


@task
def notify_of_milestone(milestone_id):
    """One mail to each person the milestone's project, poll or proposal concerns (who
    follows the project, took part, made or supports it) who wants them; returns how many."""
    from .models import Milestone

    milestone = Milestone.objects.select_related("content_type").get(pk=milestone_id)
    target = milestone.target
    if target is None or not milestone.is_published:
        return 0
    people = wanting(target.people_to_tell_of_progress(get_user_model().objects), KIND).order_by(
        "pk"
    )
    mails = queue_mails(
        [milestone_message(milestone, user) for user in people],
        purpose="progress/email/milestone",
    )
    return len(mails)
