"""A person's data across all apps: export (DSGVO Art. 15, 20) and account deletion (Art. 17).

Each app gives its own part (`<app>/privacy.py`); only this module knows them all, so that
the apps keep pointing one way.
"""

import datetime

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import privacy as accounts_privacy
from accounts.permissions import can_delete_account
from comments import privacy as comments_privacy
from comments.models import Comment
from core import page_cache
from mapconsultations import privacy as mapconsultations_privacy
from moderation import privacy as moderation_privacy
from moderation.models import ModerationState, moderated_models
from moderation.services import forget_words
from newsletter import privacy as newsletter_privacy
from outbox import privacy as outbox_privacy
from plans import privacy as plans_privacy
from polls import privacy as polls_privacy
from projects import privacy as projects_privacy
from proposals import privacy as proposals_privacy

FORMAT_VERSION = 1

# The parts of the export, each a function user -> {section name: data}. The notification
# settings are part of "account"; "newsletter" holds the subscriptions of the person's
# confirmed addresses with their consent.
EXPORT_PARTS = (
    accounts_privacy.export_for,
    projects_privacy.export_for,
    proposals_privacy.export_for,
    comments_privacy.export_for,
    mapconsultations_privacy.export_for,
    plans_privacy.export_for,
    polls_privacy.export_for,
    moderation_privacy.export_for,
    newsletter_privacy.export_for,
    lambda user: outbox_privacy.export_for(addresses_of(user)),
)

# Contributions that were never public go with the account instead of staying nameless.
NEVER_PUBLIC = (ModerationState.PENDING, ModerationState.REJECTED)


def addresses_of(user):
    """The confirmed e-mail addresses of the account: the ones that are the person's.

    As for the newsletter (SubscriberQuerySet.of_person): an address merely typed into an
    account may be somebody else's, whose mails must neither show in this export nor go
    with this account.
    """
    return sorted(
        EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    )


def personal_data(user):
    """Everything stored about `user`, section by section, with Python dates (for pages)."""
    data = {}
    for part in EXPORT_PARTS:
        data.update(part(user))
    return data


def export_personal_data(user):
    """The same as JSON-ready values: English keys, ISO 8601 dates in local time."""
    return _jsonable(
        {
            "export": {
                "site": settings.SITE_NAME,
                "created_at": timezone.now(),
                "format_version": FORMAT_VERSION,
            },
            **personal_data(user),
        }
    )


def _jsonable(value):
    if isinstance(value, dict):
        return {str(key): _jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


@transaction.atomic
def delete_account(*, user, password):
    """Delete the account of `user` after checking `password`.

    What the person published stays, without their name ("deleted account"): proposals
    and comments through SET_NULL, ballots too, so that results do not change. What was
    never public (waiting for release or not released) is deleted. E-mail addresses,
    follows of projects and reports made go with the account (CASCADE), supports too
    (counted down on their proposals first), and so does the newsletter for the account's
    confirmed addresses.
    """
    if not can_delete_account(user):
        raise PermissionDenied(
            _("Staff accounts are removed by an administrator, so that the admin history stays.")
        )
    if not user.check_password(password):
        raise ValidationError(
            _("The password is not correct. Your account has not been deleted."),
            code="wrong_password",
        )
    prepare_account_deletion(user)
    user.delete()


def prepare_account_deletion(user):
    """What deleting `user` needs besides the cascade; every way an account is deleted
    calls this in its transaction: the person's own deletion above and an
    administrator's in the admin (klmitwirkung.admin).

    What was never public goes with the account, and so does every copy of its words (the
    logs keep that a decision was taken, not the words judged). Supports are counted on
    their proposals, so they go with their count. The newsletter of the account's confirmed
    addresses ends, mails to its confirmed addresses are deleted (sent or not), its sessions on
    every device end, and public pages that showed its
    name are out of date after the commit and removed from the cache.
    """
    for model in moderated_models():
        never_public = model.objects.filter(author=user, moderation_state__in=NEVER_PUBLIC)
        forget_words(model=model, pks=never_public.values_list("pk", flat=True))
        never_public.delete()
    # Words the person deleted before are gone already; their copies go now at the latest.
    deleted_comments = Comment.objects.filter(author=user, deleted_at__isnull=False)
    forget_words(model=Comment, pks=deleted_comments.values_list("pk", flat=True))
    # Before the addresses go: they are what links a subscription or a mail to the person.
    newsletter_privacy.delete_for(user)
    outbox_privacy.delete_for(addresses_of(user))
    proposals_privacy.delete_for(user)
    mapconsultations_privacy.delete_for(user)
    accounts_privacy.delete_for(user)
    page_cache.changed(page_cache.CONTENT, forget_pages=True)
