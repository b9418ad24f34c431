"""Editors and moderators record what became of polls and proposals."""

from django.db import migrations

from core.group_permissions import grant_permissions

ACTIONS = ["add", "change", "delete", "view"]
STAFF = [f"{action}_milestone" for action in ACTIONS]


class Migration(migrations.Migration):
    dependencies = [
        ("progress", "0001_initial"),
        ("accounts", "0002_staff_groups"),
    ]

    operations = [grant_permissions("progress", {"Redaktion": STAFF, "Moderation": STAFF})]
