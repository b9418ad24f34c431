"""What became of a vote or a proposal: the steps the city takes, as dated milestones.

A milestone belongs to a poll or a proposal through contenttypes, so that this app imports
neither; the page it follows up says whom it concerns (`people_to_tell_of_progress`).
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.html import FORMATTED_TEXT_HELP, sanitize_fields


class MilestoneQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def of(self, target):
        return self.filter(
            content_type=ContentType.objects.get_for_model(target), object_id=target.pk
        )


class Milestone(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", pgettext_lazy("milestone", "planned")
        IN_PROGRESS = "in_progress", pgettext_lazy("milestone", "in progress")
        DONE = "done", pgettext_lazy("milestone", "done")

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name=_("kind of page")
    )
    object_id = models.PositiveBigIntegerField(_("page number"))
    target = GenericForeignKey("content_type", "object_id")
    title = models.CharField(_("step"), max_length=160)
    date = models.DateField(
        _("date"), help_text=_("When it happened, or when it is planned to happen.")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.PLANNED)
    text = models.TextField(_("text"), blank=True, help_text=FORMATTED_TEXT_HELP)
    is_published = models.BooleanField(_("published"), default=True)
    # When it was first published as done, and the people concerned were told (once).
    reached_at = models.DateTimeField(_("reached"), null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = MilestoneQuerySet.as_manager()

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["date", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "date"])]

    def __str__(self):
        return self.title

    def clean(self):
        sanitize_fields(self, "text")
