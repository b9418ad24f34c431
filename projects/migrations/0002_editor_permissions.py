"""Editors (group Redaktion) maintain topics, projects, phases and news; moderators do not."""

from django.db import migrations

from core.group_permissions import grant_permissions

MODELS = ["topic", "project", "phase", "projectupdate"]
ACTIONS = ["add", "change", "delete", "view"]


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0001_initial"),
        ("accounts", "0002_staff_groups"),
    ]

    operations = [
        grant_permissions(
            "projects", {"Redaktion": [f"{a}_{m}" for a in ACTIONS for m in MODELS]}
        )
    ]
