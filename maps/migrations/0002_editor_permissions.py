"""Editors (group Redaktion) maintain the named places; moderators may look them up."""

from django.db import migrations

from core.group_permissions import grant_permissions

ACTIONS = ["add", "change", "delete", "view"]


class Migration(migrations.Migration):
    dependencies = [
        ("maps", "0001_initial"),
        ("accounts", "0002_staff_groups"),
    ]

    operations = [
        grant_permissions(
            "maps",
            {"Redaktion": [f"{action}_place" for action in ACTIONS], "Moderation": ["view_place"]},
        )
    ]
