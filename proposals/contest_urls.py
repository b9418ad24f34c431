"""Idea contests, under their project: /projekte/<project>/ideenwettbewerb/<address>/."""

from django.urls import path

from core.page_cache import cache_public_page

from . import views

app_name = "contests"

urlpatterns = [
    path(
        "<slug:slug>/",
        cache_public_page(views.ContestDetailView.as_view(), params=["zulassung", "page"]),
        name="detail",
    ),
]
