"""Proposals in the admin: moderated like every contribution; status and response via the service.

The citizen's words stay as written; staff with the right to respond set the status and the
response of the city, and each change becomes a dated entry of the history.
"""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.admin_lists import short_date
from moderation.admin import ModeratedAdmin

from . import services
from .models import Proposal, StatusEntry
from .permissions import can_respond


class StatusEntryInline(admin.TabularInline):
    """The history as the public sees it on the proposal: read only."""

    model = StatusEntry
    fields = ["created_at", "status", "status_changed", "response_changed", "changed_by"]
    readonly_fields = fields
    extra = 0
    max_num = 0
    can_delete = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("changed_by")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Proposal)
class ProposalAdmin(ModeratedAdmin):
    # The states first, and everything in view at 1280 px: topic and project are filters
    # rather than columns, the author is named under the date.
    list_display = ["moderation_state", "status", "title", "submitted", "support_count"]
    list_display_links = ["title"]
    list_filter = ["status", "moderation_state", "topic", "project"]
    list_select_related = ["author"]
    search_fields = ["title", "description"]
    fieldsets = [
        (None, {"fields": ["title", "description", "author", "topic", "project", "created_at"]}),
        (_("Moderation"), {"fields": ModeratedAdmin.moderation_fields}),
        (
            _("Status and response of the city"),
            {"fields": ["status", "response", "response_by", "response_at"]},
        ),
    ]
    # Moderators do not rewrite citizens' words.
    readonly_fields = [
        "title",
        "description",
        "author",
        "topic",
        "project",
        "created_at",
        *ModeratedAdmin.moderation_fields,
        "response_by",
        "response_at",
    ]
    inlines = [StatusEntryInline]

    @admin.display(
        description=Proposal._meta.get_field("created_at").verbose_name, ordering="created_at"
    )
    def submitted(self, proposal):
        return format_html(
            "{}<br>{}", short_date(proposal.created_at), proposal.author or _("deleted account")
        )

    def has_change_permission(self, request, obj=None):
        # Changing a proposal means setting its status or response, nothing else.
        return super().has_change_permission(request, obj) and can_respond(request.user)

    def save_model(self, request, obj, form, change):
        services.set_status(
            proposal=obj,
            user=request.user,
            status=form.cleaned_data["status"],
            response=form.cleaned_data["response"],
        )
