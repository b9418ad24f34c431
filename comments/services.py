"""Writes of the comments app: posting, replying and deleting one's own comment."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from core import page_cache, ratelimit
from core.text import clean_text
from moderation.models import ModerationState
from moderation.services import forget_words, initial_state

from .models import Comment, Received
from .permissions import (
    can_answer_officially,
    can_comment,
    can_delete_comment,
    can_enter_written_comments,
    can_reply,
)


def post_comment(*, author, target, text, parent=None, official=False):
    """A new comment or reply; it waits for release where pre-moderation applies.

    A reply to a reply joins the thread of the top-level comment: one level only. It still
    remembers the comment it answers (`answered`), whose author hears of it.
    """
    answered = parent
    if parent is not None:
        if parent.parent_id is not None:
            parent = parent.parent
        target_type = ContentType.objects.get_for_model(target)
        if (parent.content_type_id, parent.object_id) != (target_type.pk, target.pk):
            raise ValidationError(_("This reply does not belong to this page."))
        if not can_reply(author, parent):
            raise PermissionDenied(_("This comment cannot be answered."))
    if not can_comment(author, target):
        raise PermissionDenied(_("Please sign in with a confirmed e-mail address to comment."))
    if official and not can_answer_officially(author):
        raise PermissionDenied(_("Only staff may answer as the city."))
    comment = Comment(
        author=author,
        target=target,
        parent=parent,
        answered=answered,
        text=clean_text(text),
        is_official=official,
        language=Comment.language_of_the_page(),
        # Staff who may answer as the city are trusted like moderators: no waiting.
        moderation_state=ModerationState.PUBLISHED
        if can_answer_officially(author)
        else initial_state(author=author, project=getattr(target, "moderation_project", None)),
    )
    if not comment.text:
        raise ValidationError({"text": _("Please write a comment.")})
    comment.full_clean(exclude=["content_type", "object_id"])
    if not ratelimit.consume("comment", author):
        raise ratelimit.RateLimited(
            # The form says that the text is still there.
            _("You have written many comments in the last hour. Please wait a little.")
        )
    if comment.is_published:
        comment.published_at = comment.created_at
    with transaction.atomic():
        comment.save()
        if comment.is_published:
            page_cache.changed(page_cache.CONTENT)
            transaction.on_commit(comment.after_first_publication)
    return comment


def enter_written_comment(*, entered_by, target, text, received_as, created_at=None):
    """A comment that came by letter or e-mail, typed in by staff without an account.

    It waits for release by a second staff member (`Comment.refuses_decision`), whatever
    the pre-moderation rule, and never names its sender. `created_at` is the day it arrived.
    """
    if not can_enter_written_comments(entered_by):
        raise PermissionDenied(_("You may not type in written comments."))
    if received_as not in (Received.LETTER, Received.EMAIL):
        raise ValidationError({"received_as": _("Please say how the comment arrived.")})
    if not target.accepts_written_comments():
        raise ValidationError(_("This page takes no written comments."))
    comment = Comment(
        author=None,
        entered_by=entered_by,
        received_as=received_as,
        target=target,
        text=clean_text(text),
        moderation_state=ModerationState.PENDING,
    )
    if created_at is not None:
        comment.created_at = created_at
    if not comment.text:
        raise ValidationError({"text": _("Please type in the comment.")})
    comment.full_clean(exclude=["content_type", "object_id"])
    with transaction.atomic():
        comment.save()
    return comment


def delete_comment(*, comment, user):
    """The author takes back the words; the place in the thread and the replies stay."""
    if not can_delete_comment(user, comment):
        raise PermissionDenied(_("You can delete only your own comments."))
    with transaction.atomic():
        # A new version: a decision on the words as they were applies no more.
        updated = Comment.objects.filter(pk=comment.pk, deleted_at__isnull=True).update(
            text="", deleted_at=timezone.now(), revision=F("revision") + 1
        )
        # Deleted means deleted: no copy of the words stays in the logs or in cached pages.
        forget_words(model=Comment, pks=[comment.pk])
        page_cache.changed(page_cache.CONTENT, forget_pages=True)
    comment.refresh_from_db()
    return updated == 1
