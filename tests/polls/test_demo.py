"""The demo polls that `make run` loads: one per state, with votes enough to fill the charts."""

import re

import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from accounts.models import User
from polls.models import (
    Ballot,
    Choice,
    NoAnswer,
    PaperBatch,
    PaperCount,
    PaperValueCount,
    Poll,
    Question,
    RankAnswer,
    Selection,
    TextAnswer,
    ValueAnswer,
)
from polls.permissions import can_see_results, can_vote, results_are_public
from polls.results import tally

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(seeded_demo, db, settings):
    settings.DEBUG = True  # for tests that seed again


def counts():
    return [
        model.objects.count()
        for model in (
            Poll,
            Question,
            Ballot,
            Selection,
            TextAnswer,
            ValueAnswer,
            RankAnswer,
            NoAnswer,
            PaperBatch,
            PaperCount,
            PaperValueCount,
            User,
        )
    ]


def test_seeding_twice_changes_nothing(demo):
    before = counts()
    published_2022 = Poll.objects.get(slug="stadt-raum-wir-2022").results_published_at
    call_command("seed_demo", "--without-renditions", verbosity=0)
    assert counts() == before
    assert Poll.objects.get(slug="stadt-raum-wir-2022").results_published_at == published_2022


def test_2022_round_is_closed_and_lautern_tanzt_won_online_and_on_paper(demo):
    poll = Poll.objects.get(slug="stadt-raum-wir-2022")
    assert poll.is_published and poll.is_closed()
    assert poll.opens_at.year == poll.closes_at.year == 2022
    assert poll.results_published_at.year == 2022
    assert poll.project.slug == "stadt-raum-wir"
    assert results_are_public(poll)

    results = tally(poll)
    (question,) = results.choice_questions
    ranking = sorted(question.choices, key=lambda row: row.total, reverse=True)
    assert ranking[0].choice.label == "Tanzabend „Lautern tanzt“"
    assert ranking[1].choice.label == "3D-Straßenmalerei"
    assert ranking[0].total > ranking[1].total > ranking[2].total
    assert {row.choice.label for row in ranking} == {
        "Roundnet",
        "Crossboule mit Käse und Baguette",
        "3D-Straßenmalerei",
        "Open-Air-Lesung",
        "Tanzabend „Lautern tanzt“",
    }
    assert results.online_participants > 0

    (batch,) = results.paper_batches
    assert batch.place == "Stand bei „Lautern blüht auf“"
    assert poll.opens_at.date() <= batch.collected_on <= poll.closes_at.date()
    assert batch.entered_by.email == "redaktion@example.org"
    assert batch.confirmed_by.email == "moderation@example.org"
    assert batch.confirmed_at < poll.results_published_at
    assert results.paper_participants == batch.ballots_count > 0


def test_new_round_is_open_for_residents_with_live_results_and_a_batch_to_confirm(demo):
    poll = Poll.objects.get(slug="stadt-raum-wir-runde-2")
    assert poll.is_published and poll.is_open()
    assert poll.project.slug == "stadt-raum-wir"
    assert poll.eligibility == Poll.Eligibility.RESIDENTS
    assert poll.results_visibility == Poll.ResultsVisibility.LIVE
    assert poll.ballots_changeable
    assert results_are_public(poll)
    assert poll.ballots.count() >= 20
    assert all(ballot.user.lives_in_kaiserslautern for ballot in poll.ballots.all())

    (batch,) = poll.paper_batches.all()
    assert batch.state == PaperBatch.State.ENTERED
    assert batch.entered_by.email == "redaktion@example.org"


def test_demo_citizen_can_vote_herself_in_the_open_round(demo):
    poll = Poll.objects.get(slug="stadt-raum-wir-runde-2")
    citizen = User.objects.get(email="buergerin@example.org")
    assert citizen.lives_in_kaiserslautern
    assert can_vote(citizen, poll)
    assert not poll.ballots.filter(user=citizen).exists()


