"""Moderators release, reject and remove contributions, handle reports, keep the reason templates and the site-wide switch."""

from django.db import migrations

from core.group_permissions import grant_permissions

MODERATOR = ["moderate", "view_decision", "view_report", "change_report", "view_reasontemplate", "add_reasontemplate", "change_reasontemplate", "delete_reasontemplate", "view_sitesettings", "change_sitesettings"]
EDITOR = []


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0001_initial"),
        ("accounts", "0002_staff_groups"),
    ]

    operations = [grant_permissions("moderation", {"Moderation": MODERATOR, "Redaktion": EDITOR})]
