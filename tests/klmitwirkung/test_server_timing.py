"""The diagnostics of the load benchmark: the Server-Timing header and /healthz/session.

`make bench` turns on `DJANGO_SERVER_TIMING` to read what each request cost the app, and
measures signed-in pages against /healthz/session, the least such a page can cost.
"""

import importlib.util
import os
import re
from pathlib import Path
from unittest import mock

import pytest
from django.test import Client

from tests.accounts.factories import UserFactory
from tests.test_security_headers import PRODUCTION, PRODUCTION_ENV

pytestmark = pytest.mark.django_db

SERVER_TIMING = re.compile(r"^cpu;dur=(?P<cpu>\d+\.\d+), app;dur=(?P<app>\d+\.\d+)$")


def test_server_timing_tells_cpu_and_wall_time_when_on(settings):
    settings.SERVER_TIMING = True
    client = Client()  # a new handler, which reads the middleware setting
    for path in ("/healthz", "/", "/gibt-es-nicht/"):
        response = client.get(path)
        timing = SERVER_TIMING.match(response["Server-Timing"])
        assert timing, response["Server-Timing"]
        assert float(timing["cpu"]) >= 0
        assert float(timing["app"]) > 0


def test_no_server_timing_by_default(settings):
    assert settings.SERVER_TIMING is False
    response = Client().get("/")
    assert response.status_code == 200
    assert "Server-Timing" not in response.headers


def test_server_timing_is_off_unless_the_environment_says_so():
    assert PRODUCTION.SERVER_TIMING is False
    spec = importlib.util.spec_from_file_location(
        "timing_settings", Path(PRODUCTION.__file__).resolve()
    )
    module = importlib.util.module_from_spec(spec)
    with mock.patch.dict(os.environ, {**PRODUCTION_ENV, "DJANGO_SERVER_TIMING": "1"}):
        spec.loader.exec_module(module)
    assert module.SERVER_TIMING is True
    assert module.MIDDLEWARE[0] == "klmitwirkung.middleware.ServerTimingMiddleware"


def test_healthz_session_for_a_visitor_without_session(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz/session")
    assert response.status_code == 200
    assert response.content == b"anonymous\n"
    assert response["Content-Type"].startswith("text/plain")
    assert {"no-store", "private"} <= set(re.split(r",\s*", response["Cache-Control"]))


def test_healthz_session_reads_the_session_and_the_account(client, django_assert_num_queries):
    client.force_login(UserFactory())
    with django_assert_num_queries(2):  # the session, the account
        response = client.get("/healthz/session")
    assert response.status_code == 200
    assert response.content == b"signed in\n"
    assert {"no-store", "private"} <= set(re.split(r",\s*", response["Cache-Control"]))
    assert "Cookie" in response["Vary"]


def test_healthz_session_is_never_served_from_the_page_cache(client, page_cache):
    client.get("/healthz/session")
    response = client.get("/healthz/session")
    assert "X-Page-Cache" not in response.headers
