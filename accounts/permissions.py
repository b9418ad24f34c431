"""Who may do what with an account: one predicate each."""


def can_delete_account(user):
    """Citizens delete their own account; an administrator removes staff accounts.

    Staff accounts carry the admin history (who released, entered or confirmed what), which
    must outlive a click on "delete".
    """
    return user.is_authenticated and not (user.is_staff or user.is_superuser)
