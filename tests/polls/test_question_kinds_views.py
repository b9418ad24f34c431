"""Scales, matrices, rankings and numbers on the pages: the ballot, the results, the CSV files
and the paper batches in the admin."""

import csv
import html
import io
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from polls.answers import NO_ANSWER
from polls.forms import NONE_VALUE, PaperBatchForm
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
from polls.services import cast_ballot
from tests.accounts.factories import UserFactory
from tests.polls.test_question_kinds import (
    NOTHING_STORED,
    counted,
    enter,
    kinds_poll,
    online_ballot,
    parts,
    stored_rows,
    valid_answers,
)

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/polls/paperbatch/add/"


@pytest.fixture
def colleague(db):
    return UserFactory(is_staff=True, groups=["Redaktion"])


def ballot_data(p, **overrides):
    """What the browser sends for the answers of `valid_answers`."""
    data = {
        f"question_{p.scale.pk}": "4",
        f"question_{p.matrix.pk}_{p.schatten.pk}": "3",
        f"question_{p.matrix.pk}_{p.sauberkeit.pk}": NONE_VALUE,
        f"question_{p.ranking.pk}_{p.spielplatz.pk}": "2",
        f"question_{p.ranking.pk}_{p.baenke.pk}": "",
        f"question_{p.ranking.pk}_{p.brunnen.pk}": "1",
        f"question_{p.ranking.pk}_{p.toiletten.pk}": "",
        f"question_{p.number.pk}": "42",
        f"question_{p.multiple.pk}": [str(p.rad.pk), str(p.sonstiges.pk)],
        f"question_{p.multiple.pk}_other": "Lastenrad",
    }
    return {**data, **overrides}


def select_of(page, name):
    """The options of the <select> called `name`: [(value, selected)]."""
    match = re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', page, re.S)
    assert match, name
    return [
        (value, bool(selected))
        for value, selected in re.findall(r'<option value="([^"]*)"( selected)?>', match.group(1))
    ]


def radio(name, value, checked=False):
    return f'name="{name}" id="id_{name}_{value}" value="{value}"{" checked" if checked else ""}>'


# The ballot


def test_poll_page_shows_a_field_for_every_kind(client, user):
    poll = kinds_poll()
    p = parts(poll)
    client.force_login(user)

    response = client.get(poll.get_absolute_url())

    assert response.status_code == 200
    page = response.text
    # The scale: 1 to 5 with its end labels, and “no answer”.
    scale = f"question_{p.scale.pk}"
    for value in (1, 2, 3, 4, 5, NONE_VALUE):
        assert radio(scale, value) in page
    assert radio(scale, 6) not in page
    assert "(gar nicht)" in page and "(sehr)" in page
    # The matrix: each statement rated from 1 to 4 or “no answer”.
    for statement in (p.schatten, p.sauberkeit):
        name = f"question_{p.matrix.pk}_{statement.pk}"
        for value in (1, 2, 3, 4, NONE_VALUE):
            assert radio(name, value) in page
        assert radio(name, 5) not in page
        assert f">{statement.label}</legend>" in page
    # The ranking: places 1 to 3 (its maximum) for each of the four choices.
    for choice in (p.spielplatz, p.baenke, p.brunnen, p.toiletten):
        options = select_of(page, f"question_{p.ranking.pk}_{choice.pk}")
        # No place yet; places 1 to 3 (the maximum), not 4.
        assert options == [("", True), ("1", False), ("2", False), ("3", False)]
    # The number, with its bounds and its unit.
    number = f"question_{p.number.pk}"
    assert re.search(rf'<input type="number"[^>]*name="{number}"[^>]*min="0" max="120"', page)
    assert ">Jahre</span>" in page
    # The text beside “other”.
    assert f'name="question_{p.multiple.pk}_other"' in page
    assert ">Antworten absenden</button>" in page


