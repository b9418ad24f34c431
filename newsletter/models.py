"""Newsletter subscribers (double opt-in, consent on record) and the issues editors send."""

import datetime

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.html import FORMATTED_TEXT_HELP, sanitize_html

# How long the link in the confirmation mail works; unconfirmed subscriptions are deleted
# after it (`manage.py prune_newsletter`).
CONFIRMATION_PERIOD = datetime.timedelta(days=7)


def normalized(email):
    """The form in which addresses are compared: case does not make another address."""
    return (email or "").strip().lower()


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def pending(self):
        return self.filter(confirmed_at__isnull=True)

    def expired(self, now=None):
        """Never confirmed, and the confirmation link no longer works."""
        return self.pending().filter(
            consented_at__lt=(now or timezone.now()) - CONFIRMATION_PERIOD
        )

    def for_addresses(self, emails):
        """The subscriptions of these addresses, whatever their case."""
        return self.alias(email_lower=Lower("email")).filter(
            email_lower__in={normalized(email) for email in emails}
        )

    def of_person(self, user):
        """The subscriptions of the person's confirmed addresses.

        Subscriptions are not linked to accounts (anyone may subscribe); they belong to a
        person through the address. Only confirmed addresses count: an address someone
        merely typed into their account must not show or end another person's subscription.
        """
        if not user.is_authenticated:
            return self.none()
        addresses = EmailAddress.objects.filter(user=user, verified=True).values(
            address=Lower("email")
        )
        return self.alias(email_lower=Lower("email")).filter(email_lower__in=addresses)


class Subscriber(models.Model):
    """One address that asked for the newsletter; it gets issues only once confirmed.

    Unsubscribing deletes the row: nothing about a former subscriber is kept.
    """

    email = models.EmailField(_("e-mail address"), max_length=254)
    consent_text = models.TextField(
        _("consent text"), help_text=_("The exact wording the person agreed to.")
    )
    consented_at = models.DateTimeField(_("consent given"))
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    # The language of the page the person subscribed on: their mails and issues come in it.
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-consented_at", "pk"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="newsletter_subscriber_email_ci_unique"),
            models.CheckConstraint(
                condition=models.Q(confirmed_at__isnull=True)
                | models.Q(confirmed_at__gte=models.F("consented_at")),
                name="newsletter_subscriber_confirmed_after_consent",
            ),
        ]

    def __str__(self):
        return self.email

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None


class IssueQuerySet(models.QuerySet):
    def drafts(self):
        return self.filter(sent_at__isnull=True)

    def sent(self):
        return self.filter(sent_at__isnull=False)


class Issue(models.Model):
    """One newsletter that editors write and send, once, to every confirmed subscriber."""

    subject = models.CharField(_("subject"), max_length=150)
    body_text = models.TextField(
        _("text"),
        help_text=_(
            "Plain text; every recipient gets it. Blank lines separate paragraphs; web "
            "addresses are written out in full."
        ),
    )
    body_html = models.TextField(
        _("formatted text (optional)"),
        blank=True,
        help_text=format_lazy(
            "{} {}",
            _(
                "Shown instead of the plain text by mail programs that display formatting. "
                "Leave empty to send the plain text only."
            ),
            FORMATTED_TEXT_HELP,
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recipient_count = models.PositiveIntegerField(_("recipients"), null=True, blank=True)
    # What the background task did (see tasks.send_issue).
    delivery_started_at = models.DateTimeField(_("delivery started"), null=True, blank=True)
    delivery_finished_at = models.DateTimeField(_("delivery finished"), null=True, blank=True)
    delivered_count = models.PositiveIntegerField(_("delivered"), null=True, blank=True)
    failed_count = models.PositiveIntegerField(_("failed"), null=True, blank=True)

    objects = IssueQuerySet.as_manager()

    class Meta:
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")
        ordering = ["-created_at", "-pk"]
        permissions = [("send_issue", _("Can send newsletter issues to subscribers"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(sent_at__isnull=True, recipient_count__isnull=True)
                | models.Q(sent_at__isnull=False, recipient_count__isnull=False),
                name="newsletter_issue_sent_with_recipient_count",
            ),
        ]

    def __str__(self):
        return self.subject

    @property
    def is_sent(self):
        return self.sent_at is not None

    def clean(self):
        # A mail subject is one line; formatted text is sanitised, in every language.
        for code, _name in settings.LANGUAGES:
            subject = getattr(self, f"subject_{code}", None)
            if subject:
                setattr(self, f"subject_{code}", " ".join(subject.split()))
            body_html = getattr(self, f"body_html_{code}", None)
            if body_html:
                setattr(self, f"body_html_{code}", sanitize_html(body_html).strip())
        if self.is_sent:
            raise ValidationError(_("This issue has been sent and can no longer be changed."))
