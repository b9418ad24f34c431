"""The admin's parts that gather from every app."""

from django.contrib import admin
from django.db import transaction

from accounts.admin import UserAdmin
from accounts.models import User
from progress.admin import MilestoneInline, MilestonesAdminMixin
from projects.admin import ProjectAdmin
from projects.models import Project

from .privacy import prepare_account_deletion


class AccountAdmin(UserAdmin):
    """Administrators remove staff accounts here; what the cascade would leave wrong in
    other apps (never-public words, support counts, sessions, cached pages) is set right
    first, as on /konto/loeschen/ (klmitwirkung.privacy.prepare_account_deletion)."""

    @transaction.atomic
    def delete_model(self, request, obj):
        prepare_account_deletion(obj)
        super().delete_model(request, obj)

    @transaction.atomic
    def delete_queryset(self, request, queryset):
        for user in queryset:
            prepare_account_deletion(user)
        super().delete_queryset(request, queryset)


admin.site.unregister(User)
admin.site.register(User, AccountAdmin)


class ProjectWithMilestonesAdmin(MilestonesAdminMixin, ProjectAdmin):
    """Editors record what became of a project on its page, as on a poll's; projects sit
    below progress, so the inline is added here."""

    inlines = [*ProjectAdmin.inlines, MilestoneInline]


admin.site.unregister(Project)
admin.site.register(Project, ProjectWithMilestonesAdmin)