def test_ausprobierbox_survey_is_open_to_guests_with_three_kinds_of_question(demo):
    poll = Poll.objects.get(slug="ausprobierbox")
    assert poll.is_published and poll.is_open()
    assert poll.project.slug == "lokale-logistik"
    assert poll.eligibility == Poll.Eligibility.GUESTS
    kinds = [question.kind for question in poll.questions.all()]
    assert kinds[0] == Question.Kind.PLACE  # where the box should stand
    assert Question.Kind.TEXT in kinds
    (multiple,) = poll.questions.filter(kind=Question.Kind.MULTIPLE)
    assert multiple.max_choices == 3
    assert "Funktionen" in multiple.text

    results = tally(poll)
    assert results.guest_participants > 0
    assert results.online_participants > results.guest_participants
    assert results.paper_batches
    for question in results.choice_questions:
        assert sum(row.total for row in question.choices) > 0, question.question.text
    assert TextAnswer.objects.filter(question__poll=poll).exists()
    # A ballot never holds more functions than the question allows.
    for ballot in poll.ballots.all():
        assert ballot.selections.filter(choice__question=multiple).count() <= 3


def test_upcoming_poll_has_questions_and_no_ballots_yet(demo):
    upcoming = Poll.objects.upcoming().published()
    assert upcoming.exists()
    poll = upcoming.get(slug="radverkehr-umfrage")
    assert poll.opens_at > timezone.now()
    assert poll.project.slug == "radverkehrskonzept"
    assert poll.questions.count() == 3
    assert not poll.ballots.exists()
    assert not can_vote(User.objects.get(email="buergerin@example.org"), poll)


def test_demo_poll_pages_render(client, demo):
    assert client.get("/abstimmungen/").status_code == 200
    citizen = User.objects.get(email="buergerin@example.org")
    for poll in Poll.objects.all():
        assert client.get(poll.get_absolute_url()).status_code == 200, poll.slug
        assert client.get(poll.get_results_url()).status_code == 200, poll.slug
        assert can_see_results(citizen, poll) == results_are_public(poll)


def test_demo_survey_gives_each_hint_once(client, demo):
    # The page itself says how many choices count, that written answers stay unpublished
    # and that guests may answer; the demo texts do not say it a second time.
    html = client.get("/abstimmungen/ausprobierbox/").text
    assert html.count("Sie können bis zu") == 1
    assert html.count("nicht veröffentlicht") == 1
    assert html.count("ohne Konto teilnehmen") == 1
    html = client.get("/abstimmungen/radverkehr-umfrage/").text
    assert "bis zu drei" not in html
    assert html.count("mit bestätigtem Konto") == 1


@pytest.mark.parametrize(
    "slug",
    [
        "stadt-raum-wir-2022",
        "stadt-raum-wir-runde-2",
        "ausprobierbox",
        "zufriedenheit-2026",
        "buergerbudget-2027",
    ],
)
def test_demo_method_notes_add_to_what_the_page_says(client, editor, demo, slug):
    client.force_login(editor)  # sees results that are not public yet
    html = client.get(f"/abstimmungen/{slug}/ergebnisse/").text
    method = html[html.index('id="method-heading"') :]
    assert len(re.findall(r"zweiten? Person", method)) <= 1
    assert "Redaktion eingetragen" not in method


def test_every_demo_poll_question_and_choice_has_an_english_version(demo):
    for poll in Poll.objects.prefetch_related("questions__choices"):
        assert poll.title_en and poll.intro_en, poll.slug
        assert bool(poll.method_note_en) == bool(poll.method_note_de), poll.slug
        for question in poll.questions.all():
            assert question.text_en, (poll.slug, question.text_de)
            assert bool(question.description_en) == bool(question.description_de)
            for field in ("scale_low_label", "scale_high_label", "number_unit"):
                german = getattr(question, f"{field}_de")
                assert bool(getattr(question, f"{field}_en")) == bool(german), (field, german)
            for choice in question.choices.all():
                assert choice.label_en, (poll.slug, choice.label_de)
                assert bool(choice.description_en) == bool(choice.description_de)


def test_open_poll_ballot_is_in_english_under_en(client, demo):
    html = client.get("/en/abstimmungen/ausprobierbox/").text
    assert "<h1>Survey on the try-out box</h1>" in html
    assert "Where would the try-out box be most useful to you?" in html
    for label in ("On Fackelstraße", "Refrigerated lockers for groceries", "On weekends"):
        assert label in html, label
    assert "In der Fackelstraße" not in html
    assert "Only available in German" not in html


