from django.urls import path

from core.page_cache import cache_public_page

from . import views

app_name = "plans"

urlpatterns = [
    path(
        "",
        cache_public_page(
            views.PlanListView.as_view(), params=["bereich", "status", "beteiligung", "page"]
        ),
        name="list",
    ),
    path("vorhabenliste.csv", views.plans_csv, name="csv"),
    path("feed/", views.PlanFeed(), name="feed"),
    path(
        "<slug:slug>/",
        cache_public_page(views.PlanDetailView.as_view(), params=["page"]),
        name="detail",
    ),
]
