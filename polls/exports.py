"""What polls give out as CSV, in one place: the results as open data (plain CSV, and the
same for spreadsheet programs set to German) and the anonymous answers for staff; and the
rules they share (text that cannot run as a formula, decimal commas)."""

import csv
import secrets

from django.utils.translation import gettext as _

from .models import Selection, TextAnswer
from .results import tally

# A cell starting with one of these is a formula to Excel and LibreOffice Calc.
FORMULA_STARTS = {"=", "+", "-", "@", "\t", "\r"}


def spreadsheet_safe(value):
    """Text from the public (or from staff) must not run as a formula when the file is opened."""
    if value[:1] in FORMULA_STARTS:
        return f"'{value}"
    return value


def decimal_comma(number, places=1):
    """12.5 as „12,5“, the way German spreadsheet programs read a decimal number."""
    return f"{number:.{places}f}".replace(".", ",")


def spreadsheet_writer(response):
    """A CSV writer that German Excel and LibreOffice open with a double click.

    The byte order mark tells them the file is UTF-8 (umlauts, „…“); semicolons are the list
    separator of a German system, where the comma is the decimal sign.
    """
    response.write("\ufeff")
    return csv.writer(response, delimiter=";", lineterminator="\r\n")


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
    for question_result in results.choice_questions:
        for row in question_result.choices:
            rows.append(
                [
                    question_result.question.text,
                    row.choice.label,
                    row.online,
                    row.paper,
                    row.total,
                    row.share,
                ]
            )
    return rows


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
    ballots = list(poll.ballots.values_list("pk", "is_guest"))
    secrets.SystemRandom().shuffle(ballots)
    account, guest = _("online (account)"), _("online (guest)")
    for ballot_id, is_guest in ballots:
        row = [guest if is_guest else account]
        for question in questions:
            if question.has_choices:
                answer = "; ".join(chosen.get((ballot_id, question.pk), []))
            else:
                answer = texts.get((ballot_id, question.pk), "")
            row.append(spreadsheet_safe(answer))
        yield row
