"""The Django admin of KLmitWirkung: where editors change what the public pages show."""

from functools import update_wrapper

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig

from core import page_cache


class AdminSite(admin.AdminSite):
    def admin_view(self, view, cacheable=False):
        """Every admin view; after a POST, the public pages are out of date.

        Editors change projects, news, pages, polls and paper votes here, through model
        admins and their actions. Rather than list each of them, any successful change
        made in the admin gives all public content a new version, that of every poll too.
        """
        wrapped = super().admin_view(view, cacheable)

        def view_then_expire_pages(request, *args, **kwargs):
            response = wrapped(request, *args, **kwargs)
            if request.method == "POST" and response.status_code < 400:
                page_cache.changed_everything()
            return response

        return update_wrapper(view_then_expire_pages, wrapped)


class KLmitWirkungAdminConfig(AdminConfig):
    default_site = "klmitwirkung.admin_site.AdminSite"
