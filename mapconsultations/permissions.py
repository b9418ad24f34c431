"""Who may do what with map consultations: plain predicates for views and templates."""

from accounts.permissions import can_take_part, staff_may
from moderation.models import can_moderate


def can_see_consultation(user, consultation):
    return (consultation.is_published and consultation.project.is_published) or (
        user.is_authenticated and user.is_staff
    )


def can_add_entry(user, consultation):
    """Signed in with a confirmed address, while the consultation is open."""
    return can_take_part(user) and consultation.is_published and consultation.is_open()


def can_see_entry(user, entry):
    return (
        entry.is_published
        or can_moderate(user)
        or (user.is_authenticated and entry.author_id == user.pk)
    )


def can_support_entry(user, entry):
    """Released entries, by people who take part, while the consultation is open."""
    return entry.is_published and can_take_part(user) and entry.consultation.is_open()


def can_enter_paper_entries(user):
    return staff_may(user, "mapconsultations.enter_paper_entries")
