"""What a ballot's answer to each kind of question looks like, and the rules it must keep.

An answer, as forms and services pass it around, is per question kind:

- single choice, place, multiple choice: a list of choices, or a `ChoiceAnswer` when the
  question has an “other” choice with a text; `NO_ANSWER` where “no answer” is offered;
- free text: a string;
- rating scale: an int from 1 to the question's points, or `NO_ANSWER`;
- matrix: {statement (a choice): int or NO_ANSWER};
- ranking: the ranked choices in order, first place first;
- number: an int, or None.

Nothing here touches the database: the rules are the same for the form, which shows them at
the question, and the service, which refuses to store anything that breaks them.
"""

import dataclasses

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.text import clean_text

from .models import Question


class NoAnswerType:
    """“No answer” (keine Angabe), chosen on purpose."""

    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self):
        return "NO_ANSWER"

    def __bool__(self):
        # It is an answer: a required question chosen as “no answer” counts as answered.
        return True


NO_ANSWER = NoAnswerType()


@dataclasses.dataclass(frozen=True)
class ChoiceAnswer:
    """Choices ticked, with the text written beside an “other” choice."""

    choices: tuple
    other: str = ""


def as_choice_answer(answer):
    if isinstance(answer, ChoiceAnswer):
        return answer
    if answer is None or answer is NO_ANSWER:
        return ChoiceAnswer(())
    return ChoiceAnswer(tuple(answer))


def is_given(answer):
    """Whether the person answered at all (“no answer” counts as an answer)."""
    if answer is None or answer == "":
        return False
    if isinstance(answer, ChoiceAnswer):
        return bool(answer.choices)
    if isinstance(answer, list | tuple | dict):
        return bool(answer)
    return True


OTHER_MAX_LENGTH = 300


def euros(amount):
    """12000 as „12.000“ (German) or “12,000” (English)."""
    return formats.number_format(amount, force_grouping=True)


def triggers(questions):
    """{choice id: (its question, the choice)} of the choices conditional questions name."""
    named = {question.shown_if_id for question in questions if question.shown_if_id}
    return {
        choice.pk: (question, choice)
        for question in questions
        if question.is_selection
        for choice in question.choices.all()
        if choice.pk in named
    }


def is_asked(question, answers, triggered):
    """Whether the question is asked, given the answers to the others: always, unless it is
    conditional and its answer was not chosen. `triggered` comes from `triggers()`."""
    if not question.shown_if_id:
        return True
    trigger = triggered.get(question.shown_if_id)
    if trigger is None:
        return False
    trigger_question, choice = trigger
    answer = answers.get(trigger_question)
    return answer is not NO_ANSWER and choice in as_choice_answer(answer).choices


def answer_errors(questions, answers):
    """Per question id, what is wrong with the answers; empty when all is well.

    The questions come with their choices fetched. None as the key: an answer to a question
    that is not among them. A conditional question that is not asked must stay unanswered.
    """
    errors = {}
    triggered = triggers(questions)
    for question in questions:
        answer = answers.get(question)
        if not is_asked(question, answers, triggered):
            if is_given(answer):
                trigger = triggered.get(question.shown_if_id)
                errors[question.pk] = _(
                    "This question is asked only of those who chose “%(answer)s” for "
                    "“%(question)s”: please leave it unanswered."
                ) % {
                    "answer": trigger[1].label if trigger else "",
                    "question": trigger[0].text if trigger else "",
                }
            continue
        message = question_error(question, answer)
        if message:
            errors[question.pk] = message
    known = {question.pk for question in questions}
    if any(question.pk not in known for question in answers):
        errors[None] = _("Please answer only the questions of this poll.")
    return errors


def question_error(question, answer):
    if answer is NO_ANSWER:
        if not question.offers_no_answer:
            return _("Please choose only among the answers offered.")
        return None
    if question.is_text:
        return _text_error(question, answer)
    if question.is_selection:
        return _selection_error(question, as_choice_answer(answer))
    if question.is_scale:
        return _scale_error(question, answer)
    if question.is_matrix:
        return _matrix_error(question, answer)
    if question.is_ranking:
        return _ranking_error(question, answer)
    if question.is_number:
        return _number_error(question, answer)
    return None


def _required(question, answer):
    if question.is_required and not is_given(answer):
        return _("Please answer this question.")
    return None


def _text_error(question, answer):
    text = clean_text(answer or "")
    if question.is_required and not text:
        return _("Please answer this question.")
    if len(text) > question.max_length:
        return ngettext(
            "Please shorten your answer to at most %(count)d character.",
            "Please shorten your answer to at most %(count)d characters.",
            question.max_length,
        ) % {"count": question.max_length}
    return None


