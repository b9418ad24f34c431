"""Budget votes (Bürgerbudget): proposals with their costs, chosen within a sum.

What the model refuses, what a ballot may choose, how the results fund the proposals, what
paper batches may count, and how the pages and the CSV files show it. The expected figures
are worked out by hand in the comments beside them.
"""

import csv
import io
import re
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from polls.models import Ballot, Choice, PaperBatch, PaperCount, Question, Selection
from polls.results import tally
from polls.services import (
    cast_ballot,
    confirm_paper_batch,
    enter_paper_batch,
    paper_count_errors,
)
from tests.accounts.factories import UserFactory
from tests.polls.factories import ChoiceFactory, PollFactory, QuestionFactory

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"

# The proposals of the budget poll, in the order of their positions: (attribute, label, cost).
PROPOSALS = [
    ("licht", "Beleuchtung des Radwegs an der Lauter", 5000),
    ("brunnen", "Trinkbrunnen am Stiftsplatz", 4000),
    ("baenke", "Bänke im Volkspark", 3000),
    ("buecher", "Bücherschrank am Schillerplatz", 2000),
    ("wiese", "Insektenwiese am Betzenberg", 1000),
    ("spiel", "Spielgeräte für den Spielplatz", 1500),
]


def budget_poll(budget=10_000, is_required=True, **kwargs):
    """A vote on one budget question of 10.000 € with the six PROPOSALS, costing together
    16.500 €; returns the poll, the question and the proposals by attribute."""
    poll = PollFactory(**kwargs)
    question = QuestionFactory(
        poll=poll,
        position=1,
        text="Was soll die Stadt in Ihrem Viertel fördern?",
        kind=Question.Kind.BUDGET,
        budget=budget,
        is_required=is_required,
    )
    proposals = {
        name: ChoiceFactory(question=question, position=position, label=label, cost=cost)
        for position, (name, label, cost) in enumerate(PROPOSALS, start=1)
    }
    return SimpleNamespace(poll=poll, question=question, **proposals)


@pytest.fixture
def colleague(db):
    return UserFactory(is_staff=True, groups=["Redaktion"])


def enter(b, editor, ballots, counts):
    return enter_paper_batch(
        poll=b.poll,
        entered_by=editor,
        place="Stand auf dem Stiftsplatz",
        collected_on=timezone.localdate(),
        ballots_count=ballots,
        counts=counts,
    )


def counted(b, editor, colleague, ballots, counts):
    """A paper batch entered by one staff member and confirmed by another."""
    batch = enter(b, editor, ballots, counts)
    return confirm_paper_batch(batch=batch, confirmed_by=colleague, seen_revision=batch.revision)


def vote(b, editor, colleague):
    """Online ballots, a confirmed paper batch and one still unconfirmed.

    Online (7 ballots, each within 10.000 €):
      Bänke + Trinkbrunnen                       7.000 €  (twice)
      Bänke + Beleuchtung                        8.000 €  (twice)
      Beleuchtung + Bücherschrank + Insektenwiese 8.000 €
      Beleuchtung + Bücherschrank                7.000 €
      Trinkbrunnen                               4.000 €
    per proposal: Bänke 4, Beleuchtung 4, Trinkbrunnen 3, Bücherschrank 2, Insektenwiese 1.

    Confirmed paper, 3 ballots: Bänke 2, Trinkbrunnen 2, Beleuchtung 1, Bücherschrank 1
    (together 6.000 + 8.000 + 5.000 + 2.000 = 21.000 € ≤ 3 × 10.000 €).
    Unconfirmed paper, 5 ballots: Bücherschrank 5, Spielgeräte 5: not counted (yet).
    """
    plan = [
        [b.baenke, b.brunnen],
        [b.baenke, b.brunnen],
        [b.baenke, b.licht],
        [b.baenke, b.licht],
        [b.licht, b.buecher, b.wiese],
        [b.licht, b.buecher],
        [b.brunnen],
    ]
    for chosen in plan:
        cast_ballot(poll=b.poll, user=UserFactory(), answers={b.question: chosen})
    counted(b, editor, colleague, 3, {b.baenke: 2, b.brunnen: 2, b.licht: 1, b.buecher: 1})
    enter(b, editor, 5, {b.buecher: 5, b.spiel: 5})


def budget_result(poll):
    (result,) = tally(poll).questions
    return result


