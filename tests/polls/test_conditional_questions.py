"""Conditional questions: asked only of those who chose a given answer to an earlier choice
question, on a second page of the ballot that works without JavaScript."""

import html
import re
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils.translation import gettext

from polls.answers import NO_ANSWER
from polls.models import Ballot, Question, Selection, TextAnswer, ValueAnswer
from polls.services import cast_ballot
from tests.polls.factories import ChoiceFactory, PollFactory, QuestionFactory
from tests.polls.test_question_kinds import NOTHING_STORED, stored_rows

pytestmark = pytest.mark.django_db

PLEASE_ANSWER = "Bitte beantworten Sie diese Frage."
CHECK_ANSWERS = "Bitte prüfen Sie Ihre Antworten"
NEXT_BUTTON = ">Weiter</button>"
SEND_BUTTON = ">Antworten absenden</button>"
BACK_BUTTON = ">Zurück zu den ersten Fragen</button>"


def conditional_poll(**kwargs):
    """A survey about getting into town.

    Everyone is asked how they come (single choice, required), what is missing (multiple
    choice, optional) and for a remark (free text, optional). Those who come by bike are
    asked where they park it (free text, required); those who miss cycle paths rate them
    (scale, required).
    """
    poll = PollFactory(**kwargs)
    weg = QuestionFactory(poll=poll, position=1, text="Wie kommen Sie in die Innenstadt?")
    auto, rad, bus = (ChoiceFactory(question=weg, label=label) for label in ("Auto", "Rad", "Bus"))
    fehlt = QuestionFactory(
        poll=poll,
        position=2,
        text="Was fehlt Ihnen?",
        kind=Question.Kind.MULTIPLE,
        max_choices=2,
        is_required=False,
    )
    parkplaetze, radwege, baenke = (
        ChoiceFactory(question=fehlt, label=label) for label in ("Parkplätze", "Radwege", "Bänke")
    )
    abstellen = QuestionFactory(
        poll=poll,
        position=3,
        text="Wo stellen Sie Ihr Rad ab?",
        kind=Question.Kind.TEXT,
        max_length=200,
        shown_if=rad,
    )
    radwege_note = QuestionFactory(
        poll=poll,
        position=4,
        text="Wie zufrieden sind Sie mit den Radwegen?",
        kind=Question.Kind.SCALE,
        scale_points=5,
        shown_if=radwege,
    )
    anmerkung = QuestionFactory(
        poll=poll,
        position=5,
        text="Was möchten Sie noch sagen?",
        kind=Question.Kind.TEXT,
        is_required=False,
        max_length=200,
    )
    return SimpleNamespace(
        poll=poll,
        weg=weg,
        auto=auto,
        rad=rad,
        bus=bus,
        fehlt=fehlt,
        parkplaetze=parkplaetze,
        radwege=radwege,
        baenke=baenke,
        abstellen=abstellen,
        radwege_note=radwege_note,
        anmerkung=anmerkung,
    )


def name(question):
    return f"question_{question.pk}"


def first_page(p, weg="rad", fehlt=("radwege",), anmerkung="Mehr Bäume bitte"):
    """What the browser sends from the first page."""
    data = {
        name(p.fehlt): [str(getattr(p, choice).pk) for choice in fehlt],
        name(p.anmerkung): anmerkung,
        "schritt": "1",
    }
    if weg:
        data[name(p.weg)] = str(getattr(p, weg).pk)
    return data


def second_page(p, abstellen="Am Bahnhof", radwege_note="4", **first):
    """What the browser sends from the second page: its answers and the first page's in
    hidden fields. A question the page does not show (None) is not sent at all."""
    data = {**first_page(p, **first), "schritt": "2"}
    for question, value in ((p.abstellen, abstellen), (p.radwege_note, radwege_note)):
        if value is not None:
            data[name(question)] = value
    return data


def hidden(field, value):
    return f'<input type="hidden" name="{field}" value="{value}">'


def has_field(page, question):
    """Whether the page shows the question's field to answer (not a hidden one)."""
    return bool(
        re.search(rf'<(input|textarea)(?![^>]*type="hidden")[^>]*name="{name(question)}"', page)
    )