def _selection_error(question, answer):
    chosen = list(answer.choices)
    if any(choice.question_id != question.pk for choice in chosen):
        return _("Please choose only among the answers offered.")
    if question.is_required and not chosen:
        return _("Please answer this question.")
    if question.is_single_answer and len(chosen) > 1:
        return _("Please choose only one answer.")
    if question.kind == Question.Kind.MULTIPLE and len(chosen) > question.max_choices:
        return ngettext(
            "Please choose at most %(count)d answer.",
            "Please choose at most %(count)d answers.",
            question.max_choices,
        ) % {"count": question.max_choices}
    if len(set(chosen)) != len(chosen):
        return _("Please choose each answer only once.")
    if question.is_budget:
        total = sum(choice.cost or 0 for choice in chosen)
        if total > question.budget:
            return _(
                "Your choice costs %(total)s €, %(over)s € more than the budget of "
                "%(budget)s €. Please leave out a proposal."
            ) % {
                "total": euros(total),
                "over": euros(total - question.budget),
                "budget": euros(question.budget),
            }
    other = clean_text(answer.other or "")
    if other:
        if not any(choice.is_other for choice in chosen):
            label = next((c.label for c in question.choices.all() if c.is_other), "")
            return _("You wrote a text: please also tick “%(other)s”, or delete the text.") % {
                "other": label
            }
        if len(other) > OTHER_MAX_LENGTH:
            return ngettext(
                "Please shorten your text to at most %(count)d character.",
                "Please shorten your text to at most %(count)d characters.",
                OTHER_MAX_LENGTH,
            ) % {"count": OTHER_MAX_LENGTH}
    return None


def _scale_value_error(question, value):
    if not isinstance(value, int) or isinstance(value, bool):
        return _("Please choose one of the points of the scale.")
    if not 1 <= value <= question.scale_points:
        return _("Please choose a value from 1 to %(max)d.") % {"max": question.scale_points}
    return None


def _scale_error(question, answer):
    if answer is None:
        return _required(question, answer)
    return _scale_value_error(question, answer)


def _matrix_error(question, answer):
    answer = answer or {}
    statements = list(question.choices.all())
    if any(statement not in statements for statement in answer):
        return _("Please rate only the statements offered.")
    for statement, value in answer.items():
        if value is NO_ANSWER:
            if not question.offers_no_answer:
                return _("Please choose only among the answers offered.")
            continue
        message = _scale_value_error(question, value)
        if message:
            return f"{statement.label}: {message}"
    if question.is_required:
        missing = [statement.label for statement in statements if statement not in answer]
        if missing:
            return ngettext(
                "Please rate this statement too: %(statements)s.",
                "Please rate these statements too: %(statements)s.",
                len(missing),
            ) % {"statements": "; ".join(missing)}
    return None


def _ranking_error(question, answer):
    ranked = list(answer or [])
    choices = list(question.choices.all())
    if any(choice not in choices for choice in ranked):
        return _("Please rank only the answers offered.")
    if len(set(ranked)) != len(ranked):
        return _("Please give each answer only one place.")
    places = question.rank_places
    if len(ranked) > places:
        return ngettext(
            "Please rank at most %(count)d answer.",
            "Please rank at most %(count)d answers.",
            places,
        ) % {"count": places}
    return _required(question, ranked)


def _number_error(question, answer):
    if answer is None:
        return _required(question, answer)
    if not isinstance(answer, int) or isinstance(answer, bool):
        return _("Please enter a whole number.")
    if not question.number_min <= answer <= question.number_max:
        return _("Please enter a number from %(min)d to %(max)d.") % {
            "min": question.number_min,
            "max": question.number_max,
        }
    return None


def answer_relations(questions):
    """The relations of a ballot that can hold answers to these questions (the questions
    with their choices): a page reads only those, not five tables for every poll."""
    relations = []
    if any(q.is_selection for q in questions):
        relations.append("selections")
    if any(
        q.is_text or any(c.is_other for c in q.choices.all())
        for q in questions
        if q.is_text or q.is_selection
    ):
        relations.append("text_answers")
    if any(q.is_scale or q.is_matrix or q.is_number for q in questions):
        relations.append("value_answers")
    if any(q.is_ranking for q in questions):
        relations.append("ranks")
    if any(q.offers_no_answer for q in questions):
        relations.append("no_answers")
    return relations


def stored_answers(ballot, relation, questions):
    """The ballot's rows of one relation, or none where its questions cannot have any."""
    if relation not in answer_relations(questions):
        return []
    return list(getattr(ballot, relation).all())
