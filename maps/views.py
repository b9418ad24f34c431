"""The tiles of the map, from our own origin (tiles.py says where they come from)."""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from . import tiles

# A day in the browser; a tile that stands in for a missing one only a minute.
TILE_SECONDS = 24 * 60 * 60
STAND_IN_SECONDS = 60


@require_GET
def tile(request, z, x, y):
    if not tiles.served(z, x, y):
        raise Http404("No tile of this map")
    seconds = TILE_SECONDS
    archive = tiles.archive_path()
    if archive:
        found = tiles.from_archive(archive, z, x, y)
        if found is None:
            # The archive has no tile here (or cannot be read): the schematic one.
            found = ("image/png", tiles.drawn(z, x, y))
    elif settings.MAP_TILES_URL:
        found = tiles.fetched(z, x, y)
        if found is None:
            # The source is down: the schematic tile, so that the map still works.
            found, seconds = ("image/png", tiles.drawn(z, x, y)), STAND_IN_SECONDS
    else:
        found = ("image/png", tiles.drawn(z, x, y))
    content_type, content = found
    response = HttpResponse(content, content_type=content_type)
    patch_cache_control(response, public=True, max_age=seconds)
    return response
