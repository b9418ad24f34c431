import datetime

import factory
from django.utils import timezone

from projects.models import Phase, Project, ProjectUpdate, Topic


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.Sequence(lambda n: f"thema-{n}")


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Projekt {n}")
    slug = factory.Sequence(lambda n: f"projekt-{n}")
    teaser = "Ein Projekt für Kaiserslautern."
    body = "<p>Beschreibung</p>"
    is_published = True
    contact_name = "Team Projekt"
    contact_email = "team@example.org"
    # Whose an image would be (required with one; nothing is shown without).
    image_credit = "Foto: Stadt Kaiserslautern"

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)


class PhaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Phase

    project = factory.SubFactory(ProjectFactory)
    title = factory.Sequence(lambda n: f"Phase {n}")
    start = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=10))
    end = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=10))


class ProjectUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectUpdate

    project = factory.SubFactory(ProjectFactory)
    title = factory.Sequence(lambda n: f"Neuigkeit {n}")
    text = "<p>Es gibt Neues.</p>"
    published_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=1))
