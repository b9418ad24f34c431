"""Show one page that editors maintain in the admin."""

from django.views.generic import DetailView

from core.page_cache import CONTENT, every_citizen

from .models import Page


class PageDetailView(DetailView):
    page_cache_shows = [CONTENT]  # editors' texts show no votes
    page_cache_audience = staticmethod(every_citizen)  # nothing of the person but the header
    template_name = "pages/page_detail.html"
    context_object_name = "page"

    def get_queryset(self):
        pages = Page.objects.all()
        if not self.request.user.is_staff:
            pages = pages.published()
        return pages
