"""Several app servers: two gunicorn processes behind one address, one database, one Redis.

The platform scales out with stateless app processes behind a load balancer. Whatever a
visitor's next request depends on must therefore live in the shared services, never in
one process: the session, allauth's rate limits, poll results.
This test starts two real gunicorn processes with production settings against the test
database (PostgreSQL) and one Redis database, and sends each request the way the load
balancer would: `Host: klmitwirkung.de`, `X-Forwarded-Proto: https` and the visitor's
address in `X-Forwarded-For`.

It needs PostgreSQL (`DATABASE_URL=postgres://...`) and Redis on 127.0.0.1:6379 (database
13, emptied before and after; `TEST_REDIS_URL` picks another). Without them it is skipped,
except in CI (`CI=true`), where it fails.
"""

import http.client
import os
import re
import signal
import subprocess
import sys
import time
import urllib.parse
from contextlib import contextmanager
from http.cookies import SimpleCookie
from pathlib import Path
from types import SimpleNamespace

import pytest
from allauth.account.adapter import DefaultAccountAdapter
from django.apps import apps
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.sessions.models import Session
from django.db import connection
from django.utils import translation
from django.utils.html import escape

from polls.models import Ballot
from tests.accounts.factories import PASSWORD, UserFactory
from tests.polls.factories import ChoiceFactory, PollFactory, QuestionFactory
from tests.processes import free_port

ROOT = Path(__file__).resolve().parents[1]
HOST = "klmitwirkung.de"
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/13")
STARTUP_TIMEOUT = 20
# The visitor's address, as the load balancer passes it on (a documentation address).
CLIENT_ADDRESS = "203.0.113.7"

# Production settings, except that static files come from the app folders: the manifest
# of hashed names only exists after `collectstatic`, which the test run does not do.
SETTINGS_MODULE = """
from klmitwirkung.settings import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
"""


def skip_or_fail(reason):
    """Skipped on a developer machine without the services; CI must have them."""
    message = f"Two-server test needs {reason}"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def redis_client():
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1, socket_timeout=2)
    try:
        client.ping()
    except redis.RedisError as error:
        skip_or_fail(
            f"Redis at {REDIS_URL} ({error}); start it with `redis-server --daemonize yes` "
            "or set TEST_REDIS_URL."
        )
    return client


def database_url(db):
    """The URL of the test database pytest-django made (test_<name>) for the servers."""
    user = urllib.parse.quote(db["USER"] or "", safe="")
    password = urllib.parse.quote(db["PASSWORD"] or "", safe="")
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = urllib.parse.quote(db["HOST"] or "localhost", safe="")
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{credentials}{host}{port}/{urllib.parse.quote(db['NAME'], safe='')}"


class Server:
    """One gunicorn process with production settings on its own port."""

    def __init__(self, name, env, log_dir):
        self.name = name
        self.port = free_port()
        self.log_path = log_dir / f"gunicorn-{name}.log"
        self.log = self.log_path.open("wb")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "klmitwirkung.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "1",
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def output(self):
        self.log.flush()
        return self.log_path.read_text(errors="replace")[-4000:]

    def wait_until_ready(self, deadline):
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"server {self.name} exited:\n{self.output()}")
            try:
                status, _, _ = Browser().request(self, "GET", "/healthz")
            except OSError:
                time.sleep(0.1)
                continue
            if status == 200:
                return
            pytest.fail(f"server {self.name} answered /healthz with {status}:\n{self.output()}")
        pytest.fail(f"server {self.name} did not start in time:\n{self.output()}")

    def stop(self):
        self.process.send_signal(signal.SIGINT)  # gunicorn's quick shutdown
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