def test_answers_of_every_kind_are_stored_and_shown_back(client, user):
    poll = kinds_poll()
    p = parts(poll)
    client.force_login(user)

    response = client.post(poll.get_absolute_url(), ballot_data(p))

    assert response.status_code == 302
    assert response["Location"] == f"{poll.get_absolute_url()}#ihre-stimme"
    ballot = Ballot.objects.get(user=user)
    assert {(a.question_id, a.statement_id, a.value) for a in ballot.value_answers.all()} == {
        (p.scale.pk, None, 4),
        (p.matrix.pk, p.schatten.pk, 3),
        (p.number.pk, None, 42),
    }
    assert {(a.question_id, a.statement_id) for a in ballot.no_answers.all()} == {
        (p.matrix.pk, p.sauberkeit.pk)
    }
    assert [(r.choice.label, r.position) for r in ballot.ranks.order_by("position")] == [
        ("Brunnen", 1),
        ("Spielplatz", 2),
    ]
    assert ballot.text_answers.get().text == "Lastenrad"

    page = client.get(response["Location"]).text
    assert "Ihre Antworten wurden gezählt" in page
    assert "42 Jahre" in page
    assert "1. Brunnen<br>2. Spielplatz" in page
    assert "Schatten: 3" in page
    assert f"Sauberkeit: {gettext('no answer')}" in page
    assert "Lastenrad" in page


def test_a_changed_ballot_is_prefilled_and_replaced(client, user):
    poll = kinds_poll()
    p = parts(poll)
    client.force_login(user)
    client.post(poll.get_absolute_url(), ballot_data(p))

    page = client.get(poll.get_absolute_url() + "?aendern=1").text

    assert radio(f"question_{p.scale.pk}", 4, checked=True) in page
    assert radio(f"question_{p.matrix.pk}_{p.schatten.pk}", 3, checked=True) in page
    assert radio(f"question_{p.matrix.pk}_{p.sauberkeit.pk}", NONE_VALUE, checked=True) in page
    assert ("1", True) in select_of(page, f"question_{p.ranking.pk}_{p.brunnen.pk}")
    assert ("2", True) in select_of(page, f"question_{p.ranking.pk}_{p.spielplatz.pk}")
    assert ("", True) in select_of(page, f"question_{p.ranking.pk}_{p.toiletten.pk}")
    assert re.search(rf'name="question_{p.number.pk}"[^>]*value="42"', page)
    assert 'value="Lastenrad"' in page

    changed = ballot_data(
        p,
        **{
            f"question_{p.scale.pk}": NONE_VALUE,
            f"question_{p.ranking.pk}_{p.brunnen.pk}": "",
            f"question_{p.ranking.pk}_{p.spielplatz.pk}": "",
            f"question_{p.ranking.pk}_{p.toiletten.pk}": "1",
            f"question_{p.number.pk}": "",
            f"question_{p.multiple.pk}": [str(p.rad.pk)],
            f"question_{p.multiple.pk}_other": "",
        },
    )
    response = client.post(poll.get_absolute_url(), changed, follow=True)

    assert "Ihre geänderten Antworten wurden gezählt" in response.text
    ballot = Ballot.objects.get()
    assert {(a.question_id, a.value) for a in ballot.value_answers.all()} == {(p.matrix.pk, 3)}
    assert [r.choice for r in ballot.ranks.all()] == [p.toiletten]
    assert {(a.question_id, a.statement_id) for a in ballot.no_answers.all()} == {
        (p.scale.pk, None),
        (p.matrix.pk, p.sauberkeit.pk),
    }
    assert not ballot.text_answers.exists()


def repeated_places():
    return ngettext(
        "Place %(places)s is given more than once: please give each place only once.",
        "Places %(places)s are given more than once: please give each place only once.",
        1,
    ) % {"places": "1"}


def missing_places():
    return ngettext(
        "Please number the places from 1 without a gap: place %(places)s is missing.",
        "Please number the places from 1 without a gap: places %(places)s are missing.",
        1,
    ) % {"places": "2"}


