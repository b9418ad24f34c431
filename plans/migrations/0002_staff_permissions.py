"""Editors (group Redaktion) keep the Vorhabenliste; moderators release the requests for
participation and give the city's response."""

from django.db import migrations

from core.group_permissions import grant_permissions

ACTIONS = ["add", "change", "delete", "view"]
EDITOR = [
    *(f"{action}_plan" for action in ACTIONS),
    *(f"{action}_department" for action in ACTIONS),
    "view_participationrequest",
]
MODERATOR = [
    "view_plan",
    "view_department",
    "view_participationrequest",
    "change_participationrequest",
    "respond_to_requests",
]


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0001_initial"),
        ("accounts", "0002_staff_groups"),
    ]

    operations = [grant_permissions("plans", {"Redaktion": EDITOR, "Moderation": MODERATOR})]
