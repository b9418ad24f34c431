"""Writes of the polls app: casting ballots, paper batches with four eyes, publishing results.

Each function is one transaction and checks its own rules, whatever form or admin calls it.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from core import page_cache
from core.text import clean_text

from .answers import NO_ANSWER, answer_errors, as_choice_answer
from .models import (
    Ballot,
    NoAnswer,
    PaperBatch,
    PaperCount,
    PaperValueCount,
    Poll,
    RankAnswer,
    Selection,
    TextAnswer,
    ValueAnswer,
)
from .permissions import (
    Obstacle,
    can_confirm_paper_batch,
    can_edit_paper_batch,
    can_enter_paper_votes,
    can_void_paper_batch,
    voting_obstacle,
)
from .tasks import (
    RESULTS_NEWS_WINDOW,
    notify_followers_of_new_poll,
    notify_participants_of_results,
    results_are_news,
)


class AlreadyVoted(ValidationError):
    """The person has a ballot in this poll that may not (or need not) be replaced."""


def votes_changed(poll):
    """The pages of `poll` and those showing every poll's figures are out of date once the
    transaction commits; the other polls' pages stay in the cache (core.page_cache.scoped)."""
    page_cache.changed(page_cache.VOTES, page_cache.scoped(page_cache.VOTES, poll.slug))


def obstacle_message(obstacle):
    return {
        Obstacle.UNPUBLISHED: _("This poll is not public."),
        Obstacle.NOT_OPEN_YET: _("This poll has not opened yet."),
        Obstacle.CLOSED: _("This poll has closed; votes can no longer be cast or changed."),
        Obstacle.LOGIN_REQUIRED: _("Please sign in to vote."),
        Obstacle.EMAIL_UNCONFIRMED: _("Please confirm your e-mail address to vote."),
        Obstacle.POSTAL_CODE_MISSING: _(
            "This poll is for residents of Kaiserslautern: please enter your postal code "
            "in your profile."
        ),
        Obstacle.NOT_RESIDENT: _(
            "This poll is open only to residents of Kaiserslautern (postal codes 67655 to 67663)."
        ),
    }[obstacle]


@transaction.atomic
def cast_ballot(*, poll, user, answers):
    """Store a new ballot, or replace the answers of the person's ballot where allowed.

    Raises ValidationError (nothing stored) when the person may not vote, the poll is not
    open at this moment or an answer is invalid; AlreadyVoted when a ballot exists that
    cannot be replaced, including when a second submission raced the first.
    """
    obstacle = voting_obstacle(user, poll, timezone.now())
    if obstacle:
        raise ValidationError(obstacle_message(obstacle), code=str(obstacle))
    questions = list(poll.questions.prefetch_related("choices"))
    errors = answer_errors(questions, answers)
    if errors:
        raise ValidationError(
            {key or "__all__": [message] for key, message in errors.items()}, code="invalid"
        )

    if user.is_authenticated:
        ballot = Ballot.objects.select_for_update().filter(poll=poll, user=user).first()
        if ballot is not None:
            if not poll.ballots_changeable:
                raise AlreadyVoted(_("You have already voted in this poll."), code="duplicate")
            for answers_of_kind in ANSWER_RELATIONS:
                getattr(ballot, answers_of_kind).all().delete()
            ballot.save(update_fields=["updated_at"])
        else:
            try:
                # A savepoint, so that a concurrent first ballot of the same person ends
                # here as a clear message instead of breaking the whole transaction.
                with transaction.atomic():
                    ballot = Ballot.objects.create(poll=poll, user=user)
            except IntegrityError:
                raise AlreadyVoted(
                    _("Your vote had already been counted."), code="duplicate"
                ) from None
    else:
        ballot = Ballot.objects.create(poll=poll, is_guest=True)

    _store_answers(ballot, questions, answers)
    votes_changed(poll)
    return ballot


# What a ballot holds besides itself: replaced as a whole when the person changes it.
ANSWER_RELATIONS = ("selections", "text_answers", "value_answers", "ranks", "no_answers")