@pytest.mark.parametrize(
    ("places", "message"), [(("1", "1"), repeated_places), (("1", "3"), missing_places)]
)
def test_a_ranking_with_repeated_or_missing_places_is_refused_and_kept(
    client, user, places, message
):
    poll = kinds_poll()
    p = parts(poll)
    client.force_login(user)
    brunnen, spielplatz = places
    data = ballot_data(
        p,
        **{
            f"question_{p.ranking.pk}_{p.brunnen.pk}": brunnen,
            f"question_{p.ranking.pk}_{p.spielplatz.pk}": spielplatz,
        },
    )

    response = client.post(poll.get_absolute_url(), data)

    assert response.status_code == 200
    page = response.text
    assert "Bitte prüfen Sie Ihre Antworten" in page
    assert "Ihre Antworten sind noch da." in page
    assert html.escape(message(), quote=False) in page
    assert f'id="frage-{p.ranking.pk}-fehler"' in page
    # What was typed is still there, the wrong places included.
    assert (brunnen, True) in select_of(page, f"question_{p.ranking.pk}_{p.brunnen.pk}")
    assert (spielplatz, True) in select_of(page, f"question_{p.ranking.pk}_{p.spielplatz.pk}")
    assert radio(f"question_{p.scale.pk}", 4, checked=True) in page
    assert radio(f"question_{p.matrix.pk}_{p.sauberkeit.pk}", NONE_VALUE, checked=True) in page
    assert re.search(rf'name="question_{p.number.pk}"[^>]*value="42"', page)
    assert 'value="Lastenrad"' in page
    assert stored_rows() == NOTHING_STORED


def test_a_number_out_of_bounds_is_refused_at_its_question(client, user):
    poll = kinds_poll()
    p = parts(poll)
    client.force_login(user)

    response = client.post(
        poll.get_absolute_url(), ballot_data(p, **{f"question_{p.number.pk}": "130"})
    )

    assert response.status_code == 200
    message = gettext("Please enter a number from %(min)d to %(max)d.") % {"min": 0, "max": 120}
    assert message in response.text
    assert re.search(rf'name="question_{p.number.pk}"[^>]*value="130"', response.text)
    assert stored_rows() == NOTHING_STORED


def test_a_number_with_a_thousands_separator_is_not_stored_as_its_first_digits(client, user):
    # „1.000“ is a thousand in German: refused, or read as 1000, but never stored as 1.
    poll = kinds_poll()
    Question.objects.filter(poll=poll, kind="number").update(number_max=5000)
    p = parts(poll)
    client.force_login(user)

    client.post(poll.get_absolute_url(), ballot_data(p, **{f"question_{p.number.pk}": "1.000"}))

    assert list(ValueAnswer.objects.filter(question=p.number).values_list("value", flat=True)) in (
        [],
        [1000],
    )


def test_an_unrated_statement_of_a_required_matrix_is_refused(client, user):
    poll = kinds_poll()
    p = parts(poll)
    client.force_login(user)
    data = ballot_data(p)
    del data[f"question_{p.matrix.pk}_{p.schatten.pk}"]

    response = client.post(poll.get_absolute_url(), data)

    assert response.status_code == 200
    assert f'id="frage-{p.matrix.pk}-fehler"' in response.text
    assert stored_rows() == NOTHING_STORED


# Results


