"""Static files as production serves them: hashed names cached for good, sent compressed."""

import gzip
import importlib
import re

import pytest
from django.core.management import call_command

try:
    import brotli
except ImportError:
    brotli = None

pytestmark = pytest.mark.django_db

PRODUCTION_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"
FOREVER = "max-age=315360000, public, immutable"
# whitenoise writes .br files only when the Brotli package is installed, and says nothing if not.
NEEDS_BROTLI = "the Brotli package is missing from pyproject.toml's dependencies"
CSS = "body { background: url('../img/dot.svg'); }\n" + ".kl { color: #b5122b; }\n" * 200


def test_production_uses_whitenoises_compressed_manifest_storage():
    # The test settings serve static files from the app folders; production is DEBUG off.
    production = importlib.import_module("klmitwirkung.settings")
    assert not production.DEBUG
    assert production.STORAGES["staticfiles"]["BACKEND"] == PRODUCTION_STORAGE
    middleware = production.MIDDLEWARE
    assert "whitenoise.middleware.WhiteNoiseMiddleware" in middleware
    # Early, so that a static file never opens a session or reaches a view.
    assert middleware.index("whitenoise.middleware.WhiteNoiseMiddleware") < middleware.index(
        "django.contrib.sessions.middleware.SessionMiddleware"
    )


def collect(settings, tmp_path, storage, source=None):
    """collectstatic into a fresh STATIC_ROOT, served by whitenoise as in production."""
    settings.STATIC_ROOT = tmp_path / "staticfiles"
    if source:
        settings.STATICFILES_DIRS = [source]
    # Our own static/ only: the admin's and allauth's files would make this slow.
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": storage}}
    settings.WHITENOISE_AUTOREFRESH = False
    settings.WHITENOISE_USE_FINDERS = False
    call_command("collectstatic", interactive=False, verbosity=0)
    return settings.STATIC_ROOT


@pytest.fixture
def collected(settings, tmp_path):
    source = tmp_path / "static"
    (source / "css").mkdir(parents=True)
    (source / "img").mkdir()
    (source / "css" / "site.css").write_text(CSS)
    (source / "img" / "dot.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2 2"><circle r="1"/></svg>'
    )
    root = collect(settings, tmp_path, PRODUCTION_STORAGE, source)
    [hashed] = [p.name for p in (root / "css").glob("site.*.css")]
    return root, f"/static/css/{hashed}"


def body(response):
    return b"".join(response.streaming_content)


def test_collectstatic_writes_hashed_names_with_gzip_and_brotli_beside_them(collected):
    root, url = collected
    hashed = root / url.removeprefix("/static/")
    assert re.fullmatch(r"site\.[0-9a-f]{12}\.css", hashed.name)
    assert (
        gzip.decompress(hashed.with_name(f"{hashed.name}.gz").read_bytes()) == hashed.read_bytes()
    )
    assert brotli, NEEDS_BROTLI
    assert brotli.decompress(hashed.with_name(f"{hashed.name}.br").read_bytes()) == (
        hashed.read_bytes()
    )
    # References between files point at the hashed names too.
    assert re.search(r"url\(\W\.\./img/dot\.[0-9a-f]{12}\.svg\W\)", hashed.read_text())


@pytest.mark.parametrize(
    ("accept", "encoding"),
    [("gzip, deflate, br, zstd", "br"), ("gzip, deflate", "gzip"), ("", None)],
)
def test_a_hashed_file_is_cached_for_good_and_sent_compressed_when_accepted(
    client, collected, accept, encoding
):
    root, url = collected
    if encoding == "br":
        assert brotli, NEEDS_BROTLI
    decode = {"br": getattr(brotli, "decompress", None), "gzip": gzip.decompress, None: bytes}

    response = client.get(url, headers={"accept-encoding": accept})

    assert response.status_code == 200
    assert response["Cache-Control"] == FOREVER
    assert response.get("Content-Encoding") == encoding
    assert response["Vary"] == "Accept-Encoding"
    assert response["Content-Type"].startswith("text/css")
    assert decode[encoding](body(response)) == (root / url.removeprefix("/static/")).read_bytes()


def test_the_unhashed_name_is_cached_only_briefly(client, collected):
    response = client.get("/static/css/site.css", headers={"accept-encoding": "gzip"})

    assert response.status_code == 200
    assert response["Cache-Control"] == "max-age=60, public"
    assert response["Content-Encoding"] == "gzip"


def test_pages_link_our_real_static_files_by_their_hashed_names(client, settings, tmp_path):
    # Without compression, which takes seconds for Bootstrap; the test above covers it.
    collect(settings, tmp_path, "django.contrib.staticfiles.storage.ManifestStaticFilesStorage")
    html = client.get("/").text
    stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assert len(stylesheets) == 2
    for url in stylesheets:
        assert re.search(r"\.[0-9a-f]{12}\.css$", url)
        response = client.get(url)
        assert response.status_code == 200
        assert response["Cache-Control"] == FOREVER
