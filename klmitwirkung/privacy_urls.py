"""/konto/daten/ and /konto/loeschen/: beside the account's own pages, at the top because
they gather from every app."""

from django.urls import path

from . import privacy_views

app_name = "privacy"

urlpatterns = [
    path("daten/", privacy_views.DataView.as_view(), name="data"),
    path("daten/export.json", privacy_views.DataExportView.as_view(), name="data_export"),
    path("loeschen/", privacy_views.DeleteAccountView.as_view(), name="delete"),
]
