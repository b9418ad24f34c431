from django.urls import path

from core.page_cache import cache_public_page
from core.parameters import THREAD_PAGE

from . import views

app_name = "polls"


urlpatterns = [
    path(
        "",
        cache_public_page(views.PollListView.as_view(), params=["page"]),
        name="list",
    ),
    path(
        "<slug:slug>/",
        cache_public_page(views.PollDetailView.as_view(), params=[THREAD_PAGE]),
        name="detail",
    ),
    path(
        "<slug:slug>/ergebnisse/",
        cache_public_page(views.PollResultsView.as_view()),
        name="results",
    ),
    # Open data, and the same table for spreadsheet programs; both count every vote at once.
    path("<slug:slug>/ergebnisse.csv", views.PollResultsCSVView.as_view(), name="results_csv"),
    path(
        "<slug:slug>/ergebnisse-tabellenkalkulation.csv",
        views.PollResultsSpreadsheetView.as_view(),
        name="results_spreadsheet",
    ),
]
