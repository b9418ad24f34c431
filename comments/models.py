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
from django.db.models import Count, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from core.parameters import THREAD_PAGE
from moderation.models import Moderated, ModeratedQuerySet

TEXT_MAX_LENGTH = 2000

# A thread shows this many top-level comments per page, each with all its replies.
COMMENTS_PER_PAGE = 20
# The query parameter naming the page of a thread; the page cache lets it through.
PAGE_PARAMETER = THREAD_PAGE
THREAD_ANCHOR = "kommentare"


def thread_url(target, *, page=1, anchor=THREAD_ANCHOR):
    """The address of one page of the thread on `target`, scrolled to `anchor`.

    The thread is on the target's page, or where `get_discussion_url()` says, if the target
    has one (a long document keeps its discussion on a page of its own).
    """
    query = f"?{PAGE_PARAMETER}={page}" if page > 1 else ""
    page_url = getattr(target, "get_discussion_url", target.get_absolute_url)()
    return f"{page_url}{query}#{anchor}"


def page_of(position):
    """The page showing the top-level comment with `position` comments before it."""
    return position // COMMENTS_PER_PAGE + 1


class CommentQuerySet(ModeratedQuerySet):
    def on(self, target):
        return self.filter(
            content_type=ContentType.objects.get_for_model(target), object_id=target.pk
        )

    def on_the_outer(self, model):
        """Comments on the `model` object that an enclosing query is about, for `Exists`."""
        return self.filter(
            content_type=ContentType.objects.get_for_model(model), object_id=OuterRef("pk")
        )

    def top_level(self):
        return self.filter(parent__isnull=True)

    def before(self, created_at, pk):
        """Comments before comment `pk` (written at `created_at`): oldest first, then by number."""
        return self.filter(Q(created_at__lt=created_at) | Q(created_at=created_at, pk__lt=pk))

    def thread(self, target, user):
        """Top-level comments on `target` that `user` may see, with their visible replies.

        Paginate it: the replies are fetched, in one query, only for the page's comments.
        Their authors come by primary key: joined instead, PostgreSQL's planner may scan
        every account for a comment with many replies.
        """
        replies = (
            self.model.objects.visible_to(user)
            .prefetch_related("author")
            .order_by("created_at", "pk")
        )
        return (
            self.visible_to(user)
            .on(target)
            .top_level()
            .select_related("author")
            .prefetch_related(Prefetch("replies", queryset=replies, to_attr="visible_replies"))
            .order_by("created_at", "pk")
        )

    def published_count(self, target, user):
        """How many released, undeleted comments the thread shows `user`, replies included.

        A reply counts only where its top-level comment is shown, as in the thread.
        """
        shown_top_level = self.model.objects.visible_to(user).on(target).top_level()
        return (
            self.on(target)
            .published()
            .filter(deleted_at__isnull=True)
            .filter(Q(parent__isnull=True) | Q(parent__in=shown_top_level))
            .count()
        )

    def with_thread_position(self):
        """Annotate `thread_position`: the public top-level comments before each one's thread.

        For a reply that is the place of its top-level comment. It lets a list link each
        comment to its page of the thread without one query per comment.
        """
        earlier = (
            self.model.objects.public()
            .top_level()
            .filter(content_type=OuterRef("content_type"), object_id=OuterRef("object_id"))
            .before(OuterRef("thread_created_at"), OuterRef("thread_pk"))
            .order_by()
            .values("content_type")
            .annotate(number=Count("pk"))
            .values("number")
        )
        return self.annotate(
            thread_created_at=Coalesce("parent__created_at", "created_at"),
            thread_pk=Coalesce("parent_id", "pk"),
        ).annotate(thread_position=Coalesce(Subquery(earlier), 0))

    def for_moderation(self):
        """What the moderation queue and admin show of each comment: author, page, replied-to.

        Comments and the comments they answer come with their place in the thread, so that
        their links lead to the right page.
        """
        parents = self.model.objects.with_thread_position().prefetch_related("target")
        return (
            self.with_thread_position()
            .select_related("author", "entered_by")
            .prefetch_related("target", Prefetch("parent", queryset=parents))
        )


