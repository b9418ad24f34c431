"""The results of a poll: online, paper and total per choice, counted in the database.

A tally takes the same queries whatever the number of ballots, and is kept in the cache
until the next vote or paper batch (core.page_cache).
"""

import dataclasses
import math
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce

from core import page_cache

from .models import (
    Choice,
    NoAnswer,
    PaperBatch,
    PaperCount,
    PaperValueCount,
    Question,
    RankAnswer,
    Selection,
    TextAnswer,
    ValueAnswer,
)


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
class Summary:
    """Figures of a set of values: how many, mean, quartiles (the median is the second)."""

    count: int
    mean: Decimal | None = None
    minimum: int | None = None
    lower_quartile: Decimal | None = None
    median: Decimal | None = None
    upper_quartile: Decimal | None = None
    maximum: int | None = None


@dataclasses.dataclass
class Summaries:
    online: Summary
    paper: Summary
    total: Summary


@dataclasses.dataclass
class ValueRow:
    """One point of a scale: how many chose it."""

    value: int
    online: int
    paper: int
    share: Decimal
    bar_online: int
    bar_paper: int

    @property
    def total(self):
        return self.online + self.paper


@dataclasses.dataclass
class Distribution:
    """The answers to a scale, or to one statement of a matrix."""

    rows: list[ValueRow]
    summaries: Summaries
    no_answer: int  # online only: a paper ballot left empty says nothing about why

    @property
    def online(self):
        return self.summaries.online.count

    @property
    def paper(self):
        return self.summaries.paper.count

    @property
    def respondents(self):
        return self.summaries.total.count


@dataclasses.dataclass
class StatementResult:
    statement: Choice
    distribution: Distribution


@dataclasses.dataclass
class RankRow:
    """One choice of a ranking: its points by the Borda count and its first places."""

    choice: Choice
    place: int
    points_online: int
    points_paper: int
    first_online: int
    first_paper: int
    share: Decimal  # percent of all points given
    bar_online: int
    bar_paper: int

    @property
    def points(self):
        return self.points_online + self.points_paper

    @property
    def first(self):
        return self.first_online + self.first_paper


@dataclasses.dataclass
class FundingRow:
    """A proposal of a budget in the order of its votes, with what it and those before it
    cost together, and whether the budget still pays for it."""

    result: ChoiceResult
    place: int
    cumulative: int
    funded: bool
    line_above: bool  # the first proposal not funded: the line is drawn above it

    @property
    def choice(self):
        return self.result.choice


@dataclasses.dataclass
class QuestionResult:
    question: Question
    online_respondents: int
    paper_respondents: int
    choices: list[ChoiceResult]
    no_answer: int = 0
    scale: Distribution | None = None
    statements: list[StatementResult] = dataclasses.field(default_factory=list)
    ranking: list[RankRow] = dataclasses.field(default_factory=list)
    rank_places: int = 0
    numbers: Summaries | None = None
    funding: list[FundingRow] = dataclasses.field(default_factory=list)

    @property
    def funded_sum(self):
        return sum(row.choice.cost or 0 for row in self.funding if row.funded)

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
        return [result for result in self.questions if result.question.is_selection]

    @property
    def counted_questions(self):
        """Every question whose answers are counted (all but free text)."""
        return [result for result in self.questions if not result.question.is_text]

    @property
    def text_questions(self):
        return [result for result in self.questions if result.question.is_text]


ONE_DECIMAL = Decimal("0.1")
TWO_DECIMALS = Decimal("0.01")


def _percent(part, whole):
    if not whole:
        return Decimal("0.0")
    return (Decimal(part) * 100 / whole).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def _bars(online, paper, whole):
    """Whole percents of a bar's width for the online and the paper part of a figure."""
    if not whole:
        return 0, 0
    bar_online = min(round(online * 100 / whole), 100)
    bar_paper = round((online + paper) * 100 / whole) - bar_online
    return bar_online, max(0, min(bar_paper, 100 - bar_online))


def quantile(counts, p):
    """The p-quantile of values given as {value: how often}, by linear interpolation between
    the two nearest values (the method of spreadsheet programs' QUARTILE and Python's
    statistics.quantiles(method="inclusive")); None without values."""
    n = sum(counts.values())
    if not n:
        return None
    position = (n - 1) * p
    below, fraction = math.floor(position), Decimal(position) - math.floor(position)
    lower = upper = None
    seen = 0
    for value in sorted(counts):
        seen += counts[value]
        if lower is None and seen > below:
            lower = value
        if seen > below + (1 if fraction else 0):
            upper = value
            break
    value = Decimal(lower) + (Decimal(upper) - Decimal(lower)) * fraction
    return value.quantize(TWO_DECIMALS, rounding=ROUND_HALF_UP)


