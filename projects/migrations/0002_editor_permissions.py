"""Editors (group Redaktion) maintain topics, projects, phases and news; moderators do not."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ["topic", "project", "phase", "projectupdate"]
ACTIONS = ["add", "change", "delete", "view"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("projects")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Redaktion")
    editors.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="projects",
            codename__in=[f"{a}_{m}" for a in ACTIONS for m in MODELS],
        )
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="Redaktion"):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="projects")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0001_initial"),
        ("accounts", "0002_staff_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
