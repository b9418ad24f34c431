"""Casting ballots, paper batches with four eyes, publishing: the rules every caller gets."""

import threading
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, connections

from polls.models import Ballot, PaperBatch, Poll, Question, Selection, TextAnswer
from polls.results import tally
from polls.services import (
    AlreadyVoted,
    cast_ballot,
    confirm_paper_batch,
    enter_paper_batch,
    publish_results,
    update_paper_batch,
    void_paper_batch,
)
from tests.accounts.factories import UserFactory
from tests.polls.factories import (
    BallotFactory,
    ChoiceFactory,
    PaperBatchFactory,
    poll_with_questions,
)

pytestmark = pytest.mark.django_db


def parts(poll):
    single, multiple, text = poll.questions.order_by("position")
    return single, multiple, text, list(single.choices.all()), list(multiple.choices.all())


def answers_for(poll, single_index=0, multiple_indexes=(0,), text=""):
    single, multiple, free, single_choices, multiple_choices = parts(poll)
    return {
        single: [single_choices[single_index]],
        multiple: [multiple_choices[i] for i in multiple_indexes],
        free: text,
    }


def stored_rows():
    return Ballot.objects.count(), Selection.objects.count(), TextAnswer.objects.count()


def test_cast_ballot_stores_choices_and_text(user):
    poll = poll_with_questions()
    ballot = cast_ballot(
        poll=poll, user=user, answers=answers_for(poll, 2, (0, 1), "  Mehr Bänke  ")
    )
    assert ballot.user == user and not ballot.is_guest
    assert sorted(s.choice.label for s in ballot.selections.all()) == [
        "Kühlfach",
        "Lautern tanzt",
        "Pakete",
    ]
    assert ballot.text_answers.get().text == "Mehr Bänke"


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ("missing_required", "Bitte beantworten Sie diese Frage."),
        ("too_many", "Bitte wählen Sie höchstens 2 Antworten."),
        ("foreign_choice", "Bitte wählen Sie nur unter den angebotenen Antworten."),
        ("two_single", "Bitte wählen Sie nur eine Antwort."),
        ("long_text", "Bitte kürzen Sie Ihre Antwort auf höchstens 200 Zeichen."),
    ],
)
def test_invalid_answers_store_nothing(user, change, error):
    poll = poll_with_questions()
    single, multiple, free, single_choices, multiple_choices = parts(poll)
    answers = answers_for(poll)
    if change == "missing_required":
        answers[single] = []
    elif change == "too_many":
        answers[multiple] = multiple_choices
    elif change == "foreign_choice":
        answers[single] = [ChoiceFactory()]
    elif change == "two_single":
        answers[single] = single_choices[:2]
    elif change == "long_text":
        answers[free] = "x" * 201
    with pytest.raises(ValidationError) as raised:
        cast_ballot(poll=poll, user=user, answers=answers)
    assert error in raised.value.messages
    assert stored_rows() == (0, 0, 0)


@pytest.mark.parametrize("state", ["upcoming", "closed"])
def test_no_ballot_outside_the_voting_period(user, state):
    poll = poll_with_questions(state=state)
    with pytest.raises(ValidationError):
        cast_ballot(poll=poll, user=user, answers=answers_for(poll))
    assert stored_rows() == (0, 0, 0)


def test_ineligible_person_stores_nothing():
    poll = poll_with_questions(eligibility=Poll.Eligibility.RESIDENTS)
    with pytest.raises(ValidationError) as raised:
        cast_ballot(poll=poll, user=UserFactory(postal_code="66849"), answers=answers_for(poll))
    assert raised.value.code == "not_resident"
    with pytest.raises(ValidationError):
        cast_ballot(poll=poll, user=AnonymousUser(), answers=answers_for(poll))
    assert stored_rows() == (0, 0, 0)


def test_changing_a_ballot_replaces_its_answers_in_place(user):
    poll = poll_with_questions(ballots_changeable=True)
    first = cast_ballot(poll=poll, user=user, answers=answers_for(poll, 0, (0,), "Erst"))
    second = cast_ballot(poll=poll, user=user, answers=answers_for(poll, 2, (1, 2), ""))
    assert first.pk == second.pk
    assert Ballot.objects.count() == 1
    assert sorted(s.choice.label for s in second.selections.all()) == [
        "Kühlfach",
        "Lautern tanzt",
        "Leihgeräte",
    ]
    assert not second.text_answers.exists()


