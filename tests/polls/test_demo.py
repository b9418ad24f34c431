"""The demo polls that `make run` loads: one per state, with votes enough to fill the charts."""

import re

import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from accounts.models import User
from polls.models import (
    Ballot,
    Choice,
    PaperBatch,
    PaperCount,
    Poll,
    Question,
    Selection,
    TextAnswer,
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
        for model in (Poll, Question, Ballot, Selection, TextAnswer, PaperBatch, PaperCount, User)
    ]


def test_seeding_twice_changes_nothing(demo):
    before = counts()
    published_2022 = Poll.objects.get(slug="stadt-raum-wir-2022").results_published_at
    call_command("seed_demo", verbosity=0)
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
    "slug", ["stadt-raum-wir-2022", "stadt-raum-wir-runde-2", "ausprobierbox"]
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
        call_command("seed_demo", verbosity=0)
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
