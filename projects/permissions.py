"""Who may follow a project: one predicate."""

from accounts.permissions import can_take_part


def can_follow(user, project):
    """Signed in with a confirmed e-mail address (the mails go there), on a published project."""
    return project.is_published and can_take_part(user)
