"""Map consultations in the admin: editors set them up with their categories; entries are
moderated like every contribution (the „Zu moderieren“ queue, or their own list here)."""

from django import forms
from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from core.admin_forms import LabelledInlineFormSet
from core.admin_lists import short_date
from maps.config import map_settings
from moderation.admin import ModeratedAdmin

from . import services
from .models import Category, Consultation, Entry
from .permissions import can_enter_paper_entries


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
    fields = [
        "project",
        "title",
        "slug",
        "intro",
        ("opens_at", "closes_at"),
        ("south", "west", "north", "east"),
        "is_published",
    ]
    inlines = [CategoryInline]
    view_on_site = True
    change_form_template = "admin/mapconsultations/consultation_change_form.html"

    def render_change_form(self, request, context, *args, **kwargs):
        # The map on which editors click the area (static/js/maps_admin.js).
        context["area_map_options"] = map_settings()
        return super().render_change_form(request, context, *args, **kwargs)


PAPER_FIELDS = ["consultation", "category", "text", "place", "latitude", "longitude", "paper_note"]


class PaperEntryForm(forms.ModelForm):
    """An entry from a printed map: a named place, or the point read off the map."""

    class Meta:
        model = Entry
        fields = PAPER_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["latitude"].required = False
        self.fields["longitude"].required = False
        self.fields["place"].help_text = _("Or the point's latitude and longitude below.")

    def clean(self):
        cleaned = super().clean()
        place = cleaned.get("place")
        if place is not None:
            cleaned["latitude"], cleaned["longitude"] = place.latitude, place.longitude
            self.instance.latitude, self.instance.longitude = place.latitude, place.longitude
        elif cleaned.get("latitude") is None or cleaned.get("longitude") is None:
            raise forms.ValidationError(
                _("Please give a named place or the point's latitude and longitude.")
            )
        return cleaned


@admin.register(Entry)
class EntryAdmin(ModeratedAdmin):
    """Entries of citizens, moderated; staff type in entries from paper here („Hinzufügen“),
    which a second person releases."""

    list_display = [
        "moderation_state",
        "category",
        "where_shown",
        "submitted",
        "source",
        "support_count",
    ]
    list_display_links = ["where_shown"]
    list_filter = ["moderation_state", "source", "consultation", "category"]
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
                    ("source", "entered_by", "paper_note"),
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
        "source",
        "entered_by",
        "paper_note",
        *ModeratedAdmin.moderation_fields,
    ]

    def has_add_permission(self, request):
        return can_enter_paper_entries(request.user)

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = PaperEntryForm
            kwargs["fields"] = PAPER_FIELDS
        return super().get_form(request, obj, **kwargs)

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return [(_("Entry from paper"), {"fields": PAPER_FIELDS})]
        return super().get_fieldsets(request, obj)

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else super().get_readonly_fields(request, obj)

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        data = form.cleaned_data
        entry = services.add_paper_entry(
            entered_by=request.user,
            consultation=data["consultation"],
            category=data["category"],
            text=data["text"],
            latitude=data["latitude"],
            longitude=data["longitude"],
            place=data["place"],
            note=data["paper_note"],
        )
        obj.pk, obj._state.adding = entry.pk, False
        return None

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