def receipt(page):
    match = re.search(r'<section id="ihre-stimme".*?</section>', page, re.S)
    assert match, "no receipt on the page"
    return match.group(0)


def asked_only_note(trigger_question, answer):
    return html.escape(
        gettext("Asked only of those who chose “%(answer)s” for “%(question)s”.")
        % {"answer": answer, "question": trigger_question},
        quote=False,
    )


# The rules of the model


def clean_error(question):
    with pytest.raises(ValidationError) as raised:
        question.full_clean()
    return raised.value.message_dict


def later_question_choice(p):
    later = QuestionFactory(poll=p.poll, position=9, text="Später?")
    return p.anmerkung, ChoiceFactory(question=later, label="Ja")


def ranking_choice(p):
    ranking = QuestionFactory(poll=p.poll, position=0, kind=Question.Kind.RANKING)
    return p.anmerkung, ChoiceFactory(question=ranking, label="Brunnen")


def matrix_statement(p):
    matrix = QuestionFactory(poll=p.poll, position=0, kind=Question.Kind.MATRIX, scale_points=4)
    return p.anmerkung, ChoiceFactory(question=matrix, label="Schatten")


def text_question_choice(p):
    # A choice left over from when the question was a choice question.
    text = QuestionFactory(poll=p.poll, position=0, kind=Question.Kind.TEXT)
    return p.anmerkung, ChoiceFactory(question=text, label="Alt")


def other_poll_choice(p):
    other = QuestionFactory(position=0, text="Andere Abstimmung?")
    return p.anmerkung, ChoiceFactory(question=other, label="Ja")


def conditional_question_choice(p):
    conditional = QuestionFactory(poll=p.poll, position=2, text="Welches Auto?", shown_if=p.auto)
    return p.anmerkung, ChoiceFactory(question=conditional, label="Elektro")


def own_choice(p):
    # An unconditional choice question that nothing depends on, after one of its own answers.
    question = QuestionFactory(poll=p.poll, position=6, text="Wann kommen Sie?")
    ChoiceFactory(question=question, label="Morgens")
    return question, ChoiceFactory(question=question, label="Abends")


REFUSED_TRIGGERS = {
    "a later question": later_question_choice,
    "a ranking": ranking_choice,
    "a matrix statement": matrix_statement,
    "a free-text question": text_question_choice,
    "another poll": other_poll_choice,
    "a conditional question": conditional_question_choice,
    "the question itself": own_choice,
}


@pytest.mark.parametrize("case", REFUSED_TRIGGERS)
def test_a_trigger_that_is_no_earlier_unconditional_choice_of_the_poll_is_refused(case):
    p = conditional_poll()
    question, choice = REFUSED_TRIGGERS[case](p)
    question.shown_if = choice

    assert list(clean_error(question)) == ["shown_if"]


def test_a_question_others_depend_on_cannot_be_made_conditional():
    p = conditional_poll()
    p.fehlt.shown_if = p.auto  # an earlier, unconditional choice: but Radwege is a trigger

    errors = clean_error(p.fehlt)

    assert list(errors) == ["shown_if"]
    assert errors["shown_if"] == [
        gettext(
            "Other questions are asked after an answer to this one, so it must be asked of "
            "everyone."
        )
    ]


def test_an_answer_of_an_earlier_choice_question_of_the_poll_is_accepted():
    p = conditional_poll()

    p.anmerkung.shown_if = p.bus
    p.anmerkung.full_clean()
    p.anmerkung.save()
    p.abstellen.full_clean()  # the conditional questions as made
    p.radwege_note.full_clean()
    # A new question, not saved yet, after an answer to a multiple choice question.
    QuestionFactory.build(
        poll=p.poll, position=6, kind=Question.Kind.TEXT, text="Neu?", shown_if=p.baenke
    ).full_clean()


def test_a_trigger_that_moved_after_its_conditional_question_is_refused():
    p = conditional_poll()
    p.weg.position = 7
    p.weg.save()

    assert "shown_if" in clean_error(p.abstellen)


# Casting a ballot


