"""The results of a poll: online, paper and total per choice, counted in the database.

A tally takes the same queries whatever the number of ballots, and is kept in the cache
until the next vote or paper batch (core.page_cache).
"""

import dataclasses
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce

from core import page_cache

from .models import Choice, PaperBatch, PaperCount, Question, Selection, TextAnswer


@dataclasses.dataclass
class ChoiceResult:
    choice: Choice
    online: int
    paper: int
    share: Decimal  # percent of the question's respondents (or of its votes, single choice)
    bar_online: int  # whole percent of the bar's width
    bar_paper: int

    @property
    def total(self):
        return self.online + self.paper


@dataclasses.dataclass
class QuestionResult:
    question: Question
    online_respondents: int
    paper_respondents: int
    choices: list[ChoiceResult]

    @property
    def respondents(self):
        return self.online_respondents + self.paper_respondents


@dataclasses.dataclass
class PollResults:
    poll: object
    online_participants: int
    guest_participants: int
    paper_batches: list[PaperBatch]
    questions: list[QuestionResult]

    @property
    def paper_participants(self):
        return sum(batch.ballots_count for batch in self.paper_batches)

    @property
    def participants(self):
        return self.online_participants + self.paper_participants

    @property
    def choice_questions(self):
        return [result for result in self.questions if result.question.has_choices]

    @property
    def text_questions(self):
        return [result for result in self.questions if not result.question.has_choices]


def _percent(part, whole):
    if not whole:
        return Decimal(0)
    return (Decimal(part) * 100 / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def tally(poll):
    votes = page_cache.scoped(page_cache.VOTES, poll.slug)
    return page_cache.remember(f"tally-{poll.pk}", [votes], lambda: count(poll))


def count(poll):
    online_selections = (
        Selection.objects.filter(choice=OuterRef("pk"))
        .order_by()
        .values("choice")
        .annotate(n=Count("pk"))
        .values("n")
    )
    paper_votes = (
        PaperCount.objects.filter(choice=OuterRef("pk"), batch__in=PaperBatch.objects.counted())
        .order_by()
        .values("choice")
        .annotate(n=Sum("count"))
        .values("n")
    )
    choices = list(
        Choice.objects.filter(question__poll=poll)
        .annotate(
            online=Coalesce(Subquery(online_selections, output_field=IntegerField()), 0),
            paper=Coalesce(Subquery(paper_votes, output_field=IntegerField()), 0),
        )
        .select_related("place")
        .order_by("question", "position", "pk")
    )
    choice_respondents = (
        Selection.objects.filter(choice__question=OuterRef("pk"))
        .order_by()
        .values("choice__question")
        .annotate(n=Count("ballot", distinct=True))
        .values("n")
    )
    text_respondents = (
        TextAnswer.objects.filter(question=OuterRef("pk"))
        .order_by()
        .values("question")
        .annotate(n=Count("pk"))
        .values("n")
    )
    questions = list(
        poll.questions.annotate(
            choice_respondents=Coalesce(
                Subquery(choice_respondents, output_field=IntegerField()), 0
            ),
            text_respondents=Coalesce(Subquery(text_respondents, output_field=IntegerField()), 0),
        )
    )
    ballots = poll.ballots.aggregate(
        total=Count("pk"), guests=Count("pk", filter=Q(is_guest=True))
    )
    batches = list(poll.paper_batches.counted().order_by("collected_on", "pk"))
    paper_ballots = sum(batch.ballots_count for batch in batches)

    by_question = {}
    for choice in choices:
        by_question.setdefault(choice.question_id, []).append(choice)

    question_results = []
    for question in questions:
        own_choices = by_question.get(question.pk, [])
        if question.is_single_answer:
            # One answer per ballot: the shares are of the votes given, adding up to 100 %.
            online_respondents = sum(choice.online for choice in own_choices)
            paper_respondents = sum(choice.paper for choice in own_choices)
        elif question.kind == Question.Kind.MULTIPLE:
            # Several answers per ballot: shares of the people who answered, adding up to more.
            # Paper ballots do not tell who skipped the question; all of them are counted.
            online_respondents = question.choice_respondents
            paper_respondents = paper_ballots
        else:
            online_respondents, paper_respondents = question.text_respondents, 0
        whole = online_respondents + paper_respondents
        results = []
        for choice in own_choices:
            bar_online = round(choice.online * 100 / whole) if whole else 0
            bar_paper = (
                round((choice.online + choice.paper) * 100 / whole) - bar_online if whole else 0
            )
            results.append(
                ChoiceResult(
                    choice=choice,
                    online=choice.online,
                    paper=choice.paper,
                    share=_percent(choice.online + choice.paper, whole),
                    bar_online=min(bar_online, 100),
                    bar_paper=max(0, min(bar_paper, 100 - bar_online)),
                )
            )
        question_results.append(
            QuestionResult(
                question=question,
                online_respondents=online_respondents,
                paper_respondents=paper_respondents,
                choices=results,
            )
        )
    return PollResults(
        poll=poll,
        online_participants=ballots["total"],
        guest_participants=ballots["guests"],
        paper_batches=batches,
        questions=question_results,
    )