# The model


@pytest.mark.parametrize("budget", [None, 0])
def test_a_budget_question_without_its_sum_is_refused_by_clean(budget):
    poll = PollFactory()
    question = Question(poll=poll, text="Was fördern?", kind=Question.Kind.BUDGET, budget=budget)

    with pytest.raises(ValidationError) as raised:
        question.full_clean()

    assert "Eine Budgetfrage braucht ihre Summe in Euro." in raised.value.message_dict["budget"]


@pytest.mark.parametrize("budget", [None, 0])
def test_a_budget_question_without_its_sum_is_refused_by_the_database(budget):
    poll = PollFactory()

    # NULL must be refused too: a CHECK whose condition is NULL lets the row through.
    with (
        pytest.raises(IntegrityError, match="polls_question_budget_has_sum"),
        transaction.atomic(),
    ):
        Question.objects.create(
            poll=poll, text="Was fördern?", kind=Question.Kind.BUDGET, budget=budget
        )

    assert not Question.objects.exists()


def test_a_budget_question_with_its_sum_is_accepted():
    question = Question(
        poll=PollFactory(), text="Was fördern?", kind=Question.Kind.BUDGET, budget=50_000
    )
    question.full_clean()
    question.save()
    assert question.is_budget and question.is_selection


def test_a_proposal_of_a_budget_without_its_cost_is_refused_by_clean():
    b = budget_poll()
    proposal = Choice(question=b.question, position=7, label="Hundewiese")

    with pytest.raises(ValidationError) as raised:
        proposal.full_clean()

    assert raised.value.message_dict == {
        "cost": ["Ein Vorschlag eines Budgets braucht seine Kosten."]
    }
    proposal.cost = 0  # something that costs nothing is a cost all the same
    proposal.full_clean()


def test_a_choice_of_another_kind_of_question_needs_no_cost():
    question = QuestionFactory(kind=Question.Kind.MULTIPLE)
    Choice(question=question, position=1, label="Bänke").full_clean()


# Casting a ballot


def test_proposals_costing_exactly_the_budget_are_stored(user):
    b = budget_poll()
    # 4.000 + 3.000 + 2.000 + 1.000 = 10.000 €, the budget to the euro.
    chosen = [b.brunnen, b.baenke, b.buecher, b.wiese]

    ballot = cast_ballot(poll=b.poll, user=user, answers={b.question: chosen})

    assert {selection.choice for selection in ballot.selections.all()} == set(chosen)


def test_proposals_over_the_budget_are_refused_and_nothing_is_stored(user):
    b = budget_poll()
    # 5.000 + 4.000 + 3.000 = 12.000 €: 2.000 € more than 10.000 €.
    chosen = [b.licht, b.brunnen, b.baenke]

    with pytest.raises(ValidationError) as raised:
        cast_ballot(poll=b.poll, user=user, answers={b.question: chosen})

    assert raised.value.message_dict == {
        b.question.pk: [
            "Ihre Auswahl kostet 12.000 €, 2.000 € mehr als das Budget von 10.000 €. "
            "Bitte lassen Sie einen Vorschlag weg."
        ]
    }
    assert not Ballot.objects.exists() and not Selection.objects.exists()


def test_the_refusal_writes_the_euros_in_the_language_of_the_page(user):
    b = budget_poll(budget=50_000)
    Choice.objects.filter(pk=b.licht.pk).update(cost=48_500)
    b.licht.refresh_from_db()

    with translation.override("en"), pytest.raises(ValidationError) as raised:
        # 48.500 + 4.000 = 52.500 €: 2.500 € over 50.000 €.
        cast_ballot(poll=b.poll, user=user, answers={b.question: [b.licht, b.brunnen]})

    assert raised.value.messages == [
        "Your choice costs 52,500 €, 2,500 € more than the budget of 50,000 €. "
        "Please leave out a proposal."
    ]


def test_a_changed_ballot_over_the_budget_keeps_the_answers_before(user):
    b = budget_poll()
    cast_ballot(poll=b.poll, user=user, answers={b.question: [b.licht]})

    with pytest.raises(ValidationError):
        # 5.000 + 4.000 + 2.000 = 11.000 €.
        cast_ballot(poll=b.poll, user=user, answers={b.question: [b.licht, b.brunnen, b.buecher]})

    assert [selection.choice for selection in Selection.objects.all()] == [b.licht]


