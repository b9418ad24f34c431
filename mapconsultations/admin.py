"""Map consultations in the admin: editors set them up with their categories; entries are
moderated like every contribution (the „Zu moderieren“ queue, or their own list here)."""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from core.admin_forms import LabelledInlineFormSet
from core.admin_lists import short_date
from moderation.admin import ModeratedAdmin

from .models import Category, Consultation, Entry


class CategoryInline(TranslationTabularInline):
    model = Category
    formset = LabelledInlineFormSet
    fields = ["position", "name"]
    extra = 3


@admin.register(Consultation)
class ConsultationAdmin(TranslationAdmin):
    list_display = ["title", "project", "opens_at", "closes_at", "is_published"]
    list_filter = ["is_published", "project"]
    list_select_related = ["project"]
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title_de"]}
    fields = ["project", "title", "slug", "intro", ("opens_at", "closes_at"), "is_published"]
    inlines = [CategoryInline]
    view_on_site = True


@admin.register(Entry)
class EntryAdmin(ModeratedAdmin):
    list_display = ["moderation_state", "category", "where_shown", "submitted", "support_count"]
    list_display_links = ["where_shown"]
    list_filter = ["moderation_state", "consultation", "category"]
    list_select_related = ["author", "category", "place", "consultation__project"]
    search_fields = ["text"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "consultation",
                    "category",
                    "text",
                    "place",
                    ("latitude", "longitude"),
                    "author",
                    "created_at",
                ]
            },
        ),
        (_("Moderation"), {"fields": ModeratedAdmin.moderation_fields}),
    ]
    # Moderators do not rewrite citizens' words or move their points.
    readonly_fields = [
        "consultation",
        "category",
        "text",
        "place",
        "latitude",
        "longitude",
        "author",
        "created_at",
        *ModeratedAdmin.moderation_fields,
    ]

    @admin.display(description=_("where"))
    def where_shown(self, entry):
        return entry.where

    @admin.display(
        description=Entry._meta.get_field("created_at").verbose_name, ordering="created_at"
    )
    def submitted(self, entry):
        return format_html(
            "{}<br>{}", short_date(entry.created_at), entry.author or _("deleted account")
        )
