"""Putting mails into the outbox and handing them to the mail server."""

import datetime
import logging
import smtplib
from functools import partial

from django.db import transaction
from django.utils import timezone

from .models import RETRY_PERIOD, Mail

logger = logging.getLogger(__name__)

# Sent mails are kept this long (recipient, subject, time; never their text), so that staff
# can answer "did you send me anything?", then deleted.
KEEP_SENT = datetime.timedelta(days=30)
# What the mail server or the way to it raise when a mail cannot be handed over now.
SEND_ERRORS = (smtplib.SMTPException, OSError)


def queue_mail(message, *, purpose=""):
    """Store `message` (one mail per recipient) and send it once the transaction commits.

    If the transaction is rolled back, so is the mail. If the mail server is unreachable,
    the mail waits and is tried again (`deliver`); the person's request goes on as usual.
    """
    return queue_mails([message], purpose=purpose)


def queue_mails(messages, *, purpose=""):
    """`queue_mail` for many messages at once: one insert, one task."""
    mails = Mail.objects.bulk_create(
        [
            Mail.from_message(message, recipient=address, purpose=purpose)
            for message in messages
            for address in message.to
        ]
    )
    if mails:
        # Robust: a queue that cannot take the task now leaves the mails waiting for the
        # next `send_waiting_mails`, rather than failing what the person did.
        transaction.on_commit(partial(_enqueue, [mail.pk for mail in mails]), robust=True)
    return mails


def _enqueue(mail_ids, run_after=None):
    from .tasks import deliver_mails

    task = deliver_mails
    if run_after is not None:
        if not task.get_backend().supports_defer:
            return  # `send_waiting_mails` will try them when they are due
        task = task.using(run_after=run_after)
    task.enqueue(mail_ids)


def deliver(mail_id, *, now=None):
    """Hand one waiting, due mail to the mail server; its status afterwards, or None if it
    was not (or no longer) waiting and due, or another worker holds it right now."""
    now = now or timezone.now()
    with transaction.atomic():
        mail = (
            Mail.objects.select_for_update(skip_locked=True)
            .filter(pk=mail_id, status=Mail.Status.WAITING, next_attempt_at__lte=now)
            .first()
        )
        if mail is None:
            return None
        try:
            # Sent while the row is locked, so that no other worker sends it too; the SMTP
            # timeout (EMAIL_URL, default 10 s) bounds how long the lock is held.
            mail.message().send()
        except smtplib.SMTPRecipientsRefused as error:
            # The server will never take this address: no use trying for a day.
            logger.warning("Mail %s refused for its recipient: %s", mail.pk, error)
            mail.record_failure(error, now, permanent=True)
        except SEND_ERRORS as error:
            logger.warning("Mail %s not sent (attempt %s): %s", mail.pk, mail.attempts + 1, error)
            mail.record_failure(error, now)
        else:
            mail.record_sent(now)
        mail.save()
    if mail.status == Mail.Status.WAITING:
        transaction.on_commit(partial(_enqueue, [mail.pk], mail.next_attempt_at), robust=True)
    elif mail.status == Mail.Status.FAILED:
        logger.error("Mail %s failed for good after %s attempts", mail.pk, mail.attempts)
    return mail.status


def send_again(*, mails, now=None):
    """The failed or waiting ones of `mails` (a queryset) go out now, with another
    RETRY_PERIOD of attempts; how many."""
    now = now or timezone.now()
    ids = list(mails.exclude(status=Mail.Status.SENT).values_list("pk", flat=True))
    Mail.objects.filter(pk__in=ids).update(
        status=Mail.Status.WAITING, next_attempt_at=now, give_up_at=now + RETRY_PERIOD
    )
    if ids:
        transaction.on_commit(partial(_enqueue, ids), robust=True)
    return len(ids)


def send_due_mails(*, now=None, limit=1000):
    """Try every waiting mail that is due, e.g. after the mail server or the worker was
    down; returns {status: count}."""
    now = now or timezone.now()
    counts = {}
    for mail_id in (
        Mail.objects.due(now).order_by("next_attempt_at").values_list("pk", flat=True)[:limit]
    ):
        status = deliver(mail_id, now=now)
        if status is not None:
            counts[status] = counts.get(status, 0) + 1
    return counts


def forget_sent_mails(*, now=None):
    """Delete the records of mails sent more than KEEP_SENT ago; how many."""
    now = now or timezone.now()
    deleted, _ = Mail.objects.filter(status=Mail.Status.SENT, sent_at__lt=now - KEEP_SENT).delete()
    return deleted
