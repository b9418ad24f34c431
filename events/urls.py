from django.urls import path

from core.page_cache import cache_public_page

from . import views

app_name = "events"

urlpatterns = [
    path(
        "",
        cache_public_page(views.EventListView.as_view(), params=["vergangen", "page"]),
        name="list",
    ),
    path("kalender.ics", views.CalendarFeedView.as_view(), name="feed"),
    path("<slug:slug>/", cache_public_page(views.EventDetailView.as_view()), name="detail"),
    path("<slug:slug>.ics", views.EventCalendarView.as_view(), name="ics"),
]
