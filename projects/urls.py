from django.urls import path

from core.page_cache import cache_public_page
from core.parameters import THREAD_PAGE

from . import views
from .filters import ProjectFilter

app_name = "projects"

urlpatterns = [
    path(
        "",
        cache_public_page(
            views.ProjectListView.as_view(),
            params=[*ProjectFilter.base_filters, "page"],
        ),
        name="list",
    ),
    path("neuigkeiten.xml", views.ProjectNewsFeed(), name="feed"),
    path(
        "<slug:slug>/",
        # The project page shows its polls with their participation: every kind.
        cache_public_page(views.ProjectDetailView.as_view(), params=[THREAD_PAGE]),
        name="detail",
    ),
    path("<slug:slug>/folgen/", views.FollowView.as_view(), name="follow"),
    path("<slug:slug>/nicht-mehr-folgen/", views.UnfollowView.as_view(), name="unfollow"),
]
