"""Who may take which moderation decision on a contribution in its current state
(the states come from moderation/decisions.py)."""

from .decisions import allows


def can_release(user, contribution):
    return allows("release", user, contribution)


def can_reject(user, contribution):
    return allows("reject", user, contribution)


def can_hide(user, contribution):
    return allows("hide", user, contribution)


def can_restore(user, contribution):
    return allows("restore", user, contribution)
