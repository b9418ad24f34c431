from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Demo content for `manage.py seed_demo`: at the top, as it fills every app; its texts
    are data files in demo/data/."""

    name = "demo"
    verbose_name = _("Demo content")
