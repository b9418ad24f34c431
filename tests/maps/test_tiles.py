"""Map tiles come from our own origin: drawn here, or fetched from the operator's source."""

import http.server
import io
import threading

import pytest
from PIL import Image

from maps import tiles

pytestmark = pytest.mark.django_db

# The Stiftsplatz at zoom 15, and a tile far outside Kaiserslautern.
INSIDE = tiles.tile_of(49.4439, 7.7707, 15)
OUTSIDE = tiles.tile_of(52.52, 13.40, 15)  # Berlin


def tile_path(z, x, y):
    return f"/karte/kacheln/{z}/{x}/{y}.png"


def test_the_tile_of_a_point_and_its_corner_agree():
    x, y = tiles.tile_of(49.4439, 7.7707, 15)
    north, west = tiles.corner_of(x, y, 15)
    south, east = tiles.corner_of(x + 1, y + 1, 15)
    assert south <= 49.4439 <= north
    assert west <= 7.7707 <= east


def test_without_a_source_the_app_draws_schematic_tiles(client):
    response = client.get(tile_path(15, *INSIDE))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "public" in response["Cache-Control"]
    assert "max-age=86400" in response["Cache-Control"]
    image = Image.open(io.BytesIO(response.content))
    assert image.size == (256, 256)
    # The area is drawn lighter than what lies around it.
    assert image.convert("RGB").getpixel((128, 128)) != tiles.OUTSIDE


@pytest.mark.parametrize(
    "z, x, y",
    [
        (15, *OUTSIDE),  # another city
        (3, 4, 2),  # too far out: the whole of Europe
        (19, *tiles.tile_of(49.4439, 7.7707, 19)),  # closer than the map offers
    ],
)
def test_no_tile_outside_the_area_and_zoom_levels_of_the_map(client, z, x, y):
    assert client.get(tile_path(z, x, y)).status_code == 404


def test_a_tile_is_only_got(client):
    assert client.post(tile_path(15, *INSIDE)).status_code == 405


class TileSource(http.server.BaseHTTPRequestHandler):
    """A tile server of the operator's: answers each tile with a PNG and counts the requests."""

    requests = []
    content_type = "image/png"
    body = b""

    def do_GET(self):
        TileSource.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", TileSource.content_type)
        self.send_header("Content-Length", str(len(TileSource.body)))
        self.end_headers()
        self.wfile.write(TileSource.body)

    def log_message(self, *args):
        pass


@pytest.fixture
def tile_source(settings):
    image = io.BytesIO()
    Image.new("RGB", (256, 256), (10, 120, 40)).save(image, format="PNG")
    TileSource.requests, TileSource.content_type, TileSource.body = (
        [],
        "image/png",
        image.getvalue(),
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), TileSource)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.MAP_TILES_URL = f"http://127.0.0.1:{server.server_port}/tiles/{{z}}/{{x}}/{{y}}.png"
    settings.MAP_TILES_TIMEOUT = 2
    yield TileSource
    server.shutdown()
    server.server_close()


def test_tiles_of_a_source_are_fetched_by_the_app_and_kept(client, tile_source):
    x, y = INSIDE
    first = client.get(tile_path(15, x, y))
    assert first.status_code == 200
    assert first.content == tile_source.body
    assert "max-age=86400" in first["Cache-Control"]
    again = client.get(tile_path(15, x, y))
    assert again.content == tile_source.body
    assert tile_source.requests == [f"/tiles/15/{x}/{y}.png"]  # once: then from the cache


def test_a_source_that_sends_no_image_gets_the_drawn_tile_for_a_minute(client, tile_source):
    tile_source.content_type, tile_source.body = "text/html", b"<html>Fehler</html>"
    response = client.get(tile_path(15, *INSIDE))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert Image.open(io.BytesIO(response.content)).size == (256, 256)
    assert "max-age=60" in response["Cache-Control"]


def test_a_source_that_is_down_gets_the_drawn_tile_for_a_minute(client, settings, caplog):
    settings.MAP_TILES_URL = "http://127.0.0.1:9/tiles/{z}/{x}/{y}.png"  # nobody listens
    response = client.get(tile_path(15, *INSIDE))
    assert response.status_code == 200
    assert Image.open(io.BytesIO(response.content)).size == (256, 256)
    assert "max-age=60" in response["Cache-Control"]
    assert "Tile source unavailable" in caplog.text


def test_tiles_from_a_pmtiles_archive(client, settings, tmp_path):
    from django.core.management import call_command

    archive = tmp_path / "karte.pmtiles"
    call_command("draw_map_tiles", str(archive), "--max-zoom", "13", stdout=io.StringIO())
    settings.MAP_TILES_URL = f"file://{archive}"
    tiles.drawn.cache_clear()
    x, y = tiles.tile_of(49.4439, 7.7707, 13)
    response = client.get(tile_path(13, x, y))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "max-age=86400" in response["Cache-Control"]
    assert response.content == tiles.drawn(13, x, y)
    # Closer than the archive goes: the drawn tile stands in.
    response = client.get(tile_path(15, *INSIDE))
    assert response.status_code == 200
    assert Image.open(io.BytesIO(response.content)).size == (256, 256)


def test_an_unreadable_archive_gets_the_drawn_tile(client, settings, tmp_path, caplog):
    settings.MAP_TILES_URL = f"file://{tmp_path / 'fehlt.pmtiles'}"
    response = client.get(tile_path(15, *INSIDE))
    assert response.status_code == 200
    assert Image.open(io.BytesIO(response.content)).size == (256, 256)
    assert "Tile archive unreadable" in caplog.text
