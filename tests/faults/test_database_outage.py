"""The database connection is cut: a calm 503, nothing half-saved, the text kept, and the
next request works without restarting the app.

A real gunicorn process with production settings runs against the test database
(PostgreSQL), as in tests/test_scale_out.py; the test cuts its connections from a
connection of its own with `pg_terminate_backend`, as PostgreSQL does to every client when
it restarts or an administrator ends a session.

Where the cut falls matters, and this is what the test found and now pins down:

- Cut between two requests: the app keeps its connection open (CONN_MAX_AGE) but checks
  it before the first query of each request (conn_health_checks). The next request finds
  it dead, connects anew and works: nobody notices anything.
- Cut while a request is under way: that request cannot end well, since its transaction
  is gone. To cut it at a known moment, the test holds a row lock (`FOR UPDATE`) on the
  citizen's row while the citizen posts a comment. The comment's foreign key to its author
  is checked at COMMIT (Django makes PostgreSQL's foreign keys DEFERRABLE INITIALLY
  DEFERRED), so the app inserts the comment and then waits in COMMIT for the lock. The test
  sees that backend in `pg_stat_activity` (blocked by its lock, running COMMIT, under the
  application_name the app's settings give) and terminates it: the write is written, not
  yet committed, when the connection goes. That is the worst moment for "half-saved".

It needs PostgreSQL (`DATABASE_URL=postgres://...`); without it, it is skipped, except
in CI (`CI=true`), where it fails.
"""

import re
import time
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace

import psycopg
import pytest
from django.db import connection

from comments.models import Comment
from moderation.models import SiteSettings
from tests.accounts.factories import PASSWORD
from tests.projects.factories import ProjectFactory
from tests.test_scale_out import (
    STARTUP_TIMEOUT,
    Browser,
    Server,
    citizen_with_password,
    database_url,
    rows_restored,
    server_environment,
    skip_or_fail,
)

# How the app server's connections show in pg_stat_activity, so that only they are cut.
APP_NAME = "klmitwirkung-fault-test"

# Production settings (see tests/test_scale_out.py), with a name on the connections.
SETTINGS_MODULE = f"""
from klmitwirkung.settings import *  # noqa: F403

STORAGES = {{
    **STORAGES,  # noqa: F405
    "staticfiles": {{"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}},
}}
WHITENOISE_USE_FINDERS = True
DATABASES["default"].setdefault("OPTIONS", {{}})["application_name"] = "{APP_NAME}"  # noqa: F405
"""

TYPED = "Bitte die Tram <b>bis</b> zum Betzenberg & weiter!"


@pytest.fixture(scope="module")
def data(django_db_setup, django_db_blocker):
    """A citizen and a project to comment on, committed for the server to see, and
    removed afterwards row for row (see tests/test_scale_out.py, `data`)."""
    if connection.vendor != "postgresql":
        skip_or_fail(
            "PostgreSQL: run it with DATABASE_URL=postgres://... "
            f"(the database is {connection.vendor} now)."
        )
    with django_db_blocker.unblock(), rows_restored("the outage test") as before:
        made = SimpleNamespace(project=ProjectFactory(), citizen=citizen_with_password())
        try:
            yield made
        finally:
            Comment.objects.filter(author=made.citizen).delete()
            made.project.delete()
            made.citizen.delete()
            if not before["moderation.SiteSettings"]:  # made by the server on first use
                SiteSettings.objects.all().delete()


@pytest.fixture
def server(tmp_path, data, cache_table):
    """One app server with production settings on the test database."""
    env = server_environment(tmp_path, "outage_settings", SETTINGS_MODULE)
    app = Server("app", env, tmp_path)
    try:
        app.wait_until_ready(time.monotonic() + STARTUP_TIMEOUT)
        yield app
    finally:
        app.stop()


@pytest.fixture
def admin_connection():
    """A connection of the test's own, outside its transaction: it sees what the server
    does and cuts the server's connections."""
    with psycopg.connect(database_url(connection.settings_dict), autocommit=True) as conn:
        yield conn


