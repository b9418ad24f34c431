"""Documents to comment on („Textbeteiligung“): a draft the city puts out for comment,
in chapters and numbered paragraphs, in versions.

Citizens comment on a paragraph, a chapter or the whole document through the comments
app (all three are comment targets); staff type in comments that came by letter or e-mail,
and record a response to every comment (`Response`), which makes the Abwägungstabelle the
council decides on. A new version keeps, for each paragraph, the paragraph it comes from
(`predecessor`) and the comments that led to its change (`prompted_by`).
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from comments.models import Comment, published_comment_count
from core.html import sanitize_fields
from projects.models import Project

PARAGRAPH_MAX_LENGTH = 5000


class DocumentQuerySet(models.QuerySet):
    def published(self):
        return self.filter(
            is_published=True, project__is_published=True, current_version__isnull=False
        )

    def visible_to(self, user):
        if user.is_authenticated and user.is_staff:
            return self
        return self.published()


class Document(models.Model):
    """A text of a project that citizens comment on between two dates."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.PROTECT, related_name="documents"
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("What the text is for and what happens with the comments. HTML, sanitised."),
    )
    opens_at = models.DateTimeField(_("comments from"))
    closes_at = models.DateTimeField(_("comments until"))
    is_published = models.BooleanField(_("published"), default=False)
    # The version readers see and comment on: the newest published one (services).
    current_version = models.ForeignKey(
        "Version",
        verbose_name=_("current version"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    evaluated_at = models.DateTimeField(_("evaluated"), null=True, blank=True, editable=False)
    evaluated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("evaluated by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("document to comment on")
        verbose_name_plural = _("documents to comment on")
        ordering = ["-opens_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")),
                name="documents_closes_after_it_opens",
                violation_error_message=_("The end must be after the start."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(
            "documents:detail", kwargs={"project": self.project.slug, "slug": self.slug}
        )

    def get_discussion_url(self):
        """The comments on the whole document: a page of their own, below a long text."""
        return self.url("discussion")

    def url(self, name, **kwargs):
        """The address of one of the document's pages (`documents:<name>`)."""
        return reverse(
            f"documents:{name}", kwargs={"project": self.project.slug, "slug": self.slug, **kwargs}
        )

    def clean(self):
        sanitize_fields(self, "intro")
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The end must be after the start.")})

    def is_open(self, now=None):
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    def has_closed(self, now=None):
        return (now or timezone.now()) >= self.closes_at

    @property
    def is_evaluated(self):
        return self.evaluated_at is not None

    # As a comment target (comments.models): the whole document.
    @property
    def moderation_project(self):
        return self.project

    def comments_allowed(self):
        return self.is_published and self.current_version_id is not None and self.is_open()

    def accepts_written_comments(self):
        """Letters count while the document is being evaluated, even after the deadline
        (a letter posted in time arrives late)."""
        return self.current_version_id is not None and not self.is_evaluated

    def comment_notes(self, comments):
        return responses_of(comments)

    def place_label(self):
        return _("the whole document")

    @property
    def document(self):
        return self


class VersionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False)


class Version(models.Model):
    """One version of a document's text: its chapters and paragraphs. Published versions
    are not changed any more; editors write the next one as a draft."""

    document = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    note = models.TextField(
        _("what changed"),
        blank=True,
        help_text=_("A few sentences on what changed from the previous version, and why."),
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)

    objects = VersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("version")
        verbose_name_plural = _("versions")
        ordering = ["document", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "number"], name="documents_version_number_once"
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1), name="documents_version_number_positive"
            ),
        ]

    def __str__(self):
        return str(pgettext_lazy("document", "Version %(number)s") % {"number": self.number})

    def get_absolute_url(self):
        return self.document.url("version", number=self.number)

    @property
    def is_published(self):
        return self.published_at is not None


class PartQuerySet(models.QuerySet):
    """Chapters and paragraphs."""

    def visible_to(self, user):
        documents = Document.objects.visible_to(user)
        if user.is_authenticated and user.is_staff:
            return self.filter(version__document__in=documents)
        return self.filter(version__document__in=documents, version__published_at__isnull=False)

    def with_comment_count(self):
        """Released, undeleted comments on each as `comment_count`, in the same query."""
        return self.annotate(comment_count=published_comment_count(self.model))


class PartOfAVersion:
    """What a chapter and a paragraph share: their place in a version, their address, and
    what they offer as comment targets (comments.models): comments only on the current
    version while the document takes them."""

    url_name = ""  # documents:<url_name>, with the position as its argument of that name
    path_word = ""  # the address's word: kapitel-2/, absatz-7/

    @property
    def document(self):
        return self.version.document

    def get_absolute_url(self):
        return self.document.url(
            self.url_name, number=self.version.number, **{self.url_name: self.position}
        )

    @property
    def slug_path(self):
        """Its address after the version's (`fassung-1/`)."""
        return f"{self.path_word}-{self.position}/"

    def is_current(self):
        return self.document.current_version_id == self.version_id

    @property
    def moderation_project(self):
        return self.document.project

    def comments_allowed(self):
        return self.document.comments_allowed() and self.is_current()

    def accepts_written_comments(self):
        return self.document.accepts_written_comments() and self.is_current()

    def comment_notes(self, comments):
        return responses_of(comments)


