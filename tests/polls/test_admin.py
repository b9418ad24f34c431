"""Editors run polls in the admin; paper batches go through four eyes; answers stay anonymous."""

import csv
import datetime
import io

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.messages import get_messages
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import gettext

from polls import services
from polls.models import PaperBatch, Poll, Question, TextAnswer
from tests.accounts.factories import UserFactory

from .factories import BallotFactory, PaperBatchFactory, PollFactory, poll_with_questions

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/polls/paperbatch/add/"


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def batch_url(batch, action="change"):
    return f"/admin/polls/paperbatch/{batch.pk}/{action}/"


def choices_of(poll):
    single, multiple, _text = poll.questions.order_by("position")
    return list(single.choices.all()), list(multiple.choices.all())


def batch_form(poll, singles=(6, 3, 1), multiples=(7, 5, 2), **overrides):
    single, multiple = choices_of(poll)
    data = {
        "place": "Stand beim Stadtfest",
        "collected_on": timezone.localdate().isoformat(),
        "ballots_count": "10",
        "note": "Zwei Stimmzettel unleserlich.",
    }
    for choice, count in [
        *zip(single, singles, strict=True),
        *zip(multiple, multiples, strict=True),
    ]:
        data[f"choice_{choice.pk}"] = str(count)
    return {**data, **overrides}


