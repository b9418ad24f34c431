"""The newsletter's own mails: plain text with a simple HTML alternative, in the
subscriber's language.

Subscribers need not have an account, so these do not go through
core.notifications (which greets account holders and links their profile).
"""

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.notifications import absolute_url, language_of, render_mail

from .models import CONFIRMATION_PERIOD, Subscriber
from .tokens import confirm_url, unsubscribe_url


def build_message(*, to, template, context, language, subject=None, unsubscribe_url=None):
    """A newsletter mail in `language`: the shared mail with the newsletter's address in it."""
    with translation.override(language):
        return render_mail(
            to=to,
            template=template,
            subject=subject,
            unsubscribe_url=unsubscribe_url,
            language=language,
            context={**context, "newsletter_url": absolute_url(reverse("newsletter:subscribe"))},
        )


def confirmation_message(subscriber):
    """The first mail: the link that confirms the subscription (double opt-in)."""
    with language_of(subscriber):
        return build_message(
            to=subscriber.email,
            template="newsletter/email/confirm",
            language=translation.get_language(),
            context={
                "confirm_url": confirm_url(subscriber),
                "valid_until": timezone.localtime() + CONFIRMATION_PERIOD,
            },
        )


def already_subscribed_message(subscriber):
    """For a second request on a confirmed address: nothing changed, how to leave."""
    with language_of(subscriber):
        return build_message(
            to=subscriber.email,
            template="newsletter/email/already_subscribed",
            language=translation.get_language(),
            context={"unsubscribe_url": unsubscribe_url(subscriber)},
        )


def issue_message(issue, subscriber, *, test=False):
    """One issue to one subscriber, in their language where the editors wrote one (German
    otherwise), with their own one-click unsubscribe (RFC 8058)."""
    with language_of(subscriber):
        link = unsubscribe_url(subscriber)
        subject = f"[{_('Test')}] {issue.subject}" if test else issue.subject
        return build_message(
            to=subscriber.email,
            template="newsletter/email/issue",
            subject=subject,
            language=translation.get_language(),
            context={"issue": issue, "unsubscribe_url": link, "test": test},
            unsubscribe_url=link,
        )


def issue_message_for_address(issue, email, *, test=True, language=None):
    """The issue as a subscriber at `email` gets it; for a test mail or a preview by editors
    (in `language`, by default the language of the admin page)."""
    subscriber = Subscriber.objects.for_addresses([email]).first() or Subscriber(
        email=email, language=language or translation.get_language()
    )
    return issue_message(issue, subscriber, test=test)
