"""Events and stands where the city meets people: workshops, information evenings and
market stands, with where, when, how to get in and what one can do there."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.html import FORMATTED_TEXT_HELP, sanitize_fields

# How long past events stay in the calendar feed, so that a calendar keeps recent ones.
FEED_KEEPS_PAST = datetime.timedelta(days=90)


class EventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def visible_to(self, user):
        return self if user.is_staff else self.published()

    def upcoming(self, now=None):
        """Not over yet: running now or still to come, the soonest first."""
        return self.filter(ends_at__gt=now or timezone.now()).order_by("starts_at", "pk")

    def past(self, now=None):
        return self.filter(ends_at__lte=now or timezone.now()).order_by("-starts_at", "-pk")

    def for_feed(self, now=None):
        """What the calendar feed holds: every upcoming event and those of the last months."""
        since = (now or timezone.now()) - FEED_KEEPS_PAST
        return self.published().filter(ends_at__gt=since).order_by("starts_at", "pk")


class Event(models.Model):
    class Kind(models.TextChoices):
        STAND = "stand", _("stand")
        WORKSHOP = "workshop", _("workshop")
        INFORMATION = "information", _("information evening")
        OTHER = "other", _("other event")

    title = models.CharField(_("title"), max_length=160)
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.STAND)
    description = models.TextField(_("description"), blank=True, help_text=FORMATTED_TEXT_HELP)
    starts_at = models.DateTimeField(_("starts"), help_text=_("Time in Kaiserslautern."))
    ends_at = models.DateTimeField(_("ends"), help_text=_("Time in Kaiserslautern."))
    venue = models.CharField(
        _("place"),
        max_length=200,
        help_text=_("Where exactly, for example: Stiftsplatz, at the fountain."),
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    # A named place of the map (maps.Place), for its position in calendars.
    place = models.ForeignKey(
        "maps.Place",
        verbose_name=_("place on the map"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    accessibility = models.TextField(
        _("accessibility of the venue"),
        blank=True,
        help_text=_(
            "For example: step-free access, accessible toilet, induction loop, sign language "
            "interpreting on request."
        ),
    )
    what_to_do = models.TextField(
        _("what you can do there"),
        blank=True,
        help_text=_("For example: vote on paper in the poll about the square; ask questions."),
    )
    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Only published events are public.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="events_event_ends_after_it_starts",
                violation_error_message=_("An event must end after it starts."),
            ),
        ]
        indexes = [models.Index(fields=["is_published", "ends_at", "starts_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"slug": self.slug})

    def get_ics_url(self):
        return reverse("events:ics", kwargs={"slug": self.slug})

    def clean(self):
        sanitize_fields(self, "description")
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("An event must end after it starts.")})

    @property
    def ends_the_same_day(self):
        """Whether it ends on the day it starts, in Kaiserslautern: then the end is a time."""
        return timezone.localdate(self.starts_at) == timezone.localdate(self.ends_at)

    def is_over(self, now=None):
        return self.ends_at <= (now or timezone.now())