def paper_column(poll, label):
    """The paper votes of an answer in the public results CSV, as anybody downloads it."""
    response = Client().get(f"/abstimmungen/{poll.slug}/ergebnisse.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    return next(int(row[3]) for row in rows if row[1] == label)


@pytest.fixture
def colleague(db):
    return UserFactory(is_staff=True, groups=["Redaktion"])


# Polls


def test_editor_sees_polls_with_participation(client, editor):
    poll = poll_with_questions(title="Veranstaltungen im Park")
    single, _multiple = choices_of(poll)
    BallotFactory.create_batch(2, poll=poll, choices=[single[0]])
    counted = PaperBatchFactory(poll=poll, ballots_count=7, counts={single[1]: 7})
    services.confirm_paper_batch(
        batch=counted, confirmed_by=editor, seen_revision=counted.revision
    )
    PaperBatchFactory(poll=poll, ballots_count=50)  # waiting for confirmation: not counted
    client.force_login(editor)

    response = client.get("/admin/polls/poll/")

    assert response.status_code == 200
    assert "Veranstaltungen im Park" in response.text
    assert '<td class="field-online">2</td>' in response.text
    assert '<td class="field-paper">7</td>' in response.text


def test_poll_list_takes_the_same_queries_for_few_and_many_polls(client, editor):
    client.force_login(editor)
    for poll in PollFactory.create_batch(3):
        BallotFactory(poll=poll)
    with CaptureQueriesContext(connection) as few:
        assert client.get("/admin/polls/poll/").status_code == 200
    for poll in PollFactory.create_batch(27, state="closed"):
        BallotFactory(poll=poll)
        PaperBatchFactory(poll=poll)
    with CaptureQueriesContext(connection) as many:
        assert client.get("/admin/polls/poll/").status_code == 200
    assert len(many) == len(few)


def test_poll_page_lists_questions_with_links_to_their_choices(client, editor):
    poll = poll_with_questions()
    single, _multiple = choices_of(poll)
    client.force_login(editor)

    response = client.get(f"/admin/polls/poll/{poll.pk}/change/")

    assert response.status_code == 200
    assert f"/admin/polls/question/{single[0].question_id}/change/" in response.text
    assert "(3)" in response.text
    assert f"/admin/polls/paperbatch/add/?poll={poll.pk}" in response.text
    assert poll.get_results_url() in response.text


def test_editor_creates_a_poll_with_a_question_and_then_its_choices(client, editor):
    client.force_login(editor)
    data = {
        "title_de": "Neue Umfrage",
        "title_en": "New survey",
        "slug": "neue-umfrage",
        "project": "",
        "is_published": "on",
        "intro_de": "<p>Worum es geht.</p>",
        "intro_en": "<p>What it is about.</p>",
        "opens_at_0": "01.05.2026",
        "opens_at_1": "10:00",
        "closes_at_0": "31.05.2026",
        "closes_at_1": "18:00",
        "eligibility": "account",
        "ballots_changeable": "on",
        "results_visibility": "after_close",
        "method_note_de": "",
        "questions-TOTAL_FORMS": "1",
        "questions-INITIAL_FORMS": "0",
        "progress-milestone-content_type-object_id-TOTAL_FORMS": "0",
        "progress-milestone-content_type-object_id-INITIAL_FORMS": "0",
        "questions-0-position": "1",
        "questions-0-text_de": "Was zuerst?",
        "questions-0-text_en": "What first?",
        "questions-0-kind": "single",
        "questions-0-is_required": "on",
        "questions-0-max_choices": "",
        "questions-0-max_length": "1000",
    }
    response = client.post("/admin/polls/poll/add/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    question = Question.objects.get(poll__slug="neue-umfrage")

    response = client.post(
        f"/admin/polls/question/{question.pk}/change/",
        {
            "position": "1",
            "text_de": "Was zuerst?",
            "text_en": "What first?",
            "description_de": "",
            "kind": "single",
            "is_required": "on",
            "max_choices": "",
            "max_length": "1000",
            "choices-TOTAL_FORMS": "2",
            "choices-INITIAL_FORMS": "0",
            "choices-0-position": "1",
            "choices-0-label_de": "Roundnet",
            "choices-0-label_en": "Roundnet",
            "choices-0-description_de": "",
            "choices-0-image_alt": "",
            "choices-1-position": "2",
            "choices-1-label_de": "Lesung",
            "choices-1-label_en": "Reading",
            "choices-1-description_de": "",
            "choices-1-image_alt": "",
        },
    )

    assert response.status_code == 302
    assert response.url == f"/admin/polls/poll/{question.poll_id}/change/"
    assert [c.label for c in question.choices.all()] == ["Roundnet", "Lesung"]
    # The ballot in both languages.
    poll = question.poll
    with translation.override("en"):
        assert poll.title == "New survey"
        assert [c.label for c in question.choices.all()] == ["Roundnet", "Reading"]


def test_questions_and_choices_are_fixed_once_people_have_answered(client, editor):
    poll = poll_with_questions()
    single, _multiple = choices_of(poll)
    BallotFactory(poll=poll, choices=[single[0]])
    question = single[0].question
    client.force_login(editor)

    poll_page = client.get(f"/admin/polls/poll/{poll.pk}/change/")
    question_page = client.get(f"/admin/polls/question/{question.pk}/change/")

    questions = poll_page.context["inline_admin_formsets"][0]
    assert not questions.has_add_permission
    assert not questions.has_delete_permission
    choices = question_page.context["inline_admin_formsets"][0]
    assert not choices.has_add_permission
    assert not choices.has_delete_permission
    assert (
        client.post(f"/admin/polls/question/{question.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    # The wording may still be corrected.
    response = client.post(
        f"/admin/polls/question/{question.pk}/change/",
        {
            "position": "1",
            "text_de": "Welche Veranstaltung soll zuerst stattfinden?",
            "description_de": "",
            "is_required": "on",
            "max_length": "1000",
            "choices-TOTAL_FORMS": "3",
            "choices-INITIAL_FORMS": "3",
            **{
                f"choices-{i}-{name}": value
                for i, choice in enumerate(single)
                for name, value in {
                    "id": choice.pk,
                    "question": question.pk,
                    "position": choice.position,
                    "label_de": choice.label.upper(),
                    "description_de": "",
                    "image_alt": "",
                }.items()
            },
        },
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.text == "Welche Veranstaltung soll zuerst stattfinden?"
    assert question.kind == Question.Kind.SINGLE
    assert question.choices.first().label == "ROUNDNET"
    assert question.choices.count() == 3


def test_publishing_results_works_only_after_the_close(client, editor):
    poll = PollFactory(state="open")
    client.force_login(editor)

    response = client.post(f"/admin/polls/poll/{poll.pk}/publish-results/")

    assert response.status_code == 302
    assert gettext("Results can be published once the poll has closed.") in messages_of(response)
    poll.refresh_from_db()
    assert not poll.results_published

    poll.opens_at = timezone.now() - datetime.timedelta(days=9)
    poll.closes_at = timezone.now() - datetime.timedelta(hours=1)
    poll.save()
    response = client.post(f"/admin/polls/poll/{poll.pk}/publish-results/")

    poll.refresh_from_db()
    assert poll.results_published
    assert poll.results_published_by == editor
    assert LogEntry.objects.filter(object_id=str(poll.pk), user=editor).exists()


def test_publishing_waits_for_unconfirmed_paper_batches(client, editor):
    poll = PollFactory(state="closed")
    PaperBatchFactory(poll=poll)
    client.force_login(editor)

    response = client.post(f"/admin/polls/poll/{poll.pk}/publish-results/")

    assert gettext(
        "Paper batches are still waiting for confirmation: please confirm or void "
        "them before publishing the results."
    ) in messages_of(response)
    poll.refresh_from_db()
    assert not poll.results_published


def test_publishing_needs_a_post_and_the_right_to_change_polls(client, editor, moderator):
    poll = PollFactory(state="closed")
    client.force_login(editor)
    assert client.get(f"/admin/polls/poll/{poll.pk}/publish-results/").status_code == 405
    client.force_login(moderator)
    assert client.post(f"/admin/polls/poll/{poll.pk}/publish-results/").status_code == 403
    poll.refresh_from_db()
    assert not poll.results_published


def test_answers_export_holds_answers_but_nothing_about_the_people(client, editor):
    poll = poll_with_questions(eligibility=Poll.Eligibility.GUESTS)
    single, multiple = choices_of(poll)
    text_question = poll.questions.get(kind=Question.Kind.TEXT)
    voter = UserFactory(username="erika-mustermann", email="erika@example.org")
    ballot = BallotFactory(poll=poll, user=voter, choices=[single[1], multiple[0], multiple[2]])
    TextAnswer.objects.create(ballot=ballot, question=text_question, text="Mehr Bänke, bitte!")
    guest = BallotFactory(poll=poll, user=None, is_guest=True, choices=[single[0]])
    TextAnswer.objects.create(ballot=guest, question=text_question, text="=HYPERLINK(1)")
    client.force_login(editor)

    response = client.get(f"/admin/polls/poll/{poll.pk}/answers.csv")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    content = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    assert rows[0][2:] == [q.text for q in poll.questions.order_by("position")]
    assert sorted(row[0] for row in rows[1:]) == ["1", "2"]
    by_channel = {row[1]: row[2:] for row in rows[1:]}
    assert by_channel[gettext("online (account)")] == [
        "Open-Air-Lesung",
        "Pakete; Leihgeräte",
        "Mehr Bänke, bitte!",
    ]
    # A formula from the public is kept as text.
    assert by_channel[gettext("online (guest)")] == ["Roundnet", "", "'=HYPERLINK(1)"]
    assert len(rows[0]) == 2 + 3
    assert "erika" not in content
    assert "@" not in content


def test_answers_export_needs_the_right_to_read_free_text(client, moderator):
    poll = poll_with_questions()
    client.force_login(moderator)
    assert client.get(f"/admin/polls/poll/{poll.pk}/answers.csv").status_code == 403


# Paper batches


def test_paper_batch_journey_with_four_eyes(client, editor, moderator):
    poll = poll_with_questions()
    client.force_login(editor)

    picker = client.get(ADD_URL)
    assert picker.status_code == 200
    assert poll in picker.context["picker"].fields["poll"].queryset
    form_page = client.get(f"{ADD_URL}?poll={poll.pk}")
    assert form_page.status_code == 200
    assert timezone.localdate().isoformat() in form_page.text
    assert "<legend><h2>Welche Veranstaltung zuerst?</h2></legend>" in form_page.text

    response = client.post(f"{ADD_URL}?poll={poll.pk}", batch_form(poll))

    batch = PaperBatch.objects.get()
    assert response.status_code == 302
    assert response.url == batch_url(batch)
    assert batch.entered_by == editor
    assert batch.state == PaperBatch.State.ENTERED
    assert {c.choice.label: c.count for c in batch.counts.select_related("choice")} == {
        "Roundnet": 6,
        "Open-Air-Lesung": 3,
        "Lautern tanzt": 1,
        "Pakete": 7,
        "Kühlfach": 5,
        "Leihgeräte": 2,
    }
    assert LogEntry.objects.filter(object_id=str(batch.pk), user=editor).count() == 1
    assert paper_column(poll, "Roundnet") == 0  # not confirmed yet

    # The person who entered it cannot confirm it.
    page = client.get(batch_url(batch))
    assert "form" in page.context  # to correct it, but without a way to confirm it
    assert "/confirm/" not in page.text
    response = client.post(batch_url(batch, "confirm"))
    assert gettext(
        "You entered this batch yourself; another staff member must confirm it."
    ) in messages_of(response)
    batch.refresh_from_db()
    assert batch.state == PaperBatch.State.ENTERED

    # A colleague confirms it.
    client.force_login(moderator)
    page = client.get(batch_url(batch))
    assert page.context["may_confirm"]
    assert '<input type="hidden" name="revision" value="1">' in page.text
    response = client.post(batch_url(batch, "confirm"), {"revision": "1"})
    assert response.status_code == 302
    batch.refresh_from_db()
    assert batch.state == PaperBatch.State.CONFIRMED
    assert batch.confirmed_by == moderator
    assert LogEntry.objects.filter(object_id=str(batch.pk), user=moderator).exists()

    results = client.get(f"/abstimmungen/{poll.slug}/ergebnisse/")
    assert results.status_code == 200
    assert results.context["results"].paper_participants == 10
    assert paper_column(poll, "Roundnet") == 6
    assert paper_column(poll, "Kühlfach") == 5


def test_save_and_enter_another_batch_returns_to_the_form(client, editor):
    poll = poll_with_questions()
    client.force_login(editor)
    response = client.post(f"{ADD_URL}?poll={poll.pk}", {**batch_form(poll), "_addanother": "1"})
    assert response.url == f"{ADD_URL}?poll={poll.pk}"


def too_many_for_single_choice(poll, single, multiple):
    return gettext(
        "“%(question)s” allows one answer per ballot, but its counts add up to more "
        "than the %(ballots)d paper ballots."
    ) % {"question": single[0].question.text, "ballots": 10}


def more_votes_than_ballots(poll, single, multiple):
    return gettext("More votes than paper ballots in this batch.")


@pytest.mark.parametrize(
    ("counts", "field", "message"),
    [
        ({"singles": (6, 4, 1)}, None, too_many_for_single_choice),
        ({"singles": (6, -3, 1)}, "single-1", None),
        ({"multiples": (11, 0, 0)}, "multiple-0", more_votes_than_ballots),
        ({"ballots_count": ""}, "ballots_count", None),
    ],
)
def test_invalid_counts_come_back_with_a_message_and_nothing_stored(
    client, editor, counts, field, message
):
    poll = poll_with_questions()
    single, multiple = choices_of(poll)
    client.force_login(editor)

    response = client.post(f"{ADD_URL}?poll={poll.pk}", batch_form(poll, **counts))

    assert response.status_code == 200
    form = response.context["form"]
    if field and "-" in field:
        kind, index = field.split("-")
        field = f"choice_{(single if kind == 'single' else multiple)[int(index)].pk}"
    errors = form.errors[field or "__all__"]
    if message:
        assert message(poll, single, multiple) in errors
        assert message(poll, single, multiple) in response.text
    # Everything typed is still there.
    assert 'value="Stand beim Stadtfest"' in response.text
    assert "Zwei Stimmzettel unleserlich." in response.text
    assert not PaperBatch.objects.exists()


def test_negative_count_is_refused_at_its_field(client, editor):
    poll = poll_with_questions()
    single, _multiple = choices_of(poll)
    client.force_login(editor)
    response = client.post(f"{ADD_URL}?poll={poll.pk}", batch_form(poll, singles=(6, -3, 1)))
    assert response.context["form"].errors[f"choice_{single[1].pk}"]
    assert 'value="-3"' in response.text
    assert not PaperBatch.objects.exists()


def test_the_person_who_entered_a_batch_may_correct_it_until_confirmation(
    client, editor, colleague
):
    poll = poll_with_questions()
    client.force_login(editor)
    client.post(f"{ADD_URL}?poll={poll.pk}", batch_form(poll))
    batch = PaperBatch.objects.get()

    response = client.post(batch_url(batch), batch_form(poll, ballots_count="12", place="Markt"))

    assert response.status_code == 302
    batch.refresh_from_db()
    assert (batch.place, batch.ballots_count) == ("Markt", 12)

    client.force_login(colleague)
    page = client.get(batch_url(batch))
    assert "form" not in page.context
    response = client.post(batch_url(batch), batch_form(poll, place="Woanders"))
    assert gettext("Only the person who entered this batch may change it.") in messages_of(
        response
    )
    batch.refresh_from_db()
    assert batch.place == "Markt"


def test_a_confirmed_batch_cannot_be_changed(client, editor, colleague):
    poll = poll_with_questions()
    single, _multiple = choices_of(poll)
    batch = PaperBatchFactory(poll=poll, entered_by=editor, counts={single[0]: 10})
    services.confirm_paper_batch(batch=batch, confirmed_by=colleague, seen_revision=batch.revision)
    for user in (editor, colleague):
        client.force_login(user)

        response = client.post(batch_url(batch), batch_form(poll, place="Geändert"))

        assert response.status_code == 302
        batch.refresh_from_db()
        assert batch.place == "Stand bei »Lautern blüht auf«"
        assert batch.counts.get().count == 10
        assert batch.state == PaperBatch.State.CONFIRMED
    assert (
        client.post(f"/admin/polls/paperbatch/{batch.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    assert PaperBatch.objects.filter(pk=batch.pk).exists()


def test_voiding_needs_a_reason_and_takes_the_batch_out_of_the_results(client, editor, colleague):
    poll = poll_with_questions()
    single, _multiple = choices_of(poll)
    batch = PaperBatchFactory(poll=poll, entered_by=colleague, counts={single[0]: 10})
    services.confirm_paper_batch(batch=batch, confirmed_by=editor, seen_revision=batch.revision)
    assert paper_column(poll, "Roundnet") == 10
    client.force_login(editor)

    assert client.get(batch_url(batch, "void")).status_code == 200
    response = client.post(batch_url(batch, "void"), {"reason": "   "})

    assert response.status_code == 200
    assert response.context["form"].errors["reason"]
    batch.refresh_from_db()
    assert batch.state == PaperBatch.State.CONFIRMED

    response = client.post(batch_url(batch, "void"), {"reason": "Zwei Antworten vertauscht."})

    assert response.status_code == 302
    batch.refresh_from_db()
    assert batch.state == PaperBatch.State.VOIDED
    assert (batch.voided_by, batch.void_reason) == (editor, "Zwei Antworten vertauscht.")
    assert paper_column(poll, "Roundnet") == 0
    page = client.get(batch_url(batch))
    assert "Zwei Antworten vertauscht." in page.text
    assert not page.context["may_void"]
    assert LogEntry.objects.filter(object_id=str(batch.pk), user=editor).exists()


def test_no_batch_can_be_entered_once_the_results_are_published(client, editor):
    poll = poll_with_questions(state="closed")
    services.publish_results(poll=poll, by=editor)
    client.force_login(editor)

    picker = client.get(f"{ADD_URL}?poll={poll.pk}")
    assert picker.status_code == 200
    assert picker.context["picker"].errors
    assert poll not in picker.context["picker"].fields["poll"].queryset

    # A form still open at the stand gets the reason, and its entries back.
    response = client.post(f"{ADD_URL}?poll={poll.pk}", batch_form(poll))

    assert response.status_code == 200
    assert (
        gettext("The results of this poll are published; paper votes can no longer change.")
        in response.context["form"].non_field_errors()
    )
    assert not PaperBatch.objects.exists()


def test_moderators_confirm_but_do_not_enter_or_void(client, moderator):
    poll = poll_with_questions()
    batch = PaperBatchFactory(poll=poll)
    client.force_login(moderator)
    assert client.get(ADD_URL).status_code == 403
    assert client.get(batch_url(batch)).status_code == 200
    response = client.post(batch_url(batch, "void"), {"reason": "Einfach so."})
    assert response.status_code == 302
    batch.refresh_from_db()
    assert batch.state == PaperBatch.State.ENTERED


def test_batch_list_shows_the_state_first_and_each_batch_with_its_poll(client, editor):
    poll = poll_with_questions(title="Was kommt auf den Platz?")
    batch = PaperBatchFactory(poll=poll, place="Wochenmarkt", ballots_count=12)
    client.force_login(editor)

    response = client.get("/admin/polls/paperbatch/")

    html = response.text
    columns = [column["text"] for column in response.context["result_headers"]]
    assert columns == ["Status", "Papierstapel", "Stimmzettel", "erfasst von", "bestätigt von"]
    assert f'<a href="/admin/polls/paperbatch/{batch.pk}/change/">{batch}</a>' in html
    assert '<span class="quiet">Was kommt auf den Platz?</span>' in html
    assert '<td class="field-ballots">12</td>' in html


# Free-text answers


def test_free_text_answers_can_be_read_but_not_changed(client, editor):
    poll = poll_with_questions()
    question = poll.questions.get(kind=Question.Kind.TEXT)
    answer = TextAnswer.objects.create(
        ballot=BallotFactory(poll=poll), question=question, text="Mehr Schatten im Park."
    )
    client.force_login(editor)

    listing = client.get("/admin/polls/textanswer/")
    page = client.get(f"/admin/polls/textanswer/{answer.pk}/change/")
    client.post(f"/admin/polls/textanswer/{answer.pk}/change/", {"text": "Anders."})

    assert listing.status_code == 200
    assert "Mehr Schatten im Park." in listing.text
    assert page.status_code == 200
    assert not page.context["has_change_permission"]
    assert client.get("/admin/polls/textanswer/add/").status_code == 403
    assert client.get(f"/admin/polls/textanswer/{answer.pk}/delete/").status_code == 403
    answer.refresh_from_db()
    assert answer.text == "Mehr Schatten im Park."


# Who gets in


def admin_urls(poll, batch, answer):
    return [
        "/admin/polls/poll/",
        f"/admin/polls/poll/{poll.pk}/change/",
        f"/admin/polls/poll/{poll.pk}/answers.csv",
        f"/admin/polls/question/{poll.questions.first().pk}/change/",
        "/admin/polls/paperbatch/",
        ADD_URL,
        f"{ADD_URL}?poll={poll.pk}",
        batch_url(batch),
        batch_url(batch, "void"),
        "/admin/polls/textanswer/",
        f"/admin/polls/textanswer/{answer.pk}/change/",
    ]


@pytest.mark.parametrize("signed_in", [False, True])
def test_citizens_are_sent_to_the_admin_login(client, user, signed_in):
    poll = poll_with_questions(state="closed")
    batch = PaperBatchFactory(poll=poll)
    question = poll.questions.get(kind=Question.Kind.TEXT)
    answer = TextAnswer.objects.create(
        ballot=BallotFactory(poll=poll), question=question, text="Geheim"
    )
    if signed_in:
        client.force_login(user)
    for url in admin_urls(poll, batch, answer):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith("/admin/login/"), url
    for url in [
        f"/admin/polls/poll/{poll.pk}/publish-results/",
        batch_url(batch, "confirm"),
        batch_url(batch, "void"),
        f"{ADD_URL}?poll={poll.pk}",
    ]:
        response = client.post(url, {"reason": "x", **batch_form(poll)})
        assert response.status_code == 302, url
        assert response.url.startswith("/admin/login/"), url
    poll.refresh_from_db()
    batch.refresh_from_db()
    assert not poll.results_published
    assert batch.state == PaperBatch.State.ENTERED
    assert PaperBatch.objects.count() == 1


def test_a_colleague_confirms_only_the_figures_they_saw(client, editor, colleague):
    """Review-then-act: a correction after the colleague opened the batch is not confirmed."""
    poll = poll_with_questions()
    client.force_login(editor)
    client.post(f"{ADD_URL}?poll={poll.pk}", batch_form(poll))
    batch = PaperBatch.objects.get()
    reviewer = Client()
    reviewer.force_login(colleague)
    opened = reviewer.get(batch_url(batch))
    assert '<input type="hidden" name="revision" value="1">' in opened.text

    # Meanwhile the person who entered it turns 10 ballots into 500.
    client.post(batch_url(batch), batch_form(poll, ballots_count="500", singles=(400, 50, 50)))
    batch.refresh_from_db()
    assert (batch.ballots_count, batch.revision) == (500, 2)

    response = reviewer.post(batch_url(batch, "confirm"), {"revision": "1"})

    batch.refresh_from_db()
    assert batch.confirmed_at is None
    assert paper_column(poll, "Roundnet") == 0
    [message] = messages_of(response)
    assert "Version 2" in message or "Fassung 2" in message
    assert response["Location"] == batch_url(batch)
    shown = reviewer.get(response["Location"])
    assert "500" in shown.text  # the new figures, to compare anew
    assert '<input type="hidden" name="revision" value="2">' in shown.text
    reviewer.post(batch_url(batch, "confirm"), {"revision": "2"})
    batch.refresh_from_db()
    assert batch.confirmed_by == colleague


def test_a_confirmation_without_the_version_seen_is_refused(client, editor, colleague):
    poll = poll_with_questions()
    batch = PaperBatchFactory(poll=poll, entered_by=editor)
    client.force_login(colleague)

    response = client.post(batch_url(batch, "confirm"))

    batch.refresh_from_db()
    assert batch.confirmed_at is None
    assert messages_of(response) == [
        gettext("Please compare the figures on the page of the batch and confirm it there.")
    ]
