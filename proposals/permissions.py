"""Who may submit, see, edit, support and answer proposals: one predicate each."""

from accounts.permissions import can_take_part, staff_may
from moderation.models import can_moderate


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


def can_support(user, proposal):
    return proposal.is_published and can_take_part(user)


def can_report_proposal(user, proposal):
    return proposal.is_published and user.is_authenticated and not is_author(user, proposal)


def can_respond(user):
    return staff_may(user, "proposals.respond_proposal")
