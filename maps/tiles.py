"""Map tiles, always from our own origin: browsers never contact another host.

`settings.MAP_TILES_URL` names the source. Empty (the default, and in development and
tests): schematic tiles drawn here with Pillow, correct in geometry (Web Mercator, a grid of
degrees, the edge of the map's area) but without streets, so that everything runs offline.
A PMTiles archive of raster tiles (`file:///srv/karte/kaiserslautern.pmtiles`, made with
the usual tools from OpenStreetMap or the city's data, or by `manage.py draw_map_tiles`):
read by the app. An address with `{z}`, `{x}` and `{y}` (the city's own tile server, or a
provider the operator has a contract with): each tile is fetched by the app, kept in the
cache "tiles" for `MAP_TILES_CACHE_SECONDS`, and served from there. Only tiles of the map's area
(`MAP_BOUNDS`, one tile around it) and zoom levels (`MAP_MIN_ZOOM` to `MAP_MAX_ZOOM`) are
served, so that the app cannot be used as a proxy for the whole world.
"""

import gzip
import io
import logging
import math
import urllib.error
import urllib.request
from functools import lru_cache

from django.conf import settings
from django.core.cache import caches
from PIL import Image, ImageDraw
from pmtiles.reader import MmapSource, Reader
from pmtiles.tile import Compression, TileType

logger = logging.getLogger(__name__)

SIZE = 256
MAX_BYTES = 1024 * 1024
IMAGE_TYPES = ("image/png", "image/jpeg", "image/webp")
ARCHIVE_TYPES = {
    TileType.PNG: "image/png",
    TileType.JPEG: "image/jpeg",
    TileType.WEBP: "image/webp",
}

LAND = (244, 241, 234)
OUTSIDE = (226, 223, 216)
GRID = (205, 199, 186)
EDGE = (128, 118, 98)


def tile_of(latitude, longitude, zoom):
    """The (x, y) of the tile that holds a point, at `zoom` (Web Mercator, as every web map)."""
    n = 2**zoom
    x = int((longitude + 180.0) / 360.0 * n)
    lat = math.radians(latitude)
    y = int((1.0 - math.asinh(math.tan(lat)) / math.pi) / 2.0 * n)
    return x, y


def corner_of(x, y, zoom):
    """(latitude, longitude) of the north-west corner of a tile; x or y may be fractions."""
    n = 2**zoom
    longitude = x / n * 360.0 - 180.0
    latitude = math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y / n))))
    return latitude, longitude


def served(z, x, y):
    """Whether the tile z/x/y belongs to the map: a zoom level it offers, in its area."""
    if not settings.MAP_MIN_ZOOM <= z <= settings.MAP_MAX_ZOOM:
        return False
    south, west, north, east = settings.MAP_BOUNDS
    left, top = tile_of(north, west, z)
    right, bottom = tile_of(south, east, z)
    return left - 1 <= x <= right + 1 and top - 1 <= y <= bottom + 1


def grid_step(zoom):
    """Degrees between the lines of the schematic grid: a few lines per tile."""
    return 360.0 / 2**zoom / 4


@lru_cache(maxsize=2048)
def drawn(z, x, y):
    """A schematic tile as PNG bytes: the area lighter than around it, a grid, its edge."""
    south, west, north, east = settings.MAP_BOUNDS
    image = Image.new("RGB", (SIZE, SIZE), OUTSIDE)
    draw = ImageDraw.Draw(image)

    def pixel(latitude, longitude):
        n = 2**z
        px = ((longitude + 180.0) / 360.0 * n - x) * SIZE
        lat = math.radians(latitude)
        py = ((1.0 - math.asinh(math.tan(lat)) / math.pi) / 2.0 * n - y) * SIZE
        return px, py

    (left, top), (right, bottom) = pixel(north, west), pixel(south, east)
    draw.rectangle([left, top, right, bottom], fill=LAND)
    north_edge, west_edge = corner_of(x, y, z)
    south_edge, east_edge = corner_of(x + 1, y + 1, z)
    step = grid_step(z)
    longitude = math.floor(west_edge / step) * step
    while longitude <= east_edge:
        px, _ = pixel(north_edge, longitude)
        draw.line([(px, 0), (px, SIZE)], fill=GRID)
        longitude += step
    latitude = math.floor(south_edge / step) * step
    while latitude <= north_edge:
        _, py = pixel(latitude, west_edge)
        draw.line([(0, py), (SIZE, py)], fill=GRID)
        latitude += step
    draw.rectangle([left, top, right, bottom], outline=EDGE, width=2)
    out = io.BytesIO()
    image.quantize(colors=8).save(out, format="PNG", optimize=True)
    return out.getvalue()


def fetched(z, x, y):
    """(content type, bytes) of a tile of the configured source, from the cache or fetched;
    None if the source cannot be reached or sends no image."""
    key = f"tile:{z}/{x}/{y}"
    cache = caches["tiles"]
    try:
        found = cache.get(key)
    except OSError:
        logger.warning("Tile cache unavailable", exc_info=True)
        found = None
    if found is not None:
        return found
    address = settings.MAP_TILES_URL.format(z=z, x=x, y=y)
    request = urllib.request.Request(address, headers={"User-Agent": "KLmitWirkung tiles"})  # noqa: S310 - the operator's address
    try:
        with urllib.request.urlopen(request, timeout=settings.MAP_TILES_TIMEOUT) as response:  # noqa: S310
            content_type = response.headers.get_content_type()
            content = response.read(MAX_BYTES + 1)
    except (urllib.error.URLError, OSError, ValueError) as error:
        logger.warning("Tile source unavailable: %s (%s)", address, error)
        return None
    if content_type not in IMAGE_TYPES or len(content) > MAX_BYTES:
        logger.warning("Tile source sent no image for %s (%s)", address, content_type)
        return None
    found = (content_type, content)
    try:
        cache.set(key, found, timeout=settings.MAP_TILES_CACHE_SECONDS)
    except OSError:
        logger.warning("Tile cache unavailable: tile not kept", exc_info=True)
    return found


def archive_path():
    """The PMTiles archive that MAP_TILES_URL names (file:///….pmtiles), or None."""
    address = settings.MAP_TILES_URL
    if address.startswith("file://") and address.endswith(".pmtiles"):
        return address.removeprefix("file://")
    return None


@lru_cache(maxsize=4)
def _archive(path):
    # Mapped into memory once per process; the operating system pages in what is read.
    with open(path, "rb") as file:
        return Reader(MmapSource(file))


def from_archive(path, z, x, y):
    """(content type, bytes) of a raster tile of the archive; None if it has none there."""
    try:
        reader = _archive(path)
        header = reader.header()
        data = reader.get(z, x, y)
    except (OSError, ValueError, KeyError):
        logger.warning("Tile archive unreadable: %s", path, exc_info=True)
        return None
    content_type = ARCHIVE_TYPES.get(header["tile_type"])
    if data is None or content_type is None:
        return None
    if header["tile_compression"] == Compression.GZIP:
        data = gzip.decompress(data)
    return content_type, data
