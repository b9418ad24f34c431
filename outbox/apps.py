from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    """Every mail the platform sends, kept until the mail server has taken it."""

    name = "outbox"
    verbose_name = _("E-mails")
