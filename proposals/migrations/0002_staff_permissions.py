"""Moderators see proposals and give the city's response; editors see them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATOR = ["view_proposal", "change_proposal", "respond_proposal", "view_support", "view_statusentry"]
EDITOR = ["view_proposal", "view_statusentry"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("proposals")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in (("Moderation", MODERATOR), ("Redaktion", EDITOR)):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="proposals", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=["Redaktion", "Moderation"]):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="proposals"))


class Migration(migrations.Migration):
    dependencies = [
        ("proposals", "0001_initial"),
        ("accounts", "0002_staff_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
