"""Who may follow a project: one predicate."""

from allauth.account.utils import has_verified_email


def can_follow(user, project):
    """Signed in with a confirmed e-mail address (the mails go there), on a published project."""
    return (
        project.is_published
        and user.is_authenticated
        and user.is_active
        and has_verified_email(user)
    )
