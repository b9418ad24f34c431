"""Views of the polls app; its own issue fills the list with content."""

from django.views.generic import TemplateView


class IndexView(TemplateView):
    template_name = "polls/index.html"