def figures_poll(editor, colleague):
    """Online and paper answers to each kind, with the figures worked out in
    tests/polls/test_question_kinds.py:

    - scale: online 5, 4, 4, 2 and one “no answer”, paper 5, 5, 3, 1: mean 3.63, median 4;
    - matrix: Schatten online 4, 3, 4, paper 1: mean 3, median 3.5;
      Sauberkeit online 2, “no answer”, 1, paper 4, 4: mean 2.75, median 3;
    - ranking (3 places): online A B C, A C B, B C; paper C A, D B: points A 6 + 2, B 6 + 2,
      C 5 + 3, D 0 + 3;
    - number: online 1, 2, 3, 4, 10 (Q1 2, median 3, Q3 4, mean 4), paper 1, 2, 3, 4
      (Q1 1.75, median 2.5, Q3 3.25, mean 2.5); all 9: Q1 2, median 3, Q3 4, mean 3.33.
    """
    poll = kinds_poll(eligibility=Poll.Eligibility.GUESTS)
    p = parts(poll)
    a, b, c, d = p.spielplatz, p.baenke, p.brunnen, p.toiletten
    ballots = [
        {"scale": 5, "number": 1, "ranking": [a, b, c], "matrix": (4, 2)},
        {"scale": 4, "number": 2, "ranking": [a, c, b], "matrix": (3, None)},
        {"scale": 4, "number": 3, "ranking": [b, c], "matrix": (4, 1)},
        {"scale": 2, "number": 4},
        {"scale": None, "number": 10},
    ]
    for answers in ballots:
        values = [(p.number, None, answers["number"])]
        no_answers = []
        if answers["scale"]:
            values.append((p.scale, None, answers["scale"]))
        else:
            no_answers.append((p.scale, None))
        if "matrix" in answers:
            shade, clean = answers["matrix"]
            values.append((p.matrix, p.schatten, shade))
            if clean:
                values.append((p.matrix, p.sauberkeit, clean))
            else:
                no_answers.append((p.matrix, p.sauberkeit))
        ranking = (p.ranking, answers["ranking"]) if "ranking" in answers else None
        online_ballot(poll, values=values, ranking=ranking, no_answers=no_answers)
    counted(
        poll,
        editor,
        colleague,
        6,
        {
            (p.scale, None, 5): 2,
            (p.scale, None, 3): 1,
            (p.scale, None, 1): 1,
            (p.matrix, p.schatten, 1): 1,
            (p.matrix, p.sauberkeit, 4): 2,
            (p.ranking, c, 1): 1,
            (p.ranking, a, 2): 1,
            (p.ranking, d, 1): 1,
            (p.ranking, b, 2): 1,
            **{(p.number, None, v): 1 for v in (1, 2, 3, 4)},
        },
    )
    # Waiting for confirmation: counts nowhere.
    enter(poll, editor, 40, {(p.scale, None, 1): 40, (p.number, None, 100): 40})
    return poll, p


def cells(row):
    return re.sub(r"\s+", "", row)


def test_results_page_shows_the_figures_of_every_kind(client, editor, colleague):
    poll, _parts = figures_poll(editor, colleague)

    response = client.get(poll.get_results_url())

    assert response.status_code == 200
    page = cells(response.text)
    # The scale: 5 online, 4 + 2 = 6 … the row of point 5: 1 online, 2 paper, 3 of 8 = 37.5 %.
    assert (
        cells(
            '<td class="text-end">1</td><td class="text-end">2</td>'
            '<td class="text-end"><strong>3</strong></td><td><span class="share-figure">37,5 %'
        )
        in page
    )
    assert cells(
        gettext("Mean %(mean)s, median %(median)s.") % {"mean": "3,63", "median": "4"}
    ) in (page)
    no_answer = ngettext(
        "%(counter)s person online chose “no answer”.",
        "%(counter)s people online chose “no answer”.",
        1,
    ) % {"counter": 1}
    assert cells(html.escape(no_answer, quote=False)) in page or cells(no_answer) in page
    # The matrix overview: Schatten 4 answers, mean 3, median 3.5; Sauberkeit 2.75 and 3.
    assert (
        cells(
            '>Schatten</th><td class="text-end">4</td><td class="text-end">3</td>'
            '<td class="text-end">3,5</td>'
        )
        in page
    )
    assert (
        cells(
            '>Sauberkeit</th><td class="text-end">4</td><td class="text-end">2,75</td>'
            '<td class="text-end">3</td>'
        )
        in page
    )
    # The ranking: place, choice, points online, on paper, in total, first places.
    for place, label, online, paper, total, first in [
        (1, "Spielplatz", 6, 2, 8, 2),
        (2, "Bänke", 6, 2, 8, 1),
        (2, "Brunnen", 5, 3, 8, 1),
        (4, "Toiletten", 0, 3, 3, 1),
    ]:
        assert (
            cells(
                f'<td class="text-end">{place}.</td><th scope="row" class="fw-normal">{label}</th>'
                f'<td class="text-end">{online}</td><td class="text-end">{paper}</td>'
                f'<td class="text-end"><strong>{total}</strong></td>'
                f'<td class="text-end">{first}</td>'
            )
            in page
        ), label
    # The number: quartiles online, on paper and in total.
    for figure, online, paper, total in [
        ("Lower quartile", "2", "1,75", "2"),
        ("Median", "3", "2,5", "<strong>3</strong>"),
        ("Upper quartile", "4", "3,25", "4"),
        ("Mean", "4", "2,5", "3,33"),
    ]:
        assert (
            cells(
                f'{gettext(figure)}</th><td class="text-end">{online}</td>'
                f'<td class="text-end">{paper}</td><td class="text-end">{total}</td>'
            )
            in page
        ), figure
    results = response.context["results"]
    assert (results.online_participants, results.paper_participants) == (5, 6)


