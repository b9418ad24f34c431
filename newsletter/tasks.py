"""Background work of the newsletter: confirmation mails and sending issues."""

import logging
import smtplib

from django.contrib.auth import get_user_model
from django.core.mail import mailers
from django.tasks import task
from django.utils import timezone

from outbox.services import queue_mail

from .mails import (
    already_subscribed_message,
    confirmation_message,
    issue_message,
    issue_message_for_address,
)
from .models import Issue, Subscriber

logger = logging.getLogger(__name__)


@task
def send_subscription_mail(subscriber_id):
    """The confirmation link, or for a confirmed address the note that nothing changed.

    Decided when the mail is sent: a subscription ended in the meantime gets nothing.
    """
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None:
        return False
    if subscriber.is_confirmed:
        queue_mail(
            already_subscribed_message(subscriber), purpose="newsletter/email/already_subscribed"
        )
    else:
        queue_mail(confirmation_message(subscriber), purpose="newsletter/email/confirm")
    return True


@task
def send_test_issue(issue_id, user_id):
    user = get_user_model().objects.get(pk=user_id)
    queue_mail(
        issue_message_for_address(Issue.objects.get(pk=issue_id), user.email),
        purpose="newsletter/email/issue",
    )


@task
def send_issue(issue_id):
    """One personal mail per subscriber confirmed when the issue was sent; returns how many.

    The delivery is claimed first, so a task queued or run twice sends nothing twice. The
    mails go out over one connection; one that the mail server does not take goes into the
    outbox, which tries it again. The counts end up on the issue for the editors.
    """
    now = timezone.now()
    claimed = Issue.objects.filter(
        pk=issue_id, sent_at__isnull=False, delivery_started_at__isnull=True
    ).update(delivery_started_at=now)
    if not claimed:
        return 0
    issue = Issue.objects.get(pk=issue_id)
    recipients = (
        Subscriber.objects.confirmed()
        .filter(confirmed_at__lte=issue.sent_at)
        .order_by("pk")
        .only("pk", "email", "language")
    )
    delivered = failed = 0
    connection = mailers.default
    with connection:
        for subscriber in recipients.iterator():
            try:
                connection.send_messages([issue_message(issue, subscriber)])
            except (smtplib.SMTPException, OSError):
                logger.exception("Newsletter issue %s not sent at once to one address", issue_id)
                failed += 1
                connection.close()  # the next message opens a fresh connection
                queue_mail(issue_message(issue, subscriber), purpose="newsletter/email/issue")
            else:
                delivered += 1
    Issue.objects.filter(pk=issue_id).update(
        delivery_finished_at=timezone.now(),
        delivered_count=delivered,
        failed_count=failed,
    )
    return delivered
