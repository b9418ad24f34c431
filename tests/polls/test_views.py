"""The poll pages as citizens use them: the list, voting, changing, results and open data."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from polls.models import Ballot, Poll, Question, Selection, TextAnswer
from polls.services import cast_ballot
from tests.accounts.factories import UserFactory
from tests.polls.factories import (
    BallotFactory,
    ChoiceFactory,
    PaperBatchFactory,
    PollFactory,
    QuestionFactory,
    poll_with_questions,
)

pytestmark = pytest.mark.django_db


def ids(poll):
    single, multiple, text = poll.questions.order_by("position")
    return (
        f"question_{single.pk}",
        [c.pk for c in single.choices.all()],
        f"question_{multiple.pk}",
        [c.pk for c in multiple.choices.all()],
        f"question_{text.pk}",
    )


def ballot_data(poll, single=2, multiple=(0,), text=""):
    single_name, single_ids, multiple_name, multiple_ids, text_name = ids(poll)
    return {
        single_name: str(single_ids[single]),
        multiple_name: [str(multiple_ids[i]) for i in multiple],
        text_name: text,
    }


def one_question_poll(**kwargs):
    """A vote in the narrow sense: one question, decided among choices."""
    poll = PollFactory(**kwargs)
    question = QuestionFactory(poll=poll, text="Welche Veranstaltung zuerst?")
    for label in ("Roundnet", "Lautern tanzt"):
        ChoiceFactory(question=question, label=label)
    return poll


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_list_shows_open_upcoming_and_closed_polls_with_deadline_and_participants(client):
    open_poll = PollFactory(title="Stadt.Raum.Wir. 2026")
    BallotFactory.create_batch(2, poll=open_poll)
    PollFactory(title="Umfrage kommt", state="upcoming")
    PollFactory(title="Stadt.Raum.Wir. 2022", state="closed")
    PollFactory(title="Entwurf", is_published=False)
    html = client.get("/abstimmungen/").text
    assert html.index("Stadt.Raum.Wir. 2026") < html.index("Umfrage kommt")
    assert html.index("Umfrage kommt") < html.index("Stadt.Raum.Wir. 2022")
    assert "noch 7 Tage" in html
    assert "2 Teilnehmende" in html
    assert "Entwurf" not in html


def test_list_has_an_empty_state(client):
    html = client.get("/abstimmungen/").text
    assert "Zurzeit laufen keine Abstimmungen." in html


@pytest.mark.parametrize("state", ["open", "closed"])
def test_list_queries_do_not_grow_with_polls(client, state):
    PollFactory.create_batch(3, state=state)
    few = count_queries(client, "/abstimmungen/")
    for poll in PollFactory.create_batch(27, state=state):
        BallotFactory(poll=poll)
    assert count_queries(client, "/abstimmungen/") == few


def test_anonymous_visitor_is_asked_to_sign_in_and_comes_back(client):
    poll = poll_with_questions()
    html = client.get(poll.get_absolute_url()).text
    assert f'href="/konto/login/?next=/abstimmungen/{poll.slug}/"' in html
    assert 'name="question_' not in html
    assert "Roundnet" in html  # the questions can be read before signing in


@pytest.mark.parametrize(
    ("eligibility", "who", "not_said"),
    [
        (
            Poll.Eligibility.ACCOUNT,
            "Jede Person mit bestätigtem Konto hat eine Stimme.",
            "Einwohner:innen",
        ),
        (
            Poll.Eligibility.RESIDENTS,
            "Einwohner:innen von Kaiserslautern mit bestätigtem Konto haben je eine Stimme.",
            "Jede Person mit bestätigtem Konto",
        ),
    ],
)
def test_sign_in_invitation_says_who_may_vote(client, eligibility, who, not_said):
    html = client.get(one_question_poll(eligibility=eligibility).get_absolute_url()).text
    assert who in html
    assert not_said not in html


@pytest.mark.parametrize(
    ("eligibility", "who"),
    [
        (Poll.Eligibility.ACCOUNT, "Alle mit bestätigtem Konto können einmal antworten."),
        (
            Poll.Eligibility.RESIDENTS,
            "Einwohner:innen von Kaiserslautern mit bestätigtem Konto können einmal antworten.",
        ),
    ],
)
def test_sign_in_invitation_to_a_survey_asks_for_answers(client, eligibility, who):
    html = client.get(poll_with_questions(eligibility=eligibility).get_absolute_url()).text
    assert "Bitte melden Sie sich an, um teilzunehmen." in html
    assert who in html
    assert "Stimme" not in html


def test_a_poll_casts_a_vote(client, user):
    client.force_login(user)
    poll = one_question_poll()
    html = client.get(poll.get_absolute_url()).text
    assert ">Stimme abgeben</button>" in html
    question = poll.questions.get()
    data = {f"question_{question.pk}": str(question.choices.first().pk)}
    response = client.post(poll.get_absolute_url(), data, follow=True)
    assert "Ihre Stimme wurde gezählt" in response.text
    assert "Stimme ändern" in response.text


def test_a_survey_sends_answers(client, user):
    client.force_login(user)
    survey = poll_with_questions()
    html = client.get(survey.get_absolute_url()).text
    assert ">Antworten absenden</button>" in html
    assert "Ihre Antworten" in html
    assert "Stimme" not in html
    response = client.post(survey.get_absolute_url(), ballot_data(survey), follow=True)
    assert "Ihre Antworten wurden gezählt" in response.text
    assert "Antworten ändern" in response.text
    assert "Stimme" not in response.text
    html = client.get(survey.get_absolute_url() + "?aendern=1").text
    assert ">Geänderte Antworten speichern</button>" in html


def test_one_question_to_answer_in_words_is_a_survey(client, user):
    client.force_login(user)
    poll = PollFactory()
    QuestionFactory(poll=poll, kind=Question.Kind.TEXT)
    assert ">Antworten absenden</button>" in client.get(poll.get_absolute_url()).text


def test_unconfirmed_person_is_asked_to_confirm(client):
    client.force_login(UserFactory(confirmed=False))
    html = client.get(poll_with_questions().get_absolute_url()).text
    assert "Bitte bestätigen Sie Ihre E-Mail-Adresse" in html
    assert 'href="/konto/email/"' in html


def test_resident_poll_asks_for_the_postal_code_and_explains_a_wrong_one(client):
    poll = poll_with_questions(eligibility=Poll.Eligibility.RESIDENTS)
    user = UserFactory()
    client.force_login(user)
    html = client.get(poll.get_absolute_url()).text
    assert f'href="/konto/profil/?next=/abstimmungen/{poll.slug}/' in html
    user.postal_code = "66849"
    user.save()
    html = client.get(poll.get_absolute_url()).text
    assert "66849" in html and "nur für Einwohner:innen" in html
    user.postal_code = "67659"
    user.save()
    assert 'name="question_' in client.get(poll.get_absolute_url()).text


def test_postal_code_from_the_profile_leads_back_to_the_poll(client):
    poll = poll_with_questions(eligibility=Poll.Eligibility.RESIDENTS)
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        "/konto/profil/", {"postal_code": "67655", "next": poll.get_absolute_url()}
    )
    assert response.status_code == 302
    assert response["Location"] == poll.get_absolute_url()
    user.refresh_from_db()
    assert user.postal_code == "67655" and user.postal_code_changed_at is not None


def test_profile_refuses_a_malformed_postal_code(client, user):
    client.force_login(user)
    response = client.post("/konto/profil/", {"postal_code": "6765"})
    assert response.status_code == 200
    assert "fünf Ziffern" in response.text
    assert 'value="6765"' in response.text
    user.refresh_from_db()
    assert user.postal_code == ""


@pytest.mark.parametrize(
    ("state", "message"),
    [("upcoming", "Diese Abstimmung beginnt am"), ("closed", "Diese Abstimmung ist beendet")],
)
def test_outside_the_period_the_page_says_when(client, user, state, message):
    client.force_login(user)
    html = client.get(poll_with_questions(state=state).get_absolute_url()).text
    assert message in html
    assert 'name="question_' not in html


def test_vote_confirmation_shows_own_answers_and_change_link(client, user):
    poll = poll_with_questions()
    client.force_login(user)
    response = client.post(
        poll.get_absolute_url(), ballot_data(poll, 2, (0, 1), "Mehr Bänke"), follow=True
    )
    assert response.redirect_chain[-1][0] == f"{poll.get_absolute_url()}#ihre-stimme"
    html = response.text
    assert "Ihre Antworten wurden gezählt" in html
    assert "Lautern tanzt" in html and "Pakete, Kühlfach" in html and "Mehr Bänke" in html
    assert "?aendern=1" in html
    assert Ballot.objects.get().user == user


def test_changing_the_vote(client, user):
    poll = poll_with_questions()
    client.force_login(user)
    client.post(poll.get_absolute_url(), ballot_data(poll, 2, (0,)))
    html = client.get(poll.get_absolute_url() + "?aendern=1").text
    _, single_ids, _, multiple_ids, _ = ids(poll)
    assert f'value="{single_ids[2]}" checked' in html
    assert f'value="{multiple_ids[0]}" checked' in html
    response = client.post(poll.get_absolute_url(), ballot_data(poll, 0, (2,)), follow=True)
    assert "Ihre geänderten Antworten wurden gezählt" in response.text
    ballot = Ballot.objects.get()
    assert sorted(s.choice.label for s in ballot.selections.all()) == ["Leihgeräte", "Roundnet"]


def test_no_second_ballot_where_changes_are_not_allowed(client, user):
    poll = poll_with_questions(ballots_changeable=False)
    client.force_login(user)
    client.post(poll.get_absolute_url(), ballot_data(poll, 2))
    html = client.get(poll.get_absolute_url() + "?aendern=1").text
    assert 'name="question_' not in html
    response = client.post(poll.get_absolute_url(), ballot_data(poll, 0), follow=True)
    assert "Sie haben bei dieser Abstimmung bereits abgestimmt" in response.text
    assert Selection.objects.filter(choice__label="Roundnet").count() == 0
    assert Ballot.objects.count() == 1


def test_errors_come_back_at_the_question_with_answers_kept_and_nothing_stored(client, user):
    poll = poll_with_questions()
    client.force_login(user)
    single_name, _, multiple_name, multiple_ids, text_name = ids(poll)
    data = {
        single_name: "",
        multiple_name: [str(i) for i in multiple_ids],
        text_name: "Mein Gedanke",
    }
    response = client.post(poll.get_absolute_url(), data)
    assert response.status_code == 200
    html = response.text
    assert "Bitte prüfen Sie Ihre Antworten" in html
    assert "Bitte beantworten Sie diese Frage." in html
    single_question = poll.questions.get(position=1)
    assert f'id="frage-{single_question.pk}-fehler"' in html
    assert f'href="#frage-{single_question.pk}"' in html
    assert "Mein Gedanke" in html
    assert f'value="{multiple_ids[0]}" checked' in html
    assert (Ballot.objects.count(), Selection.objects.count(), TextAnswer.objects.count()) == (
        0,
        0,
        0,
    )
    assert "Ihre Antworten sind noch da." in html


def test_an_empty_ballot_does_not_claim_that_answers_were_kept(client, user):
    poll = poll_with_questions()
    client.force_login(user)
    single_name, _, _, _, text_name = ids(poll)
    html = client.post(poll.get_absolute_url(), {single_name: "", text_name: "  "}).text
    assert "Bitte beantworten Sie diese Frage." in html
    assert "Es wurde noch nichts gespeichert." in html
    assert "noch da" not in html


def test_too_many_choices_are_refused_at_the_question(client, user):
    poll = poll_with_questions()
    client.force_login(user)
    response = client.post(poll.get_absolute_url(), ballot_data(poll, 0, (0, 1, 2)))
    assert "Bitte wählen Sie höchstens 2 Antworten." in response.text
    assert not Ballot.objects.exists()


def test_a_choice_of_another_question_is_refused(client, user):
    poll = poll_with_questions()
    client.force_login(user)
    _, _, multiple_name, _, _ = ids(poll)
    data = ballot_data(poll)
    data[multiple_name] = [str(ids(poll_with_questions())[3][0])]
    response = client.post(poll.get_absolute_url(), data)
    assert "Bitte wählen Sie nur unter den angebotenen Antworten." in response.text
    assert not Ballot.objects.exists()


def test_posting_after_the_close_stores_nothing(client, user):
    poll = poll_with_questions(state="closed")
    client.force_login(user)
    response = client.post(poll.get_absolute_url(), ballot_data(poll))
    assert response.status_code == 200
    assert "Die Abstimmung ist beendet" in response.text
    assert not Ballot.objects.exists()


def test_anonymous_post_to_an_account_poll_stores_nothing(client):
    poll = poll_with_questions()
    response = client.post(poll.get_absolute_url(), ballot_data(poll))
    assert "Bitte melden Sie sich an, um abzustimmen." in response.text
    assert not Ballot.objects.exists()


def test_post_without_csrf_token_is_refused(user):
    from django.test import Client

    poll = poll_with_questions()
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    assert client.post(poll.get_absolute_url(), ballot_data(poll)).status_code == 403
    assert not Ballot.objects.exists()


def test_nobody_else_sees_a_ballot(client, user):
    poll = poll_with_questions()
    client.force_login(user)
    client.post(poll.get_absolute_url(), ballot_data(poll, 2, (0,), "Geheimer Gedanke"))
    for other in (UserFactory(), UserFactory(is_staff=True, groups=["Redaktion"])):
        client.force_login(other)
        assert "Geheimer Gedanke" not in client.get(poll.get_absolute_url()).text
        assert "Geheimer Gedanke" not in client.get(poll.get_results_url()).text
    client.logout()
    assert "Geheimer Gedanke" not in client.get(poll.get_absolute_url()).text


def test_guest_answers_without_account_once_per_browser(client):
    poll = poll_with_questions(eligibility=Poll.Eligibility.GUESTS)
    html = client.get(poll.get_absolute_url()).text
    assert "Sie können ohne Konto teilnehmen" in html
    response = client.post(poll.get_absolute_url(), ballot_data(poll, 1), follow=True)
    assert "Ihre Antworten wurden gezählt" in response.text
    assert "Open-Air-Lesung" in response.text
    assert 'name="question_' not in response.text
    client.post(poll.get_absolute_url(), ballot_data(poll, 0))
    assert Ballot.objects.filter(is_guest=True).count() == 1
    # Another browser is another guest: repeat participation cannot be ruled out.
    from django.test import Client

    Client().post(poll.get_absolute_url(), ballot_data(poll, 0))
    assert Ballot.objects.filter(is_guest=True).count() == 2


def test_unpublished_poll_is_hidden_from_citizens_and_previewed_for_staff(client, user, editor):
    poll = poll_with_questions(is_published=False)
    client.force_login(user)
    assert client.get(poll.get_absolute_url()).status_code == 404
    assert client.get(poll.get_results_url()).status_code == 404
    client.force_login(editor)
    html = client.get(poll.get_absolute_url()).text
    assert "Vorschau" in html
    assert 'name="question_' not in html


def many_ballots(poll, number):
    single = poll.questions.get(position=1)
    choices = list(single.choices.all())
    ballots = Ballot.objects.bulk_create(Ballot(poll=poll, is_guest=True) for _ in range(number))
    Selection.objects.bulk_create(
        Selection(ballot=ballot, choice=choices[i % 3]) for i, ballot in enumerate(ballots)
    )


@pytest.mark.parametrize("path", ["detail", "results", "csv", "spreadsheet"])
def test_poll_pages_queries_do_not_grow_with_ballots(client, user, path):
    poll = poll_with_questions()
    client.force_login(user)
    client.post(poll.get_absolute_url(), ballot_data(poll), follow=True)  # shows the message
    url = {
        "detail": poll.get_absolute_url(),
        "results": poll.get_results_url(),
        "csv": f"/abstimmungen/{poll.slug}/ergebnisse.csv",
        "spreadsheet": f"/abstimmungen/{poll.slug}/ergebnisse-tabellenkalkulation.csv",
    }[path]
    many_ballots(poll, 9)
    few = count_queries(client, url)
    many_ballots(poll, 990)
    assert count_queries(client, url) == few


def test_results_page_shows_online_paper_total_share_and_method(client, editor):
    poll = poll_with_questions()
    single = poll.questions.get(position=1)
    roundnet, _, tanzt = single.choices.all()
    BallotFactory(poll=poll, choices=[tanzt])
    BallotFactory(poll=poll, choices=[tanzt])
    batch = PaperBatchFactory(poll=poll, ballots_count=4, counts={tanzt: 1, roundnet: 3})
    from polls.services import confirm_paper_batch

    confirm_paper_batch(batch=batch, confirmed_by=editor, seen_revision=batch.revision)
    html = client.get(poll.get_results_url()).text
    assert "Zwischenergebnis" in html
    assert '<th scope="row" class="fw-normal">Lautern tanzt</th>' in html
    assert "50,0 %" in html  # Lautern tanzt: 3 of 6 votes
    assert "Stand bei »Lautern blüht auf«" in html
    assert "doppelt gezählt" in html
    assert 'class="result-bar-online bar-w-33"' in html


def test_free_text_answers_are_never_public(client, user):
    poll = poll_with_questions()
    client.force_login(user)
    client.post(poll.get_absolute_url(), ballot_data(poll, text="Nur für die Stadt"))
    client.logout()
    html = client.get(poll.get_results_url()).text
    assert "1 schriftliche Antwort" in html
    assert "Nur für die Stadt" not in html
    assert "Nur für die Stadt" not in client.get(f"/abstimmungen/{poll.slug}/ergebnisse.csv").text


def test_results_wait_for_the_close_where_the_poll_says_so(client):
    poll = poll_with_questions(results_visibility=Poll.ResultsVisibility.AFTER_CLOSE)
    html = client.get(poll.get_results_url()).text
    assert "Die Ergebnisse werden nach dem Ende der Abstimmung" in html
    assert "results-table" not in html
    assert client.get(f"/abstimmungen/{poll.slug}/ergebnisse.csv").status_code == 404


def test_results_csv_is_open_data_with_the_same_figures(client, editor):
    poll = poll_with_results(editor)
    response = client.get(f"/abstimmungen/{poll.slug}/ergebnisse.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f"{poll.slug}-ergebnisse.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8"))))
    assert rows[0] == ["Frage", "Antwort", "Online", "Papier", "Gesamt", "Anteil in Prozent"]
    assert rows[1] == ["Teilnehmende", "", "2", "2", "4", ""]
    assert ["Welche Veranstaltung zuerst?", "Lautern tanzt", "1", "2", "3", "75.0"] in rows
    assert ["Welche Veranstaltung zuerst?", "Roundnet", "1", "0", "1", "25.0"] in rows


SPREADSHEET_CSV = "/abstimmungen/{slug}/ergebnisse-tabellenkalkulation.csv"
OPEN_DATA_CSV = "/abstimmungen/{slug}/ergebnisse.csv"


def poll_with_results(editor, **kwargs):
    """A poll with online votes, a guest's vote and confirmed paper votes: shares of 75/25."""
    poll = poll_with_questions(eligibility=Poll.Eligibility.GUESTS, **kwargs)
    roundnet, _, tanzt = poll.questions.get(position=1).choices.all()
    BallotFactory(poll=poll, choices=[tanzt])
    BallotFactory(poll=poll, user=None, is_guest=True, choices=[roundnet])
    from polls.services import confirm_paper_batch

    confirm_paper_batch(
        batch=PaperBatchFactory(poll=poll, ballots_count=2, counts={tanzt: 2}),
        confirmed_by=editor,
        seen_revision=1,
    )
    return poll