def _store_answers(ballot, questions, answers):
    """One row per ticked choice, text, value, place in a ranking and “no answer”."""
    selections, texts, values, ranks, no_answers = [], [], [], [], []
    for question in questions:
        answer = answers.get(question)
        if answer is None:
            continue
        if answer is NO_ANSWER:
            no_answers.append(NoAnswer(ballot=ballot, question=question))
        elif question.is_text:
            if text := clean_text(answer):
                texts.append(TextAnswer(ballot=ballot, question=question, text=text))
        elif question.is_selection:
            answer = as_choice_answer(answer)
            selections += [Selection(ballot=ballot, choice=choice) for choice in answer.choices]
            if (other := clean_text(answer.other or "")) and answer.choices:
                texts.append(TextAnswer(ballot=ballot, question=question, text=other))
        elif question.is_matrix:
            for statement, value in answer.items():
                if value is NO_ANSWER:
                    no_answers.append(
                        NoAnswer(ballot=ballot, question=question, statement=statement)
                    )
                else:
                    values.append(
                        ValueAnswer(
                            ballot=ballot, question=question, statement=statement, value=value
                        )
                    )
        elif question.is_ranking:
            ranks += [
                RankAnswer(ballot=ballot, question=question, choice=choice, position=place)
                for place, choice in enumerate(answer, start=1)
            ]
        else:  # a scale or a number
            values.append(ValueAnswer(ballot=ballot, question=question, value=answer))
    Selection.objects.bulk_create(selections)
    TextAnswer.objects.bulk_create(texts)
    ValueAnswer.objects.bulk_create(values)
    RankAnswer.objects.bulk_create(ranks)
    NoAnswer.objects.bulk_create(no_answers)


def paper_count_errors(poll, ballots_count, counts):
    """What is wrong with the counts of a paper batch, per choice id (None: the batch)."""
    errors = {}
    choices_by_question = {}
    spent = {}
    for choice, count in counts.items():
        if choice.question.poll_id != poll.pk or not choice.question.is_selection:
            errors[None] = _("The counts belong to answers of another poll.")
            continue
        if count < 0:
            errors[choice.pk] = _("A count cannot be negative.")
        elif count > ballots_count:
            errors[choice.pk] = _("More votes than paper ballots in this batch.")
        choices_by_question.setdefault(choice.question, []).append(count)
        if choice.question.is_budget:
            spent[choice.question] = spent.get(choice.question, 0) + count * (choice.cost or 0)
    for question, question_counts in choices_by_question.items():
        if question.is_budget:
            # Each proposal at most once per ballot (above), and no ballot over the budget.
            if spent.get(question, 0) > ballots_count * question.budget:
                errors[None] = _(
                    "The proposals counted for “%(question)s” cost more than %(ballots)d "
                    "ballots within the budget can spend. Paper ballots over the budget are "
                    "invalid and not counted."
                ) % {"question": question.text, "ballots": ballots_count}
            continue
        limit = ballots_count * (question.max_choices or 1)
        if question.is_single_answer and sum(question_counts) > ballots_count:
            errors[None] = _(
                "“%(question)s” allows one answer per ballot, but its counts add up to more "
                "than the %(ballots)d paper ballots."
            ) % {"question": question.text, "ballots": ballots_count}
        elif sum(question_counts) > limit:
            errors[None] = _(
                "“%(question)s” allows %(max)d answers per ballot, but its counts add up to "
                "more than %(limit)d."
            ) % {"question": question.text, "max": question.max_choices, "limit": limit}
    return errors


def paper_value_count_errors(poll, ballots_count, value_counts):
    """What is wrong with the counts of values of a paper batch, per question id.

    `value_counts` maps (question, choice or None, value) to the number of paper ballots
    that gave that value: a point of a scale (per statement of a matrix), a number, or a
    place of a ranking (per choice).
    """
    errors = {}
    per_item, per_place = {}, {}
    for (question, choice, value), count in value_counts.items():
        if question.poll_id != poll.pk or question.is_selection or question.is_text:
            errors[None] = _("The counts belong to answers of another poll.")
            continue
        if choice is not None and choice.question_id != question.pk:
            errors[None] = _("The counts belong to answers of another poll.")
            continue
        # A matrix counts per statement, a ranking per choice; a scale or number per value.
        if (question.is_matrix or question.is_ranking) != (choice is not None):
            errors[None] = _("The counts belong to answers of another poll.")
            continue
        if count < 0:
            errors[question.pk] = _("A count cannot be negative.")
            continue
        if question.is_scale or question.is_matrix:
            valid = 1 <= value <= question.scale_points
        elif question.is_number:
            valid = question.number_min <= value <= question.number_max
        else:
            valid = 1 <= value <= question.rank_places
        if not valid:
            errors[question.pk] = _("“%(value)s” is not a possible answer to this question.") % {
                "value": value
            }
            continue
        per_item[question, choice] = per_item.get((question, choice), 0) + count
        if question.is_ranking:
            per_place[question, value] = per_place.get((question, value), 0) + count
    for (question, choice), total in per_item.items():
        if total > ballots_count and question.pk not in errors:
            if question.is_ranking:
                errors[question.pk] = _(
                    "“%(choice)s” has more places than there are paper ballots (%(ballots)d)."
                ) % {"choice": choice.label, "ballots": ballots_count}
            elif question.is_matrix:
                errors[question.pk] = _(
                    "“%(statement)s” has more ratings than there are paper ballots (%(ballots)d)."
                ) % {"statement": choice.label, "ballots": ballots_count}
            else:
                errors[question.pk] = _(
                    "One answer per ballot: these counts add up to more than the %(ballots)d "
                    "paper ballots."
                ) % {"ballots": ballots_count}
    for (question, place), total in per_place.items():
        if total > ballots_count and question.pk not in errors:
            errors[question.pk] = _(
                "Place %(place)d was given more often than there are paper ballots (%(ballots)d)."
            ) % {"place": place, "ballots": ballots_count}
    return errors


