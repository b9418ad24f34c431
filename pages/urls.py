from django.urls import path

from core.page_cache import cache_public_page

from . import views

app_name = "pages"

urlpatterns = [
    path(
        "<slug:slug>/",
        cache_public_page(views.PageDetailView.as_view()),
        name="detail",
    ),
]
