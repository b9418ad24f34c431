"""/readyz tells a monitor what is wrong: database, durable cache, Redis, mail queue, worker."""

import datetime

import pytest
from django.utils import timezone

from klmitwirkung import readiness
from outbox.models import Mail
from tests.processes import free_port

pytestmark = pytest.mark.django_db


def ready(client):
    response = client.get("/readyz")
    return response.status_code, response.json()


def test_all_well(client):
    status, body = ready(client)
    assert status == 200
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "pages_cache", "mail_queue", "worker"}
    assert body["checks"]["mail_queue"] == {
        "ok": True,
        "waiting": 0,
        "oldest_waiting_seconds": None,
        "failed_last_7_days": 0,
    }
    assert body["checks"]["worker"]["ok"]  # the immediate queue of the tests ran the beat
    assert "no-cache" in client.get("/readyz")["Cache-Control"]


def test_a_worker_that_is_not_running_is_reported_and_seen_again_once_it_runs(
    client, database_queue
):
    from django_tasks_db.models import DBTaskResult

    status, body = ready(client)
    assert status == 503
    assert body["checks"]["worker"] == {"ok": False, "last_seen_seconds": None}
    # One heartbeat waits in the queue, however often the monitor asks.
    ready(client)
    [heartbeat] = DBTaskResult.objects.all()
    # The worker comes and runs it.
    readiness.record_worker_heartbeat.call()
    heartbeat.delete()
    status, body = ready(client)
    assert status == 200
    assert body["checks"]["worker"]["last_seen_seconds"] <= 1


def test_a_mail_waiting_long_is_reported(client):
    now = timezone.now()
    Mail.objects.create(
        recipient="anna@example.org",
        subject="Ihr Code",
        from_email="noreply@klmitwirkung.de",
        created_at=now - datetime.timedelta(minutes=20),
        give_up_at=now + datetime.timedelta(days=1),
    )
    status, body = ready(client)
    assert status == 503
    queue = body["checks"]["mail_queue"]
    assert queue["ok"] is False
    assert queue["waiting"] == 1
    assert queue["oldest_waiting_seconds"] >= 20 * 60
    assert "anna" not in str(body)  # counts only, no addresses


def test_a_missing_cache_table_is_reported(client, settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "core.cache.DurableDatabaseCache",
            "LOCATION": "no_such_cache_table",
        },
    }
    status, body = ready(client)
    assert status == 503
    assert body["checks"]["cache"]["ok"] is False
    assert "no_such_cache_table" in body["checks"]["cache"]["error"]
    assert body["checks"]["mail_queue"]["ok"] is True  # the other checks still ran


def test_a_silent_redis_is_reported(client, settings):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        },
    }
    status, body = ready(client)
    assert status == 503
    assert body["checks"]["pages_cache"]["ok"] is False
    assert body["checks"]["pages_cache"]["shared"] is True
    assert body["checks"]["database"]["ok"] is True