def test_2022_results_are_in_english_under_en(client, demo):
    html = client.get("/en/abstimmungen/stadt-raum-wir-2022/ergebnisse/").text
    assert "Dance night “Lautern tanzt” (Kaiserslautern dances)" in html
    assert "3D street painting" in html
    assert "People who had already voted online were asked at the booth" in html


def test_paper_counts_find_their_choice_by_german_label_whatever_language_is_active(demo):
    # Seeding again creates the survey anew beside the old one (polls are never deleted).
    Poll.objects.filter(slug="ausprobierbox").update(slug="ausprobierbox-vorher")
    with translation.override("en"):
        call_command("seed_demo", "--without-renditions", verbosity=0)
    (batch,) = Poll.objects.get(slug="ausprobierbox").paper_batches.all()
    counts = {count.choice.label_de: count.count for count in batch.counts.all()}
    assert counts["Am Stiftsplatz"] == 7
    assert counts["Gekühlte Fächer für Lebensmittel"] == 8
    choice = Choice.objects.get(label_de="Am Stiftsplatz", question__poll__slug="ausprobierbox")
    assert choice.label_en == "On Stiftsplatz"


def test_the_ausprobierbox_survey_shows_its_locations_on_a_map(demo, client):
    poll = Poll.objects.get(slug="ausprobierbox")
    where = poll.questions.get(position=1)
    assert [choice.place.name for choice in where.choices.order_by("position")] == [
        "Hauptbahnhof",
        "Stiftsplatz",
        "Schillerplatz",
        "Fackelstraße",
        "Rathaus (Willy-Brandt-Platz)",
    ]
    html = client.get(poll.get_absolute_url()).text
    assert "Karte der Orte von Frage 1" in html
    assert "Ort: Stiftsplatz, vor der Stiftskirche" in html


SURVEY = "zufriedenheit-2026"


def test_satisfaction_survey_is_open_with_a_question_of_each_new_kind(demo):
    poll = Poll.objects.get(slug=SURVEY)
    assert poll.is_published and poll.is_open()
    assert poll.project.slug == "urbane-datenplattform"
    assert poll.eligibility == Poll.Eligibility.ACCOUNT
    assert poll.results_visibility == Poll.ResultsVisibility.LIVE
    assert results_are_public(poll)
    scale, matrix, ranking, number, single = poll.questions.all()
    assert [question.kind for question in (scale, matrix, ranking, number, single)] == [
        Question.Kind.SCALE,
        Question.Kind.MATRIX,
        Question.Kind.RANKING,
        Question.Kind.NUMBER,
        Question.Kind.SINGLE,
    ]

    assert scale.scale_points == 5 and scale.offers_no_answer and scale.is_required
    assert (scale.scale_low_label_de, scale.scale_high_label_de) == (
        "sehr unzufrieden",
        "sehr zufrieden",
    )
    assert (scale.scale_low_label_en, scale.scale_high_label_en) == (
        "very dissatisfied",
        "very satisfied",
    )
    assert matrix.scale_points == 5 and matrix.offers_no_answer
    assert matrix.scale_low_label and matrix.scale_high_label
    assert 4 <= matrix.choices.count() <= 5
    assert ranking.max_choices == 3 and ranking.choices.count() == 5
    assert (number.number_min, number.number_max) == (0, 99)
    assert (number.number_unit_de, number.number_unit_en) == ("Jahre", "years")
    assert not number.is_required
    assert not single.is_required and single.offers_no_answer
    (other,) = single.choices.filter(is_other=True)
    assert other.label == "Sonstiges"


def test_satisfaction_survey_ballot_states_each_rule_once(client, demo):
    # The page says how to rank and where the scales end; the demo texts do not repeat it.
    client.force_login(User.objects.get(email="buergerin@example.org"))
    html = client.get(f"/abstimmungen/{SURVEY}/").text
    assert html.count("Sie können bis zu 3 Antworten einordnen") == 1
    assert "bis zu drei" not in html
    assert html.count("Eine Skala von 1 (sehr unzufrieden) bis 5 (sehr zufrieden).") == 1
    assert html.count("Eine ganze Zahl von 0 bis 99.") == 1
    assert "Ihre eigene Antwort" in html  # beside “Sonstiges”


