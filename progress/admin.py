"""Milestones are kept on the page of what they follow up (a project, a poll, a proposal) in
the admin."""

from django.db import models
from modeltranslation.admin import TranslationGenericStackedInline

from core.admin_forms import LabelledFileWidget

from . import services
from .models import Milestone, project_of


class MilestoneInline(TranslationGenericStackedInline):
    model = Milestone
    extra = 0
    fields = [
        "date",
        "status",
        "title",
        "text",
        "image",
        "image_alt",
        "image_credit",
        "image_licence",
        "is_published",
    ]
    formfield_overrides = {models.ImageField: {"widget": LabelledFileWidget}}


__all__ = ["MilestoneInline", "MilestonesAdminMixin"]


class MilestonesAdminMixin:
    """For the admin page a MilestoneInline sits on: milestones saved as done are told."""

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        milestones = Milestone.objects.of(form.instance)
        # A poll moved to another project takes its milestones to that project's page.
        milestones.update(project_id=project_of(form.instance))
        services.milestones_saved(milestones=list(milestones))