def answers(p, **overrides):
    """Valid answers of someone who comes by bike and misses cycle paths."""
    return {
        p.weg: [p.rad],
        p.fehlt: [p.radwege],
        p.abstellen: "Am Bahnhof",
        p.radwege_note: 4,
        p.anmerkung: "",
    } | {getattr(p, key): value for key, value in overrides.items()}


def test_an_answer_to_a_question_not_asked_is_refused_and_nothing_stored(user):
    p = conditional_poll()

    with pytest.raises(ValidationError) as raised:
        cast_ballot(poll=p.poll, user=user, answers=answers(p, weg=[p.auto]))

    assert raised.value.messages == [
        gettext(
            "This question is asked only of those who chose “%(answer)s” for “%(question)s”: "
            "please leave it unanswered."
        )
        % {"answer": "Rad", "question": "Wie kommen Sie in die Innenstadt?"}
    ]
    assert stored_rows() == NOTHING_STORED


def test_a_required_question_not_asked_may_stay_unanswered(user):
    p = conditional_poll()

    ballot = cast_ballot(
        poll=p.poll,
        user=user,
        answers={p.weg: [p.auto], p.fehlt: [p.parkplaetze], p.anmerkung: ""},
    )

    assert {s.choice for s in ballot.selections.all()} == {p.auto, p.parkplaetze}
    assert not ballot.text_answers.exists()
    assert not ballot.value_answers.exists()


def test_a_required_question_not_asked_may_be_left_out_as_empty(user):
    p = conditional_poll()

    cast_ballot(
        poll=p.poll,
        user=user,
        answers=answers(p, weg=[p.bus], fehlt=[], abstellen="", radwege_note=None),
    )

    assert [s.choice for s in Selection.objects.all()] == [p.bus]


@pytest.mark.parametrize(
    ("overrides", "question"),
    [
        ({"abstellen": ""}, "abstellen"),
        ({"abstellen": "   "}, "abstellen"),
        ({"radwege_note": None}, "radwege_note"),
    ],
)
def test_a_required_question_asked_but_unanswered_is_refused(user, overrides, question):
    p = conditional_poll()

    with pytest.raises(ValidationError) as raised:
        cast_ballot(poll=p.poll, user=user, answers=answers(p, **overrides))

    assert raised.value.message_dict == {
        getattr(p, question).pk: [gettext("Please answer this question.")]
    }
    assert stored_rows() == NOTHING_STORED


def test_the_answers_to_questions_asked_are_stored(user):
    p = conditional_poll()

    ballot = cast_ballot(poll=p.poll, user=user, answers=answers(p))

    assert {s.choice for s in ballot.selections.all()} == {p.rad, p.radwege}
    assert [(t.question, t.text) for t in ballot.text_answers.all()] == [
        (p.abstellen, "Am Bahnhof")
    ]
    assert [(v.question, v.value) for v in ballot.value_answers.all()] == [(p.radwege_note, 4)]


def test_a_trigger_among_several_answers_of_a_multiple_choice_question_asks(user):
    p = conditional_poll()

    # Radwege ticked beside another answer: the rating is asked, so it is required.
    with pytest.raises(ValidationError):
        cast_ballot(
            poll=p.poll,
            user=user,
            answers=answers(p, fehlt=[p.baenke, p.radwege], radwege_note=None),
        )
    assert stored_rows() == NOTHING_STORED
    # Without Radwege it is not asked, so a rating is refused.
    with pytest.raises(ValidationError):
        cast_ballot(poll=p.poll, user=user, answers=answers(p, fehlt=[p.baenke, p.parkplaetze]))
    assert stored_rows() == NOTHING_STORED

    ballot = cast_ballot(poll=p.poll, user=user, answers=answers(p, fehlt=[p.baenke, p.radwege]))

    assert [(v.question, v.value) for v in ballot.value_answers.all()] == [(p.radwege_note, 4)]


