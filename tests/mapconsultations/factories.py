import datetime

import factory
from django.utils import timezone

from mapconsultations.models import Category, Consultation, Entry
from moderation.models import ModerationState
from tests.accounts.factories import UserFactory
from tests.projects.factories import ProjectFactory


class ConsultationFactory(factory.django.DjangoModelFactory):
    """An open, published map consultation („Hitzeorte“) with no categories yet."""

    class Meta:
        model = Consultation

    project = factory.SubFactory(ProjectFactory)
    title = factory.Sequence(lambda n: f"Hitzeorte {n}")
    slug = factory.Sequence(lambda n: f"hitzeorte-{n}")
    intro = "<p>Wo ist es im Sommer zu heiß?</p>"
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=3))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    is_published = True


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    consultation = factory.SubFactory(ConsultationFactory)
    position = factory.Sequence(lambda n: n)
    name = factory.Sequence(lambda n: f"Kategorie {n}")


class EntryFactory(factory.django.DjangoModelFactory):
    """A released entry at the Stiftsplatz."""

    class Meta:
        model = Entry

    consultation = factory.SubFactory(ConsultationFactory)
    category = factory.LazyAttribute(
        lambda entry: CategoryFactory(consultation=entry.consultation)
    )
    author = factory.SubFactory(UserFactory)
    text = factory.Sequence(lambda n: f"Hier steht die Sonne den ganzen Tag ({n}).")
    latitude = "49.443900"
    longitude = "7.770700"
    moderation_state = ModerationState.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)
