"""Moderators see proposals and give the city's response; editors see them."""

from django.db import migrations

from core.group_permissions import grant_permissions

MODERATOR = ["view_proposal", "change_proposal", "respond_proposal", "view_support", "view_statusentry"]
EDITOR = ["view_proposal", "view_statusentry"]


class Migration(migrations.Migration):
    dependencies = [
        ("proposals", "0001_initial"),
        ("accounts", "0002_staff_groups"),
    ]

    operations = [grant_permissions("proposals", {"Moderation": MODERATOR, "Redaktion": EDITOR})]
