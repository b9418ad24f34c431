"""What the admin's own extra pages (queues, previews, confirmations) share."""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse


class AdminPagesMixin:
    """For a ModelAdmin with views of its own beside the change list and form."""

    def render_page(self, request, template, **context):
        """A page in the admin's frame: site header, breadcrumbs, the model's names."""
        return TemplateResponse(
            request,
            template,
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "app_label": self.opts.app_label,
                "has_view_permission": self.has_view_permission(request),
                **context,
            },
        )

    def viewable_object_or_404(self, request, object_id):
        """The object of an extra page: 404 if it does not exist, 403 if it may not be seen."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return obj
