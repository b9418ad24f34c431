"""Moderation, one idea for every contribution: states, decisions, reason templates, reports.

Proposals and comments inherit `Moderated`; this app knows none of them and finds them
through the model registry (`moderated_models()`), so that apps stay decoupled.
"""

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts.permissions import staff_may
from core.languages import known_language

MODERATE_PERMISSION = "moderation.moderate"


class ModerationState(models.TextChoices):
    PENDING = "pending", _("waiting for release")
    PUBLISHED = "published", pgettext_lazy("moderation state", "published")
    REJECTED = "rejected", _("not released")
    HIDDEN = "hidden", _("removed by the moderators")


def can_moderate(user):
    return staff_may(user, MODERATE_PERMISSION)


class ModeratedQuerySet(models.QuerySet):
    def published(self):
        return self.filter(moderation_state=ModerationState.PUBLISHED)

    def pending(self):
        return self.filter(moderation_state=ModerationState.PENDING)

    def public(self):
        """What everyone may see: published contributions, and the place of hidden ones."""
        return self.filter(
            moderation_state__in=[ModerationState.PUBLISHED, ModerationState.HIDDEN]
        )

    def visible_to(self, user):
        """The public part, plus one's own contributions in every state; moderators see all."""
        if can_moderate(user):
            return self
        if user.is_authenticated:
            return self.filter(
                Q(moderation_state__in=[ModerationState.PUBLISHED, ModerationState.HIDDEN])
                | Q(author=user)
            )
        return self.public()


class Moderated(models.Model):
    """A contribution written by a citizen that moderators release, reject or hide."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        # A deleted account leaves its published contributions as "deleted account".
        on_delete=models.SET_NULL,
        related_name="%(class)ss",
    )
    created_at = models.DateTimeField(_("submitted"), default=timezone.now, db_index=True)
    moderation_state = models.CharField(
        _("moderation"),
        max_length=20,
        choices=ModerationState,
        default=ModerationState.PENDING,
    )
    moderation_reason = models.TextField(_("reason of the moderators"), blank=True)
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    # Which version of the words a decision is about: every change by the author counts
    # one up, and a decision names the version the moderator saw (moderation.services).
    revision = models.PositiveIntegerField(_("version"), default=1, db_default=1, editable=False)
    revised_at = models.DateTimeField(_("last changed by the author"), null=True, blank=True)
    # The language of the page it was written on: pages mark the text with it (`lang`), so
    # that a German proposal on an English page is read out in German. Empty if unknown.
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, blank=True, default=""
    )

    objects = ModeratedQuerySet.as_manager()

    class Meta:
        abstract = True

    @staticmethod
    def language_of_the_page():
        """The language a contribution written now is in, as far as we know: the page's."""
        return known_language(translation.get_language(), default="")

    @property
    def waiting_since(self):
        """Since when it waits in the queue: a change by the author puts it at the end."""
        return self.revised_at or self.created_at

    @property
    def is_pending(self):
        return self.moderation_state == ModerationState.PENDING

    @property
    def is_published(self):
        return self.moderation_state == ModerationState.PUBLISHED

    @property
    def is_rejected(self):
        return self.moderation_state == ModerationState.REJECTED

    @property
    def is_hidden(self):
        return self.moderation_state == ModerationState.HIDDEN

    def moderation_title(self):
        """A short line naming the contribution in the queue and the decision log."""
        raise NotImplementedError

    def moderation_text(self):
        """The full text the moderators judge."""
        raise NotImplementedError

    def moderation_context(self):
        """The object this contribution belongs to (a project, poll or proposal), or None."""
        raise NotImplementedError

    def refuses_decision(self, moderator):
        """Why `moderator` may not decide on this contribution (a message), or "" if they
        may. Contributions with rules of their own (four eyes) say so here."""
        return ""

    def after_first_publication(self):
        """Follow-up work once the contribution is public for the first time.

        The services call it after the commit: `moderation.services.decide` on release, and
        the app's own submit service when the contribution needed no release. Nothing here;
        comments tell the author of the comment they answer.
        """


def moderated_models():
    return [model for model in apps.get_models() if issubclass(model, Moderated)]