def test_the_texts_written_beside_other_are_never_public(client, user):
    poll = kinds_poll()
    p = parts(poll)
    cast_ballot(poll=poll, user=user, answers=valid_answers(p))
    results = client.get(poll.get_results_url()).text
    assert "Sonstiges" in results  # the choice is counted …
    assert "Lastenrad" not in results  # … what was written beside it is not shown
    for path in ("ergebnisse.csv", "ergebnisse-tabellenkalkulation.csv"):
        text = client.get(f"/abstimmungen/{poll.slug}/{path}").content.decode("utf-8-sig")
        assert "Sonstiges" in text and "Lastenrad" not in text, path


def csv_rows(client, poll, spreadsheet=False):
    if spreadsheet:
        url = f"/abstimmungen/{poll.slug}/ergebnisse-tabellenkalkulation.csv"
        text = client.get(url).content.decode("utf-8-sig")
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    text = client.get(f"/abstimmungen/{poll.slug}/ergebnisse.csv").content.decode("utf-8")
    return list(csv.reader(io.StringIO(text, newline="")))


def test_results_csv_has_rows_for_the_figures_of_every_kind(client, editor, colleague):
    poll, p = figures_poll(editor, colleague)

    rows = csv_rows(client, poll)

    assert rows[1] == [gettext("Participants"), "", "5", "6", "11", ""]
    scale, ranking, number = p.scale.text, p.ranking.text, p.number.text
    shade = f"{p.matrix.text} – Schatten"
    clean = f"{p.matrix.text} – Sauberkeit"
    expected = [
        # The scale: a row per point (shares of the 8 answers), then mean and median.
        [scale, "1", "0", "1", "1", "12.5"],
        [scale, "5", "1", "2", "3", "37.5"],
        [scale, gettext("Mean"), "3.75", "3.50", "3.63", ""],
        [scale, gettext("Median"), "4.00", "4.00", "4.00", ""],
        [scale, gettext("No answer"), "1", "", "", ""],
        # The matrix, per statement.
        [shade, "1", "0", "1", "1", "25.0"],
        [shade, gettext("Mean"), "3.67", "1.00", "3.00", ""],
        [shade, gettext("Median"), "4.00", "1.00", "3.50", ""],
        [clean, gettext("Mean"), "1.50", "4.00", "2.75", ""],
        [clean, gettext("No answer"), "1", "", "", ""],
        # The ranking: points (Borda count) with their share of the 27, first places.
        [
            ranking,
            gettext("%(answer)s: points (Borda count)") % {"answer": "Spielplatz"},
            "6",
            "2",
            "8",
            "29.6",
        ],
        [
            ranking,
            gettext("%(answer)s: first places") % {"answer": "Spielplatz"},
            "2",
            "0",
            "2",
            "",
        ],
        [
            ranking,
            gettext("%(answer)s: points (Borda count)") % {"answer": "Toiletten"},
            "0",
            "3",
            "3",
            "11.1",
        ],
        # The number.
        [number, gettext("Answers"), "5", "4", "9", ""],
        [number, gettext("Smallest"), "1", "1", "1", ""],
        [number, gettext("Lower quartile"), "2.00", "1.75", "2.00", ""],
        [number, gettext("Median"), "3.00", "2.50", "3.00", ""],
        [number, gettext("Upper quartile"), "4.00", "3.25", "4.00", ""],
        [number, gettext("Largest"), "10", "4", "10", ""],
        [number, gettext("Mean"), "4.00", "2.50", "3.33", ""],
    ]
    for row in expected:
        assert row in rows, row
    # The ranking's rows in the order of the result: Spielplatz, Bänke, Brunnen, Toiletten.
    borda = [row[1] for row in rows if row[0] == ranking and "Borda" in row[1]]
    assert [label.split(":")[0] for label in borda] == [
        "Spielplatz",
        "Bänke",
        "Brunnen",
        "Toiletten",
    ]


