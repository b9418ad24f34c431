"""Background work of the comments app: telling people that their comment was answered."""

from django.tasks import task
from django.utils.text import Truncator

from core.notifications import absolute_url, language_of, notification_message, wants
from outbox.services import queue_mail

from .models import Comment

KIND = "replies"
# How much of the reply the mail quotes; the rest is on the page.
QUOTE_LENGTH = 600


def reply_message(reply, recipient):
    """The mail to the author of the answered comment."""
    with language_of(recipient):
        return notification_message(
            user=recipient,
            kind=KIND,
            template="comments/email/reply",
            context={
                "reply": reply,
                "quote": Truncator(reply.text).chars(QUOTE_LENGTH),
                "page_title": str(reply.target),
                "url": absolute_url(reply.get_absolute_url()),
            },
        )


@task
def notify_author_of_reply(reply_id):
    """One mail to the author of the comment a public reply answers; True if sent.

    That is the comment the person chose to answer, also where it is a reply itself (the
    new reply then joins the thread of the top-level comment). Nobody hears of their own
    reply, of a reply to a comment they have deleted, or of a reply that is no longer
    public by the time the worker gets to it.
    """
    reply = (
        Comment.objects.select_related("author", "parent__author", "answered__author")
        .prefetch_related("target")
        .get(pk=reply_id)
    )
    answered = reply.answered
    recipient = answered.author if answered is not None else None
    if (
        recipient is None
        or not reply.is_published
        or reply.is_deleted
        or answered.is_deleted
        or recipient.pk == reply.author_id
        or reply.target is None
        or not wants(recipient, KIND)
    ):
        return False
    queue_mail(reply_message(reply, recipient), purpose="comments/email/reply")
    return True