class Browser:
    """Cookies and CSRF as a browser keeps them; requests as the load balancer forwards them."""

    def __init__(self):
        self.cookies = {}

    def request(self, server, method, path, data=None):
        headers = {
            "Host": HOST,
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": CLIENT_ADDRESS,
            "User-Agent": "scale-out-test",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"https://{HOST}"
            headers["Referer"] = f"https://{HOST}{path}"
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            html = response.read().decode()
        finally:
            conn.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return response.status, response.headers, html

    def get(self, server, path, expect=200):
        status, _, html = self.request(server, "GET", path)
        assert status == expect, f"GET {path} on {server.name}: {status}\n{html[:2000]}"
        return html

    def post_form(self, server, path, data, token_from=None):
        """Post `data` with the CSRF token of the form page (read from `token_from`)."""
        page = self.get(token_from or server, path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token, f"no CSRF token on {path}"
        return self.request(server, "POST", path, {**data, "csrfmiddlewaretoken": token[1]})

    def log_in(self, server, email, password):
        return self.post_form(server, "/konto/login/", {"login": email, "password": password})


def row_counts():
    return {model._meta.label: model._base_manager.count() for model in apps.get_models()}


@contextmanager
def rows_restored(who):
    """Rows committed inside the block for app servers to see must be gone after it: the
    sessions the servers made are removed, then every table must count as it did before.
    Yields the counts from before."""
    before = row_counts()
    sessions = set(Session.objects.values_list("session_key", flat=True))
    yield before
    Session.objects.exclude(session_key__in=sessions).delete()
    after = row_counts()
    changed = {label: n - before[label] for label, n in after.items() if n != before[label]}
    assert changed == {}, f"rows {who} left behind (or removed)"


def server_environment(tmp_path, settings_module, settings_text, **extra):
    """What an app server with production settings on the test database gets: the settings
    module written to `tmp_path`, a secret, the load balancer's host and headers."""
    (tmp_path / f"{settings_module}.py").write_text(settings_text)
    passed_on = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "VIRTUAL_ENV")
    env = {key: os.environ[key] for key in passed_on if key in os.environ}
    env.update(
        PYTHONPATH=os.pathsep.join([str(tmp_path), str(ROOT)]),
        DJANGO_SETTINGS_MODULE=settings_module,
        DJANGO_SECRET_KEY=f"{settings_module}-test-key-3f9a1c7e5b2d4086af1e9c3b7d5a2f40",
        DJANGO_ALLOWED_HOSTS=HOST,
        DJANGO_CSRF_TRUSTED_ORIGINS=f"https://{HOST}",
        DJANGO_BEHIND_PROXY="1",
        DATABASE_URL=database_url(connection.settings_dict),
        EMAIL_URL="smtp://localhost:25",
        DJANGO_LOG_LEVEL="WARNING",
        **extra,
    )
    return env


@pytest.fixture(scope="module")
def data(django_db_setup, django_db_blocker):
    """Two citizens and an open poll with live results, committed for the servers to see.

    Module-scoped, so that the rows are written before pytest-django opens the test's
    transaction, and removed afterwards row for row (a transactional test would instead
    empty every table, the staff groups of the data migrations included, for all tests
    after it).
    """
    if connection.vendor != "postgresql":
        skip_or_fail(
            "PostgreSQL: run it with DATABASE_URL=postgres://... "
            f"(the database is {connection.vendor} now)."
        )
    with django_db_blocker.unblock(), rows_restored("the two-server test"):
        poll = PollFactory()  # open, for accounts, results shown live
        question = QuestionFactory(poll=poll, text="Welche Linie zuerst?")
        made = SimpleNamespace(
            voter=citizen_with_password(),
            target=citizen_with_password(),
            poll=poll,
            question=question,
            tram=ChoiceFactory(question=question, label="Westpfalz-Tram"),
            bike=ChoiceFactory(question=question, label="Radschnellweg"),
        )
        try:
            yield made
        finally:
            Ballot.objects.filter(poll=poll).delete()
            poll.delete()
            made.voter.delete()
            made.target.delete()


@pytest.fixture
def servers(tmp_path, data, cache_table):
    """Two app servers, A and B, on one database (rate limits in its cache table) and one
    Redis database (pages)."""
    redis = redis_client()
    redis.flushdb()
    env = server_environment(tmp_path, "scale_out_settings", SETTINGS_MODULE, REDIS_URL=REDIS_URL)
    started = []
    try:
        for name in ("A", "B"):
            started.append(Server(name, env, tmp_path))
        deadline = time.monotonic() + STARTUP_TIMEOUT
        for server in started:
            server.wait_until_ready(deadline)
        yield started
    finally:
        for server in started:
            server.stop()
        redis.flushdb()
        redis.close()


def citizen_with_password():
    """A citizen with a confirmed e-mail address, as allauth requires for logging in.

    The servers know only production's password hashers (the test settings' MD5 is not
    among them); few PBKDF2 iterations keep the test fast, and the server upgrades the
    hash on the first login, as it does after a change of the iteration count.
    """
    user = UserFactory()
    user.password = PBKDF2PasswordHasher().encode(PASSWORD, "scaleoutsalt", iterations=1000)
    user.save(update_fields=["password"])
    return user


def allowed_failed_logins():
    """How many failed logins allauth allows one address from one client (from settings)."""
    rates = settings.ACCOUNT_RATE_LIMITS["login_failed"].split(",")
    return min(int(rate.split("/")[0]) for rate in rates)


def online_votes(html, label):
    row = re.search(rf'<th scope="row"[^>]*>{re.escape(label)}</th>\s*<td[^>]*>(\d+)</td>', html)
    assert row, f"no result row for {label}"
    return int(row[1])


# The test itself runs in pytest-django's transaction as usual; it only reads what the
# servers commit.
@pytest.mark.django_db
def test_two_app_servers_share_sessions_rate_limits_and_results(servers, data):
    a, b = servers
    voter, poll, question, tram = data.voter, data.poll, data.question, data.tram

    # A session started on A works on B.
    citizen = Browser()
    status, headers, html = citizen.log_in(a, voter.email, PASSWORD)
    assert status == 302, html[:2000]
    assert headers["Location"] == "/konto/profil/"
    assert "sessionid" in citizen.cookies
    assert voter.username in citizen.get(b, "/konto/profil/")
    assert Browser().request(b, "GET", "/konto/profil/")[0] == 302  # nobody else's session

    # A ballot cast on A (with the form and CSRF token B served) shows on B at once.
    results = poll.get_absolute_url() + "ergebnisse/"
    assert online_votes(citizen.get(b, results), "Westpfalz-Tram") == 0
    status, headers, html = citizen.post_form(
        a, poll.get_absolute_url(), {f"question_{question.pk}": str(tram.pk)}, token_from=b
    )
    assert status == 302, html[:2000]
    assert Ballot.objects.filter(poll=poll, user=voter).count() == 1
    assert online_votes(citizen.get(b, results), "Westpfalz-Tram") == 1
    assert online_votes(citizen.get(a, results), "Westpfalz-Tram") == 1

    # Failed logins count across both servers: after the allowed number, alternately on
    # A and B, even the right password is refused, on either server.
    target = data.target
    attacker = Browser()
    with translation.override(settings.LANGUAGE_CODE):
        too_many = escape(str(DefaultAccountAdapter.error_messages["too_many_login_attempts"]))
    allowed = allowed_failed_logins()
    for attempt in range(allowed):
        server = (a, b)[attempt % 2]
        status, _, html = attacker.log_in(server, target.email, "wrong-password-123")
        assert status == 200 and too_many not in html, f"attempt {attempt + 1} on {server.name}"
    for server in (a, b):
        status, _, html = attacker.log_in(server, target.email, PASSWORD)
        assert status == 200, f"login on {server.name} went through after {allowed} failures"
        assert too_many in html
    assert "sessionid" not in attacker.cookies
