"""System checks for what the platform needs at run time: they stop a start that would fail.

They look at the database and at Redis, so they are tagged `database` and run where Django
runs such checks: in `manage.py migrate` (which the deployment runs before the app starts)
and in `manage.py check --database default`. Without them a forgotten `createcachetable`
went unnoticed: every rate-limited action answered 500 and pages were never cached.
"""

from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.core.cache.backends.redis import RedisCache
from django.core.checks import Error, Tags, register
from django.db import DatabaseError, connections, router

from .cache import redis_error


@register(Tags.database, Tags.caches)
def caches_reachable(app_configs=None, databases=None, **kwargs):
    if not databases:
        return []
    errors = []
    for alias in caches:
        cache = caches[alias]
        if isinstance(cache, DatabaseCache):
            errors += _cache_table_exists(alias, cache, databases)
        elif isinstance(cache, RedisCache):
            errors += _redis_answers(alias, cache)
    return errors


def _cache_table_exists(alias, cache, databases):
    database = router.db_for_write(cache.cache_model_class)
    if database not in databases:
        return []
    try:
        tables = connections[database].introspection.table_names()
    except DatabaseError as error:
        return [
            Error(
                f"The database {database!r} of the cache {alias!r} cannot be reached: {error}",
                id="klmitwirkung.E003",
            )
        ]
    if cache._table in tables:
        return []
    return [
        Error(
            f"The cache table {cache._table!r} of the cache {alias!r} does not exist: "
            "rate limits (sign-in, contributions) would fail.",
            hint="Run `python manage.py createcachetable` (before `migrate`).",
            id="klmitwirkung.E001",
        )
    ]


def _redis_answers(alias, cache):
    if error := redis_error(cache):
        return [
            Error(
                f"The Redis of the cache {alias!r} does not answer: {error}",
                hint="Start Redis, or correct REDIS_URL (unset, pages are cached in memory).",
                id="klmitwirkung.E002",
            )
        ]
    return []
