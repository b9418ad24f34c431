"""Editors (Redaktion) run polls and enter paper votes; any staff group may confirm a colleague's batch."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

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


def grant(apps, schema_editor):
    app_config = apps.get_app_config("polls")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in (("Redaktion", EDITOR_PERMISSIONS), ("Moderation", MODERATOR_PERMISSIONS)):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="polls", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=["Redaktion", "Moderation"]):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="polls"))


class Migration(migrations.Migration):
    dependencies = [
        ("polls", "0001_initial"),
        ("accounts", "0002_staff_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
