"""Draw the schematic tiles of the map's area into a PMTiles archive.

For a tile source that works offline and is served like a real one (MAP_TILES_URL =
file:///….pmtiles); the app draws the same tiles by itself when MAP_TILES_URL is empty.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from pmtiles.tile import Compression, TileType, zxy_to_tileid
from pmtiles.writer import Writer

from maps import tiles


class Command(BaseCommand):
    help = "Draw the schematic tiles of MAP_BOUNDS into a PMTiles archive."

    def add_arguments(self, parser):
        parser.add_argument("path", help="the archive to write, e.g. karte.pmtiles")
        parser.add_argument("--max-zoom", type=int, default=15)

    def handle(self, *args, path, max_zoom, **options):
        min_zoom = settings.MAP_MIN_ZOOM
        if not min_zoom <= max_zoom <= settings.MAP_MAX_ZOOM:
            raise CommandError(
                f"--max-zoom must lie between {min_zoom} and {settings.MAP_MAX_ZOOM}."
            )
        south, west, north, east = settings.MAP_BOUNDS
        wanted = []
        for z in range(min_zoom, max_zoom + 1):
            left, top = tiles.tile_of(north, west, z)
            right, bottom = tiles.tile_of(south, east, z)
            wanted += [
                (zxy_to_tileid(z, x, y), z, x, y)
                for x in range(left, right + 1)
                for y in range(top, bottom + 1)
            ]
        with open(path, "wb") as file:
            writer = Writer(file)
            for _tile_id, z, x, y in sorted(wanted):
                writer.write_tile(zxy_to_tileid(z, x, y), tiles.drawn(z, x, y))
            writer.finalize(
                {
                    "tile_type": TileType.PNG,
                    "tile_compression": Compression.NONE,
                    "min_zoom": min_zoom,
                    "max_zoom": max_zoom,
                    "min_lon_e7": int(west * 1e7),
                    "min_lat_e7": int(south * 1e7),
                    "max_lon_e7": int(east * 1e7),
                    "max_lat_e7": int(north * 1e7),
                    "center_zoom": min_zoom + 2,
                    "center_lon_e7": int((west + east) / 2 * 1e7),
                    "center_lat_e7": int((south + north) / 2 * 1e7),
                },
                {"attribution": "Schematische Karte: KLmitWirkung"},
            )
        self.stdout.write(f"{len(wanted)} tiles written to {path}.")
