"""Editors set up documents and their versions; editors and moderators respond to comments."""

from django.db import migrations

from core.group_permissions import grant_permissions

ACTIONS = ["add", "change", "delete", "view"]


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0001_initial"),
        ("accounts", "0002_staff_groups"),
    ]

    operations = [
        grant_permissions(
            "documents",
            {
                "Redaktion": [
                    *(
                        f"{a}_{m}"
                        for a in ACTIONS
                        for m in ("document", "version", "chapter", "paragraph", "response")
                    ),
                ],
                "Moderation": ["view_document", "add_response", "change_response", "view_response"],
            },
        )
    ]
