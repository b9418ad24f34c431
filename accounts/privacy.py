"""The account's part of a person's data: the account, its e-mail addresses, second factors."""

from importlib import import_module

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.auth import SESSION_KEY
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.utils import timezone

from core.notifications import KINDS


def export_for(user):
    addresses = EmailAddress.objects.filter(user=user).order_by("-primary", "email")
    return {
        "account": {
            "id": user.pk,
            "public_name": user.username,
            "email": user.email,
            "postal_code": user.postal_code or None,
            "postal_code_changed_at": user.postal_code_changed_at,
            "lives_in_kaiserslautern": user.lives_in_kaiserslautern,
            "language": user.language,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "is_staff": user.is_staff,
            "groups": [group.name for group in user.groups.order_by("name")],
            # Which mails the person gets: each switch of the profile, on or off.
            "notification_settings": {
                field: getattr(user, field) for field in sorted(set(KINDS.values()))
            },
        },
        "email_addresses": [
            {"email": address.email, "primary": address.primary, "verified": address.verified}
            for address in addresses
        ],
        # That a second factor is set up and when, never its secret.
        "second_factors": [
            {
                "type": authenticator.type,
                "type_display": authenticator.get_type_display(),
                "created_at": authenticator.created_at,
                "last_used_at": authenticator.last_used_at,
            }
            for authenticator in Authenticator.objects.filter(user=user).order_by("created_at")
        ],
    }


def delete_for(user):
    """What the account leaves outside its own rows: its sessions on every device, and its
    public name in the admin history of the account."""
    user_id = str(user.pk)
    # Sessions are signed blobs without an index by person: each live one is read once.
    # Account deletions are rare; the table holds the sessions of the last two weeks.
    ended = [
        session.pk
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if str(session.get_decoded().get(SESSION_KEY)) == user_id
    ]
    # Through the session engine, so that a copy read through Redis goes too.
    store = import_module(settings.SESSION_ENGINE).SessionStore
    for session_key in ended:
        store(session_key).delete()
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(user), object_id=user_id
    ).update(object_repr="")
