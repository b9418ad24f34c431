"""A person's comments, for the data export; of replies only that they are replies."""

from moderation.models import Moderated

from .models import Comment


def export_for(user):
    comments = (
        Comment.objects.filter(author=user)
        .with_thread_position()  # each link to its page of the thread, without a query each
        .select_related("content_type")
        .prefetch_related("target")
        .order_by("created_at", "pk")
    )
    return {"comments": [_comment(user, comment) for comment in comments]}


def _comment(user, comment):
    return {
        "id": comment.pk,
        "url": comment.get_absolute_url() or None,
        "page": _page(user, comment),
        "is_reply": comment.parent_id is not None,
        "is_official": comment.is_official,
        "text": comment.text,
        "written_at": comment.created_at,
        "published_at": comment.published_at,
        "deleted_at": comment.deleted_at,
        "moderation_state": comment.moderation_state,
        "moderation_state_display": comment.get_moderation_state_display(),
        "moderation_reason": comment.moderation_reason,
    }


def _page(user, comment):
    """Where the comment stands; the title only where the page shows it to everyone."""
    target = comment.target
    if target is None:  # the page is gone
        return {"type": comment.content_type.model, "title": None, "url": None}
    readable = not isinstance(target, Moderated) or (
        target.is_published or target.author_id == user.pk
    )
    return {
        "type": target._meta.model_name,
        "title": str(target) if readable else None,
        "url": target.get_absolute_url(),
    }