def test_a_required_budget_question_with_nothing_chosen_is_refused(user):
    b = budget_poll()

    with pytest.raises(ValidationError) as raised:
        cast_ballot(poll=b.poll, user=user, answers={b.question: []})

    assert raised.value.message_dict == {b.question.pk: ["Bitte beantworten Sie diese Frage."]}
    assert not Ballot.objects.exists()


def test_an_optional_budget_question_may_be_left_empty(user):
    b = budget_poll(is_required=False)

    ballot = cast_ballot(poll=b.poll, user=user, answers={b.question: []})

    assert not ballot.selections.exists()


def test_a_proposal_of_another_budget_is_refused(user):
    b = budget_poll()
    other = budget_poll()

    with pytest.raises(ValidationError) as raised:
        cast_ballot(
            poll=b.poll, user=user, answers={b.question: [b.wiese, other.question.choices.first()]}
        )

    assert raised.value.messages == ["Bitte wählen Sie nur unter den angebotenen Antworten."]


# The results


def test_the_results_order_the_proposals_by_online_and_confirmed_paper_votes(editor, colleague):
    b = budget_poll()
    vote(b, editor, colleague)

    result = budget_result(b.poll)

    # Online + confirmed paper (the unconfirmed batch left out):
    #   Bänke          4 + 2 = 6    3.000 €
    #   Trinkbrunnen   3 + 2 = 5    4.000 €  } equal votes: the cheaper first,
    #   Beleuchtung    4 + 1 = 5    5.000 €  } although Beleuchtung comes first on the ballot
    #   Bücherschrank  2 + 1 = 3    2.000 €
    #   Insektenwiese  1 + 0 = 1    1.000 €
    #   Spielgeräte    0 + 0 = 0    1.500 €
    assert [
        (row.place, row.choice.label, row.result.online, row.result.paper)
        for row in result.funding
    ] == [
        (1, "Bänke im Volkspark", 4, 2),
        (2, "Trinkbrunnen am Stiftsplatz", 3, 2),
        (3, "Beleuchtung des Radwegs an der Lauter", 4, 1),
        (4, "Bücherschrank am Schillerplatz", 2, 1),
        (5, "Insektenwiese am Betzenberg", 1, 0),
        (6, "Spielgeräte für den Spielplatz", 0, 0),
    ]
    assert (result.online_respondents, result.paper_respondents) == (7, 3)


def test_the_line_is_drawn_at_the_first_proposal_that_no_longer_fits(editor, colleague):
    b = budget_poll()
    vote(b, editor, colleague)

    result = budget_result(b.poll)

    # Budget 10.000 €. Together: 3.000, 3.000 + 4.000 = 7.000, 7.000 + 5.000 = 12.000 > 10.000:
    # the line comes above Beleuchtung. Bücherschrank (2.000 €) would still fit into the 3.000 €
    # left, but comes after the line and is not funded; nor are those after it.
    assert [
        (row.choice.label, row.cumulative, row.funded, row.line_above) for row in result.funding
    ] == [
        ("Bänke im Volkspark", 3000, True, False),
        ("Trinkbrunnen am Stiftsplatz", 7000, True, False),
        ("Beleuchtung des Radwegs an der Lauter", 12000, False, True),
        ("Bücherschrank am Schillerplatz", 14000, False, False),
        ("Insektenwiese am Betzenberg", 15000, False, False),
        ("Spielgeräte für den Spielplatz", 16500, False, False),
    ]
    # 3.000 + 4.000.
    assert result.funded_sum == 7000


def test_a_proposal_nobody_chose_is_not_funded_even_with_money_left(editor, colleague):
    b = budget_poll()
    vote(b, editor, colleague)
    Question.objects.filter(pk=b.question.pk).update(budget=20_000)

    result = budget_result(b.poll)

    # Budget 20.000 €: all five proposals with votes fit (15.000 €); Spielgeräte would too
    # (16.500 €), but nobody chose it (its 5 paper votes are not confirmed): the line is
    # drawn above it.
    assert [(row.choice.label, row.funded, row.line_above) for row in result.funding] == [
        ("Bänke im Volkspark", True, False),
        ("Trinkbrunnen am Stiftsplatz", True, False),
        ("Beleuchtung des Radwegs an der Lauter", True, False),
        ("Bücherschrank am Schillerplatz", True, False),
        ("Insektenwiese am Betzenberg", True, False),
        ("Spielgeräte für den Spielplatz", False, True),
    ]
    # 3.000 + 4.000 + 5.000 + 2.000 + 1.000.
    assert result.funded_sum == 15000