class Received(models.TextChoices):
    """How a comment reached the city: written here, or sent and typed in by staff."""

    ONLINE = "", _("online")
    LETTER = "letter", _("by letter")
    EMAIL = "email", _("by e-mail")


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
    answered = models.ForeignKey(
        "self",
        verbose_name=_("answers"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The comment this reply answers: the top-level comment, or a reply in its thread."
        ),
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
    # A written comment (letter, e-mail) has no account behind it: staff type it in, a second
    # person releases it, and the sender is never named, not even here.
    received_as = models.CharField(
        _("received"), max_length=10, choices=Received, blank=True, default=""
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("typed in by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        permissions = [
            ("answer_officially", _("Can answer as the city")),
            ("enter_written_comments", _("Can type in comments received by letter or e-mail")),
        ]
        constraints = [
            # A deleted comment keeps its place in the thread, but not its words.
            models.CheckConstraint(
                condition=Q(deleted_at__isnull=True) & ~Q(text="")
                | Q(deleted_at__isnull=False, text=""),
                name="comments_comment_text_unless_deleted",
            ),
            # A written comment has no author; an online one was not typed in by staff.
            models.CheckConstraint(
                condition=Q(received_as="", entered_by__isnull=True)
                | (~Q(received_as="") & Q(author__isnull=True)),
                name="comments_comment_written_without_account",
            ),
            # Four eyes: whoever typed in a written comment does not release it.
            models.CheckConstraint(
                condition=Q(received_as="")
                | Q(moderated_by__isnull=True)
                | ~Q(moderated_by=models.F("entered_by")),
                name="comments_comment_written_four_eyes",
            ),
        ]
        indexes = [
            models.Index(fields=["content_type", "object_id", "created_at"]),
            models.Index(fields=["moderation_state", "created_at"]),
        ]

    def __str__(self):
        return Truncator(self.text).chars(60) if self.text else str(_("(deleted)"))

    def get_absolute_url(self, *, for_user=None):
        """The comment on its page of the thread, as the public sees the thread.

        With `for_user`, the page as that person sees it: their own waiting comments
        take places in it too.
        """
        target = self.target
        if target is None:  # its page is gone
            return ""
        page = page_of(self.thread_position_for(for_user))
        return thread_url(target, page=page, anchor=f"kommentar-{self.pk}")

    def thread_position_for(self, user=None):
        """How many top-level comments come before this one's thread (one COUNT query)."""
        if user is None and hasattr(self, "thread_position"):
            return self.thread_position  # annotated by with_thread_position()
        if self.parent_id is None:
            created_at = self.created_at
        else:
            parent = Comment.objects.filter(pk=self.parent_id).values("created_at")[:1]
            created_at = Subquery(parent)
        seen = Comment.objects.public() if user is None else Comment.objects.visible_to(user)
        return (
            seen.filter(content_type_id=self.content_type_id, object_id=self.object_id)
            .top_level()
            .before(created_at, self.parent_id or self.pk)
            .count()
        )

    @property
    def is_written(self):
        """Received by letter or e-mail and typed in by staff."""
        return self.received_as != Received.ONLINE

    def refuses_decision(self, moderator):
        if self.is_written and moderator.pk == self.entered_by_id:
            return _(
                "A written comment is released by a second staff member, not by the one who "
                "typed it in."
            )
        return ""

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


def published_comment_count(model):
    """The released, undeleted comments on each object of `model` in a query over it, as an
    expression for `annotate(comment_count=...)`: one subquery, whatever the number of rows."""
    comments = (
        Comment.objects.published()
        .filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id=OuterRef("pk"),
            deleted_at__isnull=True,
        )
        .order_by()
        .values("object_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(comments, output_field=models.IntegerField()), Value(0))
