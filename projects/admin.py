from django import forms
from django.contrib import admin
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from core.admin_forms import LabelledFileWidget, LabelledInlineFormSet

from .models import Phase, Project, ProjectUpdate, Topic


@admin.register(Topic)
class TopicAdmin(TranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class PhaseInline(TranslationTabularInline):
    model = Phase
    formset = LabelledInlineFormSet
    extra = 0
    fields = ["title", "start", "end", "description"]


class ProjectUpdateInline(TranslationStackedInline):
    model = ProjectUpdate
    extra = 0
    fields = [
        "published_on",
        "title",
        "text",
        "image",
        "image_alt",
        "image_credit",
        "image_licence",
    ]
    formfield_overrides = {models.ImageField: {"widget": LabelledFileWidget}}


@admin.register(Project)
class ProjectAdmin(TranslationAdmin):
    list_display = ["title", "kind", "status", "is_published", "accepts_proposals", "preview"]
    list_filter = ["is_published", "kind", "status", "accepts_proposals", "topics"]
    search_fields = ["title", "teaser", "body"]
    prepopulated_fields = {"slug": ["title"]}
    # A handful of topics: plain checkboxes, named one by one, that work without JavaScript.
    formfield_overrides = {
        models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple},
        models.ImageField: {"widget": LabelledFileWidget},
    }
    inlines = [PhaseInline, ProjectUpdateInline]
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "status", "topics", "is_published"]}),
        (_("Text"), {"fields": ["teaser", "body"]}),
        (_("Image"), {"fields": ["image", "image_alt", "image_credit", "image_licence"]}),
        (_("Proposals"), {"fields": ["accepts_proposals", "proposals_until", "premoderation"]}),
        (_("Contact"), {"fields": ["contact_name", "contact_role", "contact_email"]}),
        (_("History"), {"fields": ["created_at", "updated_at"]}),
    ]
    view_on_site = True

    @admin.display(description=_("preview"))
    def preview(self, obj):
        return format_html(
            '<a href="{}">{}</a>',
            obj.get_absolute_url(),
            _("Show on the site") if obj.is_published else _("Preview"),
        )
