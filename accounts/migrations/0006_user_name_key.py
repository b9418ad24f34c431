"""Public names get a key that ignores case and look-alike letters, unique from now on.

Names that already share a key (two accounts that look alike) keep their names; the later
account's key gets its number appended, so that only new names are held to the rule.
"""

import django.core.validators
from django.db import migrations, models

import accounts.validators


def fill_name_keys(apps, schema_editor):
    from accounts.names import name_key

    User = apps.get_model("accounts", "User")
    seen = set()
    for user in User.objects.order_by("pk").only("pk", "username"):
        key = name_key(user.username)
        if key in seen:
            key = f"{key}#{user.pk}"
        seen.add(key)
        User.objects.filter(pk=user.pk).update(name_key=key)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_notification_switches"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="name_key",
            field=models.CharField(
                editable=False,
                max_length=150,
                null=True,
                verbose_name="name without look-alikes",
            ),
        ),
        migrations.AlterField(
            model_name="user",
            name="username",
            field=models.CharField(
                error_messages={"unique": "This public name is already taken."},
                help_text=(
                    "Shown with your contributions. 3 to 30 letters, digits, dots, hyphens or "
                    "underscores. Please do not use your real name if you do not want to be "
                    "recognised."
                ),
                max_length=30,
                unique=True,
                validators=[
                    django.core.validators.RegexValidator(
                        code="invalid",
                        message=(
                            "Use 3 to 30 characters: letters, digits, dots, hyphens and "
                            "underscores, without spaces."
                        ),
                        regex="^[\\w.-]{3,30}\\Z",
                    ),
                    accounts.validators.NotReservedValidator(),
                    accounts.validators.SingleScriptValidator(),
                ],
                verbose_name="public name",
            ),
        ),
        migrations.RunPython(fill_name_keys, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="user",
            name="name_key",
            field=models.CharField(
                editable=False,
                error_messages={"unique": "This public name is already taken."},
                max_length=150,
                unique=True,
                verbose_name="name without look-alikes",
            ),
        ),
    ]
