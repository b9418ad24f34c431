"""The Vorhabenliste in the admin: editors keep the planned projects and departments;
requests for participation are moderated like every contribution and answered here."""

from django.contrib import admin
from django.db.models import Count, Q
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from core.admin_lists import short_date
from moderation.admin.contributions import ModeratedAdmin
from moderation.models import ModerationState

from . import services
from .models import Department, ParticipationRequest, Plan
from .permissions import can_respond


@admin.register(Department)
class DepartmentAdmin(TranslationAdmin):
    list_display = ["name"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name_de"]}


@admin.register(Plan)
class PlanAdmin(TranslationAdmin):
    list_display = [
        "title",
        "department",
        "timeframe",
        "status",
        "participation",
        "requests",
        "unanswered",
        "is_published",
    ]
    list_filter = ["is_published", "status", "participation", "department"]
    list_select_related = ["department"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title_de"]}
    autocomplete_fields = ["department"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "description", "is_published"]}),
        (_("Who and when"), {"fields": ["department", "timeframe", "status"]}),
        (
            _("Participation"),
            {
                "fields": [
                    "participation",
                    "participation_how",
                    "participation_when",
                    "participation_reason",
                    "project",
                ]
            },
        ),
    ]

    def get_queryset(self, request):
        published = Q(participation_requests__moderation_state=ModerationState.PUBLISHED)
        return (
            super()
            .get_queryset(request)
            .annotate(
                published_requests=Count("participation_requests", filter=published),
                unanswered_requests=Count(
                    "participation_requests",
                    filter=published & Q(participation_requests__response=""),
                ),
            )
        )

    @admin.display(description=_("requests"), ordering="published_requests")
    def requests(self, plan):
        return plan.published_requests

    @admin.display(description=_("without response"), ordering="unanswered_requests")
    def unanswered(self, plan):
        return plan.unanswered_requests


@admin.register(ParticipationRequest)
class ParticipationRequestAdmin(ModeratedAdmin):
    """Requests of citizens, moderated; staff who may respond write the city's answer here."""

    list_display = ["moderation_state", "plan", "submitted", "has_response"]
    list_display_links = ["plan"]
    list_filter = ["moderation_state", "plan__department", "plan"]
    list_select_related = ["author", "plan"]
    search_fields = ["reason", "plan__title"]
    fieldsets = [
        (None, {"fields": ["plan", "reason", "author", "created_at"]}),
        (_("Moderation"), {"fields": ModeratedAdmin.moderation_fields}),
        (_("Response of the city"), {"fields": ["response", "response_by", "response_at"]}),
    ]
    # Moderators do not rewrite citizens' words.
    readonly_fields = [
        "plan",
        "reason",
        "author",
        "created_at",
        *ModeratedAdmin.moderation_fields,
        "response_by",
        "response_at",
    ]

    @admin.display(
        description=ParticipationRequest._meta.get_field("created_at").verbose_name,
        ordering="created_at",
    )
    def submitted(self, participation_request):
        return format_html(
            "{}<br>{}",
            short_date(participation_request.created_at),
            participation_request.author or _("deleted account"),
        )

    @admin.display(description=_("response given"), boolean=True, ordering="response_at")
    def has_response(self, participation_request):
        return bool(participation_request.response)

    def has_change_permission(self, request, obj=None):
        # Changing a request means writing the city's response, nothing else.
        return super().has_change_permission(request, obj) and can_respond(request.user)

    def save_model(self, request, obj, form, change):
        services.respond(
            participation_request=obj, user=request.user, response=form.cleaned_data["response"]
        )
