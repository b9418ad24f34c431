"""A mail on its way: stored with the change that caused it, sent by the worker, retried.

A mail is written to the database in the same transaction as what it tells of (a new
account, a released comment), so there is never a mail about something that did not
happen, nor a change whose mail was lost because the mail server was down at that moment.
"""

import datetime

from django.core.mail import EmailMultiAlternatives
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# A mail that cannot be handed over is tried again after these pauses, then every two
# hours, until it has waited this long; then it is marked failed for staff to see.
RETRY_PAUSES = [datetime.timedelta(minutes=minutes) for minutes in (1, 5, 15, 30, 60)]
LATER_PAUSE = datetime.timedelta(hours=2)
RETRY_PERIOD = datetime.timedelta(hours=26)


class MailQuerySet(models.QuerySet):
    def waiting(self):
        return self.filter(status=Mail.Status.WAITING)

    def due(self, now=None):
        """Waiting mails whose next attempt is now or past."""
        return self.waiting().filter(next_attempt_at__lte=now or timezone.now())

    def failed(self):
        return self.filter(status=Mail.Status.FAILED)

    def to_addresses(self, addresses):
        """Mails to any of `addresses`, whatever their case."""
        return self.alias(recipient_lower=Lower("recipient")).filter(
            recipient_lower__in=[address.lower() for address in addresses]
        )


class Mail(models.Model):
    class Status(models.TextChoices):
        WAITING = "waiting", _("waiting")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    recipient = models.EmailField(_("recipient"), max_length=320)
    subject = models.CharField(_("subject"), max_length=998)
    from_email = models.CharField(_("sender"), max_length=320)
    body = models.TextField(_("text"), blank=True)
    html = models.TextField(_("HTML text"), blank=True)
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    purpose = models.CharField(
        _("kind of mail"),
        max_length=100,
        blank=True,
        help_text=_("Which template it was made from, e.g. account/email/email_confirmation."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.WAITING, db_index=True
    )
    created_at = models.DateTimeField(_("queued at"), default=timezone.now)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    give_up_at = models.DateTimeField(_("given up after"))
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    objects = MailQuerySet.as_manager()

    class Meta:
        verbose_name = _("e-mail")
        verbose_name_plural = _("e-mails")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="outbox_mail_due"),
            models.Index(Lower("recipient"), name="outbox_mail_recipient"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="sent") | models.Q(sent_at__isnull=False),
                name="outbox_mail_sent_has_time",
            ),
        ]

    def __str__(self):
        return f"{self.subject} → {self.recipient}"

    @classmethod
    def from_message(cls, message, *, recipient, purpose="", now=None):
        """A mail to one `recipient` with the content of an EmailMessage."""
        if message.attachments or message.cc or message.bcc or message.reply_to:
            raise ValueError("The outbox keeps plain mails to one person only.")
        html = ""
        body = message.body
        if message.content_subtype == "html":
            html, body = body, ""
        for content, mimetype in getattr(message, "alternatives", []):
            if mimetype == "text/html":
                html = content
        now = now or timezone.now()
        return cls(
            recipient=recipient,
            subject=message.subject,
            from_email=message.from_email,
            body=body,
            html=html,
            headers=dict(message.extra_headers),
            purpose=purpose[:100],
            created_at=now,
            next_attempt_at=now,
            give_up_at=now + RETRY_PERIOD,
        )

    def message(self, connection=None):
        message = EmailMultiAlternatives(
            subject=self.subject,
            body=self.body,
            from_email=self.from_email,
            to=[self.recipient],
            headers=self.headers,
            connection=connection,
        )
        if self.html:
            if self.body:
                message.attach_alternative(self.html, "text/html")
            else:
                message.body = self.html
                message.content_subtype = "html"
        return message

    def record_sent(self, now):
        """Handed over: what it said is no longer kept (links in it may be secret)."""
        self.status = self.Status.SENT
        self.attempts += 1
        self.sent_at = self.last_attempt_at = now
        self.body = self.html = ""
        self.last_error = ""

    def record_failure(self, error, now, *, permanent=False):
        """Not handed over: tried again later, or failed for good after RETRY_PERIOD."""
        self.attempts += 1
        self.last_attempt_at = now
        self.last_error = f"{type(error).__name__}: {error}"[:2000]
        if permanent or now >= self.give_up_at:
            self.status = self.Status.FAILED
            return
        pause = (
            RETRY_PAUSES[self.attempts - 1] if self.attempts <= len(RETRY_PAUSES) else LATER_PAUSE
        )
        self.next_attempt_at = min(now + pause, self.give_up_at)
