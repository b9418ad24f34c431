"""The newsletter's own mails: plain text with a simple HTML alternative, in German.

Subscribers need not have an account, so these do not go through
core.notifications (which greets account holders and links their profile).
"""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.notifications import absolute_url, render_mail

from .models import CONFIRMATION_PERIOD, Subscriber
from .tokens import confirm_url, unsubscribe_url


def build_message(*, to, template, context, subject=None, unsubscribe_url=None):
    """A newsletter mail: the shared German mail with the newsletter's address in it."""
    return render_mail(
        to=to,
        template=template,
        subject=subject,
        unsubscribe_url=unsubscribe_url,
        context={**context, "newsletter_url": absolute_url(reverse("newsletter:subscribe"))},
    )


def confirmation_message(subscriber):
    """The first mail: the link that confirms the subscription (double opt-in)."""
    return build_message(
        to=subscriber.email,
        template="newsletter/email/confirm",
        context={
            "confirm_url": confirm_url(subscriber),
            "valid_until": timezone.localtime() + CONFIRMATION_PERIOD,
        },
    )


def already_subscribed_message(subscriber):
    """For a second request on a confirmed address: nothing changed, how to leave."""
    return build_message(
        to=subscriber.email,
        template="newsletter/email/already_subscribed",
        context={"unsubscribe_url": unsubscribe_url(subscriber)},
    )


def issue_message(issue, subscriber, *, test=False):
    """One issue to one subscriber, with their own one-click unsubscribe (RFC 8058)."""
    link = unsubscribe_url(subscriber)
    with translation.override(settings.LANGUAGE_CODE):
        subject = f"[{_('Test')}] {issue.subject}" if test else issue.subject
    return build_message(
        to=subscriber.email,
        template="newsletter/email/issue",
        subject=subject,
        context={"issue": issue, "unsubscribe_url": link, "test": test},
        unsubscribe_url=link,
    )


def issue_message_for_address(issue, email, *, test=True):
    """The issue as a subscriber at `email` gets it; for a test mail or a preview by editors."""
    subscriber = Subscriber.objects.for_addresses([email]).first() or Subscriber(email=email)
    return issue_message(issue, subscriber, test=test)
