"""A person's ballots with their own answers, for the data export."""

from django.db.models import Prefetch

from .models import Ballot, Selection, TextAnswer


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
        by_question[answer.question] = {"question": answer.question.text, "text": answer.text}
    return [by_question[q] for q in sorted(by_question, key=lambda q: (q.position, q.pk))]
