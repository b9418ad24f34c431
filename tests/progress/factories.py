import datetime

import factory

from progress.models import Milestone
from tests.projects.factories import ProjectFactory


class MilestoneFactory(factory.django.DjangoModelFactory):
    """A published step done on 1 July 2022 of a project; `target` names a poll or a
    proposal instead, `days` moves it in time."""

    class Meta:
        model = Milestone

    class Params:
        days = 0

    target = factory.SubFactory(ProjectFactory)
    image_credit = "Foto: Stadt Kaiserslautern"  # required with an image
    title = factory.Sequence(lambda n: f"Schritt {n}")
    status = Milestone.Status.DONE
    is_published = True

    @factory.lazy_attribute
    def date(self):
        return datetime.date(2022, 7, 1) + datetime.timedelta(days=self.days)
