"""Who may do what with an account: one predicate each."""

from allauth.account.models import EmailAddress
from allauth.account.utils import has_verified_email


def can_take_part(user):
    """Signed in, active, with a confirmed e-mail address: the bar for every contribution,
    vote and follow, in every app."""
    return user.is_authenticated and user.is_active and has_confirmed_address(user)


def has_confirmed_address(user):
    """Whether the account has a confirmed e-mail address, asked once per user object.

    A page asks it several times (the ballot, the comment form, the follow button); the
    user object lives for one request, and a confirmation happens in another one.
    """
    if not hasattr(user, "_has_confirmed_address"):
        note_confirmed_address(user, has_verified_email(user))
    return user._has_confirmed_address


def confirmed_addresses(user):
    """The account's confirmed addresses, for a query that asks this among other things
    (`Exists`); `note_confirmed_address` keeps the answer for the predicates above."""
    return EmailAddress.objects.filter(user=user, verified=True)


def note_confirmed_address(user, confirmed):
    user._has_confirmed_address = confirmed


def staff_may(user, permission):
    """An active staff account with `permission` (superusers have every permission).

    Staff roles work in the admin, which only staff can open; a permission given to an
    account that is not staff does nothing. Asking `is_staff` first also spares every
    citizen's page the two permission queries.
    """
    return user.is_authenticated and user.is_active and user.is_staff and user.has_perm(permission)


def can_delete_account(user):
    """Citizens delete their own account; an administrator removes staff accounts.

    Staff accounts carry the admin history (who released, entered or confirmed what), which
    must outlive a click on "delete".
    """
    return user.is_authenticated and not (user.is_staff or user.is_superuser)


def may_change_language(user):
    """Whether the language switch is remembered: for an active account, not for visitors."""
    return user.is_authenticated and user.is_active