def test_no_answer_to_the_trigger_question_does_not_ask_the_conditional_one(user):
    p = conditional_poll()
    Question.objects.filter(pk=p.weg.pk).update(offers_no_answer=True)

    with pytest.raises(ValidationError):
        cast_ballot(poll=p.poll, user=user, answers=answers(p, weg=NO_ANSWER))
    assert stored_rows() == NOTHING_STORED

    ballot = cast_ballot(poll=p.poll, user=user, answers=answers(p, weg=NO_ANSWER, abstellen=""))

    assert [(n.question, n.statement) for n in ballot.no_answers.all()] == [(p.weg, None)]
    assert not ballot.text_answers.exists()


# The ballot in two steps


@pytest.fixture
def p():
    return conditional_poll()


@pytest.fixture
def voter(client, user):
    client.force_login(user)
    return client


def test_the_first_page_shows_only_the_questions_everyone_is_asked(voter, p):
    response = voter.get(p.poll.get_absolute_url())

    assert response.status_code == 200
    page = response.text
    for question in (p.weg, p.fehlt, p.anmerkung):
        assert has_field(page, question)
    for question in (p.abstellen, p.radwege_note):
        assert not has_field(page, question)
        assert f'name="{name(question)}"' not in page
    assert hidden("schritt", 1) in page
    assert NEXT_BUTTON in page
    assert SEND_BUTTON not in page and BACK_BUTTON not in page
    assert "Je nach Ihren Antworten folgen auf einer zweiten Seite noch einige Fragen." in page


def test_a_poll_without_conditional_questions_has_one_page(voter):
    poll = PollFactory()
    for position in (1, 2):
        question = QuestionFactory(poll=poll, position=position)
        ChoiceFactory(question=question, label="Ja")

    page = voter.get(poll.get_absolute_url()).text

    assert SEND_BUTTON in page
    assert NEXT_BUTTON not in page
    assert 'name="schritt"' not in page


def test_the_trigger_leads_to_a_second_page_with_only_the_questions_asked(voter, p):
    response = voter.post(p.poll.get_absolute_url(), first_page(p, fehlt=("baenke",)))

    assert response.status_code == 200
    page = response.text
    assert has_field(page, p.abstellen)
    assert not has_field(page, p.radwege_note)
    assert f'name="{name(p.radwege_note)}"' not in page
    for question in (p.weg, p.fehlt, p.anmerkung):
        assert not has_field(page, question)
    # The first page's answers travel along in hidden fields.
    assert hidden(name(p.weg), p.rad.pk) in page
    assert hidden(name(p.fehlt), p.baenke.pk) in page
    assert hidden(name(p.anmerkung), "Mehr Bäume bitte") in page
    assert hidden("schritt", 2) in page
    assert "Nach Ihren Antworten folgen noch einige Fragen." in page
    assert "Sie sehen diese Frage, weil Sie bei" in page
    assert "4. <span" in page  # numbered after the three questions of the first page
    assert SEND_BUTTON in page and BACK_BUTTON in page
    assert NEXT_BUTTON not in page
    assert CHECK_ANSWERS not in page and PLEASE_ANSWER not in page
    assert stored_rows() == NOTHING_STORED


def test_both_triggers_ask_both_questions_on_the_second_page(voter, p):
    page = voter.post(p.poll.get_absolute_url(), first_page(p)).text

    assert has_field(page, p.abstellen) and has_field(page, p.radwege_note)
    assert hidden(name(p.fehlt), p.radwege.pk) in page
    assert stored_rows() == NOTHING_STORED


def test_without_a_trigger_the_first_page_casts_the_ballot(voter, p):
    response = voter.post(p.poll.get_absolute_url(), first_page(p, weg="auto", fehlt=()))

    assert response.status_code == 302
    assert response["Location"] == f"{p.poll.get_absolute_url()}#ihre-stimme"
    ballot = Ballot.objects.get()
    assert [s.choice for s in ballot.selections.all()] == [p.auto]
    assert [(t.question, t.text) for t in ballot.text_answers.all()] == [
        (p.anmerkung, "Mehr Bäume bitte")
    ]
    page = voter.get(response["Location"]).text
    assert "Ihre Antworten wurden gezählt" in page
    shown = receipt(page)
    assert p.weg.text in shown and p.fehlt.text in shown and p.anmerkung.text in shown
    assert p.abstellen.text not in shown
    assert p.radwege_note.text not in shown


