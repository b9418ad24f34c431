"""The next events, for the start page and a project's page."""

from django import template

from events.models import Event

register = template.Library()

NEXT_EVENTS_SHOWN = 3


@register.inclusion_tag("events/_next_events.html")
def next_events(project=None, heading_level=2):
    """The next published events (of one project, if given): one query."""
    events = Event.objects.published().upcoming()
    if project is not None:
        events = events.filter(project=project)
    return {
        "events": list(events[:NEXT_EVENTS_SHOWN]),
        "heading_level": heading_level,
        "project": project,
    }