def test_spreadsheet_csv_writes_the_figures_with_decimal_commas(client, editor, colleague):
    poll, p = figures_poll(editor, colleague)
    rows = csv_rows(client, poll, spreadsheet=True)
    assert [p.scale.text, gettext("Mean"), "3,75", "3,50", "3,63", ""] in rows
    assert [p.number.text, gettext("Lower quartile"), "2,00", "1,75", "2,00", ""] in rows
    assert rows == [[cell.replace(".", ",") for cell in row] for row in csv_rows(client, poll)]


# The admin


def test_answers_export_has_a_column_per_matrix_statement(client, editor, user):
    poll = kinds_poll(eligibility=Poll.Eligibility.GUESTS)
    p = parts(poll)
    cast_ballot(poll=poll, user=user, answers=valid_answers(p))
    from django.contrib.auth.models import AnonymousUser

    cast_ballot(
        poll=poll,
        user=AnonymousUser(),
        answers={
            p.scale: NO_ANSWER,
            p.matrix: {p.schatten: 1, p.sauberkeit: 4},
            p.ranking: [p.toiletten, p.baenke, p.spielplatz],
        },
    )
    client.force_login(editor)

    response = client.get(f"/admin/polls/poll/{poll.pk}/answers.csv")

    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        gettext("number"),
        gettext("channel"),
        p.scale.text,
        f"{p.matrix.text} – Schatten",
        f"{p.matrix.text} – Sauberkeit",
        p.ranking.text,
        p.number.text,
        p.multiple.text,
    ]
    by_channel = {row[1]: row[2:] for row in rows[1:]}
    assert by_channel[gettext("online (account)")] == [
        "4",
        "3",
        gettext("no answer"),
        "1. Brunnen; 2. Spielplatz",
        "42",
        "Rad; Sonstiges; Lastenrad",
    ]
    assert by_channel[gettext("online (guest)")] == [
        gettext("no answer"),
        "1",
        "4",
        "1. Toiletten; 2. Bänke; 3. Spielplatz",
        "",
        "",
    ]
    assert all(len(row) == len(rows[0]) for row in rows)


def test_answers_export_writes_negative_numbers_as_numbers(client, editor, user):
    # A number the platform stored cannot be a formula: „-5“ must stay a number for the
    # spreadsheet, not become the text „'-5“.
    poll = kinds_poll()
    Question.objects.filter(poll=poll, kind="number").update(number_min=-20, number_max=20)
    p = parts(poll)
    cast_ballot(poll=poll, user=user, answers={**valid_answers(p), p.number: -5})
    client.force_login(editor)

    response = client.get(f"/admin/polls/poll/{poll.pk}/answers.csv")

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    column = rows[0].index(p.number.text)
    assert rows[1][column] == "-5"


def test_answers_export_takes_the_same_queries_for_few_and_many_ballots(client, editor):
    poll = kinds_poll()
    p = parts(poll)
    client.force_login(editor)
    url = f"/admin/polls/poll/{poll.pk}/answers.csv"
    many_ballots(poll, p, 10)
    few = count_queries(client, url)
    many_ballots(poll, p, 990)
    assert count_queries(client, url) == few


def paper_post(poll, values=None, **fields):
    """The paper batch form as staff send it: every count at 0 but `values`."""
    data = {
        "place": "Stand am Stiftsplatz",
        "collected_on": timezone.localdate().isoformat(),
        "ballots_count": "5",
        "note": "Ein Zettel unleserlich.",
    }
    for name in PaperBatchForm(poll=poll).fields:
        if name.startswith(("value_", "choice_")):
            data[name] = "0"
    return {**data, **(values or {}), **fields}


