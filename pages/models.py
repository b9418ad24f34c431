"""Pages such as Impressum or Datenschutz that editors write in the admin."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.html import FORMATTED_TEXT_HELP, sanitize_fields

# The first part of paths that belong to the platform's own sections.
RESERVED_SLUGS = frozenset(
    {
        "admin",
        "konto",
        "projekte",
        "abstimmungen",
        "vorschlaege",
        "kommentare",
        "newsletter",
        "suche",
        "healthz",
        "static",
        "media",
    }
)


def validate_page_slug(value):
    if value in RESERVED_SLUGS:
        raise ValidationError(
            _("The address /%(slug)s/ belongs to another part of the site."),
            code="reserved",
            params={"slug": value},
        )


class PageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Page(models.Model):
    slug = models.SlugField(
        _("address"),
        max_length=60,
        unique=True,
        validators=[validate_page_slug],
        help_text=_("The page is shown at /address/, for example /impressum/."),
    )
    title = models.CharField(_("title"), max_length=120)
    body = models.TextField(
        _("text"),
        help_text=FORMATTED_TEXT_HELP,
    )
    is_published = models.BooleanField(_("published"), default=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("pages:detail", kwargs={"slug": self.slug})

    def clean(self):
        # Store what will be shown, so that editors see the effect of sanitising at once.
        sanitize_fields(self, "body")