def test_a_required_question_left_empty_on_the_second_page_shows_it_again(voter, p):
    data = second_page(p, abstellen="", radwege_note=None, fehlt=("baenke",))

    response = voter.post(p.poll.get_absolute_url(), data)

    assert response.status_code == 200
    page = response.text
    assert CHECK_ANSWERS in page
    assert PLEASE_ANSWER in page
    assert f'id="frage-{p.abstellen.pk}-fehler"' in page
    assert has_field(page, p.abstellen)
    assert not has_field(page, p.weg)
    assert hidden(name(p.weg), p.rad.pk) in page
    assert hidden(name(p.anmerkung), "Mehr Bäume bitte") in page
    assert hidden("schritt", 2) in page
    assert SEND_BUTTON in page and BACK_BUTTON in page
    assert stored_rows() == NOTHING_STORED


def test_the_second_page_asking_one_question_sent_complete_stores_the_ballot(voter, p):
    # Rad without Radwege: the page asks only where the bike is parked, and the browser
    # sends nothing for the rating, which is not asked.
    data = second_page(p, radwege_note=None, fehlt=("baenke",))

    response = voter.post(p.poll.get_absolute_url(), data)

    assert response.status_code == 302
    ballot = Ballot.objects.get()
    assert {s.choice for s in ballot.selections.all()} == {p.rad, p.baenke}
    assert {(t.question, t.text) for t in ballot.text_answers.all()} == {
        (p.abstellen, "Am Bahnhof"),
        (p.anmerkung, "Mehr Bäume bitte"),
    }
    assert not ballot.value_answers.exists()
    shown = receipt(voter.get(response["Location"]).text)
    assert p.abstellen.text in shown
    assert p.radwege_note.text not in shown


def test_the_second_page_with_a_question_left_empty_complains_only_about_it(voter, p):
    data = second_page(p, abstellen="", radwege_note=None, fehlt=("baenke",))

    page = voter.post(p.poll.get_absolute_url(), data).text

    errors = re.search(r'<div class="alert alert-danger".*?</div>', page, re.S).group(0)
    assert errors.count("<li>") == 1
    assert f'href="#frage-{p.abstellen.pk}"' in errors
    assert f'id="frage-{p.radwege_note.pk}-fehler"' not in page


def test_back_shows_the_first_page_with_everything_kept_and_no_complaint(voter, p):
    data = second_page(p, radwege_note="") | {"zurueck": "1"}

    response = voter.post(p.poll.get_absolute_url(), data)

    assert response.status_code == 200
    page = response.text
    assert f'name="{name(p.weg)}" id="id_{name(p.weg)}_{p.rad.pk}" value="{p.rad.pk}" checked' in (
        page
    )
    assert (
        f'name="{name(p.fehlt)}" id="id_{name(p.fehlt)}_{p.radwege.pk}" '
        f'value="{p.radwege.pk}" checked' in page
    )
    assert re.search(rf'<textarea[^>]*name="{name(p.anmerkung)}"[^>]*>Mehr Bäume bitte<', page)
    # The second page's answers are kept for the way forward again.
    assert hidden(name(p.abstellen), "Am Bahnhof") in page
    assert not has_field(page, p.abstellen)
    assert hidden("schritt", 1) in page
    assert NEXT_BUTTON in page and BACK_BUTTON not in page
    assert CHECK_ANSWERS not in page and PLEASE_ANSWER not in page
    assert stored_rows() == NOTHING_STORED


def test_the_second_page_sent_complete_stores_everything(voter, p):
    response = voter.post(p.poll.get_absolute_url(), second_page(p))

    assert response.status_code == 302
    ballot = Ballot.objects.get()
    assert {s.choice for s in ballot.selections.all()} == {p.rad, p.radwege}
    assert {(t.question, t.text) for t in ballot.text_answers.all()} == {
        (p.abstellen, "Am Bahnhof"),
        (p.anmerkung, "Mehr Bäume bitte"),
    }
    assert [(v.question, v.value) for v in ballot.value_answers.all()] == [(p.radwege_note, 4)]
    shown = receipt(voter.get(response["Location"]).text)
    assert p.abstellen.text in shown and "Am Bahnhof" in shown
    assert p.radwege_note.text in shown