def test_spreadsheet_csv_opens_in_german_spreadsheet_programs(client, editor):
    poll = poll_with_results(editor)
    response = client.get(SPREADSHEET_CSV.format(slug=poll.slug))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f"{poll.slug}-ergebnisse-tabellenkalkulation.csv" in response["Content-Disposition"]
    content = response.content
    assert content.startswith(b"\xef\xbb\xbf")  # the BOM tells the program it is UTF-8
    assert content.count(b"\r\n") == content.count(b"\n")  # every line ends in CRLF
    text = content.decode("utf-8-sig")
    assert text.splitlines()[0] == "Frage;Antwort;Online;Papier;Gesamt;Anteil in Prozent"
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert rows[1] == ["Teilnehmende", "", "2", "2", "4", ""]
    assert ["Welche Veranstaltung zuerst?", "Lautern tanzt", "1", "2", "3", "75,0"] in rows
    assert ["Welche Veranstaltung zuerst?", "Roundnet", "1", "0", "1", "25,0"] in rows


def test_spreadsheet_csv_has_the_figures_of_the_open_data_csv(client, editor):
    poll = poll_with_results(editor)
    plain = client.get(OPEN_DATA_CSV.format(slug=poll.slug)).content.decode("utf-8")
    spreadsheet = client.get(SPREADSHEET_CSV.format(slug=poll.slug)).content.decode("utf-8-sig")
    plain_rows = list(csv.reader(io.StringIO(plain, newline="")))
    spreadsheet_rows = list(csv.reader(io.StringIO(spreadsheet, newline=""), delimiter=";"))
    assert len(plain_rows) == 1 + 1 + 3 + 3  # heading, participants, two questions of three
    assert spreadsheet_rows == [[cell.replace(".", ",") for cell in row] for row in plain_rows]


