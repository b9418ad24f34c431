"""Mails of the Vorhabenliste: the city's response to a person's request to be involved."""

from django.tasks import task

from core.notifications import absolute_url, language_of, notification_message, wants
from outbox.services import queue_mails

# The answer to a request is news of what became of something one took part in.
KIND = "progress"


def response_message(participation_request):
    user = participation_request.author
    with language_of(user):
        return notification_message(
            user=user,
            kind=KIND,
            template="plans/email/response",
            context={
                "plan": participation_request.plan,
                "response": participation_request.response,
                "request_url": absolute_url(participation_request.get_absolute_url()),
            },
        )


@task
def notify_of_response(request_id):
    """One mail to the person who asked, if they want such mails; returns how many (0 or 1)."""
    from .models import ParticipationRequest

    participation_request = ParticipationRequest.objects.select_related("author", "plan").get(
        pk=request_id
    )
    user = participation_request.author
    if not (participation_request.is_published and participation_request.response):
        return 0
    if not wants(user, KIND):
        return 0
    return len(
        queue_mails([response_message(participation_request)], purpose="plans/email/response")
    )
