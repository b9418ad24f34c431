"""Mails of documents to comment on: the city's response to a person's comment."""

from django.tasks import task

from core.notifications import absolute_url, language_of, notification_message, wants
from outbox.services import queue_mails

# A response to a comment is news of what became of something one took part in.
KIND = "progress"


def response_message(response):
    comment = response.comment
    user = comment.author
    with language_of(user):
        return notification_message(
            user=user,
            kind=KIND,
            template="documents/email/response",
            context={
                "document": comment.target.document,
                "place": comment.target.place_label(),
                "response": response,
                "comment_url": absolute_url(comment.get_absolute_url()),
            },
        )


@task
def notify_of_response(response_id):
    """One mail to the author of the comment, if they want such mails; returns 0 or 1."""
    from .models import Response

    response = Response.objects.select_related("comment__author").get(pk=response_id)
    user = response.comment.author
    if user is None or not response.comment.is_published or not wants(user, KIND):
        return 0
    return len(queue_mails([response_message(response)], purpose="documents/email/response"))
