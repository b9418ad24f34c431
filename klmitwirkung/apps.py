from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KLmitWirkungConfig(AppConfig):
    """The top of the house as an app: the commands that gather from every app."""

    name = "klmitwirkung"
    verbose_name = _("KLmitWirkung")