def test_spreadsheet_csv_cannot_start_a_formula(client, editor):
    poll = poll_with_questions()
    question = poll.questions.get(position=1)
    question.text = '=HYPERLINK("https://example.org";"Klick")'
    question.save()
    labels = ["+1+1", "-2+3", "@SUMME(A1)"]
    for choice, label in zip(question.choices.all(), labels, strict=True):
        choice.label = label
        choice.save()
    text = client.get(SPREADSHEET_CSV.format(slug=poll.slug)).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    cells = [row[0] for row in rows] + [row[1] for row in rows]
    assert '\'=HYPERLINK("https://example.org";"Klick")' in cells
    assert {"'+1+1", "'-2+3", "'@SUMME(A1)"} <= set(cells)
    assert not [cell for cell in cells if cell[:1] in {"=", "+", "-", "@"}]
    # The open data stay as they were written.
    plain = client.get(OPEN_DATA_CSV.format(slug=poll.slug)).content.decode("utf-8")
    assert "+1+1" in plain and "'+1+1" not in plain


@pytest.mark.parametrize(
    ("poll_kwargs", "role", "status"),
    [
        ({}, "anonymous", 200),
        ({"is_published": False}, "user", 404),
        ({"is_published": False}, "editor", 200),
        ({"results_visibility": Poll.ResultsVisibility.AFTER_CLOSE}, "user", 404),
        ({"results_visibility": Poll.ResultsVisibility.AFTER_CLOSE}, "editor", 200),
        ({"results_visibility": Poll.ResultsVisibility.PUBLISHED, "state": "closed"}, "user", 404),
        ({"state": "upcoming"}, "anonymous", 404),
    ],
)
def test_both_downloads_follow_the_same_access_rules(
    client, user, editor, poll_kwargs, role, status
):
    poll = poll_with_questions(**poll_kwargs)
    if role != "anonymous":
        client.force_login({"user": user, "editor": editor}[role])
    for url in (OPEN_DATA_CSV, SPREADSHEET_CSV):
        assert client.get(url.format(slug=poll.slug)).status_code == status, url
    assert client.get(SPREADSHEET_CSV.format(slug="gibt-es-nicht")).status_code == 404


