"""Scales, matrices, rankings and numbers: what is stored, what is refused, how it is counted.

The expected figures are worked out by hand in the comments beside them.
"""

import threading
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.utils.translation import gettext, ngettext

from polls.answers import NO_ANSWER, ChoiceAnswer
from polls.forms import NONE_VALUE, BallotForm, PaperBatchForm
from polls.models import (
    Ballot,
    NoAnswer,
    PaperBatch,
    PaperValueCount,
    Poll,
    Question,
    RankAnswer,
    Selection,
    TextAnswer,
    ValueAnswer,
)
from polls.privacy import export_for
from polls.results import tally
from polls.services import (
    AlreadyVoted,
    cast_ballot,
    confirm_paper_batch,
    enter_paper_batch,
    paper_value_count_errors,
    update_paper_batch,
    void_paper_batch,
)
from tests.accounts.factories import UserFactory
from tests.polls.factories import ChoiceFactory, PollFactory, QuestionFactory

pytestmark = pytest.mark.django_db


# Helpers


def kinds_poll(**kwargs):
    """A survey with one question of each new kind, and a multiple choice with “other”:

    1. a rating scale from 1 to 5 with “no answer” (required),
    2. a matrix of two statements, each rated from 1 to 4, with “no answer” (required),
    3. a ranking of four choices of which at most three get a place (required),
    4. a number from 0 to 120 years (optional),
    5. a multiple choice (at most 2) whose last choice is “other” with a text (optional).
    """
    poll = PollFactory(**kwargs)
    QuestionFactory(
        poll=poll,
        position=1,
        text="Wie zufrieden sind Sie mit dem Stadtpark?",
        kind=Question.Kind.SCALE,
        scale_points=5,
        scale_low_label="gar nicht",
        scale_high_label="sehr",
        offers_no_answer=True,
    )
    matrix = QuestionFactory(
        poll=poll,
        position=2,
        text="Wie wichtig ist Ihnen im Park",
        kind=Question.Kind.MATRIX,
        scale_points=4,
        offers_no_answer=True,
    )
    for label in ("Schatten", "Sauberkeit"):
        ChoiceFactory(question=matrix, label=label)
    ranking = QuestionFactory(
        poll=poll,
        position=3,
        text="Was soll zuerst kommen?",
        kind=Question.Kind.RANKING,
        max_choices=3,
    )
    for label in ("Spielplatz", "Bänke", "Brunnen", "Toiletten"):
        ChoiceFactory(question=ranking, label=label)
    QuestionFactory(
        poll=poll,
        position=4,
        text="Wie alt sind Sie?",
        kind=Question.Kind.NUMBER,
        number_min=0,
        number_max=120,
        number_unit="Jahre",
        is_required=False,
    )
    multiple = QuestionFactory(
        poll=poll,
        position=5,
        text="Wie kommen Sie in den Park?",
        kind=Question.Kind.MULTIPLE,
        max_choices=2,
        is_required=False,
    )
    for label in ("Zu Fuß", "Rad"):
        ChoiceFactory(question=multiple, label=label)
    ChoiceFactory(question=multiple, label="Sonstiges", is_other=True)
    return poll


def attribute_name(label):
    """“Zu Fuß” as zu_fuss, “Bänke” as baenke."""
    return label.lower().replace(" ", "_").replace("ä", "ae").replace("ß", "ss")


def parts(poll):
    """The questions of `kinds_poll` (with their choices fetched) and their choices by label."""
    questions = list(poll.questions.prefetch_related("choices"))
    by_kind = {question.kind: question for question in questions}
    choices = {c.label: c for question in questions for c in question.choices.all()}
    return SimpleNamespace(
        questions=questions,
        scale=by_kind[Question.Kind.SCALE],
        matrix=by_kind[Question.Kind.MATRIX],
        ranking=by_kind[Question.Kind.RANKING],
        number=by_kind[Question.Kind.NUMBER],
        multiple=by_kind[Question.Kind.MULTIPLE],
        **{attribute_name(label): choice for label, choice in choices.items()},
    )


def valid_answers(p):
    return {
        p.scale: 4,
        p.matrix: {p.schatten: 3, p.sauberkeit: NO_ANSWER},
        p.ranking: [p.brunnen, p.spielplatz],
        p.number: 42,
        p.multiple: ChoiceAnswer((p.rad, p.sonstiges), "Lastenrad"),
    }


def stored_rows():
    """How many rows of each kind of answer there are."""
    return {
        model.__name__: model.objects.count()
        for model in (Ballot, Selection, TextAnswer, ValueAnswer, RankAnswer, NoAnswer)
    }


NOTHING_STORED = {
    "Ballot": 0,
    "Selection": 0,
    "TextAnswer": 0,
    "ValueAnswer": 0,
    "RankAnswer": 0,
    "NoAnswer": 0,
}


def value_rows(ballot=None):
    rows = ValueAnswer.objects.all() if ballot is None else ballot.value_answers.all()
    return {(a.question_id, a.statement_id, a.value) for a in rows}


def rank_rows(ballot=None):
    rows = RankAnswer.objects.all() if ballot is None else ballot.ranks.all()
    return {(a.question_id, a.choice_id, a.position) for a in rows}


def no_answer_rows(ballot=None):
    rows = NoAnswer.objects.all() if ballot is None else ballot.no_answers.all()
    return {(a.question_id, a.statement_id) for a in rows}


def online_ballot(poll, *, values=(), ranking=None, no_answers=()):
    """A guest's ballot written straight into the tables (for the arithmetic of results).

    `values`: (question, statement or None, value); `ranking`: (question, [choices in
    order]); `no_answers`: (question, statement or None).
    """
    ballot = Ballot.objects.create(poll=poll, is_guest=True)
    ValueAnswer.objects.bulk_create(
        ValueAnswer(ballot=ballot, question=q, statement=s, value=v) for q, s, v in values
    )
    if ranking:
        question, ranked = ranking
        RankAnswer.objects.bulk_create(
            RankAnswer(ballot=ballot, question=question, choice=choice, position=place)
            for place, choice in enumerate(ranked, start=1)
        )
    NoAnswer.objects.bulk_create(
        NoAnswer(ballot=ballot, question=q, statement=s) for q, s in no_answers
    )
    return ballot


@pytest.fixture
def colleague(db):
    return UserFactory(is_staff=True, groups=["Redaktion"])


