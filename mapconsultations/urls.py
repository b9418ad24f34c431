from django.urls import path

from core.page_cache import cache_public_page
from core.parameters import THREAD_PAGE

from . import views

app_name = "mapconsultations"

urlpatterns = [
    path(
        "<slug:slug>/",
        cache_public_page(views.ConsultationView.as_view(), params=["kategorie", "page"]),
        name="detail",
    ),
    path(
        "<slug:slug>/<int:pk>/",
        cache_public_page(views.EntryView.as_view(), params=[THREAD_PAGE]),
        name="entry",
    ),
    path(
        "<slug:slug>/<int:pk>/unterstuetzen/",
        views.EntrySupportView.as_view(),
        name="support",
    ),
    path(
        "<slug:slug>/<int:pk>/unterstuetzung-zurueckziehen/",
        views.EntrySupportView.as_view(withdraw=True),
        name="withdraw_support",
    ),
    path("<slug:slug>/eintraege.geojson", views.entries_geojson, name="geojson"),
    path("<slug:slug>/eintraege.csv", views.entries_csv, name="csv"),
]
