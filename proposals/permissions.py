"""Who may submit, see, edit, support and answer proposals: one predicate each."""

from accounts.permissions import can_take_part, staff_may
from moderation.models import can_moderate

from .models import Admission, Contest


def can_submit_proposal(user):
    return can_take_part(user)


def is_author(user, proposal):
    return user.is_authenticated and proposal.author_id == user.pk


def can_view_proposal(user, proposal):
    """Released and removed ones are public (removed ones only as a notice); the rest private."""
    return (
        proposal.is_published
        or proposal.is_hidden
        or is_author(user, proposal)
        or can_moderate(user)
    )


def can_read_proposal(user, proposal):
    """Whether the title and text are shown, not just the notice of their removal."""
    return not proposal.is_hidden or is_author(user, proposal) or can_moderate(user)


def can_edit_proposal(user, proposal):
    return proposal.is_pending and is_author(user, proposal) and can_take_part(user)


def supports_open(proposal, now=None):
    """Whether the proposal takes supports at all: always, or, in an idea contest, once
    admitted and only while the contest is voting."""
    if proposal.contest_id is None:
        return True
    return (
        proposal.admission == Admission.ADMITTED
        and proposal.contest.phase(now) == Contest.Phase.VOTING
    )


def can_support(user, proposal):
    return proposal.is_published and can_take_part(user) and supports_open(proposal)


def can_withdraw_support(user, proposal):
    """A support in a contest stands once the vote has closed."""
    return user.is_authenticated and supports_open(proposal)


def can_view_contest(user, contest):
    return contest.is_published or user.is_staff


def can_submit_to_contest(user, contest, now=None):
    return (
        contest.is_published
        and contest.phase(now) == Contest.Phase.SUBMISSION
        and can_submit_proposal(user)
    )


def can_review(user):
    """Admit proposals of an idea contest to the vote, or not, with a reason."""
    return staff_may(user, "proposals.review_proposal")


def may_be_reviewed(proposal, now=None):
    """Published contest proposals are reviewed until the vote opens; then the list is fixed."""
    return (
        proposal.contest_id is not None
        and proposal.is_published
        and proposal.contest.phase(now) in (Contest.Phase.SUBMISSION, Contest.Phase.REVIEW)
    )


def can_report_proposal(user, proposal):
    return proposal.is_published and user.is_authenticated and not is_author(user, proposal)


def can_respond(user):
    return staff_may(user, "proposals.respond_proposal")


def can_enter_paper_supports(user):
    return staff_may(user, "proposals.enter_paper_supports")


def takes_paper_supports(proposal, now=None):
    """Supports from the stands are added to an admitted idea from the vote on, until the
    winners are announced."""
    return (
        proposal.contest_id is not None
        and proposal.is_published
        and proposal.admission == Admission.ADMITTED
        and proposal.contest.phase(now) in (Contest.Phase.VOTING, Contest.Phase.RESULT)
        and not proposal.contest.winners_announced
    )