def enter(poll, editor, ballots, value_counts, counts=None):
    return enter_paper_batch(
        poll=poll,
        entered_by=editor,
        place="Stand am Stiftsplatz",
        collected_on=poll.opens_at.date(),
        ballots_count=ballots,
        counts=counts or {},
        value_counts=value_counts,
    )


def counted(poll, editor, colleague, ballots, value_counts):
    """A paper batch entered by one staff member and confirmed by another."""
    batch = enter(poll, editor, ballots, value_counts)
    return confirm_paper_batch(batch=batch, confirmed_by=colleague, seen_revision=batch.revision)


def result_of(results, question):
    return next(r for r in results.questions if r.question.pk == question.pk)


# Casting ballots: what is stored


def test_answers_of_each_kind_are_stored_as_rows(user):
    poll = kinds_poll()
    p = parts(poll)

    ballot = cast_ballot(poll=poll, user=user, answers=valid_answers(p))

    assert value_rows(ballot) == {
        (p.scale.pk, None, 4),
        (p.matrix.pk, p.schatten.pk, 3),
        (p.number.pk, None, 42),
    }
    assert no_answer_rows(ballot) == {(p.matrix.pk, p.sauberkeit.pk)}
    assert rank_rows(ballot) == {
        (p.ranking.pk, p.brunnen.pk, 1),
        (p.ranking.pk, p.spielplatz.pk, 2),
    }
    assert {s.choice_id for s in ballot.selections.all()} == {p.rad.pk, p.sonstiges.pk}
    other = ballot.text_answers.get()
    assert (other.question_id, other.text) == (p.multiple.pk, "Lastenrad")


def test_no_answer_to_a_scale_is_stored_apart_from_the_values(user):
    poll = kinds_poll()
    p = parts(poll)
    answers = {**valid_answers(p), p.scale: NO_ANSWER, p.number: None}

    ballot = cast_ballot(poll=poll, user=user, answers=answers)

    assert no_answer_rows(ballot) == {(p.scale.pk, None), (p.matrix.pk, p.sauberkeit.pk)}
    assert value_rows(ballot) == {(p.matrix.pk, p.schatten.pk, 3)}


def test_the_text_of_other_is_stored_with_a_trimmed_text(user):
    poll = kinds_poll()
    p = parts(poll)
    answers = {**valid_answers(p), p.multiple: ChoiceAnswer((p.sonstiges,), "  Bus  ")}

    ballot = cast_ballot(poll=poll, user=user, answers=answers)

    assert ballot.text_answers.get().text == "Bus"
    assert [s.choice for s in ballot.selections.all()] == [p.sonstiges]


def scale_out_of_range(p, value):
    return {p.scale: value}, gettext("Please choose a value from 1 to %(max)d.") % {"max": 5}


def number_out_of_bounds(p, value):
    return {p.number: value}, gettext("Please enter a number from %(min)d to %(max)d.") % {
        "min": 0,
        "max": 120,
    }


REFUSALS = {
    "scale 0": lambda p: scale_out_of_range(p, 0),
    "scale 6": lambda p: scale_out_of_range(p, 6),
    "scale as text": lambda p: (
        {p.scale: "4"},
        gettext("Please choose one of the points of the scale."),
    ),
    "scale required": lambda p: ({p.scale: None}, gettext("Please answer this question.")),
    "number below": lambda p: number_out_of_bounds(p, -1),
    "number above": lambda p: number_out_of_bounds(p, 121),
    "ranking repeated": lambda p: (
        {p.ranking: [p.brunnen, p.brunnen]},
        gettext("Please give each answer only one place."),
    ),
    "ranking too long": lambda p: (
        {p.ranking: [p.brunnen, p.spielplatz, p.baenke, p.toiletten]},
        ngettext(
            "Please rank at most %(count)d answer.", "Please rank at most %(count)d answers.", 3
        )
        % {"count": 3},
    ),
    "ranking foreign choice": lambda p: (
        {p.ranking: [p.brunnen, p.rad]},
        gettext("Please rank only the answers offered."),
    ),
    "ranking required": lambda p: ({p.ranking: []}, gettext("Please answer this question.")),
    "matrix foreign statement": lambda p: (
        {
            p.matrix: {
                p.schatten: 3,
                p.sauberkeit: 2,
                ChoiceFactory(
                    question=QuestionFactory(kind=Question.Kind.MATRIX, scale_points=4)
                ): 1,
            }
        },
        gettext("Please rate only the statements offered."),
    ),
    "matrix statement missing": lambda p: (
        {p.matrix: {p.schatten: 3}},
        ngettext(
            "Please rate this statement too: %(statements)s.",
            "Please rate these statements too: %(statements)s.",
            1,
        )
        % {"statements": "Sauberkeit"},
    ),
    "matrix value out of range": lambda p: (
        {p.matrix: {p.schatten: 5, p.sauberkeit: 1}},
        "Schatten: " + gettext("Please choose a value from 1 to %(max)d.") % {"max": 4},
    ),
    "no answer to a ranking": lambda p: (
        {p.ranking: NO_ANSWER},
        gettext("Please choose only among the answers offered."),
    ),
    "no answer to a number": lambda p: (
        {p.number: NO_ANSWER},
        gettext("Please choose only among the answers offered."),
    ),
    "other text without other": lambda p: (
        {p.multiple: ChoiceAnswer((p.rad,), "Lastenrad")},
        gettext("You wrote a text: please also tick “%(other)s”, or delete the text.")
        % {"other": "Sonstiges"},
    ),
    "other text too long": lambda p: (
        {p.multiple: ChoiceAnswer((p.sonstiges,), "x" * 301)},
        ngettext(
            "Please shorten your text to at most %(count)d character.",
            "Please shorten your text to at most %(count)d characters.",
            300,
        )
        % {"count": 300},
    ),
    "question of another poll": lambda p: (
        {QuestionFactory(kind=Question.Kind.NUMBER, number_min=0, number_max=9): 1},
        gettext("Please answer only the questions of this poll."),
    ),
}


@pytest.mark.parametrize("case", REFUSALS)
def test_invalid_answers_are_refused_and_nothing_is_stored(user, case):
    poll = kinds_poll()
    p = parts(poll)
    change, message = REFUSALS[case](p)

    with pytest.raises(ValidationError) as raised:
        cast_ballot(poll=poll, user=user, answers={**valid_answers(p), **change})

    assert message in raised.value.messages
    assert stored_rows() == NOTHING_STORED


