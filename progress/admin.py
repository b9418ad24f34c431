"""Milestones are kept on the page of what they follow up (a poll, a proposal) in the admin."""

from modeltranslation.admin import TranslationGenericStackedInline

from . import services
from .models import Milestone


class MilestoneInline(TranslationGenericStackedInline):
    model = Milestone
    extra = 0
    fields = ["date", "status", "title", "text", "is_published"]


__all__ = ["MilestoneInline", "MilestonesAdminMixin"]


class MilestonesAdminMixin:
    """For the admin page a MilestoneInline sits on: milestones saved as done are told."""

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.milestones_saved(milestones=list(Milestone.objects.of(form.instance)))
