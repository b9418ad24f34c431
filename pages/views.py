"""Show one page that editors maintain in the admin."""

from django.views.generic import DetailView

from .models import Page


class PageDetailView(DetailView):
    template_name = "pages/page_detail.html"
    context_object_name = "page"

    def get_queryset(self):
        pages = Page.objects.all()
        if not self.request.user.is_staff:
            pages = pages.published()
        return pages
