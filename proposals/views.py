"""Views of the proposals app; its own issue fills the list with content."""

from django.views.generic import TemplateView


class IndexView(TemplateView):
    template_name = "proposals/index.html"
