"""Moderators release, reject and remove contributions, handle reports, keep the reason templates and the site-wide switch."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATOR = ["moderate", "view_decision", "view_report", "change_report", "view_reasontemplate", "add_reasontemplate", "change_reasontemplate", "delete_reasontemplate", "view_sitesettings", "change_sitesettings"]
EDITOR = []


def grant(apps, schema_editor):
    app_config = apps.get_app_config("moderation")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in (("Moderation", MODERATOR), ("Redaktion", EDITOR)):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="moderation", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=["Redaktion", "Moderation"]):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="moderation"))


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0001_initial"),
        ("accounts", "0002_staff_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
