"""The start-up checks: a missing cache table or a silent Redis stops `migrate` with a
clear message, instead of a platform that answers 500 to every sign-in."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from tests.processes import free_port

pytestmark = pytest.mark.django_db


def durable(table):
    return {"BACKEND": "core.cache.DurableDatabaseCache", "LOCATION": table}


def redis(url):
    return {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": url,
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }


def check():
    call_command("check", databases=["default"], verbosity=0)


def test_a_missing_cache_table_stops_the_start(settings):
    settings.CACHES = {**settings.CACHES, "default": durable("no_such_cache_table")}
    with pytest.raises(SystemCheckError) as failure:
        check()
    assert "klmitwirkung.E001" in str(failure.value)
    assert "createcachetable" in str(failure.value)


def test_an_unreachable_redis_stops_the_start(settings):
    settings.CACHES = {**settings.CACHES, "pages": redis(f"redis://127.0.0.1:{free_port()}/0")}
    with pytest.raises(SystemCheckError) as failure:
        check()
    assert "klmitwirkung.E002" in str(failure.value)


def test_the_production_caches_pass_when_both_are_there(settings, cache_table, redis_server):
    settings.CACHES = {"default": durable(cache_table), "pages": redis(redis_server.url)}
    check()


def test_plain_checks_leave_the_services_alone(settings):
    """`manage.py check` without a database (as runserver and the tests run it) does not
    look for the table, so that it works before the database exists."""
    settings.CACHES = {**settings.CACHES, "default": durable("no_such_cache_table")}
    call_command("check", verbosity=0)
