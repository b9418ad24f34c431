"""Logs reach the operator's collector as one JSON object per line on standard output."""

import io
import json
import logging
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import RequestFactory

from core.log_format import JSONFormatter


@pytest.fixture
def log_lines():
    """What `klmitwirkung.test` and `django.request` log, formatted as in production."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JSONFormatter())
    loggers = [logging.getLogger("klmitwirkung.test"), logging.getLogger("django.request")]
    for logger in loggers:
        logger.addHandler(handler)
    try:
        yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    finally:
        for logger in loggers:
            logger.removeHandler(handler)


def test_a_record_is_one_line_of_json_with_time_level_logger_and_message(log_lines):
    logging.getLogger("klmitwirkung.test").warning("Stimmzettel für %s gezählt", "Zeile\nzwei")

    [entry] = log_lines()
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "klmitwirkung.test"
    assert entry["message"] == "Stimmzettel für Zeile\nzwei gezählt"
    # ISO 8601 in UTC, to the millisecond.
    assert entry["time"].endswith("+00:00")
    assert len(entry["time"]) == len("2026-05-01T12:00:00.000+00:00")


def test_an_exception_is_included_as_text(log_lines):
    try:
        raise ZeroDivisionError("durch null")
    except ZeroDivisionError:
        logging.getLogger("klmitwirkung.test").exception("Auszählung fehlgeschlagen")

    [entry] = log_lines()
    assert entry["level"] == "ERROR"
    assert entry["message"] == "Auszählung fehlgeschlagen"
    assert entry["exception"].startswith("Traceback (most recent call last):")
    assert "ZeroDivisionError: durch null" in entry["exception"]


def test_a_failed_request_names_method_path_and_status_but_no_address_or_query(log_lines):
    request = RequestFactory().post("/abstimmungen/test/?token=geheim", REMOTE_ADDR="203.0.113.9")
    try:
        raise RuntimeError("kaputt")
    except RuntimeError:
        # As Django's request handler logs a view's exception.
        logging.getLogger("django.request").error(
            "Internal Server Error: %s",
            request.path,
            exc_info=True,
            extra={"status_code": 500, "request": request},
        )

    [entry] = log_lines()
    assert entry["logger"] == "django.request"
    assert entry["status_code"] == 500
    assert entry["request"] == {"method": "POST", "path": "/abstimmungen/test/"}
    assert "RuntimeError: kaputt" in entry["exception"]
    line = json.dumps(entry)
    assert "203.0.113.9" not in line
    assert "geheim" not in line


def test_djangos_own_404_log_is_json_with_the_request(client, log_lines):
    client.get("/gibt-es-nicht/ganz-sicher/")

    [entry] = log_lines()
    assert entry["level"] == "WARNING"
    assert entry["status_code"] == 404
    assert entry["request"] == {"method": "GET", "path": "/gibt-es-nicht/ganz-sicher/"}


def test_extra_fields_are_kept_and_anything_unusual_becomes_text(log_lines):
    class Poll:
        def __str__(self):
            return "Stadt.Raum.Wir."

    logging.getLogger("klmitwirkung.test").info(
        "Ergebnis angekündigt", extra={"poll": Poll(), "ballots": 1000}
    )

    [entry] = log_lines()
    assert entry["poll"] == "Stadt.Raum.Wir."
    assert entry["ballots"] == 1000


def test_with_debug_off_logs_go_to_stdout_as_json_lines():
    assert not settings.DEBUG
    assert settings.LOGGING["handlers"]["console"]["stream"] == "ext://sys.stdout"
    assert settings.LOGGING["handlers"]["console"]["formatter"] == "json"

    # The real settings module in a process of its own, as gunicorn and the worker load it.
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "klmitwirkung.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "test-only-secret-key",
        "EMAIL_URL": "smtp://localhost:25",
    }
    code = (
        "import django, logging; django.setup(); "
        "logging.getLogger('polls').info('Abstimmung geöffnet')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        cwd=settings.BASE_DIR,
    )

    assert result.stderr == ""
    [entry] = [json.loads(line) for line in result.stdout.splitlines()]
    assert entry["logger"] == "polls"
    assert entry["message"] == "Abstimmung geöffnet"
    assert entry["level"] == "INFO"