def _check_counts(poll, ballots_count, counts, value_counts):
    errors = paper_count_errors(poll, ballots_count, counts)
    errors |= {
        ("value", key): message
        for key, message in paper_value_count_errors(poll, ballots_count, value_counts).items()
    }
    if errors:
        raise ValidationError(list(errors.values()), code="invalid")


def _store_value_counts(batch, value_counts):
    PaperValueCount.objects.bulk_create(
        PaperValueCount(batch=batch, question=question, choice=choice, value=value, count=count)
        for (question, choice, value), count in value_counts.items()
        if count
    )


def _results_still_open(poll):
    if not can_enter_paper_votes(poll):
        raise ValidationError(
            _("The results of this poll are published; paper votes can no longer change."),
            code="results_published",
        )


@transaction.atomic
def enter_paper_batch(
    *,
    poll,
    entered_by,
    place,
    collected_on,
    ballots_count,
    counts,
    value_counts=None,
    note="",
    event=None,
):
    """Record the counts of one stand; they count once another staff member confirms them.

    `counts` per choice of the choice questions; `value_counts` per value of the scales,
    numbers and rankings (see paper_value_count_errors).
    """
    value_counts = value_counts or {}
    _results_still_open(poll)
    _check_counts(poll, ballots_count, counts, value_counts)
    batch = PaperBatch(
        poll=poll,
        entered_by=entered_by,
        place=place,
        event=event,
        collected_on=collected_on,
        ballots_count=ballots_count,
        note=note,
    )
    batch.full_clean()
    batch.save()
    PaperCount.objects.bulk_create(
        PaperCount(batch=batch, choice=choice, count=count) for choice, count in counts.items()
    )
    _store_value_counts(batch, value_counts)
    votes_changed(poll)
    return batch


@transaction.atomic
def update_paper_batch(
    *,
    batch,
    by,
    place,
    collected_on,
    ballots_count,
    counts,
    value_counts=None,
    note="",
    event=None,
):
    """Correct a batch before confirmation; only the person who entered it may.

    A correction is a new version: a colleague's confirmation of the figures they saw
    before is refused (confirm_paper_batch).
    """
    batch = PaperBatch.objects.select_for_update().select_related("poll").get(pk=batch.pk)
    if not can_edit_paper_batch(by, batch):
        raise PermissionDenied(_("Only the person who entered this batch may change it."))
    value_counts = value_counts or {}
    _results_still_open(batch.poll)
    _check_counts(batch.poll, ballots_count, counts, value_counts)
    before = (
        batch.place,
        batch.event_id,
        batch.collected_on,
        batch.ballots_count,
        batch.note,
        {count.choice_id: count.count for count in batch.counts.all()},
        {
            (count.question_id, count.choice_id, count.value): count.count
            for count in batch.value_counts.all()
        },
    )
    batch.place, batch.event, batch.collected_on = place, event, collected_on
    batch.ballots_count, batch.note = ballots_count, note
    batch.full_clean()
    after = (
        place,
        event.pk if event else None,
        collected_on,
        ballots_count,
        note,
        {c.pk: n for c, n in counts.items()},
        {
            (question.pk, choice.pk if choice else None, value): n
            for (question, choice, value), n in value_counts.items()
            if n
        },
    )
    if after == before:
        return batch
    batch.revision += 1
    batch.corrected_at = timezone.now()
    batch.save()
    batch.counts.all().delete()
    batch.value_counts.all().delete()
    PaperCount.objects.bulk_create(
        PaperCount(batch=batch, choice=choice, count=count) for choice, count in counts.items()
    )
    _store_value_counts(batch, value_counts)
    votes_changed(batch.poll)
    return batch


