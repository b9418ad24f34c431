"""Public project pages: the filterable list, one project, and the news feed."""

import datetime

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from klmitwirkung.html import sanitize_html

from .filters import ProjectFilter
from .models import Project, ProjectUpdate


class ProjectListView(ListView):
    template_name = "projects/project_list.html"
    context_object_name = "projects"
    paginate_by = 12

    def get_queryset(self):
        # The Smart City projects first, then city matters; running before planned and completed.
        projects = Project.objects.visible_to(self.request.user).order_by(
            "-kind", "-status", "title"
        )
        self.filterset = ProjectFilter(self.request.GET or None, queryset=projects)
        # An unknown filter value is shown as an error at its field and otherwise ignored.
        return self.filterset.qs.for_cards()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            filter_form=self.filterset.form,
            is_filtered=any(self.request.GET.get(name) for name in self.filterset.filters),
            filter_query=query.urlencode(),
        )
        return context


class ProjectDetailView(DetailView):
    template_name = "projects/project_detail.html"
    context_object_name = "project"

    def get_object(self, queryset=None):
        projects = Project.objects.visible_to(self.request.user).prefetch_related(
            "topics",
            "phases",
            Prefetch("updates", queryset=ProjectUpdate.objects.published(), to_attr="news"),
        )
        return get_object_or_404(projects, slug=self.kwargs["slug"])


class ProjectNewsFeed(Feed):
    feed_type = Atom1Feed
    title = _("KLmitWirkung – news from the projects")
    subtitle = _("News from the Smart City projects and city matters of Kaiserslautern.")
    link = reverse_lazy("projects:list")

    def items(self):
        return ProjectUpdate.objects.public().select_related("project")[:30]

    def item_title(self, item):
        return f"{item.project.title}: {item.title}"

    def item_description(self, item):
        return sanitize_html(item.text)

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.published_on, datetime.time()))

    def item_updateddate(self, item):
        return self.item_pubdate(item)