def summarise(counts):
    counts = {value: n for value, n in counts.items() if n}
    n = sum(counts.values())
    if not n:
        return Summary(count=0)
    mean = Decimal(sum(value * k for value, k in counts.items())) / n
    return Summary(
        count=n,
        mean=mean.quantize(TWO_DECIMALS, rounding=ROUND_HALF_UP),
        minimum=min(counts),
        lower_quartile=quantile(counts, Decimal("0.25")),
        median=quantile(counts, Decimal("0.5")),
        upper_quartile=quantile(counts, Decimal("0.75")),
        maximum=max(counts),
    )


def summaries(online, paper):
    total = {value: online.get(value, 0) + paper.get(value, 0) for value in {*online, *paper}}
    return Summaries(online=summarise(online), paper=summarise(paper), total=summarise(total))


def distribution(values, online, paper, no_answer):
    """A scale's answers: a row per point, and the figures of all of them."""
    figures = summaries(online, paper)
    whole = figures.total.count
    rows = []
    for value in values:
        on, off = online.get(value, 0), paper.get(value, 0)
        bar_online, bar_paper = _bars(on, off, whole)
        rows.append(
            ValueRow(
                value=value,
                online=on,
                paper=off,
                share=_percent(on + off, whole),
                bar_online=bar_online,
                bar_paper=bar_paper,
            )
        )
    return Distribution(rows=rows, summaries=figures, no_answer=no_answer)


def funding(budget, results):
    """The proposals of a budget by their votes (equal votes: the cheaper first), funded one
    after the other until the next one no longer fits: there the line is drawn, and neither
    it nor any after it is funded (nor one that nobody chose)."""
    rows, cumulative, line_drawn = [], 0, False
    ordered = sorted(results, key=lambda r: (-r.total, r.choice.cost or 0, r.choice.position))
    for place, result in enumerate(ordered, start=1):
        cumulative += result.choice.cost or 0
        # A proposal nobody chose is not funded, whatever is left.
        line_above = not line_drawn and (cumulative > budget or result.total == 0)
        line_drawn = line_drawn or line_above
        rows.append(
            FundingRow(
                result=result,
                place=place,
                cumulative=cumulative,
                funded=not line_drawn,
                line_above=line_above,
            )
        )
    return rows


def borda(choices, places, online_ranks, paper_ranks):
    """The choices of a ranking by their points: a first place earns as many points as there
    are places, the last place one point, a choice left unranked none. Equal points are
    ordered by first places; choices equal in both share a place."""
    rows = []
    for choice in choices:
        online = online_ranks.get(choice.pk, {})
        paper = paper_ranks.get(choice.pk, {})
        rows.append(
            {
                "choice": choice,
                "points_online": sum((places - p + 1) * n for p, n in online.items()),
                "points_paper": sum((places - p + 1) * n for p, n in paper.items()),
                "first_online": online.get(1, 0),
                "first_paper": paper.get(1, 0),
            }
        )
    all_points = sum(row["points_online"] + row["points_paper"] for row in rows)

    def key(row):
        return (
            row["points_online"] + row["points_paper"],
            row["first_online"] + row["first_paper"],
        )

    rows.sort(key=key, reverse=True)
    result = []
    for index, row in enumerate(rows):
        place = result[-1].place if result and key(rows[index - 1]) == key(row) else index + 1
        bar_online, bar_paper = _bars(row["points_online"], row["points_paper"], all_points)
        result.append(
            RankRow(
                place=place,
                share=_percent(row["points_online"] + row["points_paper"], all_points),
                bar_online=bar_online,
                bar_paper=bar_paper,
                **row,
            )
        )
    return result


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
        poll.questions.select_related("shown_if__question").annotate(
            choice_respondents=Coalesce(
                Subquery(choice_respondents, output_field=IntegerField()), 0
            ),
            text_respondents=Coalesce(Subquery(text_respondents, output_field=IntegerField()), 0),
        )
    )
    ballots = poll.ballots.aggregate(
        total=Count("pk"), guests=Count("pk", filter=Q(is_guest=True))
    )
    batches = list(
        poll.paper_batches.counted().select_related("event").order_by("collected_on", "pk")
    )
    paper_ballots = sum(batch.ballots_count for batch in batches)

    by_question = {}
    for choice in choices:
        by_question.setdefault(choice.question_id, []).append(choice)
    values = _value_tallies(poll, questions)

    question_results = []
    for question in questions:
        own_choices = by_question.get(question.pk, [])
        if not (question.is_selection or question.is_text):
            question_results.append(_value_result(question, own_choices, values))
            continue
        if question.is_single_answer:
            # One answer per ballot: the shares are of the votes given, adding up to 100 %.
            online_respondents = sum(choice.online for choice in own_choices)
            paper_respondents = sum(choice.paper for choice in own_choices)
        elif question.kind in (Question.Kind.MULTIPLE, Question.Kind.BUDGET):
            # Several answers per ballot: shares of the people who answered, adding up to more.
            # Paper ballots do not tell who skipped the question; all of them are counted.
            online_respondents = question.choice_respondents
            paper_respondents = paper_ballots
        else:
            online_respondents, paper_respondents = question.text_respondents, 0
        whole = online_respondents + paper_respondents
        results = []
        for choice in own_choices:
            bar_online, bar_paper = _bars(choice.online, choice.paper, whole)
            results.append(
                ChoiceResult(
                    choice=choice,
                    online=choice.online,
                    paper=choice.paper,
                    share=_percent(choice.online + choice.paper, whole),
                    bar_online=bar_online,
                    bar_paper=bar_paper,
                )
            )
        question_results.append(
            QuestionResult(
                question=question,
                online_respondents=online_respondents,
                paper_respondents=paper_respondents,
                choices=results,
                no_answer=values.no_answer.get((question.pk, None), 0),
                funding=funding(question.budget, results) if question.is_budget else [],
            )
        )
    return PollResults(
        poll=poll,
        online_participants=ballots["total"],
        guest_participants=ballots["guests"],
        paper_batches=batches,
        questions=question_results,
    )


