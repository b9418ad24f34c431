"""The moderators' back office: the queue, reports, the decision log, reasons and the switch.

Every release, rejection, removal and restoration goes through `moderation.services`, which
records a `Decision`; the admin adds an entry to the object's history (LogEntry) as well.
`ModeratedAdmin` gives the admins of proposals and comments the same actions and buttons.
"""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy

from ..models import ReasonTemplate, SiteSettings
from . import queue, reports  # noqa: F401 - they register the queue, log and reports
from .contributions import ModeratedAdmin

__all__ = ["ModeratedAdmin"]


# Reason templates and the site-wide switch


@admin.register(ReasonTemplate)
class ReasonTemplateAdmin(admin.ModelAdmin):
    list_display = ["title", "text_excerpt"]
    search_fields = ["title", "text"]

    @admin.display(description=gettext_lazy("text for the author"))
    def text_excerpt(self, template):
        return Truncator(template.text).chars(120)


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    """One row: the list leads straight to it."""

    fields = ["premoderation"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        return redirect("admin:moderation_sitesettings_change", SiteSettings.load().pk)
