"""Events as iCalendar (RFC 5545), built with the icalendar library: one event as an .ics
download, or all of them as a feed that calendar programs subscribe to."""

from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

PRODUCT = "-//KL.digital GmbH//KLmitWirkung//DE"


def calendar_of(events, *, name, absolute_url):
    """A VCALENDAR with one VEVENT per event; `absolute_url(path)` makes links absolute."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    stamp = timezone.now()
    for event in events:
        calendar.add_component(_vevent(event, stamp, absolute_url))
    return calendar.to_ical()


def _vevent(event, stamp, absolute_url):
    vevent = icalendar.Event()
    # Stable across changes, so that calendars update the event instead of adding another.
    vevent.add("uid", f"event-{event.pk}@{urlsplit(settings.SITE_URL).hostname}")
    vevent.add("dtstamp", stamp)
    vevent.add("last-modified", event.updated_at)
    vevent.add("dtstart", event.starts_at)
    vevent.add("dtend", event.ends_at)
    vevent.add("summary", event.title)
    vevent.add("location", ", ".join(part for part in (event.venue, event.address) if part))
    url = absolute_url(event.get_absolute_url())
    vevent.add("url", url)
    vevent.add("description", _description(event, url))
    if event.place_id and event.place.point:
        latitude, longitude = event.place.point
        vevent.add("geo", (float(latitude), float(longitude)))
    return vevent


def _description(event, url):
    parts = [strip_tags(event.description).strip()]
    if event.what_to_do:
        parts.append(_("What you can do there: %(what)s") % {"what": event.what_to_do})
    if event.accessibility:
        parts.append(_("Accessibility: %(notes)s") % {"notes": event.accessibility})
    parts.append(url)
    return "\n\n".join(part for part in parts if part)
