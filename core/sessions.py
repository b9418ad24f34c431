"""Sessions kept in PostgreSQL and read through the shared Redis (settings.SESSION_ENGINE
with REDIS_URL).

Every request of a signed-in person reads their session; with Redis that read is one round
trip to Redis instead of a query, which is a good part of what a cached page costs a
citizen. PostgreSQL stays the record: every change is written there first (Django's
`cached_db`), so a Redis that loses its data or evicts a session signs nobody out.

Two things differ from `cached_db`:
- A Redis that fails costs nothing but speed: reads fall back to the database, writes and
  deletions to the database alone, and the failure is logged.
- A session stays in Redis for at most `SESSION_CACHE_SECONDS`, not for the session's
  whole life, so that whatever changes a session in the database alone (the account's
  deletion ending its sessions, a logout while Redis did not answer) shows within minutes.
"""

import logging

from django.conf import settings
from django.contrib.sessions.backends import cached_db

from .page_cache import CACHE_ERRORS

logger = logging.getLogger(__name__)


class TolerantCache:
    """The cache methods `cached_db` uses, which never fail and keep entries briefly."""

    def __init__(self, cache):
        self.cache = cache

    def get(self, key, default=None):
        try:
            return self.cache.get(key, default)
        except CACHE_ERRORS:
            logger.warning("Session cache unavailable: read from the database", exc_info=True)
            return default

    def set(self, key, value, timeout):
        try:
            self.cache.set(key, value, min(timeout, settings.SESSION_CACHE_SECONDS))
        except CACHE_ERRORS:
            logger.warning("Session cache unavailable: written to the database", exc_info=True)

    def delete(self, key):
        try:
            self.cache.delete(key)
        except CACHE_ERRORS:
            logger.error(
                "Session cache unavailable: a deleted session may be read from it for up to %s s",
                settings.SESSION_CACHE_SECONDS,
                exc_info=True,
            )

    def __contains__(self, key):
        try:
            return key in self.cache
        except CACHE_ERRORS:
            return False


class SessionStore(cached_db.SessionStore):
    cache_key_prefix = "klmitwirkung.session:"

    def __init__(self, session_key=None):
        super().__init__(session_key)
        self._cache = TolerantCache(self._cache)