@pytest.mark.parametrize("offered", [False, True])
def test_no_answer_is_accepted_only_where_it_is_offered(user, offered):
    poll = kinds_poll()
    Question.objects.filter(poll=poll, kind__in=["scale", "matrix"]).update(
        offers_no_answer=offered
    )
    p = parts(poll)
    answers = {**valid_answers(p), p.scale: NO_ANSWER}
    answers[p.matrix] = {p.schatten: NO_ANSWER, p.sauberkeit: 2}
    if offered:
        ballot = cast_ballot(poll=poll, user=user, answers=answers)
        assert no_answer_rows(ballot) == {(p.scale.pk, None), (p.matrix.pk, p.schatten.pk)}
        return
    with pytest.raises(ValidationError) as raised:
        cast_ballot(poll=poll, user=user, answers=answers)
    assert gettext("Please choose only among the answers offered.") in raised.value.messages
    assert stored_rows() == NOTHING_STORED


def test_the_matrix_no_answer_where_not_offered_is_refused_alone(user):
    poll = kinds_poll()
    Question.objects.filter(poll=poll, kind="matrix").update(offers_no_answer=False)
    p = parts(poll)
    answers = {**valid_answers(p), p.matrix: {p.schatten: 2, p.sauberkeit: NO_ANSWER}}
    with pytest.raises(ValidationError) as raised:
        cast_ballot(poll=poll, user=user, answers=answers)
    assert raised.value.message_dict == {
        p.matrix.pk: [gettext("Please choose only among the answers offered.")]
    }
    assert stored_rows() == NOTHING_STORED


def test_changing_a_ballot_replaces_all_its_answer_rows(user):
    poll = kinds_poll(ballots_changeable=True)
    p = parts(poll)
    first = cast_ballot(poll=poll, user=user, answers=valid_answers(p))
    other_ballot = cast_ballot(poll=poll, user=UserFactory(), answers=valid_answers(p))

    second = cast_ballot(
        poll=poll,
        user=user,
        answers={
            p.scale: NO_ANSWER,
            p.matrix: {p.schatten: 1, p.sauberkeit: 2},
            p.ranking: [p.toiletten],
            p.number: None,
            p.multiple: [p.zu_fuss],
        },
    )

    assert second.pk == first.pk
    assert value_rows(second) == {
        (p.matrix.pk, p.schatten.pk, 1),
        (p.matrix.pk, p.sauberkeit.pk, 2),
    }
    assert rank_rows(second) == {(p.ranking.pk, p.toiletten.pk, 1)}
    assert no_answer_rows(second) == {(p.scale.pk, None)}
    assert [s.choice for s in second.selections.all()] == [p.zu_fuss]
    assert not second.text_answers.exists()
    # The other person's ballot is untouched.
    assert value_rows(other_ballot) == {
        (p.scale.pk, None, 4),
        (p.matrix.pk, p.schatten.pk, 3),
        (p.number.pk, None, 42),
    }
    assert other_ballot.text_answers.get().text == "Lastenrad"
    assert stored_rows() == {
        "Ballot": 2,
        "Selection": 2 + 1,
        "TextAnswer": 1,
        "ValueAnswer": 3 + 2,
        "RankAnswer": 2 + 1,
        "NoAnswer": 1 + 1,
    }


def test_an_invalid_change_keeps_the_old_rows(user):
    poll = kinds_poll()
    p = parts(poll)
    ballot = cast_ballot(poll=poll, user=user, answers=valid_answers(p))
    before = (value_rows(ballot), rank_rows(ballot), no_answer_rows(ballot))
    with pytest.raises(ValidationError):
        cast_ballot(poll=poll, user=user, answers={**valid_answers(p), p.scale: 9})
    assert (value_rows(ballot), rank_rows(ballot), no_answer_rows(ballot)) == before


def test_a_guest_answers_a_survey_of_every_kind():
    poll = kinds_poll(eligibility=Poll.Eligibility.GUESTS)
    p = parts(poll)
    ballot = cast_ballot(poll=poll, user=AnonymousUser(), answers=valid_answers(p))
    assert ballot.is_guest
    assert len(value_rows(ballot)) == 3


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="row locks and concurrent transactions need PostgreSQL (CI runs on it)",
)
def test_two_simultaneous_first_ballots_to_a_survey_with_a_scale_end_in_one():
    poll = kinds_poll(ballots_changeable=True)
    p = parts(poll)
    user = UserFactory()
    first_inserted, second_started = threading.Event(), threading.Event()
    outcomes = {}

    def first():
        from django.db import transaction

        try:
            with transaction.atomic():
                cast_ballot(poll=poll, user=user, answers={**valid_answers(p), p.scale: 1})
                first_inserted.set()
                # Commit only once the second submission is under way and blocked on the row.
                second_started.wait(5)
                threading.Event().wait(0.3)
            outcomes["first"] = "stored"
        finally:
            connections.close_all()

    def second():
        first_inserted.wait(5)
        second_started.set()
        try:
            cast_ballot(poll=poll, user=user, answers={**valid_answers(p), p.scale: 5})
            outcomes["second"] = "stored"
        except AlreadyVoted:
            outcomes["second"] = "already voted"
        finally:
            connections.close_all()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert outcomes == {"first": "stored", "second": "already voted"}
    assert Ballot.objects.filter(poll=poll, user=user).count() == 1
    assert list(ValueAnswer.objects.filter(question=p.scale).values_list("value", flat=True)) == [
        1
    ]
    assert RankAnswer.objects.filter(question=p.ranking).count() == 2


# Results arithmetic


