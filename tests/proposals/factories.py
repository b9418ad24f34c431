import datetime

import factory
from django.db.models import F
from django.utils import timezone

from moderation.models import ModerationState
from proposals.models import Contest, Proposal, StatusEntry, Support
from tests.accounts.factories import UserFactory
from tests.projects.factories import TopicFactory


class ProposalFactory(factory.django.DjangoModelFactory):
    """A released proposal; `moderation_state=ModerationState.PENDING` for one that waits."""

    class Meta:
        model = Proposal

    author = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Vorschlag {n}")
    description = "Mehr Bänke in der Fußgängerzone, damit man sich ausruhen kann."
    topic = factory.SubFactory(TopicFactory)
    project = None
    moderation_state = ModerationState.PUBLISHED
    published_at = factory.LazyAttribute(
        lambda p: timezone.now() if p.moderation_state == ModerationState.PUBLISHED else None
    )


class SupportFactory(factory.django.DjangoModelFactory):
    """A support, counted on its proposal as support_proposal() would count it."""

    class Meta:
        model = Support

    proposal = factory.SubFactory(ProposalFactory)
    user = factory.SubFactory(UserFactory)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        support = super()._create(model_class, *args, **kwargs)
        Proposal.objects.filter(pk=support.proposal_id).update(
            support_count=F("support_count") + 1
        )
        # The test's own copy of the proposal shows the new count too.
        support.proposal.refresh_from_db(fields=["support_count"])
        return support


class StatusEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StatusEntry

    proposal = factory.SubFactory(ProposalFactory)
    status = Proposal.Status.SUBMITTED
    status_changed = True


class ContestFactory(factory.django.DjangoModelFactory):
    """A published idea contest; `phase` ("submission", "review", "voting", "result") sets
    its dates around now."""

    class Meta:
        model = Contest

    class Params:
        phase = "submission"

    project = factory.SubFactory("tests.projects.factories.ProjectFactory")
    title = factory.Sequence(lambda n: f"Ideenwettbewerb {n}")
    slug = factory.Sequence(lambda n: f"ideenwettbewerb-{n}")
    is_published = True

    @factory.lazy_attribute
    def submission_opens(self):
        days = {"submission": -1, "review": -20, "voting": -30, "result": -40}[self.phase]
        return timezone.now() + datetime.timedelta(days=days)

    @factory.lazy_attribute
    def submission_closes(self):
        days = {"submission": 7, "review": -1, "voting": -20, "result": -30}[self.phase]
        return timezone.now() + datetime.timedelta(days=days)

    @factory.lazy_attribute
    def voting_opens(self):
        days = {"submission": 14, "review": 7, "voting": -1, "result": -20}[self.phase]
        return timezone.now() + datetime.timedelta(days=days)

    @factory.lazy_attribute
    def voting_closes(self):
        days = {"submission": 28, "review": 21, "voting": 14, "result": -1}[self.phase]
        return timezone.now() + datetime.timedelta(days=days)
