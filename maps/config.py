"""What the maps' script needs to draw a map: where the tiles are, the area, the zoom levels
and the credit (static/js/maps.js, static/js/maps_admin.js)."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext


def tile_address():
    """The tiles' address for the map library: /karte/kacheln/{z}/{x}/{y}.png."""
    return (
        reverse("maps:tile", args=[0, 1, 2])
        .replace("/0/", "/{z}/", 1)
        .replace("/1/", "/{x}/", 1)
        .replace("/2.png", "/{y}.png", 1)
    )


def attribution():
    return settings.MAP_ATTRIBUTION or gettext("Schematic map: KLmitWirkung")


def map_settings(bounds=None):
    """The map's settings; `bounds` (south, west, north, east) by default the whole map's."""
    return {
        "tiles": tile_address(),
        "bounds": list(bounds or settings.MAP_BOUNDS),
        "minZoom": settings.MAP_MIN_ZOOM,
        "maxZoom": settings.MAP_MAX_ZOOM,
        "attribution": attribution(),
    }
