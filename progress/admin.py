"""Milestones are kept on the page of what they follow up (a poll, a proposal) in the admin."""

from modeltranslation.admin import TranslationGenericStackedInline

from .models import Milestone


class MilestoneInline(TranslationGenericStackedInline):
    model = Milestone
    extra = 0
    fields = ["date", "status", "title", "text", "is_published"]


__all__ = ["MilestoneInline"]
