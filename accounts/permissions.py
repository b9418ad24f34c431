"""Who may do what with an account: one predicate each."""

from allauth.account.utils import has_verified_email


def can_take_part(user):
    """Signed in, active, with a confirmed e-mail address: the bar for every contribution,
    vote and follow, in every app."""
    return user.is_authenticated and user.is_active and has_verified_email(user)


def can_delete_account(user):
    """Citizens delete their own account; an administrator removes staff accounts.

    Staff accounts carry the admin history (who released, entered or confirmed what), which
    must outlive a click on "delete".
    """
    return user.is_authenticated and not (user.is_staff or user.is_superuser)
