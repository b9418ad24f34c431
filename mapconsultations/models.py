"""Map consultations („Kartenbeteiligung“): citizens place a point on the city's map with a
category and a short text („Hier ist es im Sommer zu heiß“), or choose a named place
instead. Entries are contributions like proposals: pre-moderated, and listed as text beside
the map, so that every entry can be made and read without the map."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from comments.models import published_comment_count
from core.html import sanitize_fields
from core.images import CreditedImage, image_constraints, image_errors
from maps.models import COORDINATE, Place, within_area
from moderation.models import Moderated, ModeratedQuerySet
from projects.models import Project

TEXT_MAX_LENGTH = 1000
EDGES_IN_ORDER = _(
    "The southern edge must lie south of the northern one, the western west of the eastern."
)


class ConsultationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True, project__is_published=True)


class Consultation(models.Model):
    """One map consultation of a project, open between two dates."""

    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        on_delete=models.PROTECT,
        related_name="map_consultations",
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    intro = models.TextField(_("introduction"), blank=True, help_text=_("HTML, sanitised."))
    opens_at = models.DateTimeField(_("open from"))
    closes_at = models.DateTimeField(_("open until"))
    is_published = models.BooleanField(_("published"), default=False)
    # The part of the city the consultation is about; empty: the whole map.
    south = models.DecimalField(_("southern edge"), null=True, blank=True, **COORDINATE)
    west = models.DecimalField(_("western edge"), null=True, blank=True, **COORDINATE)
    north = models.DecimalField(
        _("northern edge"),
        null=True,
        blank=True,
        help_text=_(
            "The area of the consultation in degrees (for example 49.440 to 49.448 north, "
            "7.764 to 7.778 east for the inner city); points outside it are refused. Empty: "
            "the whole map."
        ),
        **COORDINATE,
    )
    east = models.DecimalField(_("eastern edge"), null=True, blank=True, **COORDINATE)

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        verbose_name = _("map consultation")
        verbose_name_plural = _("map consultations")
        ordering = ["-opens_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")),
                name="mapconsultations_closes_after_it_opens",
                violation_error_message=_("The end must be after the start."),
            ),
            models.CheckConstraint(
                condition=Q(
                    south__isnull=True, west__isnull=True, north__isnull=True, east__isnull=True
                )
                | Q(south__lt=models.F("north"), west__lt=models.F("east")),
                name="mapconsultations_area_whole_and_in_order",
                violation_error_message=EDGES_IN_ORDER,
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(
            "mapconsultations:detail", kwargs={"project": self.project.slug, "slug": self.slug}
        )

    def clean(self):
        sanitize_fields(self, "intro")
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The end must be after the start.")})
        edges = [self.south, self.west, self.north, self.east]
        if any(edge is not None for edge in edges):
            if any(edge is None for edge in edges):
                raise ValidationError(_("Please give all four edges of the area, or none."))
            if not (self.south < self.north and self.west < self.east):
                raise ValidationError(EDGES_IN_ORDER)
            if not (within_area(self.south, self.west) and within_area(self.north, self.east)):
                raise ValidationError(_("The area must lie within the map (settings.MAP_BOUNDS)."))

    @property
    def bounds(self):
        """(south, west, north, east) of its area in degrees: its own, or the whole map's."""
        if self.south is None:
            return tuple(settings.MAP_BOUNDS)
        return (float(self.south), float(self.west), float(self.north), float(self.east))

    def is_open(self, now=None):
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at