def test_an_invalid_change_keeps_the_old_answers(user):
    poll = poll_with_questions()
    ballot = cast_ballot(poll=poll, user=user, answers=answers_for(poll, 1))
    single = parts(poll)[0]
    with pytest.raises(ValidationError):
        cast_ballot(poll=poll, user=user, answers={**answers_for(poll), single: []})
    assert [s.choice.label for s in ballot.selections.filter(choice__question=single)] == [
        "Open-Air-Lesung"
    ]


def test_second_ballot_is_refused_where_changes_are_not_allowed(user):
    poll = poll_with_questions(ballots_changeable=False)
    cast_ballot(poll=poll, user=user, answers=answers_for(poll, 0))
    with pytest.raises(AlreadyVoted):
        cast_ballot(poll=poll, user=user, answers=answers_for(poll, 1))
    assert Ballot.objects.count() == 1
    assert Selection.objects.filter(choice__label="Roundnet").count() == 1


def test_guests_vote_without_an_account_and_signed_in_people_with_theirs(user):
    poll = poll_with_questions(eligibility=Poll.Eligibility.GUESTS)
    cast_ballot(poll=poll, user=AnonymousUser(), answers=answers_for(poll))
    cast_ballot(poll=poll, user=AnonymousUser(), answers=answers_for(poll))
    cast_ballot(poll=poll, user=user, answers=answers_for(poll))
    assert poll.ballots.filter(is_guest=True, user=None).count() == 2
    assert poll.ballots.get(is_guest=False).user == user


def test_deleted_account_keeps_its_ballot_counted(user):
    poll = poll_with_questions()
    cast_ballot(poll=poll, user=user, answers=answers_for(poll, 2))
    user.delete()
    ballot = Ballot.objects.get()
    assert ballot.user is None and not ballot.is_guest
    assert tally(poll).questions[0].choices[2].online == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="row locks and concurrent transactions need PostgreSQL (CI runs on it)",
)
def test_two_simultaneous_first_ballots_of_one_person_end_in_one():
    poll = poll_with_questions(ballots_changeable=True)
    user = UserFactory()
    first_inserted, second_started = threading.Event(), threading.Event()
    outcomes = {}

    def first():
        from django.db import transaction

        try:
            with transaction.atomic():
                cast_ballot(poll=poll, user=user, answers=answers_for(poll, 0))
                first_inserted.set()
                # Commit only once the second submission is under way and blocked on the row.
                second_started.wait(5)
                threading.Event().wait(0.3)
            outcomes["first"] = "stored"
        finally:
            connections.close_all()

    def second():
        first_inserted.wait(5)
        second_started.set()
        try:
            cast_ballot(poll=poll, user=user, answers=answers_for(poll, 1))
            outcomes["second"] = "stored"
        except AlreadyVoted:
            outcomes["second"] = "already voted"
        finally:
            connections.close_all()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert outcomes == {"first": "stored", "second": "already voted"}
    assert Ballot.objects.filter(poll=poll, user=user).count() == 1
    assert Selection.objects.filter(choice__question__poll=poll).count() == 2


# Paper batches


@pytest.fixture
def second_editor():
    return UserFactory(is_staff=True, groups=["Redaktion"])


def enter(poll, editor, ballots=10, **counts_by_label):
    choices = {c.label: c for q in poll.questions.all() for c in q.choices.all()}
    return enter_paper_batch(
        poll=poll,
        entered_by=editor,
        place="Stand bei »Lautern blüht auf«",
        collected_on=poll.opens_at.date(),
        ballots_count=ballots,
        counts={choices[label]: n for label, n in counts_by_label.items()},
    )


def test_a_correction_makes_a_new_version_that_an_earlier_look_cannot_confirm(
    editor, second_editor
):
    poll = poll_with_questions()
    batch = enter(poll, editor, ballots=10, Roundnet=10)
    seen = batch.revision
    choices = {c.label: c for q in poll.questions.all() for c in q.choices.all()}

    update_paper_batch(
        batch=batch,
        by=editor,
        place=batch.place,
        collected_on=batch.collected_on,
        ballots_count=500,
        counts={choices["Roundnet"]: 500},
    )
    with pytest.raises(ValidationError) as refused:
        confirm_paper_batch(batch=batch, confirmed_by=second_editor, seen_revision=seen)

    assert refused.value.code == "changed"
    batch.refresh_from_db()
    assert (batch.revision, batch.confirmed_at) == (2, None)
    assert batch.corrected_at is not None
    confirm_paper_batch(batch=batch, confirmed_by=second_editor, seen_revision=2)
    batch.refresh_from_db()
    assert batch.confirmed_by == second_editor


