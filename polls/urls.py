from django.urls import path

from . import views

app_name = "polls"

urlpatterns = [
    path("", views.PollListView.as_view(), name="list"),
    path("<slug:slug>/", views.PollDetailView.as_view(), name="detail"),
    path("<slug:slug>/ergebnisse/", views.PollResultsView.as_view(), name="results"),
    path("<slug:slug>/ergebnisse.csv", views.PollResultsCSVView.as_view(), name="results_csv"),
]