def test_satisfaction_survey_has_online_and_confirmed_paper_answers_to_each_question(demo):
    poll = Poll.objects.get(slug=SURVEY)
    results = tally(poll)
    assert results.online_participants == poll.ballots.count() >= 30
    assert results.guest_participants == 0

    (batch,) = results.paper_batches
    assert batch.state == PaperBatch.State.CONFIRMED
    assert batch.entered_by.email == "redaktion@example.org"
    assert batch.confirmed_by.email == "moderation@example.org"
    assert poll.opens_at.date() <= batch.collected_on <= timezone.localdate()
    assert results.paper_participants == batch.ballots_count > 0
    assert results.participants == results.online_participants + results.paper_participants

    for result in results.questions:
        text = result.question.text
        assert 0 < result.online_respondents <= results.online_participants, text
        assert 0 < result.paper_respondents <= results.paper_participants, text
    scale, matrix, ranking, number, single = results.questions
    assert scale.no_answer > 0
    assert sum(row.online for row in scale.scale.rows) == scale.online_respondents
    assert sum(row.paper for row in scale.scale.rows) == scale.paper_respondents
    for statement in matrix.statements:
        assert statement.distribution.online > 0 and statement.distribution.paper > 0
    assert any(statement.distribution.no_answer for statement in matrix.statements)
    assert ranking.ranking[0].choice.label == "Bezahlbarer Wohnraum"
    assert ranking.ranking[0].points_online > 0 and ranking.ranking[0].points_paper > 0
    assert number.numbers.online.count > 0 and number.numbers.paper.count > 0
    assert number.numbers.total.minimum == 0  # moved here this year
    assert sum(row.paper for row in single.choices) > 0
    assert single.no_answer > 0

    # Each ballot keeps the rules: at most three places, each from the first on.
    for ballot in poll.ballots.prefetch_related("ranks"):
        places = sorted(rank.position for rank in ballot.ranks.all())
        assert places == list(range(1, len(places) + 1)) and len(places) <= 3
    # Some who chose “Sonstiges” wrote what they meant; only staff read it.
    others = TextAnswer.objects.filter(question=single.question)
    assert others.exists()
    assert all(
        Selection.objects.filter(ballot=answer.ballot, choice__is_other=True).exists()
        for answer in others
    )
    counted = PaperValueCount.objects.filter(batch=batch)
    assert {count.question.kind for count in counted} == {
        Question.Kind.SCALE,
        Question.Kind.MATRIX,
        Question.Kind.RANKING,
        Question.Kind.NUMBER,
    }


def test_satisfaction_survey_results_render_for_an_anonymous_visitor(client, demo):
    response = client.get(f"/abstimmungen/{SURVEY}/ergebnisse/")
    assert response.status_code == 200
    html = response.text
    for text in (
        "Wie zufrieden sind Sie insgesamt mit dem Leben in Kaiserslautern?",
        "(sehr unzufrieden)",
        "Mit Bus und Bahn komme ich gut ans Ziel.",
        "Bezahlbarer Wohnraum",
        "Einheit: Jahre.",
        "Sonstiges",
        "Bürgercenter im Rathaus",
    ):
        assert text in html, text
    # What people wrote beside “Sonstiges” stays with the city.
    assert "Stadtbibliothek" not in html

    html = client.get(f"/en/abstimmungen/{SURVEY}/ergebnisse/").text
    for text in ("(very dissatisfied)", "Affordable housing", "Unit: years.", "Other"):
        assert text in html, text


def test_survey_paper_values_find_their_question_by_german_text_whatever_language(demo):
    Poll.objects.filter(slug=SURVEY).update(slug=f"{SURVEY}-vorher")
    with translation.override("en"):
        call_command("seed_demo", "--without-renditions", verbosity=0)
    (batch,) = Poll.objects.get(slug=SURVEY).paper_batches.all()
    counts = {
        (count.question.position, count.choice and count.choice.label_de, count.value): count.count
        for count in batch.value_counts.select_related("question", "choice")
    }
    assert counts[1, None, 3] == 7
    assert counts[2, "In meiner Nähe gibt es genug Parks und Grünflächen.", 4] == 9
    assert counts[3, "Bezahlbarer Wohnraum", 1] == 6
    assert counts[4, None, 12] == 1


BUDGET = "buergerbudget-2027"


