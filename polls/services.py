"""Writes of the polls app: casting ballots, paper batches with four eyes, publishing results.

Each function is one transaction and checks its own rules, whatever form or admin calls it.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import page_cache
from core.text import clean_text

from .models import Ballot, PaperBatch, PaperCount, Poll, Question, Selection, TextAnswer
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


def answer_errors(questions, answers):
    """Per question id, what is wrong with the answers; empty when all is well.

    `answers` maps a question to its chosen choices (a list) or its text.
    """
    errors = {}
    for question in questions:
        answer = answers.get(question)
        if question.has_choices:
            chosen = list(answer or [])
            if any(choice.question_id != question.pk for choice in chosen):
                errors[question.pk] = _("Please choose only among the answers offered.")
            elif question.is_required and not chosen:
                errors[question.pk] = _("Please answer this question.")
            elif question.is_single_answer and len(chosen) > 1:
                errors[question.pk] = _("Please choose only one answer.")
            elif question.kind == Question.Kind.MULTIPLE and len(chosen) > question.max_choices:
                errors[question.pk] = ngettext(
                    "Please choose at most %(count)d answer.",
                    "Please choose at most %(count)d answers.",
                    question.max_choices,
                ) % {"count": question.max_choices}
            elif len(set(chosen)) != len(chosen):
                errors[question.pk] = _("Please choose each answer only once.")
        else:
            text = clean_text(answer or "")
            if question.is_required and not text:
                errors[question.pk] = _("Please answer this question.")
            elif len(text) > question.max_length:
                errors[question.pk] = ngettext(
                    "Please shorten your answer to at most %(count)d character.",
                    "Please shorten your answer to at most %(count)d characters.",
                    question.max_length,
                ) % {"count": question.max_length}
    known = {question.pk for question in questions}
    if any(question.pk not in known for question in answers):
        errors[None] = _("Please answer only the questions of this poll.")
    return errors


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
    questions = list(poll.questions.all())
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
            ballot.selections.all().delete()
            ballot.text_answers.all().delete()
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

    Selection.objects.bulk_create(
        Selection(ballot=ballot, choice=choice)
        for question in questions
        if question.has_choices
        for choice in answers.get(question) or []
    )
    TextAnswer.objects.bulk_create(
        TextAnswer(ballot=ballot, question=question, text=clean_text(answers[question]))
        for question in questions
        if not question.has_choices and clean_text(answers.get(question) or "")
    )
    votes_changed(poll)
    return ballot


def paper_count_errors(poll, ballots_count, counts):
    """What is wrong with the counts of a paper batch, per choice id (None: the batch)."""
    errors = {}
    choices_by_question = {}
    for choice, count in counts.items():
        if choice.question.poll_id != poll.pk or not choice.question.has_choices:
            errors[None] = _("The counts belong to answers of another poll.")
            continue
        if count < 0:
            errors[choice.pk] = _("A count cannot be negative.")
        elif count > ballots_count:
            errors[choice.pk] = _("More votes than paper ballots in this batch.")
        choices_by_question.setdefault(choice.question, []).append(count)
    for question, question_counts in choices_by_question.items():
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


def _check_counts(poll, ballots_count, counts):
    errors = paper_count_errors(poll, ballots_count, counts)
    if errors:
        raise ValidationError(list(errors.values()), code="invalid")


def _results_still_open(poll):
    if not can_enter_paper_votes(poll):
        raise ValidationError(
            _("The results of this poll are published; paper votes can no longer change."),
            code="results_published",
        )


@transaction.atomic
def enter_paper_batch(*, poll, entered_by, place, collected_on, ballots_count, counts, note=""):
    """Record the counts of one stand; they count once another staff member confirms them."""
    _results_still_open(poll)
    _check_counts(poll, ballots_count, counts)
    batch = PaperBatch(
        poll=poll,
        entered_by=entered_by,
        place=place,
        collected_on=collected_on,
        ballots_count=ballots_count,
        note=note,
    )
    batch.full_clean()
    batch.save()
    PaperCount.objects.bulk_create(
        PaperCount(batch=batch, choice=choice, count=count) for choice, count in counts.items()
    )
    votes_changed(poll)
    return batch


@transaction.atomic
def update_paper_batch(*, batch, by, place, collected_on, ballots_count, counts, note=""):
    """Correct a batch before confirmation; only the person who entered it may.

    A correction is a new version: a colleague's confirmation of the figures they saw
    before is refused (confirm_paper_batch).
    """
    batch = PaperBatch.objects.select_for_update().select_related("poll").get(pk=batch.pk)
    if not can_edit_paper_batch(by, batch):
        raise PermissionDenied(_("Only the person who entered this batch may change it."))
    _results_still_open(batch.poll)
    _check_counts(batch.poll, ballots_count, counts)
    before = (
        batch.place,
        batch.collected_on,
        batch.ballots_count,
        batch.note,
        {count.choice_id: count.count for count in batch.counts.all()},
    )
    batch.place, batch.collected_on = place, collected_on
    batch.ballots_count, batch.note = ballots_count, note
    batch.full_clean()
    after = (place, collected_on, ballots_count, note, {c.pk: n for c, n in counts.items()})
    if after == before:
        return batch
    batch.revision += 1
    batch.corrected_at = timezone.now()
    batch.save()
    batch.counts.all().delete()
    PaperCount.objects.bulk_create(
        PaperCount(batch=batch, choice=choice, count=count) for choice, count in counts.items()
    )
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