def test_a_confirmed_batch_changes_the_order_and_the_line(editor, colleague):
    b = budget_poll()
    vote(b, editor, colleague)
    (waiting,) = PaperBatch.objects.filter(confirmed_at__isnull=True)

    confirm_paper_batch(batch=waiting, confirmed_by=colleague, seen_revision=waiting.revision)
    result = budget_result(b.poll)

    # Now Bücherschrank 3 + 5 = 8 and Spielgeräte 0 + 5 = 5 votes:
    #   Bücherschrank 8 (2.000), Bänke 6 (3.000): 5.000;
    #   then 5 votes each: Spielgeräte (1.500): 6.500, Trinkbrunnen (4.000): 10.500 > 10.000.
    assert [(row.choice.label, row.result.total, row.funded) for row in result.funding] == [
        ("Bücherschrank am Schillerplatz", 8, True),
        ("Bänke im Volkspark", 6, True),
        ("Spielgeräte für den Spielplatz", 5, True),
        ("Trinkbrunnen am Stiftsplatz", 5, False),
        ("Beleuchtung des Radwegs an der Lauter", 5, False),
        ("Insektenwiese am Betzenberg", 1, False),
    ]
    assert result.funded_sum == 6500


def test_equal_votes_and_equal_costs_keep_the_order_of_the_ballot(user):
    b = budget_poll()
    Choice.objects.filter(pk__in=[b.brunnen.pk, b.baenke.pk]).update(cost=3000)
    # Baenke and Trinkbrunnen both 1 vote, both 3.000 €: Trinkbrunnen comes first on the ballot.
    cast_ballot(poll=b.poll, user=user, answers={b.question: [b.baenke, b.brunnen]})

    result = budget_result(b.poll)

    assert [row.choice.label for row in result.funding[:2]] == [
        "Trinkbrunnen am Stiftsplatz",
        "Bänke im Volkspark",
    ]


def test_without_any_votes_nothing_is_funded():
    b = budget_poll()

    result = budget_result(b.poll)

    assert [row.funded for row in result.funding] == [False] * 6
    assert [row.line_above for row in result.funding] == [True] + [False] * 5
    assert result.funded_sum == 0


# Paper batches


def test_a_paper_count_may_not_exceed_the_ballots_of_the_batch():
    b = budget_poll()

    errors = paper_count_errors(b.poll, 3, {b.wiese: 4, b.buecher: 3})

    assert errors == {b.wiese.pk: "Mehr Stimmen als Stimmzettel in diesem Stapel."}


def small_budget():
    """A budget of 10 € with proposals of 7 €, 5 € and 4 €, for paper arithmetic."""
    poll = PollFactory()
    question = QuestionFactory(
        poll=poll, position=1, text="Was kaufen wir?", kind=Question.Kind.BUDGET, budget=10
    )
    sieben, fuenf, vier = (
        ChoiceFactory(question=question, label=f"{cost} €", cost=cost) for cost in (7, 5, 4)
    )
    return SimpleNamespace(poll=poll, question=question, sieben=sieben, fuenf=fuenf, vier=vier)


@pytest.mark.parametrize(
    ("counts", "refused"),
    [
        # 3 × 7 + 2 × 5 = 31 € > 3 ballots × 10 € = 30 €.
        ({"sieben": 3, "fuenf": 2, "vier": 0}, True),
        # 3 × 7 + 1 × 5 + 1 × 4 = 30 € = 3 ballots × 10 €.
        ({"sieben": 3, "fuenf": 1, "vier": 1}, False),
    ],
)
def test_paper_counts_may_not_cost_more_than_the_ballots_can_spend(editor, counts, refused):
    b = small_budget()
    by_choice = {getattr(b, name): count for name, count in counts.items()}

    if not refused:
        assert paper_count_errors(b.poll, 3, by_choice) == {}
        batch = enter(b, editor, 3, by_choice)
        assert {c.choice_id: c.count for c in batch.counts.all()} == {
            choice.pk: count for choice, count in by_choice.items()
        }
        return
    message = (
        "Die für „Was kaufen wir?“ gezählten Vorschläge kosten mehr, als 3 Stimmzettel "
        "innerhalb des Budgets ausgeben können. Papierstimmzettel über dem Budget sind "
        "ungültig und werden nicht gezählt."
    )
    assert paper_count_errors(b.poll, 3, by_choice) == {None: message}
    with pytest.raises(ValidationError) as raised:
        enter(b, editor, 3, by_choice)
    assert raised.value.messages == [message]
    assert not PaperBatch.objects.exists() and not PaperCount.objects.exists()