def test_staff_enter_paper_values_of_every_kind(client, editor, colleague):
    poll = kinds_poll()
    p = parts(poll)
    client.force_login(editor)

    page = client.get(f"{ADD_URL}?poll={poll.pk}")
    assert page.status_code == 200
    for question in (p.scale, p.matrix, p.ranking, p.number):
        assert f"<legend><h2>{question.text}</h2></legend>" in page.text
    assert f'name="numbers_{p.number.pk}"' in page.text

    response = client.post(
        f"{ADD_URL}?poll={poll.pk}",
        paper_post(
            poll,
            {
                f"value_{p.scale.pk}_5": "3",
                f"value_{p.scale.pk}_1": "1",
                f"value_{p.matrix.pk}_{p.schatten.pk}_2": "4",
                f"value_{p.ranking.pk}_{p.brunnen.pk}_1": "5",
                f"value_{p.ranking.pk}_{p.baenke.pk}_2": "2",
                f"numbers_{p.number.pk}": "12, 15 15",
                f"choice_{p.rad.pk}": "2",
            },
        ),
    )

    batch = PaperBatch.objects.get()
    assert response.status_code == 302
    assert response.url == f"/admin/polls/paperbatch/{batch.pk}/change/"
    assert {(c.question_id, c.choice_id, c.value, c.count) for c in batch.value_counts.all()} == {
        (p.scale.pk, None, 5, 3),
        (p.scale.pk, None, 1, 1),
        (p.matrix.pk, p.schatten.pk, 2, 4),
        (p.ranking.pk, p.brunnen.pk, 1, 5),
        (p.ranking.pk, p.baenke.pk, 2, 2),
        (p.number.pk, None, 12, 1),
        (p.number.pk, None, 15, 2),
    }
    assert {c.choice_id: c.count for c in batch.counts.all() if c.count} == {p.rad.pk: 2}

    # A colleague sees the figures and confirms them; then they count.
    client.force_login(colleague)
    shown = client.get(f"/admin/polls/paperbatch/{batch.pk}/change/").text
    assert gettext("%(answer)s: place %(place)d") % {"answer": "Brunnen", "place": 1} in shown
    client.post(f"/admin/polls/paperbatch/{batch.pk}/confirm/", {"revision": "1"})
    rows = csv_rows(Client(), poll)
    assert [p.scale.text, "5", "0", "3", "3", "75.0"] in rows
    assert [p.number.text, gettext("Median"), "", "15.00", "15.00", ""] in rows


def test_the_enterer_corrects_paper_values_in_the_admin(client, editor):
    poll = kinds_poll()
    p = parts(poll)
    batch = enter(
        poll,
        editor,
        5,
        {(p.number, None, 30): 1, (p.number, None, 12): 2, (p.ranking, p.brunnen, 1): 2},
    )
    client.force_login(editor)
    url = f"/admin/polls/paperbatch/{batch.pk}/change/"

    page = client.get(url).text
    assert "12, 12, 30</textarea>" in page

    response = client.post(
        url,
        paper_post(
            poll,
            {f"numbers_{p.number.pk}": "40 41", f"value_{p.matrix.pk}_{p.sauberkeit.pk}_4": "1"},
        ),
    )

    assert response.status_code == 302
    batch.refresh_from_db()
    assert batch.revision == 2
    assert {(c.question_id, c.choice_id, c.value, c.count) for c in batch.value_counts.all()} == {
        (p.number.pk, None, 40, 1),
        (p.number.pk, None, 41, 1),
        (p.matrix.pk, p.sauberkeit.pk, 4, 1),
    }


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (
            {"numbers": "12, zwölf"},
            lambda p: (
                gettext("“%(text)s” is not a whole number. Please write only digits.")
                % {"text": "zwölf"}
            ),
        ),
        (
            {"brunnen_1": "3", "baenke_1": "3"},
            lambda p: (
                p.ranking.text
                + ": "
                + gettext(
                    "Place %(place)d was given more often than there are paper ballots "
                    "(%(ballots)d)."
                )
                % {"place": 1, "ballots": 5}
            ),
        ),
        (
            {"scale_1": "4", "scale_2": "2"},
            lambda p: (
                p.scale.text
                + ": "
                + gettext(
                    "One answer per ballot: these counts add up to more than the %(ballots)d "
                    "paper ballots."
                )
                % {"ballots": 5}
            ),
        ),
    ],
)
def test_implausible_paper_values_come_back_with_a_message(client, editor, values, message):
    poll = kinds_poll()
    p = parts(poll)
    names = {
        "numbers": f"numbers_{p.number.pk}",
        "brunnen_1": f"value_{p.ranking.pk}_{p.brunnen.pk}_1",
        "baenke_1": f"value_{p.ranking.pk}_{p.baenke.pk}_1",
        "scale_1": f"value_{p.scale.pk}_1",
        "scale_2": f"value_{p.scale.pk}_2",
    }
    client.force_login(editor)

    response = client.post(
        f"{ADD_URL}?poll={poll.pk}",
        paper_post(poll, {names[key]: value for key, value in values.items()}),
    )

    assert response.status_code == 200
    assert html.escape(message(p), quote=False) in response.text
    for key, value in values.items():
        assert value in response.text, key
    assert "Ein Zettel unleserlich." in response.text
    assert not PaperBatch.objects.exists() and not PaperValueCount.objects.exists()


