"""Rendered pages can never push out rate limits or the content versions (settings.CACHES)."""

import importlib.util
import os
from pathlib import Path
from unittest import mock

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client

from core import page_cache
from tests.accounts.factories import PASSWORD, UserFactory
from tests.projects.factories import ProjectFactory

ROOT = Path(__file__).resolve().parents[2]
LOGIN = "/konto/login/"


def settings_with(**environ):
    """klmitwirkung/settings.py as a server with `environ` (and DEBUG on) evaluates it."""
    kept = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "REDIS_"))
    }
    spec = importlib.util.spec_from_file_location(
        "some_settings", ROOT / "klmitwirkung/settings.py"
    )
    module = importlib.util.module_from_spec(spec)
    with mock.patch.dict(os.environ, {**kept, "DJANGO_DEBUG": "1", **environ}, clear=True):
        spec.loader.exec_module(module)
    return module


def test_rate_limits_live_in_postgresql_and_pages_in_redis():
    settings = settings_with(REDIS_URL="redis://cache:6379/0")
    assert settings.CACHES["default"]["BACKEND"] == "core.cache.DurableDatabaseCache"
    assert settings.CACHES["pages"]["LOCATION"] == "redis://cache:6379/0"
    assert settings.PAGE_CACHE_VERSIONS == "pages"


def test_without_redis_each_process_keeps_pages_and_the_versions_are_shared():
    settings = settings_with()
    assert settings.CACHES["default"]["BACKEND"] == "core.cache.DurableDatabaseCache"
    assert settings.CACHES["pages"]["BACKEND"].endswith("LocMemCache")
    assert settings.PAGE_CACHE_VERSIONS == "default"


@pytest.mark.django_db
@pytest.mark.usefixtures("page_cache")
def test_page_entries_stay_out_of_the_cache_of_limits_and_versions():
    project = ProjectFactory()
    for _ in range(2):
        assert Client().get(project.get_absolute_url()).status_code == 200
    shared = caches["default"]
    stored = list(shared._cache)  # locmem in tests: its keys
    assert stored, "the versions are in the shared cache"
    assert all("page-version:" in key for key in stored)
    assert any(key.startswith(":1:page:") for key in caches["pages"]._cache)


@pytest.mark.django_db
@pytest.mark.usefixtures("page_cache")
def test_a_flood_of_pages_does_not_lift_a_login_lock(settings, client):
    small = {"OPTIONS": {"MAX_ENTRIES": 20, "CULL_FREQUENCY": 2}}
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "flood-default",
            **small,
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "flood-pages",
            **small,
        },
    }
    user = UserFactory()
    for _ in range(5):
        client.post(LOGIN, {"login": user.email, "password": "falsch"})

    # Somebody requests many pages nobody has seen before, each stored anew.
    for number in range(200):
        page_cache.remember(f"flood-{number}", [page_cache.CONTENT], lambda: "x" * 1000)

    response = client.post(LOGIN, {"login": user.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in response.text


DURABLE = {
    "BACKEND": "core.cache.DurableDatabaseCache",
    "LOCATION": "durable_cache_test",
    "OPTIONS": {"MAX_ENTRIES": 5, "CULL_FREQUENCY": 2},
}


@pytest.mark.django_db
def test_the_durable_cache_tidies_up_expired_entries_but_never_live_ones(settings):
    from django.core.management import call_command

    settings.CACHES = {**settings.CACHES, "durable": DURABLE}
    call_command("createcachetable", "durable_cache_test")
    durable = caches["durable"]
    for number in range(20):
        durable.set(f"lock-{number}", number, timeout=600)
    durable.set("gone", 1, timeout=-1)

    durable.set("one-more", 1)

    assert all(durable.get(f"lock-{number}") == number for number in range(20))
    assert durable.get("one-more") == 1
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT cache_key FROM durable_cache_test WHERE cache_key LIKE %s", ["%gone"]
        )
        assert cursor.fetchall() == []


def test_counting_in_the_durable_cache_loses_no_request_that_comes_at_the_same_time(
    settings, cache_table, django_db_blocker
):
    """Twenty requests at once, each counting five times: exactly one hundred counted, so
    that a burst cannot slip past a rate limit.

    Committed for real, outside a test's transaction (the threads have connections of their
    own), in the cache table only; a transactional test would empty every table after it.
    """
    import threading

    from django.db import connections

    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "core.cache.DurableDatabaseCache", "LOCATION": cache_table},
    }
    durable = caches["default"]
    start = threading.Barrier(20)
    errors = []

    def count():
        try:
            start.wait()
            for _ in range(5):
                durable.incr("burst")
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    with django_db_blocker.unblock():
        durable.set("burst", 0, timeout=600)
        try:
            threads = [threading.Thread(target=count) for _ in range(20)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            assert errors == []
            assert durable.get("burst") == 100
            with pytest.raises(ValueError):
                durable.incr("never-set")
        finally:
            durable.delete("burst")
