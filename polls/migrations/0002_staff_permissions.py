"""Editors (Redaktion) run polls and enter paper votes; any staff group may confirm a colleague's batch."""

from django.db import migrations

from core.group_permissions import grant_permissions

EDITOR_PERMISSIONS = [
    *[f"{action}_{model}" for action in ("add", "change", "delete", "view") for model in ("poll", "question", "choice")],
    "add_paperbatch",
    "change_paperbatch",
    "view_paperbatch",
    "view_papercount",
    "view_textanswer",
    "confirm_paperbatch",
]
MODERATOR_PERMISSIONS = ["view_poll", "view_paperbatch", "view_papercount", "confirm_paperbatch"]


class Migration(migrations.Migration):
    dependencies = [
        ("polls", "0001_initial"),
        ("accounts", "0002_staff_groups"),
    ]

    operations = [grant_permissions("polls", {"Redaktion": EDITOR_PERMISSIONS, "Moderation": MODERATOR_PERMISSIONS})]