def test_scale_counts_online_and_confirmed_paper_with_mean_and_median(editor, colleague):
    poll = kinds_poll()
    p = parts(poll)
    # Online: 5, 4, 4, 2 and one “no answer”.
    for value in (5, 4, 4, 2):
        online_ballot(poll, values=[(p.scale, None, value)])
    online_ballot(poll, no_answers=[(p.scale, None)])
    # Paper, confirmed: 6 ballots of which 4 answered: 5, 5, 3, 1.
    counted(
        poll,
        editor,
        colleague,
        6,
        {(p.scale, None, 5): 2, (p.scale, None, 3): 1, (p.scale, None, 1): 1},
    )
    # Entered but not confirmed, and confirmed but voided: neither counts.
    enter(poll, editor, 50, {(p.scale, None, 1): 50})
    voided = counted(poll, editor, colleague, 9, {(p.scale, None, 2): 9})
    void_paper_batch(batch=voided, voided_by=colleague, reason="doppelt erfasst")

    result = result_of(tally(poll), p.scale)
    scale = result.scale

    # value: online, paper, total, share of the 8 answers (the “no answer” is not one).
    assert [(r.value, r.online, r.paper, r.total, r.share) for r in scale.rows] == [
        (1, 0, 1, 1, Decimal("12.5")),  # 1 of 8
        (2, 1, 0, 1, Decimal("12.5")),
        (3, 0, 1, 1, Decimal("12.5")),
        (4, 2, 0, 2, Decimal("25.0")),  # 2 of 8
        (5, 1, 2, 3, Decimal("37.5")),  # 3 of 8
    ]
    assert sum(r.share for r in scale.rows) == 100
    assert (scale.online, scale.paper, scale.respondents) == (4, 4, 8)
    assert (result.online_respondents, result.paper_respondents) == (4, 4)
    assert scale.no_answer == 1 and result.no_answer == 1
    online, paper, total = scale.summaries.online, scale.summaries.paper, scale.summaries.total
    # Online 2, 4, 4, 5: mean 15 / 4 = 3.75; median between the 2nd and 3rd: (4 + 4) / 2 = 4.
    assert (online.count, online.mean, online.median) == (4, Decimal("3.75"), Decimal("4.00"))
    # Paper 1, 3, 5, 5: mean 14 / 4 = 3.5; median between 3 and 5: 4.
    assert (paper.count, paper.mean, paper.median) == (4, Decimal("3.50"), Decimal("4.00"))
    # All 1, 2, 3, 4, 4, 5, 5, 5: mean 29 / 8 = 3.625, rounded half up to 3.63;
    # median at position (8 - 1) * 0.5 = 3.5, between 4 and 4: 4.
    assert (total.count, total.mean, total.median) == (8, Decimal("3.63"), Decimal("4.00"))
    assert (total.minimum, total.maximum) == (1, 5)
    # The participants: 5 online ballots and the 6 confirmed paper ballots.
    assert tally(poll).participants == 5 + 6


def test_number_quartiles_are_interpolated_like_spreadsheets(editor, colleague):
    poll = kinds_poll()
    p = parts(poll)
    for value in (1, 2, 3, 4, 10):
        online_ballot(poll, values=[(p.number, None, value)])
    counted(poll, editor, colleague, 5, {(p.number, None, v): 1 for v in (1, 2, 3, 4)})
    enter(poll, editor, 5, {(p.number, None, 100): 5})  # not confirmed

    result = result_of(tally(poll), p.number)
    online, paper, total = result.numbers.online, result.numbers.paper, result.numbers.total

    # 1, 2, 3, 4, 10: positions (5 - 1) * p = 1, 2, 3 fall on values: Q1 2, median 3,
    # Q3 4; mean 20 / 5 = 4.
    assert (online.count, online.minimum, online.maximum) == (5, 1, 10)
    assert (online.lower_quartile, online.median, online.upper_quartile) == (
        Decimal("2.00"),
        Decimal("3.00"),
        Decimal("4.00"),
    )
    assert online.mean == Decimal("4.00")
    # 1, 2, 3, 4: positions (4 - 1) * p = 0.75, 1.5, 2.25: Q1 1 + 0.75 * (2 - 1) = 1.75,
    # median 2 + 0.5 * (3 - 2) = 2.5, Q3 3 + 0.25 * (4 - 3) = 3.25; mean 10 / 4 = 2.5.
    assert (paper.lower_quartile, paper.median, paper.upper_quartile) == (
        Decimal("1.75"),
        Decimal("2.50"),
        Decimal("3.25"),
    )
    assert (paper.count, paper.mean) == (4, Decimal("2.50"))
    # 1, 1, 2, 2, 3, 3, 4, 4, 10: positions 8 * p = 2, 4, 6: Q1 2, median 3, Q3 4;
    # mean 30 / 9 = 3.333… = 3.33.
    assert (total.lower_quartile, total.median, total.upper_quartile) == (
        Decimal("2.00"),
        Decimal("3.00"),
        Decimal("4.00"),
    )
    assert (total.count, total.mean, total.minimum, total.maximum) == (
        9,
        Decimal("3.33"),
        1,
        10,
    )
    assert (result.online_respondents, result.paper_respondents) == (5, 4)


def test_quantiles_of_repeated_values_and_of_none():
    from polls.results import quantile, summarise

    # 1, 2, 2, 2: Q1 at position 0.75, between 1 and 2: 1.75; the median 2; Q3 2.
    assert quantile({2: 3, 1: 1}, Decimal("0.25")) == Decimal("1.75")
    assert quantile({2: 3, 1: 1}, Decimal("0.5")) == Decimal("2.00")
    assert quantile({}, Decimal("0.5")) is None
    # One value: every quartile is that value.
    assert summarise({7: 1}).lower_quartile == summarise({7: 1}).upper_quartile == 7
    assert summarise({}).count == 0 and summarise({}).mean is None
    # -3, 5: the median halfway, 1.
    assert quantile({-3: 1, 5: 1}, Decimal("0.5")) == Decimal("1.00")


