from django.urls import path

# Proposals show no votes: a ballot leaves their cached pages as they are.
from core.page_cache import cache_public_page
from core.parameters import THREAD_PAGE

from . import views
from .filters import ProposalFilter

app_name = "proposals"

urlpatterns = [
    path(
        "",
        cache_public_page(
            views.ProposalListView.as_view(),
            params=[*ProposalFilter.base_filters, "page"],
        ),
        name="list",
    ),
    path("neu/", views.ProposalCreateView.as_view(), name="create"),
    path(
        "<int:pk>/",
        cache_public_page(views.ProposalDetailView.as_view(), params=[THREAD_PAGE]),
        name="detail",
    ),
    path("<int:pk>/bearbeiten/", views.ProposalUpdateView.as_view(), name="update"),
    path("<int:pk>/unterstuetzen/", views.SupportView.as_view(), name="support"),
    path(
        "<int:pk>/unterstuetzung-zurueckziehen/",
        views.WithdrawSupportView.as_view(),
        name="withdraw",
    ),
    path("<int:pk>/melden/", views.ProposalReportView.as_view(), name="report"),
]
