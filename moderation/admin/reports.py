"""Reports by citizens, and what the moderators decide on them."""

from django.contrib import admin, messages
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.core.exceptions import ValidationError
from django.db.models import F
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext, pgettext_lazy

from core.admin_pages import AdminPagesMixin

from .. import services
from ..models import (
    Report,
    can_moderate,
    moderated_models,
)
from ..templatetags.moderation_admin import public_url
from .actions import ReasonForm, log_decisions, short_title

QUEUE_PAGE_SIZE = 25
WORDS_DELETED = gettext_lazy("(words deleted)")


# Reports


class ReportStateFilter(admin.SimpleListFilter):
    title = gettext_lazy("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("open", pgettext_lazy("report state", "open")),
            ("handled", pgettext_lazy("report state", "handled")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "open":
            return queryset.open()
        if self.value() == "handled":
            return queryset.filter(resolved_at__isnull=False)
        return queryset


def reported_contributions(reports):
    """The distinct contributions of the reports, in the order of the reports."""
    contributions = {}
    for report in reports:
        if report.contribution is not None:
            contributions.setdefault(
                (report.content_type_id, report.object_id), report.contribution
            )
    return list(contributions.values())


@admin.register(Report)
class ReportAdmin(AdminPagesMixin, admin.ModelAdmin):
    """Reports of citizens, open ones first; handled per contribution through the service."""

    # The state first, and in view at 1280 px: the contribution's own moderation state is
    # on the report's page, not in a column.
    list_display = [
        "state",
        "created_at",
        "reason",
        "contribution_link",
        "contribution_text",
        "reporter",
    ]
    list_display_links = ["created_at"]
    list_filter = [ReportStateFilter, "reason", "resolution"]
    list_select_related = ["reporter", "content_type", "resolved_by"]
    ordering = [F("resolved_at").asc(nulls_first=True), "created_at", "pk"]
    actions = ["remove_contributions", "dismiss_reports"]
    fields = [
        "contribution_link",
        "contribution_kind",
        "contribution_full_text",
        "contribution_state",
        "reason",
        "text",
        "reporter",
        "created_at",
        "resolved_at",
        "resolved_by",
        "resolution",
    ]
    readonly_fields = fields

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                GenericPrefetch(
                    "contribution",
                    [model.objects.for_moderation() for model in moderated_models()],
                )
            )
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # Reports are what citizens wrote; moderators handle them through the actions.
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_moderate_permission(self, request):
        return can_moderate(request.user)

    @admin.display(description=gettext_lazy("state"), ordering="resolved_at")
    def state(self, report):
        if report.is_open:
            return pgettext("report state", "open")
        return report.get_resolution_display()

    @admin.display(description=gettext_lazy("kind of contribution"))
    def contribution_kind(self, report):
        return report.content_type.name

    @admin.display(description=gettext_lazy("reported contribution"))
    def contribution_link(self, report):
        contribution = report.contribution
        if contribution is None:
            return _("(no longer exists)")
        kind = str(contribution._meta.verbose_name).capitalize()
        url = public_url(contribution)
        if not url:
            return f"{kind}: {short_title(contribution)}"
        return format_html('{}: <a href="{}">{}</a>', kind, url, short_title(contribution))

    @admin.display(description=gettext_lazy("text"))
    def contribution_text(self, report):
        if report.contribution is None:
            return "–"
        return Truncator(report.contribution.moderation_text()).chars(200)

    @admin.display(description=gettext_lazy("text"))
    def contribution_full_text(self, report):
        if report.contribution is None:
            return "–"
        return report.contribution.moderation_text()

    @admin.display(description=gettext_lazy("moderation"))
    def contribution_state(self, report):
        if report.contribution is None:
            return "–"
        return report.contribution.get_moderation_state_display()

    @admin.action(
        description=gettext_lazy("Remove the reported contributions (with reason)"),
        permissions=["moderate"],
    )
    def remove_contributions(self, request, queryset):
        reports = list(queryset)
        contributions = reported_contributions(reports)
        form = ReasonForm(request.POST if "confirm" in request.POST else None)
        if form.is_bound and form.is_valid():
            self.resolve(request, contributions, remove=True, reason=form.reason())
            return None
        return self.render_page(
            request,
            "admin/moderation/decide.html",
            title=_("Remove the reported contributions"),
            contributions=contributions,
            form=form,
            needs_reason=True,
            submit_label=_("Remove the contributions"),
            action=request.POST.get("action", ""),
            selected=[str(report.pk) for report in reports],
            cancel_url=request.get_full_path(),
            changelist_url=reverse("admin:moderation_report_changelist"),
        )

    @admin.action(description=gettext_lazy("No action needed"), permissions=["moderate"])
    def dismiss_reports(self, request, queryset):
        self.resolve(request, reported_contributions(queryset), remove=False)

    def resolve(self, request, contributions, *, remove, reason=""):
        handled = []
        for contribution in contributions:
            try:
                services.resolve_reports(
                    contribution=contribution, moderator=request.user, remove=remove, reason=reason
                )
            except ValidationError as error:
                messages.warning(
                    request,
                    _("“%(title)s” was left unchanged: %(error)s")
                    % {"title": short_title(contribution), "error": " ".join(error.messages)},
                )
            else:
                handled.append(contribution)
        if not handled:
            return
        if remove:
            log_decisions(request, handled, "hide", reason)
            message = ngettext(
                "%(count)d contribution removed; its reports are closed.",
                "%(count)d contributions removed; their reports are closed.",
                len(handled),
            )
        else:
            message = ngettext(
                "The reports of %(count)d contribution are closed; nothing was removed.",
                "The reports of %(count)d contributions are closed; nothing was removed.",
                len(handled),
            )
        messages.success(request, message % {"count": len(handled)})