def test_saving_a_batch_unchanged_keeps_its_version(editor):
    poll = poll_with_questions()
    batch = enter(poll, editor, ballots=10, Roundnet=4)
    choices = {c.label: c for q in poll.questions.all() for c in q.choices.all()}
    update_paper_batch(
        batch=batch,
        by=editor,
        place=batch.place,
        collected_on=batch.collected_on,
        ballots_count=10,
        counts={choices["Roundnet"]: 4},
        note=batch.note,
    )
    batch.refresh_from_db()
    assert batch.revision == 1


def test_a_batch_counts_only_after_another_person_confirms_it(editor, second_editor):
    poll = poll_with_questions()
    batch = enter(poll, editor, **{"Lautern tanzt": 7, "Roundnet": 3})
    assert tally(poll).paper_participants == 0
    with pytest.raises(PermissionDenied):
        confirm_paper_batch(batch=batch, confirmed_by=editor, seen_revision=batch.revision)
    batch.refresh_from_db()
    assert batch.state == PaperBatch.State.ENTERED
    confirm_paper_batch(batch=batch, confirmed_by=second_editor, seen_revision=batch.revision)
    batch.refresh_from_db()
    assert batch.confirmed_by == second_editor and batch.confirmed_at is not None
    results = tally(poll)
    assert results.paper_participants == 10
    assert [row.paper for row in results.questions[0].choices] == [3, 0, 7]


def test_the_database_refuses_a_self_confirmed_batch(editor):
    from django.db import IntegrityError, transaction
    from django.utils import timezone

    batch = PaperBatchFactory(entered_by=editor)
    with pytest.raises(IntegrityError), transaction.atomic():
        PaperBatch.objects.filter(pk=batch.pk).update(
            confirmed_by=editor, confirmed_at=timezone.now()
        )


def test_a_citizen_cannot_confirm(editor, user):
    batch = enter(poll_with_questions(), editor, Roundnet=1)
    with pytest.raises(PermissionDenied):
        confirm_paper_batch(batch=batch, confirmed_by=user, seen_revision=batch.revision)


def test_confirmed_batch_cannot_change_and_voiding_needs_a_reason(editor, second_editor):
    poll = poll_with_questions()
    batch = confirm_paper_batch(
        batch=enter(poll, editor, Roundnet=4), confirmed_by=second_editor, seen_revision=1
    )
    with pytest.raises(PermissionDenied):
        update_paper_batch(
            batch=batch,
            by=editor,
            place="x",
            collected_on=batch.collected_on,
            ballots_count=10,
            counts={},
        )
    with pytest.raises(ValidationError):
        void_paper_batch(batch=batch, voided_by=second_editor, reason="  ")
    assert tally(poll).paper_participants == 10
    void_paper_batch(batch=batch, voided_by=second_editor, reason="Zahlen vertauscht")
    batch.refresh_from_db()
    assert batch.state == PaperBatch.State.VOIDED and batch.voided_by == second_editor
    results = tally(poll)
    assert results.paper_participants == 0
    assert all(row.paper == 0 for row in results.questions[0].choices)


def test_only_the_enterer_corrects_an_unconfirmed_batch(editor, second_editor):
    poll = poll_with_questions()
    batch = enter(poll, editor, Roundnet=4)
    roundnet = poll.questions.get(position=1).choices.get(label="Roundnet")
    with pytest.raises(PermissionDenied):
        update_paper_batch(
            batch=batch,
            by=second_editor,
            place="Markt",
            collected_on=batch.collected_on,
            ballots_count=10,
            counts={roundnet: 5},
        )
    update_paper_batch(
        batch=batch,
        by=editor,
        place="Markt",
        collected_on=batch.collected_on,
        ballots_count=12,
        counts={roundnet: 5},
    )
    batch.refresh_from_db()
    assert (batch.place, batch.ballots_count) == ("Markt", 12)
    assert [c.count for c in batch.counts.all()] == [5]


@pytest.mark.parametrize(
    ("ballots", "counts", "message"),
    [
        (10, {"Roundnet": 6, "Lautern tanzt": 5}, "erlaubt eine Antwort je Stimmzettel"),
        (10, {"Roundnet": 11}, "Mehr Stimmen als Stimmzettel in diesem Stapel."),
        (2, {"Pakete": 2, "Kühlfach": 2, "Leihgeräte": 1}, "erlaubt 2 Antworten je Stimmzettel"),
    ],
)
def test_implausible_counts_are_refused(editor, ballots, counts, message):
    poll = poll_with_questions()
    with pytest.raises(ValidationError) as raised:
        enter(poll, editor, ballots=ballots, **counts)
    assert any(message in text for text in raised.value.messages)
    assert not PaperBatch.objects.exists()


