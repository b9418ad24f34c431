import datetime

import factory
from django.utils import timezone

from events.models import Event


class EventFactory(factory.django.DjangoModelFactory):
    """A published stand, tomorrow from 10 to 13 o'clock; `days` moves it in time."""

    class Meta:
        model = Event

    class Params:
        days = 1

    title = factory.Sequence(lambda n: f"Stand {n}")
    slug = factory.Sequence(lambda n: f"stand-{n}")
    kind = Event.Kind.STAND
    venue = "Stiftsplatz, am Brunnen"
    is_published = True

    @factory.lazy_attribute
    def starts_at(self):
        day = timezone.localdate() + datetime.timedelta(days=self.days)
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))

    @factory.lazy_attribute
    def ends_at(self):
        return self.starts_at + datetime.timedelta(hours=3)