# The pages


def budget_inputs(page, question):
    """The checkboxes of a budget question: [(choice id, cost, ticked)]."""
    return [
        (int(value), int(cost), bool(checked))
        for value, checked, cost in re.findall(
            rf'<input[^>]*type="checkbox" name="question_{question.pk}" id="[^"]*" '
            rf'value="(\d+)"( checked)? data-cost="(\d+)"',
            page,
        )
    ]


def test_the_poll_page_shows_the_costs_and_the_budget(client, user):
    b = budget_poll(budget=50_000)
    client.force_login(user)

    page = client.get(b.poll.get_absolute_url()).text

    assert 'class="budget-choices" data-budget="50000"' in page
    assert f"Budget: 50.000{NBSP}€. Wählen Sie die Vorschläge" in page
    for _name, label, cost in PROPOSALS:
        shown = f"{cost:,}".replace(",", ".")
        assert f'<span class="choice-cost">({shown}{NBSP}€)</span>' in page, label
    assert budget_inputs(page, b.question) == [
        (getattr(b, name).pk, cost, False) for name, _label, cost in PROPOSALS
    ]
    assert "js/budget.js" in page
    assert ">Stimme abgeben</button>" in page


def test_a_vote_over_the_budget_comes_back_with_the_message_and_the_ticks(client, user):
    b = budget_poll()
    client.force_login(user)
    ticked = [b.licht, b.brunnen, b.baenke]  # 12.000 €

    response = client.post(
        b.poll.get_absolute_url(), {f"question_{b.question.pk}": [str(c.pk) for c in ticked]}
    )

    assert response.status_code == 200
    page = response.text
    assert (
        "Ihre Auswahl kostet 12.000 €, 2.000 € mehr als das Budget von 10.000 €. "
        "Bitte lassen Sie einen Vorschlag weg."
    ) in page
    assert "Es wurde noch nichts gespeichert." in page
    assert {pk for pk, _cost, checked in budget_inputs(page, b.question) if checked} == {
        c.pk for c in ticked
    }
    assert not Ballot.objects.exists() and not Selection.objects.exists()


def test_a_vote_within_the_budget_is_stored(client, user):
    b = budget_poll()
    client.force_login(user)
    ticked = [b.licht, b.brunnen, b.wiese]  # 10.000 €

    response = client.post(
        b.poll.get_absolute_url(), {f"question_{b.question.pk}": [str(c.pk) for c in ticked]}
    )

    assert response.status_code == 302
    ballot = Ballot.objects.get(user=user)
    assert {selection.choice for selection in ballot.selections.all()} == set(ticked)


def budget_rows(page):
    """The rows of the budget table: the line as "LINE", else (place, label, funded)."""
    table = page[page.index("budget-table") : page.index("</table>", page.index("budget-table"))]
    rows = []
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table.split("<tbody>")[1], re.S):
        if "budget-line" in row or 'colspan="8"' in row:
            rows.append(("LINE", re.sub(r"<[^>]+>", "", row).strip()))
            continue
        cells = [
            re.sub(r"<[^>]+>", "", cell).strip()
            for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)
        ]
        rows.append((cells[0], cells[1], cells[-1]))
    return rows


