"""Demo events for `seed_demo`: stands where one votes on paper, a workshop and an
information evening in the weeks ahead, and past stands that the demo's paper batches name.

Runs after the demo projects, places and polls exist. Times are day offsets from the day of
seeding (or fixed dates of the 2022 round), Kaiserslautern time, so that the calendar is
current whenever the demo is seeded; an event that exists (by its address) is left alone.
"""

import datetime

from django.db import transaction
from django.utils import timezone, translation

from demo.content import in_both_languages, load
from events.models import Event
from maps.models import Place
from polls.models import PaperBatch
from projects.models import Project

EVENTS = load("events")["events"]
TEXTS = ("title", "venue", "accessibility", "what_to_do")


@transaction.atomic
@translation.override("de")
def seed_events(today=None):
    """Create the demo events not there yet and name them on the paper batches collected
    there; return how many events were created."""
    today = today or timezone.localdate()
    created = 0
    for data in EVENTS:
        event = Event.objects.filter(slug=data["slug"]).first()
        if event is None:
            event = _create_event(data, today)
            created += 1
        _name_on_paper_batches(event, data.get("paper_batches", []))
    return created


def _moment(spec, today):
    """A fixed datetime, or [day offset, "HH:MM"] from today, Kaiserslautern time."""
    if isinstance(spec, datetime.datetime):
        moment = spec
    else:
        days, clock = spec
        moment = datetime.datetime.combine(
            today + datetime.timedelta(days=days), datetime.time.fromisoformat(clock)
        )
    return timezone.make_aware(moment)


def _create_event(data, today):
    texts = [field for field in (*TEXTS, "description") if field in data]
    event = Event(
        slug=data["slug"],
        kind=data["kind"],
        **in_both_languages(data, *texts),
        starts_at=_moment(data["starts"], today),
        ends_at=_moment(data["ends"], today),
        address=data.get("address", ""),
        place=Place.objects.get(name=data["place"]) if data.get("place") else None,
        project=Project.objects.get(slug=data["project"]) if data.get("project") else None,
        is_published=True,
    )
    event.full_clean()
    event.save()
    return event


def _name_on_paper_batches(event, batches):
    """The stand on the batches of [poll slug, place] collected on its day, where none is
    named yet: the results page then links the stand where the ballots came from."""
    for poll_slug, place in batches:
        PaperBatch.objects.filter(
            poll__slug=poll_slug,
            place=place,
            collected_on=timezone.localdate(event.starts_at),
            event__isnull=True,
        ).update(event=event)