def test_ranking_points_by_borda_with_first_places_breaking_ties(editor, colleague):
    poll = kinds_poll()
    p = parts(poll)
    a, b, c, d = p.spielplatz, p.baenke, p.brunnen, p.toiletten
    # Three places (at most 3 of the 4 choices): place 1 earns 3 points, place 2 two,
    # place 3 one, no place none.
    # Online ballots:     A B C  ->  A 3, B 2, C 1
    #                     A C B  ->  A 3, C 2, B 1
    #                     B C    ->  B 3, C 2
    for ranked in ([a, b, c], [a, c, b], [b, c]):
        online_ballot(poll, ranking=(p.ranking, ranked))
    # Paper, confirmed (2 ballots): C A  ->  C 3, A 2;  D B  ->  D 3, B 2
    counted(
        poll,
        editor,
        colleague,
        2,
        {
            (p.ranking, c, 1): 1,
            (p.ranking, a, 2): 1,
            (p.ranking, d, 1): 1,
            (p.ranking, b, 2): 1,
        },
    )
    enter(poll, editor, 10, {(p.ranking, d, 1): 10})  # not confirmed
    # Online points: A 6, B 6, C 5, D 0; paper: A 2, B 2, C 3, D 3.
    # Totals: A 8, B 8, C 8, D 3 = 27 points. First places: A 2, B 1, C 1, D 1.
    # A leads B and C on first places; B and C are equal in both and share place 2; D is 4th.
    result = result_of(tally(poll), p.ranking)

    assert result.rank_places == 3
    assert [
        (
            row.choice.label,
            row.place,
            row.points_online,
            row.points_paper,
            row.points,
            row.first_online,
            row.first_paper,
            row.first,
        )
        for row in result.ranking
    ] == [
        ("Spielplatz", 1, 6, 2, 8, 2, 0, 2),
        ("Bänke", 2, 6, 2, 8, 1, 0, 1),
        ("Brunnen", 2, 5, 3, 8, 0, 1, 1),
        ("Toiletten", 4, 0, 3, 3, 0, 1, 1),
    ]
    # Shares of the 27 points: 8 / 27 = 29.63 % -> 29.6; 3 / 27 = 11.11 % -> 11.1.
    assert [row.share for row in result.ranking] == [
        Decimal("29.6"),
        Decimal("29.6"),
        Decimal("29.6"),
        Decimal("11.1"),
    ]
    # Each ballot that ranked something gave one first place.
    assert (result.online_respondents, result.paper_respondents) == (3, 2)


def test_ranking_without_a_maximum_gives_as_many_points_as_choices():
    poll = kinds_poll()
    Question.objects.filter(poll=poll, kind="ranking").update(max_choices=None)
    p = parts(poll)
    # Four places: A B -> A 4, B 3.
    online_ballot(poll, ranking=(p.ranking, [p.spielplatz, p.baenke]))
    result = result_of(tally(poll), p.ranking)
    assert result.rank_places == 4
    assert [(r.choice.label, r.points, r.place) for r in result.ranking] == [
        ("Spielplatz", 4, 1),
        ("Bänke", 3, 2),
        ("Brunnen", 0, 3),
        ("Toiletten", 0, 3),
    ]


def test_matrix_is_counted_per_statement_with_no_answer_apart(editor, colleague):
    poll = kinds_poll()
    p = parts(poll)
    # Online:  Schatten 4, Sauberkeit 2;  Schatten 3, Sauberkeit “no answer”;
    #          Schatten 4, Sauberkeit 1.
    online_ballot(poll, values=[(p.matrix, p.schatten, 4), (p.matrix, p.sauberkeit, 2)])
    online_ballot(poll, values=[(p.matrix, p.schatten, 3)], no_answers=[(p.matrix, p.sauberkeit)])
    online_ballot(poll, values=[(p.matrix, p.schatten, 4), (p.matrix, p.sauberkeit, 1)])
    # Paper (2 ballots): Schatten 1 once (one ballot left it empty), Sauberkeit 4 twice.
    counted(
        poll, editor, colleague, 2, {(p.matrix, p.schatten, 1): 1, (p.matrix, p.sauberkeit, 4): 2}
    )

    result = result_of(tally(poll), p.matrix)
    shade, clean = result.statements

    assert (shade.statement, clean.statement) == (p.schatten, p.sauberkeit)
    # Schatten: 1, 3, 4, 4 -> mean 12 / 4 = 3; median (3 + 4) / 2 = 3.5.
    assert [(r.value, r.online, r.paper, r.share) for r in shade.distribution.rows] == [
        (1, 0, 1, Decimal("25.0")),
        (2, 0, 0, Decimal("0.0")),
        (3, 1, 0, Decimal("25.0")),
        (4, 2, 0, Decimal("50.0")),
    ]
    total = shade.distribution.summaries.total
    assert (total.count, total.mean, total.median) == (4, Decimal("3.00"), Decimal("3.50"))
    assert shade.distribution.no_answer == 0
    # Sauberkeit: 1, 2, 4, 4 (the “no answer” apart) -> mean 11 / 4 = 2.75;
    # median (2 + 4) / 2 = 3; shares of the 4 answers, not of 5.
    assert [(r.value, r.online, r.paper, r.share) for r in clean.distribution.rows] == [
        (1, 1, 0, Decimal("25.0")),
        (2, 1, 0, Decimal("25.0")),
        (3, 0, 0, Decimal("0.0")),
        (4, 0, 2, Decimal("50.0")),
    ]
    total = clean.distribution.summaries.total
    assert (total.count, total.mean, total.median) == (4, Decimal("2.75"), Decimal("3.00"))
    assert clean.distribution.no_answer == 1
    # The statement rated most often: 3 online (Schatten), 2 on paper (Sauberkeit).
    assert (result.online_respondents, result.paper_respondents) == (3, 2)


def test_results_of_new_kinds_without_answers_are_empty_not_an_error():
    poll = kinds_poll()
    p = parts(poll)
    results = tally(poll)
    scale = result_of(results, p.scale).scale
    assert scale.respondents == 0 and scale.summaries.total.mean is None
    assert all(row.share == 0 for row in scale.rows)
    assert result_of(results, p.number).numbers.total.median is None
    assert all(row.points == 0 for row in result_of(results, p.ranking).ranking)
    assert {row.place for row in result_of(results, p.ranking).ranking} == {1}


def test_results_count_ballots_cast_through_the_service(user):
    poll = kinds_poll(eligibility=Poll.Eligibility.GUESTS)
    p = parts(poll)
    cast_ballot(poll=poll, user=user, answers=valid_answers(p))
    cast_ballot(
        poll=poll,
        user=AnonymousUser(),
        answers={**valid_answers(p), p.scale: 2, p.ranking: [p.spielplatz, p.brunnen]},
    )
    results = tally(poll)
    assert result_of(results, p.scale).scale.summaries.total.mean == Decimal("3.00")
    # Brunnen: place 1 (3 points) + place 2 (2 points); Spielplatz: 2 + 3.
    ranking = {r.choice.label: r.points for r in result_of(results, p.ranking).ranking}
    assert ranking == {"Spielplatz": 5, "Brunnen": 5, "Bänke": 0, "Toiletten": 0}
    sauberkeit = result_of(results, p.matrix).statements[1].distribution
    assert (sauberkeit.respondents, sauberkeit.no_answer) == (0, 2)
    multiple = result_of(results, p.multiple)
    assert {r.choice.label: r.online for r in multiple.choices} == {
        "Zu Fuß": 0,
        "Rad": 2,
        "Sonstiges": 2,
    }