def test_the_whole_journey_forward_back_and_forward_again(voter, p):
    url = p.poll.get_absolute_url()
    # Page 1 → page 2 → back: the form fields of each page are posted as the browser would.
    assert has_field(voter.post(url, first_page(p)).text, p.radwege_note)
    back = voter.post(
        url, second_page(p, abstellen="Am Bahnhof", radwege_note="2") | {"zurueck": "1"}
    )
    assert hidden(name(p.radwege_note), 2) in back.text

    again = voter.post(
        url, first_page(p) | {name(p.abstellen): "Am Bahnhof", name(p.radwege_note): "2"}
    )

    page = again.text
    assert re.search(rf'<textarea[^>]*name="{name(p.abstellen)}"[^>]*>Am Bahnhof<', page)
    assert f'name="{name(p.radwege_note)}" id="id_{name(p.radwege_note)}_2" value="2" checked' in (
        page
    )
    assert stored_rows() == NOTHING_STORED


def test_an_answer_kept_from_the_second_page_is_dropped_when_its_trigger_changed(voter, p):
    # Back on the first page, the person changes Rad to Auto and drops Radwege; the answers
    # given on the second page still travel in hidden fields.
    data = first_page(p, weg="auto", fehlt=("baenke",)) | {
        name(p.abstellen): "Am Bahnhof",
        name(p.radwege_note): "2",
    }

    response = voter.post(p.poll.get_absolute_url(), data)

    assert response.status_code == 302
    ballot = Ballot.objects.get()
    assert {s.choice for s in ballot.selections.all()} == {p.auto, p.baenke}
    assert [t.question for t in ballot.text_answers.all()] == [p.anmerkung]
    assert not ballot.value_answers.exists()
    assert p.abstellen.text not in receipt(voter.get(response["Location"]).text)


def test_a_changed_trigger_asks_only_the_questions_still_asked(voter, p):
    data = first_page(p, weg="auto") | {name(p.abstellen): "Am Bahnhof", name(p.radwege_note): "2"}

    page = voter.post(p.poll.get_absolute_url(), data).text

    assert has_field(page, p.radwege_note)
    assert not has_field(page, p.abstellen)
    assert f'name="{name(p.abstellen)}"' not in page  # not carried along any more
    assert stored_rows() == NOTHING_STORED


def test_a_second_page_answer_sent_with_a_changed_trigger_is_not_stored(voter, p):
    response = voter.post(p.poll.get_absolute_url(), second_page(p, weg="bus"))

    assert response.status_code == 302
    ballot = Ballot.objects.get()
    assert {s.choice for s in ballot.selections.all()} == {p.bus, p.radwege}
    assert [t.question for t in ballot.text_answers.all()] == [p.anmerkung]
    assert not TextAnswer.objects.filter(question=p.abstellen).exists()
    assert [(v.question, v.value) for v in ballot.value_answers.all()] == [(p.radwege_note, 4)]


def test_an_error_on_the_first_page_keeps_the_second_pages_answers(voter, p):
    data = first_page(p, weg=None) | {name(p.abstellen): "Am Bahnhof", name(p.radwege_note): "2"}

    response = voter.post(p.poll.get_absolute_url(), data)

    assert response.status_code == 200
    page = response.text
    assert CHECK_ANSWERS in page and PLEASE_ANSWER in page
    assert f'id="frage-{p.weg.pk}-fehler"' in page
    assert has_field(page, p.weg) and has_field(page, p.anmerkung)
    assert hidden(name(p.abstellen), "Am Bahnhof") in page
    assert hidden(name(p.radwege_note), 2) in page
    assert not has_field(page, p.abstellen)
    assert hidden("schritt", 1) in page and NEXT_BUTTON in page
    assert stored_rows() == NOTHING_STORED


