"""Who may take which moderation decision on a contribution in its current state."""

from .models import can_moderate


def can_release(user, contribution):
    return can_moderate(user) and (contribution.is_pending or contribution.is_rejected)


def can_reject(user, contribution):
    return can_moderate(user) and contribution.is_pending


def can_hide(user, contribution):
    return can_moderate(user) and contribution.is_published


def can_restore(user, contribution):
    return can_moderate(user) and contribution.is_hidden