class Category(models.Model):
    """What an entry says about its place, as the editors put it."""

    consultation = models.ForeignKey(
        Consultation,
        verbose_name=_("map consultation"),
        on_delete=models.CASCADE,
        related_name="categories",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    name = models.CharField(
        _("name"), max_length=120, help_text=_("For example “Hier ist es im Sommer zu heiß”.")
    )

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["consultation", "position", "pk"]

    def __str__(self):
        return self.name


class EntryQuerySet(ModeratedQuerySet):
    def for_moderation(self):
        """What the moderation queue and admin show of each entry, without a query per row."""
        return self.select_related("author", "category", "place", "consultation__project")

    def for_map(self):
        """Newest first, with what a marker or a row of open data names: no authors, no
        comment counts."""
        return self.select_related("category", "place").order_by("-created_at", "-pk")

    def for_list(self):
        return (
            self.select_related("author", "category", "place", "consultation__project")
            .with_comment_count()
            .order_by("-created_at", "-pk")
        )

    def with_comment_count(self):
        """Released, undeleted comments on each entry as `comment_count`, in the same query."""
        return self.annotate(comment_count=published_comment_count(self.model))


# The credit of an author's photo: their role, never their name (as on proposals).
PHOTO_CREDIT = "Foto: Verfasser:in des Eintrags"


class Entry(CreditedImage, Moderated):
    """A point on the map with a category and a short text, by a citizen; or typed in by
    staff from a printed map at a stand (paper), and released only by a second person."""

    class Source(models.TextChoices):
        ONLINE = "online", _("online")
        PAPER = "paper", _("on paper")

    consultation = models.ForeignKey(
        Consultation,
        verbose_name=_("map consultation"),
        on_delete=models.CASCADE,
        related_name="entries",
    )
    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="entries"
    )
    text = models.TextField(
        _("text"), validators=[MaxLengthValidator(TEXT_MAX_LENGTH)], help_text=_("Plain text.")
    )
    latitude = models.DecimalField(_("latitude"), **COORDINATE)
    longitude = models.DecimalField(_("longitude"), **COORDINATE)
    # Chosen from the named places (without the map), or none when placed on the map.
    place = models.ForeignKey(
        Place,
        verbose_name=_("named place"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="map_entries",
    )

    # One photo of the author's, stored only as core/photos.py redrew it (no metadata, a
    # random name), released with the text and deleted with the entry or the account.
    image = models.ImageField(_("photo"), upload_to="map-entries/", blank=True)
    source = models.CharField(_("source"), max_length=10, choices=Source, default=Source.ONLINE)
    # Paper entries: who typed it in (never published), and where it was collected.
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    paper_note = models.CharField(
        _("where collected"),
        max_length=200,
        blank=True,
        help_text=_("For a paper entry, e.g. “Stand at the Stiftsplatz market, 3 June”."),
    )
    # Kept by the services that add and remove supports (services.py).
    support_count = models.PositiveIntegerField(
        _("supports"), default=0, db_default=0, editable=False
    )
    # Deleting an entry deletes its discussion (comments know no page by themselves).
    comments = GenericRelation("comments.Comment")

    objects = EntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("map entry")
        verbose_name_plural = _("map entries")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["consultation", "moderation_state", "-created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__gte=-90, latitude__lte=90)
                & Q(longitude__gte=-180, longitude__lte=180),
                name="mapconsultations_entry_on_earth",
            ),
            # Paper entries name the staff member who typed them in and no author.
            models.CheckConstraint(
                condition=Q(source="online", entered_by__isnull=True)
                | Q(source="paper", entered_by__isnull=False, author__isnull=True),
                name="mapconsultations_entry_paper_has_typist",
            ),
            # Four eyes: whoever typed a paper entry in does not release it.
            models.CheckConstraint(
                condition=Q(source="online")
                | Q(moderated_by__isnull=True)
                | ~Q(moderated_by=models.F("entered_by")),
                name="mapconsultations_entry_paper_four_eyes",
            ),
            *image_constraints("mapconsultations_entry"),
        ]
        permissions = [("enter_paper_entries", _("Can enter map entries from paper"))]

    def __str__(self):
        return self.moderation_title()

    def clean(self):
        super().clean()
        image_errors(self)
        if (
            self.category_id
            and self.consultation_id
            and self.category.consultation_id != self.consultation_id
        ):
            raise ValidationError({"category": _("Please choose one of the categories.")})
        if (
            self.latitude is not None
            and self.longitude is not None
            and self.consultation_id
            and not within_area(self.latitude, self.longitude, self.consultation.bounds)
        ):
            raise ValidationError(
                _("This point lies outside the area of this map. Please choose a place in it.")
            )

    def get_absolute_url(self):
        return reverse(
            "mapconsultations:entry",
            kwargs={
                "project": self.consultation.project.slug,
                "slug": self.consultation.slug,
                "pk": self.pk,
            },
        )

    def comments_allowed(self):
        return self.is_published

    @property
    def point(self):
        return [float(self.latitude), float(self.longitude)]

    @property
    def where(self):
        """The place in words: its name, or the point in degrees."""
        if self.place_id:
            return self.place.name
        return f"{self.latitude:.5f} N, {self.longitude:.5f} E"

    @property
    def heading(self):
        """What it is about and where: „Hier ist es im Sommer zu heiß: Stiftsplatz“."""
        return f"{self.category.name}: {self.where}"

    def moderation_title(self):
        return self.heading

    def moderation_text(self):
        return self.text

    def moderation_context(self):
        return self.consultation

    @property
    def is_from_paper(self):
        return self.source == self.Source.PAPER

    def refuses_decision(self, moderator):
        if self.is_from_paper and moderator.pk == self.entered_by_id:
            return _(
                "A paper entry is released by a second staff member, not by the one who "
                "typed it in."
            )
        return ""

    @property
    def moderation_project(self):
        return self.consultation.project


class EntrySupport(models.Model):
    """One person's support of a released entry („Sehe ich auch so“)."""

    entry = models.ForeignKey(
        Entry, verbose_name=_("map entry"), on_delete=models.CASCADE, related_name="supports"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("supporter"),
        on_delete=models.CASCADE,
        related_name="map_entry_supports",
    )
    created_at = models.DateTimeField(_("supported"), default=timezone.now)

    class Meta:
        verbose_name = _("support of a map entry")
        verbose_name_plural = _("supports of map entries")
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "user"], name="mapconsultations_support_once_per_person"
            ),
        ]

    def __str__(self):
        return f"{self.user} → {self.entry}"