def test_the_results_page_draws_the_line_between_the_right_rows(client, editor, colleague):
    b = budget_poll()
    vote(b, editor, colleague)

    response = client.get(b.poll.get_results_url())

    assert response.status_code == 200
    page = response.text
    line = (
        f"Hier ist das Budget von 10.000{NBSP}€ ausgeschöpft: Die Vorschläge darunter werden "
        "nicht gefördert."
    )
    assert budget_rows(page) == [
        ("1.", "Bänke im Volkspark", "ja"),
        ("2.", "Trinkbrunnen am Stiftsplatz", "ja"),
        ("LINE", line),
        ("3.", "Beleuchtung des Radwegs an der Lauter", "nein"),
        ("4.", "Bücherschrank am Schillerplatz", "nein"),
        ("5.", "Insektenwiese am Betzenberg", "nein"),
        ("6.", "Spielgeräte für den Spielplatz", "nein"),
    ]
    assert page.count("ausgeschöpft") == 1
    assert f"zusammen 7.000{NBSP}€" in page
    # Costs and what the proposals cost together down to each row.
    assert f'<td class="text-end">12.000{NBSP}€</td>' in page


def test_the_results_csv_has_rows_for_the_costs_and_the_funding(client, editor, colleague):
    b = budget_poll()
    vote(b, editor, colleague)
    text = b.question.text

    plain = client.get(f"/abstimmungen/{b.poll.slug}/ergebnisse.csv").content.decode("utf-8")
    rows = list(csv.reader(io.StringIO(plain, newline="")))
    spreadsheet = client.get(f"/abstimmungen/{b.poll.slug}/ergebnisse-tabellenkalkulation.csv")
    spreadsheet_rows = list(
        csv.reader(io.StringIO(spreadsheet.content.decode("utf-8-sig"), newline=""), delimiter=";")
    )

    for table in (rows, spreadsheet_rows):
        for _name, label, cost in PROPOSALS:
            assert [text, f"{label}: Kosten in Euro", "", "", str(cost), ""] in table, label
        funded = {
            row[1].removesuffix(": gefördert (1 ja, 0 nein)"): row[4]
            for row in table
            if row[1].endswith(": gefördert (1 ja, 0 nein)")
        }
        assert funded == {
            "Bänke im Volkspark": "1",
            "Trinkbrunnen am Stiftsplatz": "1",
            "Beleuchtung des Radwegs an der Lauter": "0",
            "Bücherschrank am Schillerplatz": "0",
            "Insektenwiese am Betzenberg": "0",
            "Spielgeräte für den Spielplatz": "0",
        }
        # The votes as for any choice: Bänke 4 online, 2 on paper.
        assert [text, "Bänke im Volkspark", "4", "2", "6"] == table[
            [row[1] for row in table].index("Bänke im Volkspark")
        ][:5]


# Queries


def guest_ballots(b, number):
    """`number` guests' ballots, each choosing the two cheapest proposals, in a few queries."""
    ballots = Ballot.objects.bulk_create(Ballot(poll=b.poll, is_guest=True) for _ in range(number))
    Selection.objects.bulk_create(
        Selection(ballot=ballot, choice=choice)
        for ballot in ballots
        for choice in (b.wiese, b.spiel)
    )


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("page", ["results", "csv"])
def test_the_results_take_the_same_queries_for_10_and_1000_ballots(
    client, editor, colleague, page
):
    b = budget_poll()
    counted(b, editor, colleague, 3, {b.baenke: 2, b.wiese: 3})
    url = (
        b.poll.get_results_url()
        if page == "results"
        else f"/abstimmungen/{b.poll.slug}/ergebnisse.csv"
    )
    guest_ballots(b, 10)
    few = count_queries(client, url)
    guest_ballots(b, 990)
    assert Ballot.objects.count() == 1000
    assert count_queries(client, url) == few


def test_the_results_take_the_same_queries_for_3_and_30_proposals(client, editor, colleague):
    poll = PollFactory()
    question = QuestionFactory(
        poll=poll, position=1, text="Was fördern?", kind=Question.Kind.BUDGET, budget=10_000
    )

    def proposals(start, stop):
        made = [
            ChoiceFactory(question=question, label=f"Vorschlag {n}", cost=500 * n)
            for n in range(start, stop)
        ]
        Selection.objects.bulk_create(
            Selection(ballot=Ballot.objects.create(poll=poll, is_guest=True), choice=choice)
            for choice in made
        )
        return made

    first = proposals(1, 4)
    b = SimpleNamespace(poll=poll, question=question)
    counted(b, editor, colleague, 2, {first[0]: 2, first[1]: 1})
    few = count_queries(client, poll.get_results_url())
    proposals(4, 31)
    assert question.choices.count() == 30
    many = count_queries(client, poll.get_results_url())
    assert many == few
    assert "Vorschlag 30" in client.get(poll.get_results_url()).text