def count_pending():
    """How many contributions of every kind wait for release: one query, however many."""
    pending = [model.objects.pending().order_by().values("pk") for model in moderated_models()]
    first, *rest = pending
    return (first.union(*rest, all=True) if rest else first).count()


class SiteSettings(models.Model):
    """The site-wide switch; one row, edited in the admin."""

    premoderation = models.BooleanField(
        _("pre-moderation"),
        default=True,
        help_text=_(
            "New proposals and comments appear only after a moderator has released them. "
            "A project can override this."
        ),
    )

    class Meta:
        verbose_name = _("moderation settings")
        verbose_name_plural = _("moderation settings")

    def __str__(self):
        return str(_("Moderation settings"))

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def load(cls):
        return cls.objects.get_or_create(pk=1)[0]


class ReasonTemplate(models.Model):
    """A reason moderators pick instead of writing it anew; shown to the author as written."""

    title = models.CharField(_("short title"), max_length=80, unique=True)
    text = models.TextField(
        _("text for the author"),
        max_length=1000,
        help_text=_("Shown to the author and, for removed contributions, in their place."),
    )

    class Meta:
        verbose_name = _("reason template")
        verbose_name_plural = _("reason templates")
        ordering = ["title"]

    def __str__(self):
        return self.title


class DecisionQuerySet(models.QuerySet):
    def for_object(self, obj):
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)


class Decision(models.Model):
    """One moderation decision: who decided what about which contribution, when and why."""

    class Kind(models.TextChoices):
        RELEASED = "released", _("released")
        REJECTED = "rejected", _("not released")
        HIDDEN = "hidden", _("removed")
        RESTORED = "restored", _("restored")

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("kind of contribution"), on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField(_("contribution number"))
    contribution = GenericForeignKey("content_type", "object_id")
    summary = models.CharField(_("contribution"), max_length=200)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="moderation_decisions_received",
    )
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderator"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="moderation_decisions_made",
    )
    kind = models.CharField(_("decision"), max_length=20, choices=Kind)
    reason = models.TextField(_("reason"), blank=True)
    revision = models.PositiveIntegerField(
        _("version decided on"),
        null=True,
        blank=True,
        help_text=_("The version of the contribution the moderator saw and decided on."),
    )
    created_at = models.DateTimeField(_("decided"), default=timezone.now)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("moderation decision")
        verbose_name_plural = _("moderation decisions")
        ordering = ["-created_at", "-pk"]
        permissions = [("moderate", _("Can release, reject and remove contributions"))]
        indexes = [
            models.Index(fields=["content_type", "object_id"]),
            models.Index(fields=["author", "kind"]),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.summary}"


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_at__isnull=True)


class Report(models.Model):
    """A signed-in user's hint that a published contribution breaks the rules."""

    class Reason(models.TextChoices):
        INSULT = "insult", _("Insult")
        SPAM = "spam", _("Spam or advertising")
        PERSONAL_DATA = "personal_data", _("Personal data")
        OTHER = "other", _("Something else")

    class Resolution(models.TextChoices):
        REMOVED = "removed", _("contribution removed")
        DISMISSED = "dismissed", _("no action needed")

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("kind of contribution"), on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField(_("contribution number"))
    contribution = GenericForeignKey("content_type", "object_id")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        on_delete=models.CASCADE,
        related_name="reports_made",
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason)
    text = models.TextField(_("explanation"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("reported"), default=timezone.now)
    resolved_at = models.DateTimeField(_("handled"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    resolution = models.CharField(_("outcome"), max_length=20, choices=Resolution, blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "reporter"],
                name="moderation_report_once_per_person",
                violation_error_message=_("You have already reported this contribution."),
            ),
            models.CheckConstraint(
                condition=~Q(reason="other") | ~Q(text=""),
                name="moderation_report_other_needs_text",
                violation_error_message=_("Please explain what is wrong."),
            ),
            models.CheckConstraint(
                condition=Q(resolved_at__isnull=True, resolution="")
                | Q(resolved_at__isnull=False) & ~Q(resolution=""),
                name="moderation_report_resolution_complete",
            ),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.get_reason_display()} ({self.created_at:%d.%m.%Y})"

    @property
    def is_open(self):
        return self.resolved_at is None
