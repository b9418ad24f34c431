"""The actions and buttons that the admins of proposals and comments share."""

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy

from core.admin_pages import AdminPagesMixin

from ..decisions import RULES, allows
from ..models import (
    can_moderate,
)
from .actions import ReasonForm, apply_decision, seen_revisions

QUEUE_PAGE_SIZE = 25
WORDS_DELETED = gettext_lazy("(words deleted)")


# The actions and buttons that proposals and comments share


class ModeratedAdmin(AdminPagesMixin, admin.ModelAdmin):
    """Admin of a `Moderated` model: release, reject, remove and restore, list and page."""

    moderation_fields = [
        "moderation_state",
        "moderation_reason",
        "moderated_at",
        "moderated_by",
        "published_at",
    ]
    actions = ["release_selected", "reject_selected", "hide_selected", "restore_selected"]
    change_form_template = "admin/moderation/contribution_change_form.html"
    view_on_site = True

    def get_queryset(self, request):
        return super().get_queryset(request).for_moderation()

    def has_moderate_permission(self, request):
        return can_moderate(request.user)

    def has_add_permission(self, request):
        # Contributions come from citizens, through the site.
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser and super().has_delete_permission(request, obj)

    # Actions on the list

    # Every action first shows the full texts of the selected contributions; the decision
    # then applies to the versions shown there (a text changed meanwhile is left as it is).

    @admin.action(
        description=gettext_lazy("Release the selected contributions"),
        permissions=["moderate"],
    )
    def release_selected(self, request, queryset):
        return self.confirm_decision(request, queryset, "release")

    @admin.action(
        description=gettext_lazy("Do not release the selected contributions (with reason)"),
        permissions=["moderate"],
    )
    def reject_selected(self, request, queryset):
        return self.confirm_decision(request, queryset, "reject")

    @admin.action(
        description=gettext_lazy("Remove the selected contributions (with reason)"),
        permissions=["moderate"],
    )
    def hide_selected(self, request, queryset):
        return self.confirm_decision(request, queryset, "hide")

    @admin.action(
        description=gettext_lazy("Restore the selected contributions"),
        permissions=["moderate"],
    )
    def restore_selected(self, request, queryset):
        return self.confirm_decision(request, queryset, "restore")

    def confirm_decision(self, request, queryset, decision):
        """First a page with the texts (and the reason, where one is needed), then the
        decision on the versions that page showed; back to the list after."""
        kind = RULES[decision]
        contributions = list(queryset)
        form = ReasonForm(
            request.POST if "confirm" in request.POST else None,
            reason_required=kind.needs_reason,
        )
        if form.is_bound and form.is_valid():
            apply_decision(
                request,
                contributions,
                decision,
                form.reason(),
                seen=seen_revisions(request.POST.getlist("seen")),
            )
            return None
        return self.render_page(
            request,
            "admin/moderation/decide.html",
            title=kind.label,
            contributions=contributions,
            form=form,
            needs_reason=kind.needs_reason,
            submit_label=kind.label,
            action=request.POST.get("action", ""),
            selected=[str(c.pk) for c in contributions],
            cancel_url=request.get_full_path(),
            changelist_url=reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist"
            ),
        )

    # Buttons on the change page

    def get_urls(self):
        return [
            path(
                "<path:object_id>/moderate/<slug:decision>/",
                self.admin_site.admin_view(self.moderate_view),
                name=f"{self.opts.app_label}_{self.opts.model_name}_moderate",
            ),
            *super().get_urls(),
        ]

    def moderation_urls(self, request, obj):
        """The decisions the user may take on this contribution now, with their addresses."""
        name = f"admin:{self.opts.app_label}_{self.opts.model_name}_moderate"
        return {
            decision: reverse(name, args=[obj.pk, decision])
            for decision in RULES
            if allows(decision, request.user, obj)
        }

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk is not None:
            urls = self.moderation_urls(request, obj)
            context["moderation"] = {
                "urls": urls,
                "form": ReasonForm() if {"reject", "hide"} & urls.keys() else None,
            }
        return super().render_change_form(request, context, add, change, form_url, obj)

    def moderate_view(self, request, object_id, decision):
        if decision not in RULES:
            raise Http404
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not (self.has_view_permission(request, obj) and can_moderate(request.user)):
            raise PermissionDenied
        change_url = reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[obj.pk]
        )
        kind = RULES[decision]
        form = ReasonForm(
            request.POST if request.method == "POST" else None,
            reason_required=kind.needs_reason,
        )
        if form.is_bound and form.is_valid():
            apply_decision(
                request,
                [obj],
                decision,
                form.reason() if kind.needs_reason else "",
                seen=seen_revisions(request.POST.getlist("seen")),
            )
            return redirect(change_url)
        return self.render_page(
            request,
            "admin/moderation/decide.html",
            title=kind.label,
            contributions=[obj],
            form=form,
            needs_reason=kind.needs_reason,
            submit_label=kind.label,
            cancel_url=change_url,
            changelist_url=reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist"
            ),
        )
