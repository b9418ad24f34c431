import factory
from django.utils import timezone

from newsletter.forms import CONSENT_TEXT
from newsletter.models import Issue, Subscriber


class SubscriberFactory(factory.django.DjangoModelFactory):
    """A confirmed subscriber; `pending=True` leaves the subscription unconfirmed."""

    class Meta:
        model = Subscriber

    class Params:
        pending = factory.Trait(confirmed_at=None)

    email = factory.Sequence(lambda n: f"leserin{n}@example.net")
    consent_text = factory.LazyFunction(lambda: str(CONSENT_TEXT))
    consented_at = factory.LazyFunction(timezone.now)
    confirmed_at = factory.LazyAttribute(lambda subscriber: subscriber.consented_at)


class IssueFactory(factory.django.DjangoModelFactory):
    """A draft issue."""

    class Meta:
        model = Issue

    subject = factory.Sequence(lambda n: f"Neues aus KLmitWirkung, Ausgabe {n}")
    body_text = "Liebe Leser:innen,\n\ndie zweite Runde von Stadt.Raum.Wir. ist eröffnet."
