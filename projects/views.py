"""Public project pages: the filterable list, one project, following it, and the news feed."""

import datetime

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.views import redirect_to_login
from django.contrib.syndication.views import Feed
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import DetailView, ListView

from accounts.permissions import confirmed_addresses, note_confirmed_address
from core import page_cache
from core.html import sanitize_html
from core.page_cache import CONTENT, every_citizen

from .filters import ProjectFilter
from .models import Follow, Project, ProjectUpdate
from .permissions import can_follow
from .services import follow_project, unfollow_project


class ProjectListView(ListView):
    page_cache_shows = [CONTENT]  # the cards show no votes
    page_cache_audience = staticmethod(every_citizen)  # nothing of the person but the header
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

    @staticmethod
    def page_cache_audience(request, slug):
        """Citizens see the same project page while they have written nothing on it: by
        whether they follow it (and get its mails) or may follow it.

        A writer gets it rendered, with their comments in every state.
        """
        user = request.user
        project = page_cache.shared_object(
            Project.objects.visible_to(user).filter(slug=slug).only("status", "is_published"),
            user,
            following=Exists(Follow.objects.filter(project=OuterRef("pk"), user=user)),
            confirmed=Exists(confirmed_addresses(user)),
        )
        if project is None:
            return None
        note_confirmed_address(user, project.confirmed)
        if project.following:
            return "follows" if user.notify_followed_projects else "follows-without-mails"
        return "may-follow" if can_follow(user, project) else "may-not-follow"

    def get_object(self, queryset=None):
        projects = Project.objects.visible_to(self.request.user).prefetch_related(
            "topics",
            "phases",
            Prefetch("updates", queryset=ProjectUpdate.objects.published(), to_attr="news"),
        )
        return get_object_or_404(projects, slug=self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, project = self.request.user, self.object
        # One query for a signed-in visitor; whoever follows may always unfollow.
        is_following = (
            user.is_authenticated and Follow.objects.filter(project=project, user=user).exists()
        )
        context.update(
            is_following=is_following,
            can_follow=not is_following and can_follow(user, project),
        )
        return context


class FollowMixin(LoginRequiredMixin):
    """POST only; anonymous visitors sign in and come back to the project."""

    http_method_names = ["post"]

    def handle_no_permission(self):
        if self.request.user.is_authenticated:
            return super().handle_no_permission()
        return redirect_to_login(reverse("projects:detail", kwargs={"slug": self.kwargs["slug"]}))

    def get_project(self):
        return get_object_or_404(
            Project.objects.visible_to(self.request.user), slug=self.kwargs["slug"]
        )

    def back(self, project):
        """To the page the button was on (the profile lists followed projects too)."""
        url = self.request.POST.get("next", "")
        if url and url_has_allowed_host_and_scheme(
            url, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()
        ):
            return redirect(url)
        return redirect(f"{project.get_absolute_url()}#folgen")


class FollowView(FollowMixin, View):
    def post(self, request, slug):
        project = self.get_project()
        if not can_follow(request.user, project):
            if not project.is_published:
                raise PermissionDenied(gettext("Only published projects can be followed."))
            # Signed in, so the address is what is missing.
            messages.error(
                request, gettext("Please confirm your e-mail address to follow projects.")
            )
            return self.back(project)
        if not follow_project(project=project, user=request.user):
            messages.info(request, gettext("You already follow this project."))
        elif request.user.notify_followed_projects:
            messages.success(
                request,
                gettext(
                    "You now follow this project. We will write to you when a poll or "
                    "survey opens here."
                ),
            )
        else:
            messages.success(
                request,
                format_html(
                    '{} {} <a href="{}#benachrichtigungen">{}</a>',
                    gettext("You now follow this project."),
                    gettext(
                        "Your notifications about new polls are switched off in your profile."
                    ),
                    reverse("accounts:profile"),
                    gettext("Change notifications"),
                ),
            )
        return self.back(project)


class UnfollowView(FollowMixin, View):
    def post(self, request, slug):
        project = self.get_project()
        if unfollow_project(project=project, user=request.user):
            messages.success(
                request,
                gettext("You no longer follow “%(project)s”.") % {"project": project.title},
            )
        else:
            messages.info(request, gettext("You were not following this project."))
        return self.back(project)


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
