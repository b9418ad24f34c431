"""Data migrations that give the staff groups (Redaktion, Moderation) an app's permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant_permissions(app_label, grants):
    """A RunPython operation: each group named in `grants` gets those codenames of the app.

    Reversing it takes all of the app's permissions from those groups again.
    """

    def grant(apps, schema_editor):
        # Permissions are normally created after all migrations; these need them now.
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
        Group = apps.get_model("auth", "Group")
        Permission = apps.get_model("auth", "Permission")
        for name, codenames in grants.items():
            group, _ = Group.objects.get_or_create(name=name)
            group.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label=app_label, codename__in=codenames
                )
            )

    def revoke(apps, schema_editor):
        Group = apps.get_model("auth", "Group")
        Permission = apps.get_model("auth", "Permission")
        for group in Group.objects.filter(name__in=grants):
            group.permissions.remove(*Permission.objects.filter(content_type__app_label=app_label))

    return migrations.RunPython(grant, revoke)