# Paper batches of values


def paper_error(question, message):
    return {question.pk: message}


def value_outside(value):
    return gettext("“%(value)s” is not a possible answer to this question.") % {"value": value}


PAPER_REFUSALS = {
    "scale value 6": lambda p: ({(p.scale, None, 6): 1}, p.scale, value_outside(6)),
    "scale value 0": lambda p: ({(p.scale, None, 0): 1}, p.scale, value_outside(0)),
    "matrix value 5": lambda p: ({(p.matrix, p.schatten, 5): 1}, p.matrix, value_outside(5)),
    "number below": lambda p: ({(p.number, None, -1): 1}, p.number, value_outside(-1)),
    "number above": lambda p: ({(p.number, None, 121): 1}, p.number, value_outside(121)),
    "ranking place 4 of 3": lambda p: (
        {(p.ranking, p.brunnen, 4): 1},
        p.ranking,
        value_outside(4),
    ),
    "negative count": lambda p: (
        {(p.scale, None, 3): -1},
        p.scale,
        gettext("A count cannot be negative."),
    ),
    "scale counts above the ballots": lambda p: (
        {(p.scale, None, 1): 3, (p.scale, None, 5): 3},
        p.scale,
        gettext(
            "One answer per ballot: these counts add up to more than the %(ballots)d "
            "paper ballots."
        )
        % {"ballots": 5},
    ),
    "numbers above the ballots": lambda p: (
        {(p.number, None, v): 2 for v in (20, 30, 40)},
        p.number,
        gettext(
            "One answer per ballot: these counts add up to more than the %(ballots)d "
            "paper ballots."
        )
        % {"ballots": 5},
    ),
    "matrix statement above the ballots": lambda p: (
        {(p.matrix, p.sauberkeit, 1): 4, (p.matrix, p.sauberkeit, 2): 2},
        p.matrix,
        gettext("“%(statement)s” has more ratings than there are paper ballots (%(ballots)d).")
        % {"statement": "Sauberkeit", "ballots": 5},
    ),
    "ranking choice above the ballots": lambda p: (
        {(p.ranking, p.brunnen, 1): 3, (p.ranking, p.brunnen, 2): 3},
        p.ranking,
        gettext("“%(choice)s” has more places than there are paper ballots (%(ballots)d).")
        % {"choice": "Brunnen", "ballots": 5},
    ),
    "ranking place above the ballots": lambda p: (
        {(p.ranking, p.brunnen, 1): 3, (p.ranking, p.baenke, 1): 3},
        p.ranking,
        gettext("Place %(place)d was given more often than there are paper ballots (%(ballots)d).")
        % {"place": 1, "ballots": 5},
    ),
}


@pytest.mark.parametrize("case", PAPER_REFUSALS)
def test_implausible_paper_values_are_refused(editor, case):
    poll = kinds_poll()
    p = parts(poll)
    value_counts, question, message = PAPER_REFUSALS[case](p)

    assert paper_value_count_errors(poll, 5, value_counts) == {question.pk: message}
    with pytest.raises(ValidationError) as raised:
        enter(poll, editor, 5, value_counts)
    assert message in raised.value.messages
    assert not PaperBatch.objects.exists() and not PaperValueCount.objects.exists()


def test_paper_values_of_another_poll_or_a_choice_question_are_refused():
    poll = kinds_poll()
    p = parts(poll)
    other = parts(kinds_poll())
    message = gettext("The counts belong to answers of another poll.")
    assert paper_value_count_errors(poll, 5, {(other.scale, None, 3): 1}) == {None: message}
    assert paper_value_count_errors(poll, 5, {(p.matrix, other.schatten, 3): 1}) == {None: message}
    assert paper_value_count_errors(poll, 5, {(p.multiple, None, 1): 1}) == {None: message}


@pytest.mark.parametrize("kind", ["matrix", "ranking"])
@pytest.mark.parametrize("count", [2, 6])
def test_paper_counts_of_a_matrix_or_ranking_need_their_statement_or_choice(kind, count):
    # Counted per statement or per choice: a count of the question as a whole would be
    # stored and never show in any result. With more counts than the 5 ballots, it must be
    # refused too, rather than fail while the message is written (choice.label of None).
    poll = kinds_poll()
    question = getattr(parts(poll), kind)
    assert paper_value_count_errors(poll, 5, {(question, None, 1): count}) != {}


def test_paper_counts_of_a_scale_or_number_take_no_choice():
    poll = kinds_poll()
    p = parts(poll)
    message = gettext("The counts belong to answers of another poll.")
    assert paper_value_count_errors(poll, 5, {(p.scale, p.schatten, 3): 1}) == {None: message}
    assert paper_value_count_errors(poll, 5, {(p.number, p.brunnen, 3): 1}) == {None: message}


def test_plausible_paper_values_pass_at_the_limits():
    poll = kinds_poll()
    p = parts(poll)
    value_counts = {
        # 5 ballots: each point of the scale at most 5 in all.
        (p.scale, None, 1): 2,
        (p.scale, None, 5): 3,
        (p.matrix, p.schatten, 4): 5,
        (p.matrix, p.sauberkeit, 1): 5,
        (p.number, None, 0): 1,
        (p.number, None, 120): 4,
        # Places: each place given at most 5 times, each choice placed at most 5 times.
        (p.ranking, p.brunnen, 1): 5,
        (p.ranking, p.spielplatz, 2): 5,
        (p.ranking, p.baenke, 3): 5,
    }
    assert paper_value_count_errors(poll, 5, value_counts) == {}


