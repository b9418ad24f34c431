"""What a monitor asks every minute: can the platform do its work right now?

`/healthz` answers the load balancer (the app and its database answer). `/readyz` answers
the operator's monitor: each part the platform needs, as JSON, with 503 when any of them
is wrong: the database, the durable cache (rate limits), the Redis of the pages if one is
configured, the mail queue (nothing waiting long) and the worker (seen recently).

Whether a worker runs is seen from a heartbeat: at most once a minute this check queues a
tiny task, and the worker that runs it notes the time in the durable cache.
"""

import datetime

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import DatabaseError, connection, transaction
from django.tasks import task
from django.utils import timezone
from redis.exceptions import RedisError

from core.cache import redis_error
from outbox.models import Mail

HEARTBEAT_KEY = "readiness:worker-seen"
HEARTBEAT_QUEUED_KEY = "readiness:heartbeat-queued"
HEARTBEAT_EVERY = 60  # seconds
# A worker not seen for this long is taken to be down.
WORKER_SILENT_AFTER = datetime.timedelta(minutes=10)
# A mail waiting for this long means the mail server or the worker is in trouble.
MAIL_STUCK_AFTER = datetime.timedelta(minutes=15)
FAILED_WINDOW = datetime.timedelta(days=7)


@task
def record_worker_heartbeat():
    caches["default"].set(HEARTBEAT_KEY, timezone.now(), timeout=None)


def report(now=None):
    """{"status": "ok" | "fail", "checks": {name: {"ok": bool, ...}}}."""
    now = now or timezone.now()
    checks = {
        "database": _database(),
        "cache": _durable_cache(),
        "pages_cache": _pages_cache(),
        "mail_queue": _mail_queue(now),
        "worker": _worker(now),
    }
    ok = all(check["ok"] for check in checks.values())
    return {"status": "ok" if ok else "fail", "checks": checks}


def _failure(error):
    return {"ok": False, "error": f"{type(error).__name__}: {error}"[:300]}


def _database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return _failure(error)
    return {"ok": True}


def _durable_cache():
    """Rate limits count here: it must take a write."""
    cache = caches["default"]
    try:
        # In a savepoint of its own: a missing table must not spoil the checks after it.
        with transaction.atomic():
            cache.set("readiness:probe", 1, timeout=60)
            if cache.get("readiness:probe") != 1:
                return {"ok": False, "error": "a value written was not read back"}
    except (DatabaseError, RedisError, OSError) as error:
        return _failure(error)
    return {"ok": True}


def _pages_cache():
    cache = caches["pages"]
    if not isinstance(cache, RedisCache):
        return {"ok": True, "shared": False}
    if error := redis_error(cache):
        return {**_failure(error), "shared": True}
    return {"ok": True, "shared": True}


def _mail_queue(now):
    try:
        waiting = Mail.objects.waiting()
        oldest = waiting.order_by("created_at").values_list("created_at", flat=True).first()
        result = {
            "waiting": waiting.count(),
            "oldest_waiting_seconds": int((now - oldest).total_seconds()) if oldest else None,
            "failed_last_7_days": Mail.objects.failed()
            .filter(created_at__gte=now - FAILED_WINDOW)
            .count(),
        }
    except DatabaseError as error:
        return _failure(error)
    return {"ok": oldest is None or now - oldest < MAIL_STUCK_AFTER, **result}


def _worker(now):
    cache = caches["default"]
    try:
        with transaction.atomic():
            if cache.add(HEARTBEAT_QUEUED_KEY, True, timeout=HEARTBEAT_EVERY):
                record_worker_heartbeat.enqueue()
            seen = cache.get(HEARTBEAT_KEY)
    except (DatabaseError, RedisError, OSError) as error:
        return _failure(error)
    if seen is None:
        return {"ok": False, "last_seen_seconds": None}
    age = now - seen
    return {"ok": age < WORKER_SILENT_AFTER, "last_seen_seconds": int(age.total_seconds())}
