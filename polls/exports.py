"""What polls give out as CSV, in one place: the results as open data (plain CSV, and the
same for spreadsheet programs set to German) and the anonymous answers for staff; the rules
for spreadsheets (text that cannot run as a formula, decimal commas) are in core."""

import secrets

from django.utils.translation import gettext as _

from core.spreadsheets import spreadsheet_safe

from .models import NoAnswer, RankAnswer, Selection, TextAnswer, ValueAnswer
from .results import tally


def result_table(poll):
    """The figures of the results page as rows, for the CSV files.

    A heading, the participants, then one row per choice; shares are decimals, and None marks
    a cell left empty.
    """
    results = tally(poll)
    rows = [
        [_("Question"), _("Answer"), _("Online"), _("Paper"), _("Total"), _("Share in percent")],
        [
            _("Participants"),
            "",
            results.online_participants,
            results.paper_participants,
            results.participants,
            None,
        ],
    ]
    for question_result in results.counted_questions:
        rows += _question_rows(question_result)
    return rows


def _summary_rows(subject, summaries, names):
    """Rows of figures (mean, median, …) with their online, paper and total values."""
    return [
        [
            subject,
            label,
            getattr(summaries.online, name),
            getattr(summaries.paper, name),
            getattr(summaries.total, name),
            None,
        ]
        for name, label in names
    ]


def _distribution_rows(subject, question, distribution):
    rows = [
        [subject, str(row.value), row.online, row.paper, row.total, row.share]
        for row in distribution.rows
    ]
    rows += _summary_rows(
        subject, distribution.summaries, [("mean", _("Mean")), ("median", _("Median"))]
    )
    if question.offers_no_answer:
        rows.append([subject, _("No answer"), distribution.no_answer, None, None, None])
    return rows


def _question_rows(result):
    question = result.question
    if question.is_selection:
        rows = [
            [question.text, row.choice.label, row.online, row.paper, row.total, row.share]
            for row in result.choices
        ]
        if question.offers_no_answer:
            rows.append([question.text, _("No answer"), result.no_answer, None, None, None])
        for row in result.funding:
            label = row.choice.label
            cost = _("%(answer)s: cost in euros") % {"answer": label}
            rows.append([question.text, cost, None, None, row.choice.cost, None])
            funded = _("%(answer)s: funded (1 yes, 0 no)") % {"answer": label}
            rows.append([question.text, funded, None, None, int(row.funded), None])
        return rows
    if question.is_scale:
        return _distribution_rows(question.text, question, result.scale)
    if question.is_matrix:
        return [
            row
            for item in result.statements
            for row in _distribution_rows(
                f"{question.text} – {item.statement.label}", question, item.distribution
            )
        ]
    if question.is_ranking:
        return [
            row
            for item in result.ranking
            for row in (
                [
                    question.text,
                    _("%(answer)s: points (Borda count)") % {"answer": item.choice.label},
                    item.points_online,
                    item.points_paper,
                    item.points,
                    item.share,
                ],
                [
                    question.text,
                    _("%(answer)s: first places") % {"answer": item.choice.label},
                    item.first_online,
                    item.first_paper,
                    item.first,
                    None,
                ],
            )
        ]
    return _summary_rows(
        question.text,
        result.numbers,
        [
            ("count", _("Answers")),
            ("minimum", _("Smallest")),
            ("lower_quartile", _("Lower quartile")),
            ("median", _("Median")),
            ("upper_quartile", _("Upper quartile")),
            ("maximum", _("Largest")),
            ("mean", _("Mean")),
        ],
    )


def answer_columns(questions):
    """The headings of the anonymous answers: a column per question, per statement of a
    matrix; the questions come with their choices."""
    columns = []
    for question in questions:
        if question.is_matrix:
            columns += [f"{question.text} – {s.label}" for s in question.choices.all()]
        else:
            columns.append(question.text)
    return [spreadsheet_safe(column) for column in columns]


def answer_rows(poll, questions):
    """One row per online ballot, in random order and without anything about the person.

    The random order keeps the time of voting out of the file; ballot ids, accounts and
    timestamps never leave the database.
    """
    chosen = {}
    for ballot_id, question_id, label in (
        Selection.objects.filter(ballot__poll=poll)
        .order_by("choice__position", "choice")
        .values_list("ballot", "choice__question", "choice__label")
    ):
        chosen.setdefault((ballot_id, question_id), []).append(label)
    texts = {
        (ballot_id, question_id): text
        for ballot_id, question_id, text in TextAnswer.objects.filter(
            ballot__poll=poll
        ).values_list("ballot", "question", "text")
    }
    values = {
        (ballot_id, question_id, statement_id): value
        for ballot_id, question_id, statement_id, value in ValueAnswer.objects.filter(
            ballot__poll=poll
        ).values_list("ballot", "question", "statement", "value")
    }
    no_answer = _("no answer")
    for ballot_id, question_id, statement_id in NoAnswer.objects.filter(
        ballot__poll=poll
    ).values_list("ballot", "question", "statement"):
        values[ballot_id, question_id, statement_id] = no_answer
    ranked = {}
    for ballot_id, question_id, position, label in (
        RankAnswer.objects.filter(ballot__poll=poll)
        .order_by("position")
        .values_list("ballot", "question", "position", "choice__label")
    ):
        ranked.setdefault((ballot_id, question_id), []).append(f"{position}. {label}")
    ballots = list(poll.ballots.values_list("pk", "is_guest"))
    secrets.SystemRandom().shuffle(ballots)
    account, guest = _("online (account)"), _("online (guest)")
    for ballot_id, is_guest in ballots:
        row = [guest if is_guest else account]
        for question in questions:
            key = (ballot_id, question.pk)
            if question.is_selection:
                answers = chosen.get(key, [])
                if (ballot_id, question.pk, None) in values:
                    answers = [no_answer]
                if key in texts:
                    answers = [*answers, texts[key]]
                row.append("; ".join(answers))
            elif question.is_matrix:
                row += [
                    values.get((ballot_id, question.pk, statement.pk), "")
                    for statement in question.choices.all()
                ]
            elif question.is_ranking:
                row.append("; ".join(ranked.get(key, [])))
            elif question.is_scale or question.is_number:
                row.append(values.get((ballot_id, question.pk, None), ""))
            else:
                row.append(texts.get(key, ""))
        # Numbers stay numbers (a negative one is no formula); text cannot run as one.
        yield [spreadsheet_safe(cell) if isinstance(cell, str) else cell for cell in row]
