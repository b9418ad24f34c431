"""Comments on any commentable object, with one level of replies.

This app imports none of the apps whose objects it attaches to. A commentable model
offers `get_absolute_url()`, `comments_allowed()`, a `moderation_project` (the project
whose pre-moderation rule applies, or None) and a manager with `visible_to(user)`; the
setting `COMMENT_TARGETS` lists the models that may be commented on.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Prefetch, Q
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from moderation.models import Moderated, ModeratedQuerySet

TEXT_MAX_LENGTH = 2000


class CommentQuerySet(ModeratedQuerySet):
    def on(self, target):
        return self.filter(
            content_type=ContentType.objects.get_for_model(target), object_id=target.pk
        )

    def thread(self, target, user):
        """Top-level comments on `target` that `user` may see, with their visible replies.

        Three queries whatever the length of the thread.
        """
        replies = (
            self.model.objects.visible_to(user)
            .select_related("author")
            .order_by("created_at", "pk")
        )
        return (
            self.visible_to(user)
            .on(target)
            .filter(parent__isnull=True)
            .select_related("author")
            .prefetch_related(Prefetch("replies", queryset=replies, to_attr="visible_replies"))
            .order_by("created_at", "pk")
        )

    def for_moderation(self):
        """What the moderation queue and admin show of each comment: author, page, replied-to."""
        return self.select_related("author", "parent").prefetch_related("target", "parent__target")


class Comment(Moderated):
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("kind of page"), on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField(_("page number"))
    target = GenericForeignKey("content_type", "object_id")
    parent = models.ForeignKey(
        "self",
        verbose_name=_("reply to"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    text = models.TextField(
        _("comment"), validators=[MaxLengthValidator(TEXT_MAX_LENGTH)], blank=True
    )
    is_official = models.BooleanField(
        _("answer of the city"),
        default=False,
        help_text=_("Marked as the official answer of the city; staff only."),
    )
    deleted_at = models.DateTimeField(_("deleted by the author"), null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        permissions = [("answer_officially", _("Can answer as the city"))]
        constraints = [
            # A deleted comment keeps its place in the thread, but not its words.
            models.CheckConstraint(
                condition=Q(deleted_at__isnull=True) & ~Q(text="")
                | Q(deleted_at__isnull=False, text=""),
                name="comments_comment_text_unless_deleted",
            ),
        ]
        indexes = [
            models.Index(fields=["content_type", "object_id", "created_at"]),
            models.Index(fields=["moderation_state", "created_at"]),
        ]

    def __str__(self):
        return Truncator(self.text).chars(60) if self.text else str(_("(deleted)"))

    def get_absolute_url(self):
        if self.target is None:  # its page is gone
            return ""
        return f"{self.target.get_absolute_url()}#kommentar-{self.pk}"

    @property
    def is_deleted(self):
        return self.deleted_at is not None

    def moderation_title(self):
        return Truncator(self.text).chars(80) or str(_("(deleted)"))

    def moderation_text(self):
        return self.text

    def moderation_context(self):
        return self.target

    def after_first_publication(self):
        """A reply, once public, is news for the author of the comment it answers."""
        if self.parent_id is not None:
            from .tasks import notify_author_of_reply  # the tasks need this model

            notify_author_of_reply.enqueue(self.pk)


def allowed_target_models():
    from django.apps import apps

    return [apps.get_model(label) for label in settings.COMMENT_TARGETS]