def app_backends(conn):
    rows = conn.execute(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
        "AND application_name = %s AND pid <> pg_backend_pid()",
        [APP_NAME],
    ).fetchall()
    return [pid for (pid,) in rows]


def terminate(conn, pids):
    for pid in pids:
        assert conn.execute("SELECT pg_terminate_backend(%s)", [pid]).fetchone()[0]


def wait_for_backend_blocked_by(conn, locker_pid, timeout=10):
    """The app's backend that waits for the lock held by `locker_pid`, and its query."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        row = conn.execute(
            "SELECT pid, query FROM pg_stat_activity "
            "WHERE application_name = %s AND %s = ANY(pg_blocking_pids(pid))",
            [APP_NAME, locker_pid],
        ).fetchone()
        if row:
            return row
        time.sleep(0.02)
    pytest.fail("the app never waited for the test's lock")


def comment_form(browser, server, project):
    page = browser.get(server, project.get_absolute_url())
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token, "no comment form on the project page"
    return {
        "csrfmiddlewaretoken": token[1],
        "target": "projects.project",
        "object_id": str(project.pk),
        "text": TYPED,
    }


@pytest.mark.django_db
def test_a_cut_connection_costs_one_request_and_no_half_saved_comment(
    server, data, admin_connection
):
    project, citizen = data.project, data.citizen
    browser = Browser()
    status, _, html = browser.log_in(server, citizen.email, PASSWORD)
    assert status == 302, html[:2000]
    browser.get(server, project.get_absolute_url())
    cut = app_backends(admin_connection)
    assert len(cut) == 1, "one worker, one persistent connection"

    # Cut between two requests: the health check notices, the next request just works.
    terminate(admin_connection, cut)
    assert "Kommentar absenden" in browser.get(server, project.get_absolute_url())
    assert app_backends(admin_connection) not in ([], cut), "connected anew"
    form = comment_form(browser, server, project)

    # Cut while the comment is being saved: the app waits in COMMIT for the test's lock.
    dsn = database_url(connection.settings_dict)
    # The lock goes first when the block ends, so that a failure cannot leave the app waiting.
    with ThreadPoolExecutor(1) as pool, psycopg.connect(dsn) as locker:
        locker.execute("SELECT 1 FROM accounts_user WHERE id = %s FOR UPDATE", [citizen.pk])
        locker_pid = locker.execute("SELECT pg_backend_pid()").fetchone()[0]
        posting = pool.submit(browser.request, server, "POST", "/kommentare/neu/", form)
        pid, query = wait_for_backend_blocked_by(admin_connection, locker_pid)
        assert query == "COMMIT", "cut after the comment was written, before it was committed"
        terminate(admin_connection, [pid])
        status, headers, html = posting.result(timeout=20)
        locker.rollback()

    assert status == 503, html[:2000]
    assert headers["Retry-After"] == "30"
    assert "KLmitWirkung ist kurz nicht erreichbar" in html
    assert "Bitte versuchen Sie es in einer Minute noch einmal." in html
    assert "Bitte die Tram &lt;b&gt;bis&lt;/b&gt; zum Betzenberg &amp; weiter!</textarea>" in html
    assert form["csrfmiddlewaretoken"] not in html
    assert "Traceback" not in html and "administrator command" not in html
    assert not Comment.objects.filter(author=citizen).exists(), "nothing half-saved"
    log = server.log_path.read_text()
    assert '"message": "Database unavailable: /kommentare/neu/"' in log
    assert '"status_code": 503' in log

    # The next request of the same person works, and so does sending the text again.
    assert "Kommentar absenden" in browser.get(server, project.get_absolute_url())
    status, headers, html = browser.request(
        server, "POST", "/kommentare/neu/", comment_form(browser, server, project)
    )
    assert status == 302, html[:2000]
    assert Comment.objects.get(author=citizen).text == TYPED
