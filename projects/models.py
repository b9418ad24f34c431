"""Projects of the city: Smart City projects and city matters, with topics, phases and news."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.html import FORMATTED_TEXT_HELP, sanitize_fields
from core.images import CreditedImage, image_constraints, image_errors


class Topic(models.Model):
    name = models.CharField(_("name"), max_length=60, unique=True)
    slug = models.SlugField(_("address"), max_length=60, unique=True)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ProjectQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def visible_to(self, user):
        return self if user.is_staff else self.published()

    def current(self):
        return self.exclude(status=Project.Status.COMPLETED)

    def accepting_proposals(self, today=None):
        today = today or timezone.localdate()
        return self.filter(accepts_proposals=True).filter(
            Q(proposals_until__isnull=True) | Q(proposals_until__gte=today)
        )

    def for_cards(self):
        """Everything a project card shows, in a fixed number of queries."""
        return self.prefetch_related("topics")


class Project(CreditedImage, models.Model):
    class Kind(models.TextChoices):
        SMART_CITY = "smart_city", _("Smart City project")
        CITY = "city", _("City matter")

    class Premoderation(models.TextChoices):
        SITE = "", _("as set for the whole site")
        ON = "on", _("always: contributions wait for release")
        OFF = "off", _("never: contributions appear at once")

    class Status(models.TextChoices):
        PLANNED = "planned", pgettext_lazy("project status", "planned")
        RUNNING = "running", pgettext_lazy("project status", "running")
        COMPLETED = "completed", pgettext_lazy("project status", "completed")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.SMART_CITY)
    title = models.CharField(_("title"), max_length=120)
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    teaser = models.CharField(
        _("teaser"), max_length=280, help_text=_("One or two sentences for cards and lists.")
    )
    body = models.TextField(
        _("text"),
        blank=True,
        help_text=FORMATTED_TEXT_HELP,
    )
    image = models.ImageField(_("image"), upload_to="projects/", blank=True)
    topics = models.ManyToManyField(Topic, verbose_name=_("topics"), related_name="projects")
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.RUNNING)
    contact_name = models.CharField(_("contact person"), max_length=100, blank=True)
    contact_role = models.CharField(_("role of the contact"), max_length=100, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Only published projects are public.")
    )
    accepts_proposals = models.BooleanField(
        _("accepts proposals"),
        default=False,
        help_text=_("Citizens may submit proposals to this project."),
    )
    proposals_until = models.DateField(
        _("proposals until"),
        null=True,
        blank=True,
        help_text=_("Last day for proposals; empty for no deadline."),
    )
    premoderation = models.CharField(
        _("pre-moderation"),
        max_length=3,
        choices=Premoderation,
        default=Premoderation.SITE,
        blank=True,
        help_text=_("Whether proposals and comments in this project wait for a moderator."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    # Deleting the page deletes its discussion and what became of it (comments and
    # milestones know no page by themselves).
    comments = GenericRelation("comments.Comment")
    milestones = GenericRelation("progress.Milestone")

    objects = ProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["title"]
        constraints = [
            *image_constraints("projects_project"),
        ]
        indexes = [models.Index(fields=["is_published", "status"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("projects:detail", kwargs={"slug": self.slug})

    def clean(self):
        sanitize_fields(self, "body")
        image_errors(self)

    @property
    def moderation_project(self):
        """The project whose pre-moderation rule applies to comments here (see comments)."""
        return self

    def comments_allowed(self):
        return self.is_published

    def people_to_tell_of_progress(self, users):
        """Whom a milestone of this project concerns (progress): who follows it. `users` is
        the user model's manager."""
        return users.filter(follows__project=self)

    def proposals_open(self, today=None):
        today = today or timezone.localdate()
        return self.accepts_proposals and (
            self.proposals_until is None or self.proposals_until >= today
        )


class Phase(models.Model):
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="phases", verbose_name=_("project")
    )
    title = models.CharField(_("title"), max_length=120)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering = ["start", "end"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=models.F("start")),
                name="projects_phase_ends_after_start",
                violation_error_message=_("A phase cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return self.title

    def is_current(self, today=None):
        today = today or timezone.localdate()
        return self.start <= today <= self.end

    def is_past(self, today=None):
        return self.end < (today or timezone.localdate())


class ProjectUpdateQuerySet(models.QuerySet):
    def published(self):
        """News dated today or earlier; a news item dated in the future appears on its day."""
        return self.filter(published_on__lte=timezone.localdate())

    def public(self):
        return self.published().filter(project__is_published=True)


class ProjectUpdate(CreditedImage, models.Model):
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="updates", verbose_name=_("project")
    )
    published_on = models.DateField(_("date"), default=timezone.localdate)
    title = models.CharField(_("title"), max_length=160)
    text = models.TextField(
        _("text"), help_text=_("Formatted text (HTML); scripts and styles are removed.")
    )
    image = models.ImageField(_("image"), upload_to="news/", blank=True)

    objects = ProjectUpdateQuerySet.as_manager()

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")
        ordering = ["-published_on", "-pk"]
        indexes = [models.Index(fields=["-published_on"])]
        constraints = image_constraints("projects_projectupdate")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"{self.project.get_absolute_url()}#neuigkeit-{self.pk}"

    def clean(self):
        sanitize_fields(self, "text")
        image_errors(self)


class Follow(models.Model):
    """A person who wants to hear about a project (new polls, by e-mail)."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="follows"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("follower"),
        on_delete=models.CASCADE,
        related_name="follows",
    )
    created_at = models.DateTimeField(_("following since"), auto_now_add=True)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "user"], name="projects_follow_once_per_person"
            ),
        ]

    def __str__(self):
        return f"{self.user} → {self.project}"
