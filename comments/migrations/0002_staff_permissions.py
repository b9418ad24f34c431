"""Moderators see comments; moderators and editors answer as the city."""

from django.db import migrations

from core.group_permissions import grant_permissions

MODERATOR = ["view_comment", "answer_officially"]
EDITOR = ["view_comment", "answer_officially"]


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        ("accounts", "0002_staff_groups"),
    ]

    operations = [grant_permissions("comments", {"Moderation": MODERATOR, "Redaktion": EDITOR})]