def test_citizens_budget_is_open_with_one_budget_question_of_costed_proposals(demo):
    poll = Poll.objects.get(slug=BUDGET)
    assert poll.is_published and poll.is_open()
    assert poll.project.slug == "stadtteilpark-nord"
    assert poll.eligibility == Poll.Eligibility.ACCOUNT
    assert poll.results_visibility == Poll.ResultsVisibility.LIVE
    assert results_are_public(poll)
    (question,) = poll.questions.all()
    assert question.kind == Question.Kind.BUDGET and question.is_required
    assert question.budget == 50_000
    costs = {choice.label: choice.cost for choice in question.choices.all()}
    assert 6 <= len(costs) <= 8
    assert costs["Trinkbrunnen am Parkeingang"] == 18_000
    assert all(cost and cost < question.budget for cost in costs.values())
    # Not everything fits: people have to choose.
    assert sum(costs.values()) > question.budget


def test_citizens_budget_has_online_and_confirmed_paper_votes_within_the_budget(demo):
    poll = Poll.objects.get(slug=BUDGET)
    (question,) = poll.questions.all()
    results = tally(poll)
    assert results.online_participants == poll.ballots.count() == 30
    (batch,) = results.paper_batches
    assert batch.state == PaperBatch.State.CONFIRMED
    assert batch.entered_by.email == "redaktion@example.org"
    assert batch.confirmed_by.email == "moderation@example.org"
    assert results.paper_participants == batch.ballots_count > 0

    (result,) = results.questions
    assert all(row.online > 0 and row.paper > 0 for row in result.choices)
    # Each online ballot, and the paper ballots taken together, stay within the budget.
    for ballot in poll.ballots.prefetch_related("selections__choice"):
        chosen = [selection.choice.cost for selection in ballot.selections.all()]
        assert chosen and sum(chosen) <= question.budget
    paper = sum(count.count * count.choice.cost for count in batch.counts.all())
    assert paper <= batch.ballots_count * question.budget
    # Hand-counted from demo/data/polls.json, online + paper (equal votes: the cheaper first):
    # Insektenwiese 18 + 6 = 24 (3.500 €): 3.500; Bänke 16 + 8 = 24 (9.000 €): 12.500;
    # Trinkbrunnen 16 + 7 = 23 (18.000 €): 30.500; Spielgeräte 14 + 9 = 23 (21.000 €):
    # 51.500 > 50.000, the line. Fahrradbügel and Bücherschrank (18 each) would still fit
    # into the 19.500 € left, but come after the line.
    assert [(row.choice.label, row.result.total, row.funded) for row in result.funding] == [
        ("Insektenwiese am Parkrand", 24, True),
        ("Sechs Bänke mit Armlehnen", 24, True),
        ("Trinkbrunnen am Parkeingang", 23, True),
        ("Neue Spielgeräte für Kleinkinder", 23, False),
        ("Fahrradbügel am Stadtteilbüro", 18, False),
        ("Offener Bücherschrank am Stadtteilbüro", 18, False),
        ("Beleuchtung des Radwegs zum Park", 15, False),
    ]
    assert [row.line_above for row in result.funding].index(True) == 3
    assert result.funded_sum == 30_500


def test_citizens_budget_results_show_the_funded_line_to_anonymous_visitors(client, demo):
    response = client.get(f"/abstimmungen/{BUDGET}/ergebnisse/")
    assert response.status_code == 200
    html = response.text
    line = html.index("Hier ist das Budget von 50.000\u00a0€ ausgeschöpft")
    assert html.index("Trinkbrunnen am Parkeingang") < line
    assert line < html.index("Neue Spielgeräte für Kleinkinder")
    assert "zusammen 30.500\u00a0€" in html

    html = client.get(f"/en/abstimmungen/{BUDGET}/ergebnisse/").text
    line = html.index("Here the budget of 50,000\u00a0€ runs out")
    assert html.index("Drinking fountain at the park entrance") < line
    assert line < html.index("New play equipment for small children")


def test_citizens_budget_ballot_shows_the_costs_in_both_languages(client, demo):
    client.force_login(User.objects.get(email="buergerin@example.org"))
    html = client.get(f"/abstimmungen/{BUDGET}/").text
    assert 'data-budget="50000"' in html
    assert "Budget: 50.000\u00a0€." in html
    assert "(18.000\u00a0€)" in html
    html = client.get(f"/en/abstimmungen/{BUDGET}/").text
    assert "Drinking fountain at the park entrance" in html
    assert "(18,000\u00a0€)" in html