def test_counts_of_another_poll_are_refused(editor):
    poll, other = poll_with_questions(), poll_with_questions()
    foreign = other.questions.get(position=1).choices.first()
    with pytest.raises(ValidationError):
        enter_paper_batch(
            poll=poll,
            entered_by=editor,
            place="Markt",
            collected_on=poll.opens_at.date(),
            ballots_count=5,
            counts={foreign: 1},
        )
    assert not PaperBatch.objects.exists()


def test_publishing_freezes_the_paper_votes(editor, second_editor):
    poll = poll_with_questions(state="closed")
    # After the close, batches may still come in until the results are published.
    batch = confirm_paper_batch(
        batch=enter(poll, editor, Roundnet=2), confirmed_by=second_editor, seen_revision=1
    )
    publish_results(poll=poll, by=editor)
    poll.refresh_from_db()
    assert poll.results_published_by == editor
    with pytest.raises(ValidationError):
        enter(poll, editor, Roundnet=1)
    with pytest.raises(ValidationError):
        void_paper_batch(batch=batch, voided_by=second_editor, reason="zu spät")
    assert PaperBatch.objects.count() == 1


def test_results_are_published_only_after_the_close_and_without_waiting_batches(editor):
    with pytest.raises(ValidationError):
        publish_results(poll=poll_with_questions(state="open"), by=editor)
    closed = poll_with_questions(state="closed")
    enter(closed, editor, Roundnet=1)
    with pytest.raises(ValidationError) as raised:
        publish_results(poll=closed, by=editor)
    assert raised.value.code == "batches_waiting"
    closed.refresh_from_db()
    assert not closed.results_published


# Results arithmetic


def test_results_add_online_guests_and_confirmed_paper(editor, second_editor):
    poll = poll_with_questions(eligibility=Poll.Eligibility.GUESTS)
    cast_ballot(poll=poll, user=UserFactory(), answers=answers_for(poll, 2, (0, 1), "Toll"))
    cast_ballot(poll=poll, user=UserFactory(), answers=answers_for(poll, 2, (0,)))
    cast_ballot(poll=poll, user=AnonymousUser(), answers=answers_for(poll, 0, (2,), "Gast"))
    confirm_paper_batch(
        batch=enter(
            poll, editor, ballots=5, **{"Lautern tanzt": 3, "Open-Air-Lesung": 2, "Pakete": 4}
        ),
        confirmed_by=second_editor,
        seen_revision=1,
    )
    enter(poll, editor, ballots=50, Roundnet=50)  # not confirmed: does not count
    voided = confirm_paper_batch(
        batch=enter(poll, editor, ballots=9, Roundnet=9),
        confirmed_by=second_editor,
        seen_revision=1,
    )
    void_paper_batch(batch=voided, voided_by=second_editor, reason="doppelt erfasst")

    results = tally(poll)
    assert (results.online_participants, results.guest_participants) == (3, 1)
    assert (results.paper_participants, results.participants) == (5, 8)

    single_result, multiple_result, text_result = results.questions
    assert [(r.online, r.paper, r.total) for r in single_result.choices] == [
        (1, 0, 1),
        (0, 2, 2),
        (2, 3, 5),
    ]
    # Single choice: shares of the 8 votes, adding up to 100 %.
    assert [r.share for r in single_result.choices] == [
        Decimal("12.5"),
        Decimal("25.0"),
        Decimal("62.5"),
    ]
    # Multiple choice: shares of the 8 people (3 online answered, 5 paper ballots).
    assert multiple_result.respondents == 8
    assert [(r.total, r.share) for r in multiple_result.choices] == [
        (6, Decimal("75.0")),
        (1, Decimal("12.5")),
        (1, Decimal("12.5")),
    ]
    assert text_result.online_respondents == 2
    tanzt_row = single_result.choices[2]
    assert (tanzt_row.bar_online, tanzt_row.bar_paper) == (25, 37)


def test_results_of_an_empty_poll_are_zero_not_an_error():
    poll = poll_with_questions()
    results = tally(poll)
    assert results.participants == 0
    assert all(row.share == 0 for q in results.questions for row in q.choices)


def test_multiple_choice_question_needs_a_maximum():
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Question.objects.create(
            poll=poll_with_questions(), text="?", kind=Question.Kind.MULTIPLE, max_choices=None
        )


def test_one_ballot_per_person_is_a_database_rule(user):
    from django.db import IntegrityError, transaction

    poll = poll_with_questions()
    BallotFactory(poll=poll, user=user)
    with pytest.raises(IntegrityError), transaction.atomic():
        Ballot.objects.create(poll=poll, user=user)
