"""The new ways of taking part read in English too: a survey of every kind, a budget and an
idea contest, with their texts written in English, show no German on /en/ pages."""

import pytest

from polls.models import Question
from tests.polls.factories import ChoiceFactory, PollFactory, QuestionFactory
from tests.proposals.factories import ContestFactory
from tests.test_english_pages import english, english_path, german_in  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey():
    poll = PollFactory(title_de="Umfrage", title_en="City survey", slug="city-survey")
    QuestionFactory(
        poll=poll,
        text_en="How satisfied are you?",
        kind=Question.Kind.SCALE,
        scale_points=5,
        scale_low_label_de="sehr unzufrieden",
        scale_low_label_en="very dissatisfied",
        scale_high_label_de="sehr zufrieden",
        scale_high_label_en="very satisfied",
        offers_no_answer=True,
    )
    matrix = QuestionFactory(
        poll=poll, text_en="How do you rate", kind=Question.Kind.MATRIX, scale_points=5
    )
    ChoiceFactory(question=matrix, label_en="the buses")
    ranking = QuestionFactory(poll=poll, text_en="What first?", kind=Question.Kind.RANKING)
    for label in ("schools", "roads"):
        ChoiceFactory(question=ranking, label_en=label)
    QuestionFactory(
        poll=poll,
        text_en="How many years?",
        kind=Question.Kind.NUMBER,
        number_min=0,
        number_max=99,
        number_unit_de="Jahre",
        number_unit_en="years",
    )
    budget = QuestionFactory(
        poll=poll, text_en="What should be funded?", kind=Question.Kind.BUDGET, budget=10000
    )
    ChoiceFactory(question=budget, label_en="A fountain", cost=8000)
    ChoiceFactory(question=budget, label_en="Benches", cost=3000)
    return poll


def test_a_survey_of_every_kind_reads_in_english(english, survey):  # noqa: F811
    # Both addresses in German first: after a request in English, reverse() would add /en/.
    ballot, results = survey.get_absolute_url(), survey.get_results_url()
    assert german_in(english(ballot)) == []
    assert german_in(english(results)) == []


@pytest.mark.parametrize("phase", ["submission", "review", "voting", "result"])
def test_an_idea_contest_reads_in_english(english, phase):  # noqa: F811
    contest = ContestFactory(
        phase=phase,
        title_de="Ideenwettbewerb",
        title_en="Idea contest",
        intro_de="<p>Ihre Idee.</p>",
        intro_en="<p>Your idea.</p>",
        max_supports=3,
    )
    assert german_in(english(contest.get_absolute_url())) == []
