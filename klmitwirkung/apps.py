from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KLmitWirkungConfig(AppConfig):
    """The project package as an app, for what all apps share: tags, commands, checks."""

    name = "klmitwirkung"
    verbose_name = _("KLmitWirkung")

    def ready(self):
        from klmitwirkung import checks  # noqa: F401 - registers the system checks
