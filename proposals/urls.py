from django.urls import path

from . import views

app_name = "proposals"

urlpatterns = [
    path("", views.ProposalListView.as_view(), name="list"),
    path("neu/", views.ProposalCreateView.as_view(), name="create"),
    path("<int:pk>/", views.ProposalDetailView.as_view(), name="detail"),
    path("<int:pk>/bearbeiten/", views.ProposalUpdateView.as_view(), name="update"),
    path("<int:pk>/unterstuetzen/", views.SupportView.as_view(), name="support"),
    path(
        "<int:pk>/unterstuetzung-zurueckziehen/",
        views.WithdrawSupportView.as_view(),
        name="withdraw",
    ),
    path("<int:pk>/melden/", views.ProposalReportView.as_view(), name="report"),
]
