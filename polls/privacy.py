"""A person's ballots with their own answers, for the data export."""

from django.db.models import Prefetch

from .models import Ballot, NoAnswer, RankAnswer, Selection, TextAnswer, ValueAnswer


def export_for(user):
    ballots = (
        Ballot.objects.filter(user=user)
        .select_related("poll")
        .prefetch_related(
            Prefetch(
                "selections",
                queryset=Selection.objects.select_related("choice__question").order_by(
                    "choice__question__position", "choice__question__pk", "choice__position"
                ),
            ),
            Prefetch("text_answers", queryset=TextAnswer.objects.select_related("question")),
            Prefetch(
                "value_answers",
                queryset=ValueAnswer.objects.select_related("question", "statement"),
            ),
            Prefetch("ranks", queryset=RankAnswer.objects.select_related("question", "choice")),
            Prefetch(
                "no_answers", queryset=NoAnswer.objects.select_related("question", "statement")
            ),
        )
        .order_by("created_at", "pk")
    )
    return {"ballots": [_ballot(ballot) for ballot in ballots]}


def _ballot(ballot):
    return {
        "poll": {
            "title": ballot.poll.title,
            "url": ballot.poll.get_absolute_url(),
        },
        "cast_at": ballot.created_at,
        "last_changed_at": ballot.updated_at,
        "answers": _answers(ballot),
    }


def _answers(ballot):
    """One entry per answered question, in the order of the poll."""
    by_question = {}
    for selection in ballot.selections.all():
        question = selection.choice.question
        entry = by_question.setdefault(question, {"question": question.text, "choices": []})
        entry["choices"].append(selection.choice.label)
    for answer in ballot.text_answers.all():
        entry = by_question.setdefault(answer.question, {"question": answer.question.text})
        entry["text"] = answer.text
    for answer in ballot.value_answers.all():
        entry = by_question.setdefault(answer.question, {"question": answer.question.text})
        if answer.statement_id:
            entry.setdefault("statements", {})[answer.statement.label] = answer.value
        else:
            entry["value"] = answer.value
    for answer in ballot.no_answers.all():
        entry = by_question.setdefault(answer.question, {"question": answer.question.text})
        if answer.statement_id:
            entry.setdefault("statements", {})[answer.statement.label] = "no answer"
        else:
            entry["no_answer"] = True
    for rank in sorted(ballot.ranks.all(), key=lambda rank: rank.position):
        entry = by_question.setdefault(rank.question, {"question": rank.question.text})
        entry.setdefault("ranking", []).append(rank.choice.label)
    return [by_question[q] for q in sorted(by_question, key=lambda q: (q.position, q.pk))]