def test_paper_values_are_stored_without_zeros_and_replaced_by_a_correction(editor):
    poll = kinds_poll()
    p = parts(poll)
    batch = enter(
        poll,
        editor,
        5,
        {
            (p.scale, None, 4): 3,
            (p.scale, None, 5): 0,
            (p.ranking, p.brunnen, 1): 2,
            (p.number, None, 42): 1,
        },
    )

    def stored():
        return {
            (c.question_id, c.choice_id, c.value): c.count
            for c in PaperValueCount.objects.filter(batch=batch)
        }

    assert stored() == {
        (p.scale.pk, None, 4): 3,
        (p.ranking.pk, p.brunnen.pk, 1): 2,
        (p.number.pk, None, 42): 1,
    }

    update_paper_batch(
        batch=batch,
        by=editor,
        place=batch.place,
        collected_on=batch.collected_on,
        ballots_count=5,
        counts={},
        value_counts={
            (p.scale, None, 4): 3,
            (p.ranking, p.brunnen, 1): 2,
            (p.number, None, 42): 1,
        },
    )
    batch.refresh_from_db()
    assert batch.revision == 1  # the same figures: no new version

    update_paper_batch(
        batch=batch,
        by=editor,
        place=batch.place,
        collected_on=batch.collected_on,
        ballots_count=5,
        counts={},
        value_counts={(p.scale, None, 2): 1, (p.matrix, p.schatten, 3): 4},
    )
    batch.refresh_from_db()
    assert batch.revision == 2
    assert stored() == {(p.scale.pk, None, 2): 1, (p.matrix.pk, p.schatten.pk, 3): 4}


# The paper batch form


def paper_data(form, **values):
    """Every count field of `form` at 0, the batch's own fields filled, then `values`."""
    data = {
        "place": "Stand am Stiftsplatz",
        "collected_on": "2026-05-02",
        "ballots_count": "5",
        "note": "",
    }
    for name in form.fields:
        if name.startswith(("value_", "choice_")):
            data[name] = "0"
    return {**data, **values}


def test_paper_form_has_a_field_per_point_place_and_statement():
    poll = kinds_poll()
    p = parts(poll)
    form = PaperBatchForm(poll=poll)
    names = set(form.fields)
    assert {f"value_{p.scale.pk}_{v}" for v in range(1, 6)} <= names
    assert f"value_{p.scale.pk}_6" not in names
    for statement in (p.schatten, p.sauberkeit):
        assert {f"value_{p.matrix.pk}_{statement.pk}_{v}" for v in range(1, 5)} <= names
    for choice in (p.spielplatz, p.baenke, p.brunnen, p.toiletten):
        # Three places (the ranking's maximum), not four.
        assert {f"value_{p.ranking.pk}_{choice.pk}_{v}" for v in range(1, 4)} <= names
        assert f"value_{p.ranking.pk}_{choice.pk}_4" not in names
    assert f"numbers_{p.number.pk}" in names
    assert {f"choice_{c.pk}" for c in (p.zu_fuss, p.rad, p.sonstiges)} <= names


def test_paper_form_reads_the_numbers_written_on_the_ballots():
    poll = kinds_poll()
    p = parts(poll)
    blank = PaperBatchForm(poll=poll)
    data = paper_data(
        blank,
        **{
            f"numbers_{p.number.pk}": "12, 15 15;30",
            f"value_{p.scale.pk}_4": "2",
            f"value_{p.ranking.pk}_{p.brunnen.pk}_1": "3",
        },
    )
    form = PaperBatchForm(data, poll=poll)
    assert form.is_valid(), form.errors
    counts = {key: n for key, n in form.value_counts().items() if n}
    assert counts == {
        (p.number, None, 12): 1,
        (p.number, None, 15): 2,
        (p.number, None, 30): 1,
        (p.scale, None, 4): 2,
        (p.ranking, p.brunnen, 1): 3,
    }


def test_paper_form_refuses_a_number_in_words():
    poll = kinds_poll()
    p = parts(poll)
    name = f"numbers_{p.number.pk}"
    form = PaperBatchForm(paper_data(PaperBatchForm(poll=poll), **{name: "12, zwölf"}), poll=poll)
    assert not form.is_valid()
    assert form.errors[name] == [
        gettext("“%(text)s” is not a whole number. Please write only digits.") % {"text": "zwölf"}
    ]


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("12, 121", lambda: value_outside(121)),
        (
            "1 2 3 4 5 6",
            lambda: (
                gettext(
                    "One answer per ballot: these counts add up to more than the %(ballots)d "
                    "paper ballots."
                )
                % {"ballots": 5}
            ),
        ),
    ],
)
def test_paper_form_refuses_implausible_numbers_naming_the_question(written, message):
    poll = kinds_poll()
    p = parts(poll)
    name = f"numbers_{p.number.pk}"
    form = PaperBatchForm(paper_data(PaperBatchForm(poll=poll), **{name: written}), poll=poll)
    assert not form.is_valid()
    assert form.non_field_errors() == [f"{p.number.text}: {message()}"]


def test_paper_form_refuses_a_number_with_a_thousands_separator():
    poll = kinds_poll()
    p = parts(poll)
    name = f"numbers_{p.number.pk}"
    form = PaperBatchForm(paper_data(PaperBatchForm(poll=poll), **{name: "1.000"}), poll=poll)
    assert not form.is_valid()
    assert name in form.errors


def test_paper_form_shows_the_stored_numbers_and_counts_when_correcting(editor):
    poll = kinds_poll()
    p = parts(poll)
    batch = enter(
        poll,
        editor,
        5,
        {(p.number, None, 30): 1, (p.number, None, 12): 2, (p.matrix, p.schatten, 2): 4},
    )
    form = PaperBatchForm(instance=batch, poll=poll)
    assert form.fields[f"numbers_{p.number.pk}"].initial == "12, 12, 30"
    assert form.fields[f"value_{p.matrix.pk}_{p.schatten.pk}_2"].initial == 4
    assert form.fields[f"value_{p.matrix.pk}_{p.schatten.pk}_1"].initial == 0


# The ballot form


def ballot_data(p, **overrides):
    data = {
        f"question_{p.scale.pk}": "4",
        f"question_{p.matrix.pk}_{p.schatten.pk}": "3",
        f"question_{p.matrix.pk}_{p.sauberkeit.pk}": NONE_VALUE,
        f"question_{p.ranking.pk}_{p.brunnen.pk}": "1",
        f"question_{p.ranking.pk}_{p.spielplatz.pk}": "2",
        f"question_{p.ranking.pk}_{p.baenke.pk}": "",
        f"question_{p.ranking.pk}_{p.toiletten.pk}": "",
        f"question_{p.number.pk}": "42",
        f"question_{p.multiple.pk}": [str(p.rad.pk), str(p.sonstiges.pk)],
        f"question_{p.multiple.pk}_other": "Lastenrad",
    }
    return {**data, **overrides}