def test_an_error_at_a_first_page_question_sent_with_the_second_shows_the_first(voter, p):
    data = second_page(p) | {name(p.weg): str(p.radwege.pk)}  # not an answer to that question

    response = voter.post(p.poll.get_absolute_url(), data)

    assert response.status_code == 200
    page = response.text
    assert CHECK_ANSWERS in page
    assert f'id="frage-{p.weg.pk}-fehler"' in page
    assert has_field(page, p.weg)
    assert not has_field(page, p.abstellen)
    assert hidden(name(p.abstellen), "Am Bahnhof") in page
    assert hidden("schritt", 1) in page
    assert stored_rows() == NOTHING_STORED


def test_changing_a_ballot_prefills_both_pages(voter, p):
    url = p.poll.get_absolute_url()
    voter.post(url, second_page(p, abstellen="Am Bahnhof", radwege_note="4"))

    page = voter.get(url + "?aendern=1").text

    assert f'id="id_{name(p.weg)}_{p.rad.pk}" value="{p.rad.pk}" checked' in page
    assert hidden(name(p.abstellen), "Am Bahnhof") in page
    assert hidden(name(p.radwege_note), 4) in page
    assert not has_field(page, p.abstellen)
    assert hidden("schritt", 1) in page and NEXT_BUTTON in page

    # The browser sends the first page with the hidden fields: the second page is prefilled.
    data = first_page(p) | {name(p.abstellen): "Am Bahnhof", name(p.radwege_note): "4"}
    second = voter.post(url, data).text
    assert re.search(rf'<textarea[^>]*name="{name(p.abstellen)}"[^>]*>Am Bahnhof<', second)
    assert f'id="id_{name(p.radwege_note)}_4" value="4" checked' in second
    assert ">Geänderte Antworten speichern</button>" in second

    response = voter.post(url, second_page(p, abstellen="Im Hof", radwege_note="1"), follow=True)

    assert "Ihre geänderten Antworten wurden gezählt" in response.text
    ballot = Ballot.objects.get()
    assert {(t.question, t.text) for t in ballot.text_answers.all()} == {
        (p.abstellen, "Im Hof"),
        (p.anmerkung, "Mehr Bäume bitte"),
    }
    assert [v.value for v in ballot.value_answers.all()] == [1]


def test_changing_a_ballot_to_without_the_trigger_removes_the_conditional_answer(voter, p):
    url = p.poll.get_absolute_url()
    voter.post(url, second_page(p))
    data = first_page(p, weg="auto", fehlt=()) | {
        name(p.abstellen): "Am Bahnhof",
        name(p.radwege_note): "4",
    }

    response = voter.post(url, data)

    assert response.status_code == 302
    ballot = Ballot.objects.get()
    assert [s.choice for s in ballot.selections.all()] == [p.auto]
    assert not ValueAnswer.objects.exists()
    assert not TextAnswer.objects.filter(question=p.abstellen).exists()


# Results, question preview and admin


def test_results_say_to_whom_a_conditional_question_was_asked(client, user, p):
    cast_ballot(poll=p.poll, user=user, answers=answers(p))

    page = client.get(p.poll.get_results_url()).text

    assert asked_only_note("Wie kommen Sie in die Innenstadt?", "Rad") in page
    assert asked_only_note("Was fehlt Ihnen?", "Radwege") in page
    assert "Nur denen gestellt, die bei „Wie kommen Sie in die Innenstadt?“ „Rad“" in page
    assert page.count("Nur denen gestellt") == 2


def test_the_question_preview_says_to_whom_a_conditional_question_is_asked(p):
    page = Client().get(p.poll.get_absolute_url()).text  # signed out: the questions to read

    assert "Nur denen gestellt, die bei „Was fehlt Ihnen?“ „Radwege“ gewählt haben." in page


def shown_if_options(page):
    match = re.search(r'<select name="shown_if"[^>]*>(.*?)</select>', page, re.S)
    assert match, "no shown_if select"
    return {
        (int(value) if value else None): html.unescape(label)
        for value, label in re.findall(
            r'<option value="(\d*)"[^>]*>([^<]*)</option>', match.group(1)
        )
    }