def test_both_downloads_count_every_vote_at_once(
    client, editor, page_cache, django_capture_on_commit_callbacks
):
    # Like the open data, the spreadsheet file shows a new vote at once, with the page cache on.
    poll = poll_with_results(editor)
    for url in (OPEN_DATA_CSV, SPREADSHEET_CSV):
        client.get(url.format(slug=poll.slug))
    single, multiple, text = poll.questions.order_by("position")
    answers = {single: [single.choices.first()], multiple: [multiple.choices.first()], text: ""}
    with django_capture_on_commit_callbacks(execute=True):
        cast_ballot(poll=poll, user=UserFactory(), answers=answers)
    for url in (OPEN_DATA_CSV, SPREADSHEET_CSV):
        text = client.get(url.format(slug=poll.slug)).content.decode("utf-8-sig")
        assert "Teilnehmende,,3,2,5," in text or "Teilnehmende;;3;2;5;" in text, url


def test_results_page_offers_both_downloads_and_says_which_to_use(client):
    poll = poll_with_questions()
    html = client.get(poll.get_results_url()).text
    assert f'href="/abstimmungen/{poll.slug}/ergebnisse.csv"' in html
    assert f'href="/abstimmungen/{poll.slug}/ergebnisse-tabellenkalkulation.csv"' in html
    assert "Excel" in html and "LibreOffice" in html
    assert "offene Daten" in html


def test_project_page_lists_its_polls(client):
    poll = PollFactory(title="Stadt.Raum.Wir. 2026")
    PollFactory(project=poll.project, title="Entwurf", is_published=False)
    assert poll.project is None
    from tests.projects.factories import ProjectFactory

    project = ProjectFactory()
    poll.project = project
    poll.save()
    html = client.get(project.get_absolute_url()).text
    assert "Stadt.Raum.Wir. 2026" in html
    assert "Entwurf" not in html


def test_start_page_invites_to_open_polls(client):
    PollFactory(title="Stadt.Raum.Wir. 2026")
    PollFactory(title="Vorbei", state="closed")
    html = client.get("/").text
    assert "Stadt.Raum.Wir. 2026" in html
    assert "Vorbei" not in html
