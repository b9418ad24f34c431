"""Named places: the streets, squares and districts that editors define once, so that every
map task can be done without the map too (choose the place from a list, or type its name)."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# Six decimals of a degree: about 11 cm, finer than anyone points on a map.
COORDINATE = {"max_digits": 9, "decimal_places": 6}


class PlaceQuerySet(models.QuerySet):
    def by_name(self):
        return self.order_by("name", "pk")


class Place(models.Model):
    class Kind(models.TextChoices):
        STREET = "street", _("street")
        SQUARE = "square", _("square")
        DISTRICT = "district", _("district")
        BUILDING = "building", _("building or facility")
        OTHER = "other", _("other place")

    name = models.CharField(
        _("name"),
        max_length=120,
        unique=True,
        help_text=_("As people call it, for example “Stiftsplatz” or “Betzenberg”."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.OTHER)
    latitude = models.DecimalField(_("latitude"), **COORDINATE)
    longitude = models.DecimalField(_("longitude"), **COORDINATE)
    description = models.CharField(
        _("where exactly"),
        max_length=200,
        blank=True,
        help_text=_("For people who cannot see the map, e.g. “corner of Fackelstraße”."),
    )

    objects = PlaceQuerySet.as_manager()

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__gte=-90, latitude__lte=90)
                & Q(longitude__gte=-180, longitude__lte=180),
                name="maps_place_on_earth",
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.latitude is None or self.longitude is None:
            return
        if not within_area(self.latitude, self.longitude):
            raise ValidationError(
                _("This place lies outside the area of the map (settings.MAP_BOUNDS).")
            )

    @property
    def point(self):
        """[latitude, longitude] as numbers, for the map's data."""
        return [float(self.latitude), float(self.longitude)]


def within_area(latitude, longitude, bounds=None):
    """Whether the point lies in `bounds` (south, west, north, east), by default the map's."""
    south, west, north, east = (Decimal(str(edge)) for edge in bounds or settings.MAP_BOUNDS)
    return south <= Decimal(latitude) <= north and west <= Decimal(longitude) <= east