@transaction.atomic
def confirm_paper_batch(*, batch, confirmed_by, seen_revision):
    """The second pair of eyes: from now on the batch counts and cannot change.

    `seen_revision` is the version whose figures the colleague compared with the paper
    ballots; if the batch has been corrected since, nothing is confirmed.
    """
    batch = PaperBatch.objects.select_for_update().select_related("poll").get(pk=batch.pk)
    if batch.entered_by_id == confirmed_by.pk:
        raise PermissionDenied(
            _("You entered this batch yourself; another staff member must confirm it.")
        )
    _results_still_open(batch.poll)
    if not can_confirm_paper_batch(confirmed_by, batch):
        raise PermissionDenied(_("This batch cannot be confirmed."))
    if seen_revision is None:
        raise ValidationError(
            _("Please compare the figures on the page of the batch and confirm it there."),
            code="not_seen",
        )
    if batch.revision != seen_revision:
        raise ValidationError(
            _(
                "%(person)s has corrected this batch since you opened it (it is now version "
                "%(revision)d). Nothing was confirmed: please compare the new figures below "
                "with the paper ballots."
            )
            % {"person": batch.entered_by, "revision": batch.revision},
            code="changed",
        )
    batch.confirmed_by = confirmed_by
    batch.confirmed_at = timezone.now()
    batch.save(update_fields=["confirmed_by", "confirmed_at"])
    votes_changed(batch.poll)
    return batch


@transaction.atomic
def void_paper_batch(*, batch, voided_by, reason):
    """Take a batch out of the results for good; a corrected one is entered anew."""
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Please give the reason for voiding this batch."), code="required")
    batch = PaperBatch.objects.select_for_update().select_related("poll").get(pk=batch.pk)
    _results_still_open(batch.poll)
    if not can_void_paper_batch(voided_by, batch):
        raise PermissionDenied(_("This batch cannot be voided."))
    batch.voided_by = voided_by
    batch.voided_at = timezone.now()
    batch.void_reason = reason
    batch.save(update_fields=["voided_by", "voided_at", "void_reason"])
    votes_changed(batch.poll)
    return batch


@transaction.atomic
def publish_results(*, poll, by):
    """Make the results final and public; after the close only."""
    poll = type(poll).objects.select_for_update().get(pk=poll.pk)
    if poll.results_published:
        return poll
    if not poll.is_closed():
        raise ValidationError(
            _("Results can be published once the poll has closed."), code="still_open"
        )
    if poll.paper_batches.waiting().exists():
        raise ValidationError(
            _(
                "Paper batches are still waiting for confirmation: please confirm or void "
                "them before publishing the results."
            ),
            code="batches_waiting",
        )
    poll.results_published_at = timezone.now()
    poll.results_published_by = by
    poll.save(update_fields=["results_published_at", "results_published_by"])
    votes_changed(poll)
    announce_results(poll=poll)
    return poll


def announce_poll(*, poll):
    """Tell the followers of the poll's project, once, after the transaction has committed.

    Called when staff publish a poll; a poll without a project, or one already announced,
    sends nothing.
    """
    if not poll.is_published or poll.project_id is None:
        return False
    with transaction.atomic():
        claimed = Poll.objects.filter(pk=poll.pk, announced_at__isnull=True).update(
            announced_at=timezone.now()
        )
        if claimed:
            transaction.on_commit(lambda: notify_followers_of_new_poll.enqueue(poll.pk))
    return bool(claimed)


def announce_results(*, poll, now=None):
    """Tell the participants, once, after the commit, that the final results are public.

    Called by `publish_results`, and by the `announce_results` command for polls whose
    results go public by themselves at the close. Results that went public longer ago than
    RESULTS_NEWS_WINDOW are no news and are not announced.
    """
    now = now or timezone.now()
    if not results_are_news(poll, now):
        return False
    with transaction.atomic():
        claimed = Poll.objects.filter(
            pk=poll.pk, is_published=True, closes_at__lte=now, results_announced_at__isnull=True
        ).update(results_announced_at=now)
        if claimed:
            # Results that went public by themselves at the close show at once now, not
            # only when the cached pages expire.
            votes_changed(poll)
            transaction.on_commit(lambda: notify_participants_of_results.enqueue(poll.pk))
    return bool(claimed)


def polls_with_results_to_announce(now=None):
    """Published, closed polls not announced yet whose final results went public recently."""
    now = now or timezone.now()
    since = now - RESULTS_NEWS_WINDOW
    automatic = [Poll.ResultsVisibility.LIVE, Poll.ResultsVisibility.AFTER_CLOSE]
    return (
        Poll.objects.published()
        .closed(now)
        .filter(results_announced_at__isnull=True)
        .filter(
            Q(results_visibility__in=automatic, closes_at__gt=since)
            | Q(
                results_visibility=Poll.ResultsVisibility.PUBLISHED, results_published_at__gt=since
            )
        )
        .order_by("closes_at", "pk")
    )


def announce_due_results(now=None):
    """Announce the results of every poll that is due; returns how many were announced.

    Safe to run again and again, and from two places at once: each poll is claimed once.
    """
    now = now or timezone.now()
    return sum(
        announce_results(poll=poll, now=now) for poll in polls_with_results_to_announce(now)
    )
