"""Public pages of events: the list (upcoming, or past), one event, and their iCalendar."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, ListView

from core.page_cache import CONTENT, every_citizen

from .calendar import calendar_of
from .models import Event


class EventListView(ListView):
    """Upcoming events, the soonest first (20 a page); `?vergangen=1` the past ones."""

    page_cache_shows = [CONTENT]
    page_cache_audience = staticmethod(every_citizen)
    template_name = "events/event_list.html"
    context_object_name = "events"
    paginate_by = 20

    def get_queryset(self):
        listing = self.request.GET.get("vergangen")
        if listing not in (None, "1"):
            raise Http404
        self.past = listing == "1"
        events = Event.objects.published().select_related("place")
        return events.past() if self.past else events.upcoming()

    def get_context_data(self, **kwargs):
        return super().get_context_data(past=self.past, **kwargs)


class EventDetailView(DetailView):
    page_cache_shows = [CONTENT]
    page_cache_audience = staticmethod(every_citizen)
    template_name = "events/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        return Event.objects.visible_to(self.request.user).select_related("place", "project")


def ics_response(request, events, *, name, filename):
    response = HttpResponse(
        calendar_of(events, name=name, absolute_url=request.build_absolute_uri),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class EventCalendarView(View):
    """One event for one's calendar."""

    def get(self, request, slug):
        event = get_object_or_404(
            Event.objects.visible_to(request.user).select_related("place"), slug=slug
        )
        return ics_response(request, [event], name=event.title, filename=f"{event.slug}.ics")


class CalendarFeedView(View):
    """All events, upcoming and of the last months, for calendar programs to subscribe to."""

    def get(self, request):
        events = Event.objects.for_feed().select_related("place")
        return ics_response(
            request,
            events,
            name=_("KLmitWirkung: events and stands"),
            filename="klmitwirkung-termine.ics",
        )