class Chapter(PartOfAVersion, models.Model):
    """A numbered chapter of one version; its title is a heading of the text."""

    version = models.ForeignKey(
        Version, verbose_name=_("version"), on_delete=models.CASCADE, related_name="chapters"
    )
    position = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(
        _("title"),
        max_length=300,
        blank=True,
        help_text=_("Empty for text before the first heading."),
    )

    objects = PartQuerySet.as_manager()

    url_name, path_word = "chapter", "kapitel"

    class Meta:
        verbose_name = _("chapter")
        verbose_name_plural = _("chapters")
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "position"], name="documents_chapter_position_once"
            ),
        ]

    def __str__(self):
        return f"{self.position}. {self.title}"

    def place_label(self):
        return _("chapter %(number)s") % {"number": self.position}


class Paragraph(PartOfAVersion, models.Model):
    """A numbered paragraph (or list item) of one version: the unit citizens comment on.

    Paragraphs are numbered through the whole version (1, 2, 3 …), so that a number names
    one place of the text however the chapters are cut.
    """

    class Kind(models.TextChoices):
        TEXT = "text", _("paragraph")
        BULLET = "bullet", _("item of a list")
        NUMBERED = "numbered", _("item of a numbered list")

    version = models.ForeignKey(
        Version, verbose_name=_("version"), on_delete=models.CASCADE, related_name="paragraphs"
    )
    chapter = models.ForeignKey(
        Chapter, verbose_name=_("chapter"), on_delete=models.CASCADE, related_name="paragraphs"
    )
    position = models.PositiveIntegerField(_("number"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.TEXT)
    marker = models.CharField(
        _("list number"),
        max_length=12,
        blank=True,
        help_text=_("For an item of a numbered list, its number as printed (“3.”, “b)”)."),
    )
    text = models.TextField(
        _("text"), help_text=_("Plain text; an empty line is a new paragraph.")
    )
    predecessor = models.ForeignKey(
        "self",
        verbose_name=_("in the previous version"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="successors",
        help_text=_("The paragraph of the previous version this one replaces; empty if new."),
    )
    prompted_by = models.ManyToManyField(
        Comment,
        verbose_name=_("changed because of"),
        blank=True,
        related_name="+",
        help_text=_("The comments that led to the change of this paragraph."),
    )

    objects = PartQuerySet.as_manager()

    url_name, path_word = "paragraph", "absatz"

    class Meta:
        verbose_name = _("paragraph")
        verbose_name_plural = _("paragraphs")
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "position"], name="documents_paragraph_position_once"
            ),
            models.CheckConstraint(
                condition=Q(text__regex=r"\S"), name="documents_paragraph_has_text"
            ),
        ]

    def __str__(self):
        return str(self.place_label())

    @property
    def anchor(self):
        return f"absatz-{self.position}"

    def place_label(self):
        return _("paragraph %(number)s") % {"number": self.position}


class Outcome(models.TextChoices):
    """What became of a comment, as the Abwägungstabelle says it."""

    ADOPTED = "adopted", _("adopted")
    PARTLY = "partly", _("partly adopted")
    NOT_ADOPTED = "not_adopted", _("not adopted")
    NOTED = "noted", _("noted")


class Response(models.Model):
    """The city's response to one comment on a document: an outcome and a published reason."""

    comment = models.OneToOneField(
        Comment,
        verbose_name=_("comment"),
        on_delete=models.CASCADE,
        related_name="document_response",
    )
    outcome = models.CharField(_("response"), max_length=12, choices=Outcome)
    reason = models.TextField(
        _("reason"), help_text=_("Published under the comment and in the table.")
    )
    responded_at = models.DateTimeField(_("responded"), default=timezone.now)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # Under the comment in its thread (comments' `comment_notes`).
    template = "documents/includes/_response.html"

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        constraints = [
            models.CheckConstraint(
                condition=Q(reason__regex=r"\S"), name="documents_response_has_reason"
            ),
        ]

    def __str__(self):
        return self.get_outcome_display()


def responses_of(comments):
    """The responses to `comments`, by comment number: one query."""
    pks = [comment.pk for comment in comments]
    if not pks:
        return {}
    return {r.comment_id: r for r in Response.objects.filter(comment_id__in=pks)}


def target_types():
    """The content types of the three things of a document that take comments."""
    return ContentType.objects.get_for_models(Document, Chapter, Paragraph)