# Queries


def many_ballots(poll, p, number):
    """`number` guests' ballots with an answer to each kind, written in a few queries."""
    ballots = Ballot.objects.bulk_create(Ballot(poll=poll, is_guest=True) for _ in range(number))
    ranked = [p.spielplatz, p.baenke, p.brunnen, p.toiletten]
    values, ranks, no_answers = [], [], []
    for i, ballot in enumerate(ballots):
        values += [
            ValueAnswer(ballot=ballot, question=p.scale, value=i % 5 + 1),
            ValueAnswer(ballot=ballot, question=p.matrix, statement=p.schatten, value=i % 4 + 1),
            ValueAnswer(ballot=ballot, question=p.number, value=i % 120),
        ]
        no_answers.append(NoAnswer(ballot=ballot, question=p.matrix, statement=p.sauberkeit))
        ranks += [
            RankAnswer(
                ballot=ballot, question=p.ranking, choice=ranked[(i + k) % 4], position=k + 1
            )
            for k in range(3)
        ]
    ValueAnswer.objects.bulk_create(values)
    RankAnswer.objects.bulk_create(ranks)
    NoAnswer.objects.bulk_create(no_answers)
    Selection.objects.bulk_create(Selection(ballot=ballot, choice=p.rad) for ballot in ballots)
    TextAnswer.objects.bulk_create(
        TextAnswer(ballot=ballot, question=p.multiple, text="Bus") for ballot in ballots[:3]
    )


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("path", ["detail", "results", "csv", "spreadsheet"])
def test_pages_take_the_same_queries_for_10_and_1000_ballots(client, user, path):
    poll = kinds_poll()
    p = parts(poll)
    client.force_login(user)
    client.post(poll.get_absolute_url(), ballot_data(p), follow=True)  # shows the message
    url = {
        "detail": poll.get_absolute_url(),
        "results": poll.get_results_url(),
        "csv": f"/abstimmungen/{poll.slug}/ergebnisse.csv",
        "spreadsheet": f"/abstimmungen/{poll.slug}/ergebnisse-tabellenkalkulation.csv",
    }[path]
    many_ballots(poll, p, 9)
    few = count_queries(client, url)
    many_ballots(poll, p, 990)
    assert Ballot.objects.count() == 1000
    assert count_queries(client, url) == few


def test_the_ballot_form_takes_the_same_queries_for_few_and_many_ballots(client):
    poll = kinds_poll()
    p = parts(poll)
    client.force_login(UserFactory())
    many_ballots(poll, p, 10)
    few = count_queries(client, poll.get_absolute_url())
    many_ballots(poll, p, 990)
    assert count_queries(client, poll.get_absolute_url()) == few
