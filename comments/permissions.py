"""Who may comment, reply, delete and report comments: one predicate each."""

from allauth.mfa.utils import is_mfa_enabled

from accounts.permissions import can_take_part, staff_may
from moderation.models import can_moderate


def can_comment(user, target):
    return can_take_part(user) and target.comments_allowed()


def is_answerable(comment, top=None):
    """Replies go to released, undeleted comments whose thread (`top`) is too."""
    return all(c.is_published and not c.is_deleted for c in (comment, top or comment))


def can_reply(user, comment):
    return is_answerable(comment) and can_comment(user, comment.target)


def may_answer_officially(user):
    """Staff whose role includes answering as the city, second factor or not."""
    return staff_may(user, "comments.answer_officially")


def can_answer_officially(user):
    """Staff who may answer as the city, signed in with the same second factor that the
    admin asks for: a stolen password alone must not speak for the city."""
    return may_answer_officially(user) and is_mfa_enabled(user)


def needs_second_factor_to_answer(user):
    return may_answer_officially(user) and not is_mfa_enabled(user)


def is_author(user, comment):
    return user.is_authenticated and comment.author_id == user.pk


def can_view_comment_text(user, comment):
    """Removed and unreleased words are for their author and the moderators only."""
    if comment.is_deleted:
        return False
    return comment.is_published or is_author(user, comment) or can_moderate(user)


def can_delete_comment(user, comment):
    return is_author(user, comment) and not comment.is_deleted


def can_report_comment(user, comment):
    return (
        comment.is_published
        and not comment.is_deleted
        and user.is_authenticated
        and not is_author(user, comment)
    )


def can_enter_written_comments(user):
    """Staff who type in comments that came by letter or e-mail."""
    return staff_may(user, "comments.enter_written_comments")
