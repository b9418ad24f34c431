import factory
from django.db.models import F
from django.utils import timezone

from moderation.models import ModerationState
from proposals.models import Proposal, StatusEntry, Support
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
