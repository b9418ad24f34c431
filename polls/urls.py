from django.urls import path

from core.page_cache import CONTENT, VOTES, cache_public_page
from core.parameters import THREAD_PAGE

from . import views

app_name = "polls"

# Pages about polls count every ballot at once, for cached visitors too.
about_polls = (CONTENT, VOTES)

urlpatterns = [
    path(
        "",
        cache_public_page(views.PollListView.as_view(), shows=about_polls, params=["page"]),
        name="list",
    ),
    path(
        "<slug:slug>/",
        cache_public_page(views.PollDetailView.as_view(), shows=about_polls, params=[THREAD_PAGE]),
        name="detail",
    ),
    path(
        "<slug:slug>/ergebnisse/",
        cache_public_page(views.PollResultsView.as_view(), shows=about_polls),
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
