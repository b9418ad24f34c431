"""Who may see a poll, vote in it, change a ballot and see the results: one predicate each."""

import enum

from django.utils import timezone

from accounts.permissions import can_take_part


class Obstacle(enum.StrEnum):
    """Why someone cannot vote right now; each has its own message and way forward."""

    UNPUBLISHED = "unpublished"
    NOT_OPEN_YET = "not_open_yet"
    CLOSED = "closed"
    LOGIN_REQUIRED = "login_required"
    EMAIL_UNCONFIRMED = "email_unconfirmed"
    POSTAL_CODE_MISSING = "postal_code_missing"
    NOT_RESIDENT = "not_resident"


def can_view_poll(user, poll):
    return poll.is_published or user.is_staff


def voting_obstacle(user, poll, now=None):
    """The first thing that keeps this user from voting in this poll, or None."""
    now = now or timezone.now()
    if not poll.is_published:
        return Obstacle.UNPUBLISHED
    if poll.is_upcoming(now):
        return Obstacle.NOT_OPEN_YET
    if poll.is_closed(now):
        return Obstacle.CLOSED
    if poll.allows_guests:
        return None
    if not user.is_authenticated:
        return Obstacle.LOGIN_REQUIRED
    if not can_take_part(user):
        return Obstacle.EMAIL_UNCONFIRMED
    if poll.for_residents:
        if not user.postal_code:
            return Obstacle.POSTAL_CODE_MISSING
        if not user.lives_in_kaiserslautern:
            return Obstacle.NOT_RESIDENT
    return None


def can_vote(user, poll, now=None):
    return voting_obstacle(user, poll, now) is None


def is_replaceable(user, poll, ballot):
    """The person's own account ballot, in a poll that allows changes."""
    return (
        ballot is not None
        and user.is_authenticated
        and ballot.user_id == user.pk
        and poll.ballots_changeable
    )


def can_change_ballot(user, poll, ballot, now=None):
    """Only the person's own account ballot, where the poll allows changes, while it is open.

    A view that has the voting obstacle already asks `is_replaceable` and checks that the
    obstacle is None, rather than work it out again.
    """
    return is_replaceable(user, poll, ballot) and can_vote(user, poll, now)


def results_are_public(poll, now=None):
    if not poll.is_published:
        return False
    if poll.results_published:
        return True
    if poll.results_visibility == poll.ResultsVisibility.LIVE:
        return not poll.is_upcoming(now)
    if poll.results_visibility == poll.ResultsVisibility.AFTER_CLOSE:
        return poll.is_closed(now)
    return False


def can_see_results(user, poll, now=None):
    """The public once the poll's rule allows; staff earlier, as a preview."""
    return results_are_public(poll, now) or user.is_staff


def can_enter_paper_votes(poll):
    # Once the results are published they are final: no batch may enter, change or leave them.
    return not poll.results_published


def can_confirm_paper_batch(user, batch):
    return (
        user.is_staff
        and user.has_perm("polls.confirm_paperbatch")
        and batch.entered_by_id != user.pk
        and batch.state == batch.State.ENTERED
        and can_enter_paper_votes(batch.poll)
    )


def can_edit_paper_batch(user, batch):
    """Until it is confirmed, the person who entered a batch may correct it."""
    return (
        batch.state == batch.State.ENTERED
        and batch.entered_by_id == user.pk
        and can_enter_paper_votes(batch.poll)
    )


def can_void_paper_batch(user, batch):
    return (
        user.is_staff
        and user.has_perm("polls.change_paperbatch")
        and batch.state != batch.State.VOIDED
        and can_enter_paper_votes(batch.poll)
    )
