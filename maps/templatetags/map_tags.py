"""The map on a page: `{% map_assets %}` once in the head, `{% place_map ... %}` where it
shows places, `{% point_picker ... %}` where a point is chosen on it.

The map is an addition: the places it shows are always listed as text on the same page
(the caller's list, which the map's caption points to), a point can always be given
without it (a named place), and without JavaScript the map is not shown at all. Its tiles
come from our own origin (maps/tiles.py).
"""

import json

from django import template

from ..config import attribution, map_settings

register = template.Library()


def options(bounds=None):
    return json.dumps(map_settings(bounds))


@register.inclusion_tag("maps/_assets.html")
def map_assets():
    return {}


@register.inclusion_tag("maps/_map.html")
def place_map(places, prefix, key, label, bounds=None):
    """A map of `places` (objects with `name`, `point` and `description`: places, or
    maps.markers.Marker), with the id "{prefix}-{key}-karte"; `label` names it for screen
    readers. The page lists the same places as text in the element with the id
    "{prefix}-{key}-antworten"."""
    map_id = f"{prefix}-{key}-karte"
    listed_at = f"{prefix}-{key}-antworten"
    markers = [
        {"name": place.name, "point": place.point, "description": place.description}
        for place in places
    ]
    return {
        "map_id": map_id,
        "markers_id": f"{map_id}-markers",
        "label": label,
        "listed_at": listed_at,
        "markers": markers,
        "options": options(bounds),
        "attribution": attribution(),
    }


@register.inclusion_tag("maps/_picker.html")
def point_picker(form, label, bounds=None):
    """A map on which a point is placed with the mouse, or with the keyboard (arrow keys
    move the map, Enter places the point at the cross in its middle), for the `latitude`
    and `longitude` fields of `form` (hidden inputs). Without JavaScript it is not shown:
    the form offers the named places instead."""
    return {
        "map_id": f"{form.prefix or 'form'}-picker",
        "label": label,
        "latitude": form["latitude"].auto_id,
        "longitude": form["longitude"].auto_id,
        "options": options(bounds),
        "attribution": attribution(),
    }
