"""Test settings: the real settings, with a fast password hasher and mail kept in memory."""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key")
os.environ.setdefault("EMAIL_URL", "smtp://localhost:25")
# Mails are sent at once (after the commit), so tests see them in the outbox.
os.environ.setdefault("TASK_QUEUE", "immediate")

from .settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# A test database of its own for each of the pytest processes bin/test-in-parallel runs.
if os.environ.get("TEST_DATABASE_SUFFIX") and DATABASES["default"]["NAME"]:  # noqa: F405
    _name = DATABASES["default"]["NAME"]  # noqa: F405
    if DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":  # noqa: F405
        DATABASES["default"]["TEST"] = {  # noqa: F405
            "NAME": f"test_{_name}{os.environ['TEST_DATABASE_SUFFIX']}"
        }
# Uploads of tests (and of the demo they seed) go to a folder of their own, never media/.
MEDIA_ROOT = Path(tempfile.gettempdir()) / f"klmitwirkung-test-media-{os.getpid()}"
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
# Browser tests talk plain HTTP to the live server.
SECURE_SSL_REDIRECT = False
# Each test starts with an empty cache (see tests/conftest.py), so rate limits never leak.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
    },
    "tiles": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tiles"},
}
# Pages are rendered for every request, so that query counts measure the work; the page
# cache is switched on by the `page_cache` fixture and in the browser journeys.
PAGE_CACHE_SECONDS = 0
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Static files come from the app folders, as with runserver; no collectstatic before tests.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
