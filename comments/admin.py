"""Comments in the admin: read only (citizens' words are not edited), moderated like proposals."""

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.utils.html import format_html
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext_lazy as _

from core.admin_lists import short_date
from moderation.admin import ModeratedAdmin

from .models import Comment, allowed_target_models


class TargetKindFilter(admin.SimpleListFilter):
    title = _("kind of page")
    parameter_name = "page"

    def lookups(self, request, model_admin):
        content_types = ContentType.objects.get_for_models(*allowed_target_models())
        return [
            (content_type.pk, model._meta.verbose_name_plural.capitalize())
            for model, content_type in content_types.items()
        ]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(content_type_id=self.value())
        return queryset


@admin.register(Comment)
class CommentAdmin(ModeratedAdmin):
    # The state first, and everything in view at 1280 px: an official answer is marked in
    # its text rather than in a column of its own, the date is written short.
    list_display = ["moderation_state", "excerpt", "target_link", "author", "created"]
    list_display_links = ["excerpt"]
    list_filter = ["moderation_state", "is_official", TargetKindFilter, "created_at"]
    list_select_related = ["author", "parent"]
    search_fields = ["text"]
    fieldsets = [
        (None, {"fields": ["text", "target_link", "parent", "answered", "author", "is_official"]}),
        (_("Moderation"), {"fields": ModeratedAdmin.moderation_fields}),
        (None, {"fields": ["created_at", "deleted_at"]}),
    ]
    readonly_fields = [
        "text",
        "target_link",
        "parent",
        "answered",
        "author",
        "is_official",
        *ModeratedAdmin.moderation_fields,
        "created_at",
        "deleted_at",
    ]

    @admin.display(description=_("comment"))
    def excerpt(self, comment):
        text = Truncator(comment.text).chars(80) if comment.text else _("(deleted)")
        if comment.is_official:
            official = capfirst(Comment._meta.get_field("is_official").verbose_name)
            return format_html("<strong>{}:</strong> {}", official, text)
        return text

    @admin.display(
        description=Comment._meta.get_field("created_at").verbose_name, ordering="created_at"
    )
    def created(self, comment):
        return short_date(comment.created_at)

    @admin.display(description=_("page"))
    def target_link(self, comment):
        target = comment.target
        if target is None:
            return "–"
        return format_html(
            '{}: <a href="{}">{}</a>',
            str(target._meta.verbose_name).capitalize(),
            target.get_absolute_url(),
            target,
        )

    def has_change_permission(self, request, obj=None):
        # Citizens' words are not edited: moderators release, reject, remove or restore.
        return False
