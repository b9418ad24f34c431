"""Writes of the newsletter: subscribe (double opt-in), confirm, unsubscribe, send an issue.

Mails go out through the task queue after the transaction has committed (tasks.py).
"""

import hashlib

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core import ratelimit
from core.languages import known_language

from . import tasks
from .models import Issue, Subscriber, normalized
from .permissions import can_manage_subscription, can_send_issue, can_send_test


def consume(limit, key):
    """Count one request against NEWSLETTER_RATE_LIMITS[limit] for `key` (an address, a client).

    The same fixed windows on the shared cache as core.ratelimit, keyed by a string
    instead of an account; the key is hashed, so no address is written into the cache.
    """
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    return ratelimit.consume_rate(
        settings.NEWSLETTER_RATE_LIMITS.get(limit), f"newsletter-{limit}:{digest}"
    )


def subscribe(*, email, consent_text, client, language=None):
    """Ask for the newsletter at `email` with the consent in the words the person saw.

    One row per address (whatever its case). A new or still unconfirmed subscription gets
    the consent (text and time) and a confirmation mail; a confirmed one stays as it is and
    its owner is told by mail that nothing changed. The caller learns nothing about which
    case applied, so the page cannot reveal who is subscribed.

    Raises RateLimited when `client` (the requester's IP address) asks too often. Beyond the
    limit per address, the subscription is stored but no further mail goes to the address.
    Mails and issues come in `language` (by default the language of the page).
    """
    language = known_language(language or translation.get_language())
    if not consume("client", client):
        raise ratelimit.RateLimited(
            _("Too many requests from your connection. Please try again in an hour.")
        )
    email = email.strip()
    now = timezone.now()
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().for_addresses([email]).first()
        if subscriber is None:
            subscriber = Subscriber(
                email=email, consent_text=consent_text, consented_at=now, language=language
            )
            subscriber.full_clean(validate_constraints=False)
            try:
                with transaction.atomic():
                    subscriber.save()
            except IntegrityError:
                # The same address, subscribed at the same moment by another request.
                subscriber = Subscriber.objects.select_for_update().for_addresses([email]).get()
        elif not subscriber.is_confirmed:
            subscriber.consent_text = consent_text
            subscriber.consented_at = now
            subscriber.language = language
            subscriber.save(update_fields=["consent_text", "consented_at", "language"])
        if consume("address", normalized(email)):
            subscriber_id = subscriber.pk
            transaction.on_commit(lambda: tasks.send_subscription_mail.enqueue(subscriber_id))
    return subscriber


def confirm_subscription(*, subscriber):
    """The second opt-in; True if it confirmed now, False if it was confirmed before."""
    confirmed = Subscriber.objects.filter(pk=subscriber.pk, confirmed_at__isnull=True).update(
        confirmed_at=timezone.now()
    )
    subscriber.refresh_from_db(fields=["confirmed_at"])
    return bool(confirmed)


def unsubscribe(*, subscriber):
    """End a subscription by deleting it; True if it still existed.

    Nothing is kept: a new subscription later starts over with double opt-in.
    """
    deleted, _ = Subscriber.objects.filter(pk=subscriber.pk).delete()
    return bool(deleted)


def end_subscription(*, subscriber, by):
    """A signed-in person ends the subscription of one of their confirmed addresses."""
    if not can_manage_subscription(by, subscriber):
        raise PermissionDenied
    return unsubscribe(subscriber=subscriber)


def prune_unconfirmed():
    """Delete subscriptions whose confirmation link has expired; returns how many."""
    deleted, _ = Subscriber.objects.expired().delete()
    return deleted


def send_test_issue(*, issue, by):
    """The issue as subscribers will get it, to the editor's own address only."""
    if not can_send_test(by):
        raise PermissionDenied(_("You may not send newsletter issues."))
    issue_id, user_id = issue.pk, by.pk
    transaction.on_commit(lambda: tasks.send_test_issue.enqueue(issue_id, user_id))


def send_issue(*, issue, by):
    """Send `issue` to everyone confirmed by now: claimed once, then one task after commit.

    Returns the number of recipients. A sent issue can be neither changed nor sent again.
    """
    if not can_send_issue(by, issue):
        if issue.is_sent:
            raise ValidationError(_("This issue has already been sent."))
        raise PermissionDenied(_("You may not send newsletter issues."))
    with transaction.atomic():
        now = timezone.now()
        recipients = Subscriber.objects.confirmed().filter(confirmed_at__lte=now).count()
        if not recipients:
            raise ValidationError(
                _("There are no confirmed subscribers yet. Nothing has been sent.")
            )
        claimed = Issue.objects.filter(pk=issue.pk, sent_at__isnull=True).update(
            sent_at=now, sent_by=by, recipient_count=recipients
        )
        if not claimed:
            raise ValidationError(_("This issue has already been sent."))
        issue_id = issue.pk
        transaction.on_commit(lambda: tasks.send_issue.enqueue(issue_id))
    issue.refresh_from_db()
    return recipients
