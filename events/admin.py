"""Events in the admin: editors keep the dates, places and texts in German and English."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from .models import Event


@admin.register(Event)
class EventAdmin(TranslationAdmin):
    list_display = ["title", "kind", "starts_at", "venue", "is_published"]
    list_filter = ["is_published", "kind", "project"]
    list_select_related = ["project"]
    search_fields = ["title", "venue"]
    date_hierarchy = "starts_at"
    prepopulated_fields = {"slug": ["title_de"]}
    autocomplete_fields = []
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "project", "is_published"]}),
        (_("When and where"), {"fields": ["starts_at", "ends_at", "venue", "address", "place"]}),
        (_("For visitors"), {"fields": ["description", "what_to_do", "accessibility"]}),
    ]
