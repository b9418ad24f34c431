from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The ground floor: what every app shares (page cache, notifications, rate limits,
    text and HTML cleaning, admin helpers, template tags, system checks). It imports no
    app of ours (docs/architecture.md)."""

    name = "core"
    verbose_name = _("Shared")

    def ready(self):
        from django.db.models.signals import post_delete

        from . import checks  # noqa: F401 - registers the system checks
        from .images import image_deleted, image_models

        for model in image_models():
            post_delete.connect(
                image_deleted, sender=model, dispatch_uid=f"image-{model._meta.label}"
            )
