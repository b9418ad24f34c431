"""Fixtures shared by all tests."""

import os
import shutil
from functools import partial
from io import StringIO

import pytest
from django.conf import settings as django_settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import translation

from tests.accounts.factories import UserFactory
from tests.processes import RedisServer, SmtpSink


@pytest.fixture(autouse=True)
def _empty_cache():
    # Rate limits and cached pages must not leak from one test into the next.
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def _german_between_tests():
    # A request under /en/ leaves English active in its thread, as in a server; code that
    # runs outside a request in the next test must start from the default, German.
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


@pytest.fixture
def page_cache(settings):
    """Public pages come from the cache for visitors who are not signed in, as in production.

    Off in other tests (settings_test), so that a query count measures the rendering.
    """
    settings.PAGE_CACHE_SECONDS = 30


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def editor(db):
    return UserFactory(is_staff=True, groups=["Redaktion"])


@pytest.fixture
def moderator(db):
    return UserFactory(is_staff=True, groups=["Moderation"])


def _database_order(item):
    """0: in a transaction rolled back (or no database); 1: restores the database as the
    migrations left it; 2: empties it afterwards."""
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    if marker and marker.kwargs.get("serialized_rollback"):
        return 1
    if (marker and marker.kwargs.get("transaction")) or "transactional_db" in fixtures:
        return 2
    return 0


def pytest_collection_modifyitems(items):
    # Browser journeys use the live server, whose transactional tests empty the database
    # afterwards (groups from data migrations included); run them after all others.
    # Of the other tests, those that empty the database come last too, and those that
    # restore it as the migrations left it before them: after the database was emptied,
    # the content types come back with other ids, and the restored ones would collide.
    items.sort(
        key=lambda item: (
            "tests/e2e/" in str(item.path).replace("\\", "/"),
            _database_order(item),
        )
    )


@pytest.fixture(scope="module")
def seeded_demo(django_db_setup, django_db_blocker):
    """The demo content, loaded once per test module and rolled back after it.

    Seeding takes seconds; each test runs inside its own savepoint on top of it, so
    tests still cannot see each other's changes. Returns the command's output.
    """
    output = StringIO()
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(DEBUG=True):
            # Renditions take a second per illustration; tests that show them make them.
            call_command("seed_demo", "--without-renditions", stdout=output)
        yield output.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def database_queue(settings):
    """Tasks go to the database queue, as in production, for this test only."""
    from asgiref.local import Local
    from django.tasks import task_backends

    def reset():
        task_backends.__dict__.pop("settings", None)
        task_backends._settings = None
        task_backends._connections = Local(False)

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    reset()
    yield
    del settings.TASKS
    reset()


@pytest.fixture(scope="session")
def cache_table(django_db_setup, django_db_blocker):
    """The table of production's durable cache (rate limits) in the test database, for
    servers and tests that run with production's CACHES; the test settings keep their
    caches in memory."""
    from django.conf import settings

    from klmitwirkung.settings import CACHES as PRODUCTION_CACHES

    with (
        django_db_blocker.unblock(),
        override_settings(CACHES={**settings.CACHES, "default": PRODUCTION_CACHES["default"]}),
    ):
        call_command("createcachetable", verbosity=0)
    return PRODUCTION_CACHES["default"]["LOCATION"]


@pytest.fixture
def redis_server(tmp_path):
    """A private redis-server on a free port, which the test may stop and start."""
    if shutil.which("redis-server") is None:
        message = "the Redis fault test needs redis-server (apt-get install redis-server)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed(): ...` runs at the end of the block what waits for the commit
    (queued mails going out), as the end of a real request's transaction would."""
    return partial(django_capture_on_commit_callbacks, execute=True)


@pytest.fixture
def smtp_sink(settings):
    """Mail goes over SMTP to a sink of the test's own, which refuses until it is told
    `smtp_sink.accepting = True`."""
    sink = SmtpSink()
    settings.MAILERS = {"default": sink.mailer}
    yield sink
    sink.close()