def test_ballot_form_gives_the_answers_in_the_shapes_of_the_service():
    poll = kinds_poll()
    p = parts(poll)
    form = BallotForm(ballot_data(p), questions=p.questions)
    assert form.is_valid(), form.errors
    assert form.answers() == valid_answers(p)


def test_ballot_form_ranking_with_a_repeated_place_is_refused():
    poll = kinds_poll()
    p = parts(poll)
    data = ballot_data(p, **{f"question_{p.ranking.pk}_{p.spielplatz.pk}": "1"})
    form = BallotForm(data, questions=p.questions)
    assert not form.is_valid()
    assert form.errors[f"question_{p.ranking.pk}"] == [
        ngettext(
            "Place %(places)s is given more than once: please give each place only once.",
            "Places %(places)s are given more than once: please give each place only once.",
            1,
        )
        % {"places": "1"}
    ]


def test_ballot_form_ranking_with_a_gap_is_refused():
    poll = kinds_poll()
    p = parts(poll)
    data = ballot_data(p, **{f"question_{p.ranking.pk}_{p.spielplatz.pk}": "3"})
    form = BallotForm(data, questions=p.questions)
    assert not form.is_valid()
    assert form.errors[f"question_{p.ranking.pk}"] == [
        ngettext(
            "Please number the places from 1 without a gap: place %(places)s is missing.",
            "Please number the places from 1 without a gap: places %(places)s are missing.",
            1,
        )
        % {"places": "2"}
    ]


def test_ballot_form_offers_only_the_places_of_the_ranking():
    poll = kinds_poll()
    p = parts(poll)
    data = ballot_data(p, **{f"question_{p.ranking.pk}_{p.baenke.pk}": "4"})
    form = BallotForm(data, questions=p.questions)
    assert not form.is_valid()
    assert f"question_{p.ranking.pk}_{p.baenke.pk}" in form.errors


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("scale", "6", lambda: gettext("Please choose only among the answers offered.")),
        ("number", "zwölf", lambda: gettext("Please enter a whole number, in digits.")),
        (
            "number",
            "121",
            lambda: (
                gettext("Please enter a number from %(min)d to %(max)d.") % {"min": 0, "max": 120}
            ),
        ),
        ("scale", "", lambda: gettext("Please answer this question.")),
    ],
)
def test_ballot_form_refuses_values_outside_the_question(name, value, message):
    poll = kinds_poll()
    p = parts(poll)
    field = f"question_{getattr(p, name).pk}"
    form = BallotForm(ballot_data(p, **{field: value}), questions=p.questions)
    assert not form.is_valid()
    assert form.errors[field] == [message()]


@pytest.mark.parametrize("written", ["1.000", "2.500"])
def test_ballot_form_does_not_read_a_german_thousands_separator_as_a_decimal_point(written):
    # „1.000“ is a thousand in German. Read as 1 (Django's IntegerField drops a trailing
    # „.000“), the answer would be stored wrong without a word; the paper form refuses it.
    poll = kinds_poll()
    Question.objects.filter(poll=poll, kind="number").update(number_max=5000)
    p = parts(poll)
    form = BallotForm(
        ballot_data(p, **{f"question_{p.number.pk}": written}), questions=p.questions
    )
    valid = form.is_valid()
    assert not valid or form.answers()[p.number] == int(written.replace(".", ""))


def test_ballot_form_refuses_an_unrated_statement_of_a_required_matrix():
    poll = kinds_poll()
    p = parts(poll)
    form = BallotForm(
        ballot_data(p, **{f"question_{p.matrix.pk}_{p.sauberkeit.pk}": ""}),
        questions=p.questions,
    )
    assert not form.is_valid()
    assert form.errors[f"question_{p.matrix.pk}"] == [
        ngettext(
            "Please rate this statement too: %(statements)s.",
            "Please rate these statements too: %(statements)s.",
            1,
        )
        % {"statements": "Sauberkeit"}
    ]


def test_ballot_form_refuses_other_text_without_ticking_other():
    poll = kinds_poll()
    p = parts(poll)
    form = BallotForm(
        ballot_data(p, **{f"question_{p.multiple.pk}": [str(p.rad.pk)]}), questions=p.questions
    )
    assert not form.is_valid()
    assert form.errors[f"question_{p.multiple.pk}"] == [
        gettext("You wrote a text: please also tick “%(other)s”, or delete the text.")
        % {"other": "Sonstiges"}
    ]


def test_ballot_form_is_prefilled_from_a_stored_ballot(user):
    poll = kinds_poll()
    p = parts(poll)
    ballot = cast_ballot(
        poll=poll, user=user, answers={**valid_answers(p), p.scale: NO_ANSWER, p.number: 0}
    )
    initial = BallotForm.initial_from(ballot, p.questions)
    assert initial[f"question_{p.scale.pk}"] == NONE_VALUE
    assert initial[f"question_{p.matrix.pk}_{p.schatten.pk}"] == "3"
    assert initial[f"question_{p.matrix.pk}_{p.sauberkeit.pk}"] == NONE_VALUE
    assert initial[f"question_{p.ranking.pk}_{p.brunnen.pk}"] == "1"
    assert initial[f"question_{p.ranking.pk}_{p.spielplatz.pk}"] == "2"
    assert initial[f"question_{p.ranking.pk}_{p.baenke.pk}"] == ""
    assert initial[f"question_{p.number.pk}"] == "0"
    assert initial[f"question_{p.multiple.pk}"] == [str(p.rad.pk), str(p.sonstiges.pk)]
    assert initial[f"question_{p.multiple.pk}_other"] == "Lastenrad"


# The person's own data


def test_data_export_holds_the_values_places_and_no_answers(user):
    poll = kinds_poll()
    p = parts(poll)
    cast_ballot(poll=poll, user=user, answers=valid_answers(p))
    [ballot] = export_for(user)["ballots"]
    answers = {entry["question"]: entry for entry in ballot["answers"]}
    assert answers[p.scale.text]["value"] == 4
    assert answers[p.matrix.text]["statements"] == {"Schatten": 3, "Sauberkeit": "no answer"}
    assert answers[p.ranking.text]["ranking"] == ["Brunnen", "Spielplatz"]
    assert answers[p.number.text]["value"] == 42
    assert answers[p.multiple.text]["choices"] == ["Rad", "Sonstiges"]
    assert answers[p.multiple.text]["text"] == "Lastenrad"
    assert [entry["question"] for entry in ballot["answers"]] == [q.text for q in p.questions]
