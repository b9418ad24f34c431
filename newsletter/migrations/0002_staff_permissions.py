"""Editors (Redaktion) write and send newsletter issues and see the subscribers."""

from django.db import migrations

from core.group_permissions import grant_permissions

EDITOR_PERMISSIONS = [
    "add_issue",
    "change_issue",
    "delete_issue",
    "view_issue",
    "send_issue",
    "view_subscriber",
    "delete_subscriber",
]


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0001_initial"),
        ("accounts", "0002_staff_groups"),
    ]

    operations = [grant_permissions("newsletter", {"Redaktion": EDITOR_PERMISSIONS})]
