import datetime

import factory
from django.utils import timezone

from polls.models import Ballot, Choice, PaperBatch, PaperCount, Poll, Question, Selection
from tests.accounts.factories import UserFactory


class PollFactory(factory.django.DjangoModelFactory):
    """A published poll, open from yesterday until in a week; `state` moves it in time."""

    class Meta:
        model = Poll

    class Params:
        state = "open"

    title = factory.Sequence(lambda n: f"Abstimmung {n}")
    slug = factory.Sequence(lambda n: f"abstimmung-{n}")
    intro = "<p>Worum es geht.</p>"
    is_published = True
    eligibility = Poll.Eligibility.ACCOUNT
    results_visibility = Poll.ResultsVisibility.LIVE

    @factory.lazy_attribute
    def opens_at(self):
        now = timezone.now()
        return {
            "upcoming": now + datetime.timedelta(days=2),
            "open": now - datetime.timedelta(days=1),
            "closed": now - datetime.timedelta(days=10),
        }[self.state]

    @factory.lazy_attribute
    def closes_at(self):
        now = timezone.now()
        return {
            "upcoming": now + datetime.timedelta(days=9),
            "open": now + datetime.timedelta(days=7),
            "closed": now - datetime.timedelta(days=1),
        }[self.state]


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    poll = factory.SubFactory(PollFactory)
    position = factory.Sequence(lambda n: n)
    text = factory.Sequence(lambda n: f"Frage {n}?")
    kind = Question.Kind.SINGLE

    @factory.lazy_attribute
    def max_choices(self):
        return 2 if self.kind == Question.Kind.MULTIPLE else None


class ChoiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Choice

    question = factory.SubFactory(QuestionFactory)
    position = factory.Sequence(lambda n: n)
    label = factory.Sequence(lambda n: f"Antwort {n}")
    image_credit = "Foto: Stadt Kaiserslautern"  # required with an image


def poll_with_questions(**kwargs):
    """A poll with a single choice (of 3), a multiple choice (2 of 3) and a free-text question."""
    poll = PollFactory(**kwargs)
    single = QuestionFactory(poll=poll, position=1, text="Welche Veranstaltung zuerst?")
    for label in ("Roundnet", "Open-Air-Lesung", "Lautern tanzt"):
        ChoiceFactory(question=single, label=label)
    multiple = QuestionFactory(
        poll=poll, position=2, text="Was soll die Box können?", kind=Question.Kind.MULTIPLE
    )
    for label in ("Pakete", "Kühlfach", "Leihgeräte"):
        ChoiceFactory(question=multiple, label=label)
    QuestionFactory(
        poll=poll,
        position=3,
        text="Was möchten Sie noch sagen?",
        kind=Question.Kind.TEXT,
        is_required=False,
        max_length=200,
    )
    return poll


class BallotFactory(factory.django.DjangoModelFactory):
    """A ballot; `choices=[...]` ticks those choices."""

    class Meta:
        model = Ballot
        skip_postgeneration_save = True

    poll = factory.SubFactory(PollFactory)
    user = factory.SubFactory(UserFactory)

    @factory.post_generation
    def choices(self, create, extracted, **kwargs):
        if create and extracted:
            Selection.objects.bulk_create(Selection(ballot=self, choice=c) for c in extracted)


class PaperBatchFactory(factory.django.DjangoModelFactory):
    """An entered (unconfirmed) batch; `counts={choice: n}` adds the counts."""

    class Meta:
        model = PaperBatch
        skip_postgeneration_save = True

    poll = factory.SubFactory(PollFactory)
    place = "Stand bei »Lautern blüht auf«"
    collected_on = factory.LazyFunction(timezone.localdate)
    ballots_count = 10
    entered_by = factory.SubFactory(UserFactory, is_staff=True)

    @factory.post_generation
    def counts(self, create, extracted, **kwargs):
        if create and extracted:
            PaperCount.objects.bulk_create(
                PaperCount(batch=self, choice=choice, count=count)
                for choice, count in extracted.items()
            )