def test_the_admin_offers_only_answers_of_unconditional_choice_questions_of_the_poll(
    client, editor, p
):
    ranking = QuestionFactory(poll=p.poll, position=6, kind=Question.Kind.RANKING)
    ChoiceFactory(question=ranking, label="Brunnen")
    welches = QuestionFactory(poll=p.poll, position=7, text="Welches Auto?", shown_if=p.auto)
    ChoiceFactory(question=welches, label="Elektro")
    ChoiceFactory(question=QuestionFactory(text="Andere Abstimmung?"), label="Fremd")
    client.force_login(editor)

    response = client.get(f"/admin/polls/question/{p.radwege_note.pk}/change/")

    assert response.status_code == 200
    options = shown_if_options(response.text)
    assert options.pop(None)  # no answer: asked of everyone
    assert options == {
        p.auto.pk: "Wie kommen Sie in die Innenstadt?: Auto",
        p.rad.pk: "Wie kommen Sie in die Innenstadt?: Rad",
        p.bus.pk: "Wie kommen Sie in die Innenstadt?: Bus",
        p.parkplaetze.pk: "Was fehlt Ihnen?: Parkplätze",
        p.radwege.pk: "Was fehlt Ihnen?: Radwege",
        p.baenke.pk: "Was fehlt Ihnen?: Bänke",
    }
    assert re.search(rf'<option value="{p.radwege.pk}" selected>', response.text)
    # A choice question is not offered its own answers.
    own = shown_if_options(client.get(f"/admin/polls/question/{p.fehlt.pk}/change/").text)
    assert set(own) == {None, p.auto.pk, p.rad.pk, p.bus.pk}  # and none of another poll


# Queries


def add_conditional_questions(p, number):
    """`number` conditional questions of several kinds, after the others."""
    kinds = [Question.Kind.TEXT, Question.Kind.SINGLE, Question.Kind.SCALE, Question.Kind.MULTIPLE]
    for i in range(number):
        kind = kinds[i % len(kinds)]
        question = QuestionFactory(
            poll=p.poll,
            position=10 + i,
            kind=kind,
            shown_if=[p.rad, p.radwege][i % 2],
            scale_points=5 if kind == Question.Kind.SCALE else None,
            is_required=False,
        )
        if question.is_selection:
            for label in ("Ja", "Nein"):
                ChoiceFactory(question=question, label=label)


def count_queries(request):
    with CaptureQueriesContext(connection) as queries:
        response = request()
    assert response.status_code == 200
    return len(queries)


PAGES = {
    "first page": lambda client, p: client.get(p.poll.get_absolute_url()),
    "second page": lambda client, p: client.post(p.poll.get_absolute_url(), first_page(p)),
    "second page with an error": lambda client, p: client.post(
        p.poll.get_absolute_url(), second_page(p, abstellen="")
    ),
    "results": lambda client, p: client.get(p.poll.get_results_url()),
}


@pytest.mark.parametrize("page", PAGES)
def test_the_pages_take_the_same_queries_for_2_and_8_conditional_questions(voter, page):
    p = conditional_poll()  # with 2 conditional questions
    request = lambda: PAGES[page](voter, p)  # noqa: E731
    request()  # what a first request does once (the session, for example)
    few = count_queries(request)

    add_conditional_questions(p, 6)

    assert p.poll.questions.exclude(shown_if=None).count() == 8
    assert count_queries(request) == few


def test_the_change_page_and_the_preview_take_the_same_queries_for_2_and_8(voter, user):
    p = conditional_poll()
    cast_ballot(poll=p.poll, user=user, answers=answers(p))
    change = lambda: voter.get(p.poll.get_absolute_url() + "?aendern=1")  # noqa: E731
    receipt_page = lambda: voter.get(p.poll.get_absolute_url())  # noqa: E731
    preview = lambda: Client().get(p.poll.get_absolute_url())  # noqa: E731
    for request in (change, receipt_page, preview):
        request()
    few = [count_queries(request) for request in (change, receipt_page, preview)]

    add_conditional_questions(p, 6)

    assert [count_queries(request) for request in (change, receipt_page, preview)] == few
