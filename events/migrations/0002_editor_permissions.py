"""Editors (group Redaktion) keep the events; moderators may look them up."""

from django.db import migrations

from core.group_permissions import grant_permissions

ACTIONS = ["add", "change", "delete", "view"]


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("accounts", "0002_staff_groups"),
    ]

    operations = [
        grant_permissions(
            "events",
            {"Redaktion": [f"{action}_event" for action in ACTIONS], "Moderation": ["view_event"]},
        )
    ]