@dataclasses.dataclass
class ValueTallies:
    """Values, places and “no answer” of a poll, each keyed by (question id, choice id or
    None) and then by value: {(question, choice): {value: how often}}."""

    online: dict
    paper: dict
    online_ranks: dict
    no_answer: dict


def _value_tallies(poll, questions):
    """Four grouped queries, and only for polls that have such questions."""
    tallies = ValueTallies({}, {}, {}, {})
    if any(not (q.is_selection or q.is_text) for q in questions):
        for question, statement, value, n in (
            ValueAnswer.objects.filter(question__poll=poll)
            .order_by()
            .values_list("question", "statement", "value")
            .annotate(n=Count("pk"))
        ):
            tallies.online.setdefault((question, statement), {})[value] = n
        for question, choice, value, n in (
            PaperValueCount.objects.filter(
                question__poll=poll, batch__in=PaperBatch.objects.counted()
            )
            .order_by()
            .values_list("question", "choice", "value")
            .annotate(n=Sum("count"))
        ):
            tallies.paper.setdefault((question, choice), {})[value] = n
        if any(q.is_ranking for q in questions):
            for question, choice, position, n in (
                RankAnswer.objects.filter(question__poll=poll)
                .order_by()
                .values_list("question", "choice", "position")
                .annotate(n=Count("pk"))
            ):
                tallies.online_ranks.setdefault((question, choice), {})[position] = n
    if any(q.offers_no_answer for q in questions):
        for question, statement, n in (
            NoAnswer.objects.filter(question__poll=poll)
            .order_by()
            .values_list("question", "statement")
            .annotate(n=Count("pk"))
        ):
            tallies.no_answer[question, statement] = n
    return tallies


def _value_result(question, choices, tallies):
    """The result of a scale, a matrix, a ranking or a number."""
    key = (question.pk, None)
    result = QuestionResult(
        question=question,
        online_respondents=0,
        paper_respondents=0,
        choices=[],
        no_answer=tallies.no_answer.get(key, 0),
    )
    if question.is_scale:
        result.scale = distribution(
            question.scale_values,
            tallies.online.get(key, {}),
            tallies.paper.get(key, {}),
            result.no_answer,
        )
        result.online_respondents, result.paper_respondents = (
            result.scale.online,
            result.scale.paper,
        )
    elif question.is_matrix:
        result.statements = [
            StatementResult(
                statement=statement,
                distribution=distribution(
                    question.scale_values,
                    tallies.online.get((question.pk, statement.pk), {}),
                    tallies.paper.get((question.pk, statement.pk), {}),
                    tallies.no_answer.get((question.pk, statement.pk), 0),
                ),
            )
            for statement in choices
        ]
        # The people who rated the statement most often rated: a lower bound of respondents.
        result.online_respondents = max(
            (s.distribution.online for s in result.statements), default=0
        )
        result.paper_respondents = max(
            (s.distribution.paper for s in result.statements), default=0
        )
    elif question.is_ranking:
        result.rank_places = min(question.max_choices or len(choices), len(choices))
        online = {c.pk: tallies.online_ranks.get((question.pk, c.pk), {}) for c in choices}
        paper = {c.pk: tallies.paper.get((question.pk, c.pk), {}) for c in choices}
        result.ranking = borda(choices, result.rank_places, online, paper)
        # Every ballot that ranked anything gave a first place.
        result.online_respondents = sum(row.first_online for row in result.ranking)
        result.paper_respondents = sum(row.first_paper for row in result.ranking)
    else:
        result.numbers = summaries(tallies.online.get(key, {}), tallies.paper.get(key, {}))
        result.online_respondents = result.numbers.online.count
        result.paper_respondents = result.numbers.paper.count
    return result
