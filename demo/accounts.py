"""Demo accounts for `seed_demo`: one per role, each with a confirmed e-mail address."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.models import Group
from django.db import transaction

from accounts.models import User

DEMO_PASSWORD = "kl-demo-2026!"  # noqa: S105 - printed by seed_demo, for local use only
# The demo staff's authenticator-app secret (the admin requires a second factor). Printed
# by seed_demo, to be added to an app or used with `oathtool --totp -b <secret>`.
DEMO_TOTP_SECRET = "KLMITWIRKUNGDEMOKLMITWIRKUNGDEMO"  # noqa: S105 - local use only

DEMO_USERS = [
    # (e-mail, public name, group, staff)
    ("redaktion@example.org", "Redaktion-Demo", "Redaktion", True),
    ("moderation@example.org", "Moderation-Demo", "Moderation", True),
    ("buergerin@example.org", "Lauterer_Bürgerin", None, False),
]


@transaction.atomic
def seed_users():
    """Create the demo accounts once; return (e-mail, password, role) for each."""
    logins = []
    for email, username, group_name, is_staff in DEMO_USERS:
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            user = User(email=email, username=username, is_staff=is_staff)
            user.set_password(DEMO_PASSWORD)
            user.full_clean()
            user.save()
            if group_name:
                user.groups.add(Group.objects.get(name=group_name))
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        if (
            is_staff
            and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        ):
            TOTP.activate(user, DEMO_TOTP_SECRET)
        logins.append((email, DEMO_PASSWORD, group_name or "Bürger:in"))
    return logins
