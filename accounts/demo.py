"""Demo accounts for `seed_demo`: one per role, each with a confirmed e-mail address."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.db import transaction

from .models import User

DEMO_PASSWORD = "kl-demo-2026!"  # noqa: S105 - printed by seed_demo, for local use only

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
        logins.append((email, DEMO_PASSWORD, group_name or "Bürger:in"))
    return logins
