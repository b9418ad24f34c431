"""What became of a project, a vote or a proposal: the steps the city takes, as dated milestones.

A milestone belongs to a project, a poll or a proposal through contenttypes, so that this app
imports no format; the page it follows up says whom it concerns (`people_to_tell_of_progress`)
and, if not on its own page, where it shows its milestones (`get_progress_url`).
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.db import models
from django.db.models import Q, prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.html import FORMATTED_TEXT_HELP, sanitize_fields
from core.images import CreditedImage, image_constraints, image_errors
from projects.models import Project


def project_of(target):
    """The project whose page gathers a target's milestones: the project itself, or the one
    its poll or proposal belongs to (`project_id`), if any."""
    if isinstance(target, Project):
        return target.pk
    return getattr(target, "project_id", None)


def progress_url(target):
    """Where a target shows „Was daraus wurde“: its own page, unless it names another one
    (a poll's milestones stand with its results)."""
    return getattr(target, "get_progress_url", target.get_absolute_url)()


def _target_models(content_type_ids):
    return {
        content_type_id: model
        for content_type_id in content_type_ids
        if (model := ContentType.objects.get_for_id(content_type_id).model_class()) is not None
    }


class MilestoneQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def done(self):
        return self.filter(status=Milestone.Status.DONE)

    def of(self, target):
        return self.filter(
            content_type=ContentType.objects.get_for_model(target), object_id=target.pk
        )

    def of_public_targets(self):
        """Those whose project, poll or proposal the public may see (its model's
        `published()`; for proposals: released), filtered in the database, so that a slice
        of the newest holds as many as asked for. One query asks which kinds of pages have
        milestones; the filter is a subquery per kind."""
        kinds = Milestone.objects.order_by().values_list("content_type", flat=True).distinct()
        public = Q(pk__in=[])
        for content_type_id, model in _target_models(kinds).items():
            public |= Q(
                content_type_id=content_type_id,
                object_id__in=model._default_manager.published().values("pk"),
            )
        return self.filter(public)

    def with_public_targets(self):
        """The milestones as a list, each with its project, poll or proposal fetched as
        `target`, leaving out those whose target the public may not see (an unpublished
        poll, a proposal not released): one query for the milestones, one per kind of page."""
        milestones = list(self)
        models_by_kind = _target_models({milestone.content_type_id for milestone in milestones})
        milestones = [m for m in milestones if m.content_type_id in models_by_kind]
        prefetch_related_objects(
            milestones,
            GenericPrefetch(
                "target",
                [model._default_manager.published() for model in models_by_kind.values()],
            ),
        )
        return [milestone for milestone in milestones if milestone.target is not None]


class Milestone(CreditedImage, models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", pgettext_lazy("milestone", "planned")
        IN_PROGRESS = "in_progress", pgettext_lazy("milestone", "in progress")
        DONE = "done", pgettext_lazy("milestone", "done")

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name=_("kind of page")
    )
    object_id = models.PositiveBigIntegerField(_("page number"))
    target = GenericForeignKey("content_type", "object_id")
    # The project whose page shows this milestone: the target, or the target's project.
    # Kept here (see save()), so that a project's page and the start page find milestones
    # of every kind in one query; the target says whether they may be shown.
    project = models.ForeignKey(
        Project,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("project"),
    )
    title = models.CharField(_("step"), max_length=160)
    date = models.DateField(
        _("date"), help_text=_("When it happened, or when it is planned to happen.")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.PLANNED)
    text = models.TextField(_("text"), blank=True, help_text=FORMATTED_TEXT_HELP)
    image = models.ImageField(
        _("image"),
        upload_to="milestones/",
        blank=True,
        width_field="image_width",
        height_field="image_height",
    )
    # Stored with the image, so that the timeline reserves its place without opening the file.
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
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
        constraints = image_constraints("progress_milestone")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.project_id = project_of(self.target)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{progress_url(self.target)}#was-daraus-wurde"

    def clean(self):
        sanitize_fields(self, "text")
        image_errors(self)
