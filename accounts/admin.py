from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from klmitwirkung.privacy import prepare_account_deletion

from .models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "email", "is_staff", "is_active", "date_joined", "last_login"]
    list_filter = ["is_staff", "is_superuser", "is_active", "groups"]
    search_fields = ["username", "email"]
    ordering = ["username"]
    fieldsets = [
        (None, {"fields": ["username", "email", "password"]}),
        (
            _("Permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["username", "email", "password1", "password2"]}),
    ]
    readonly_fields = ["last_login", "date_joined"]

    # Administrators remove staff accounts here; what the cascade would leave wrong in
    # other apps (the support counts of proposals) is set right first, as on /konto/loeschen/.
    @transaction.atomic
    def delete_model(self, request, obj):
        prepare_account_deletion(obj)
        super().delete_model(request, obj)

    @transaction.atomic
    def delete_queryset(self, request, queryset):
        for user in queryset:
            prepare_account_deletion(user)
        super().delete_queryset(request, queryset)
