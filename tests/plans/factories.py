import factory

from moderation.models import ModerationState
from plans.models import Department, ParticipationRequest, Plan
from tests.accounts.factories import UserFactory


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Referat {n}")
    slug = factory.Sequence(lambda n: f"referat-{n}")


class PlanFactory(factory.django.DjangoModelFactory):
    """A published plan whose participation is not decided yet (so it takes requests)."""

    class Meta:
        model = Plan

    title = factory.Sequence(lambda n: f"Vorhaben {n}")
    slug = factory.Sequence(lambda n: f"vorhaben-{n}")
    summary = "Ein Vorhaben der Stadt."
    department = factory.SubFactory(DepartmentFactory)
    timeframe = "2027 bis 2028"
    is_published = True


class ParticipationRequestFactory(factory.django.DjangoModelFactory):
    """A released request with a reason."""

    class Meta:
        model = ParticipationRequest

    plan = factory.SubFactory(PlanFactory)
    author = factory.SubFactory(UserFactory)
    reason = "Das betrifft unser Viertel."
    moderation_state = ModerationState.PUBLISHED
