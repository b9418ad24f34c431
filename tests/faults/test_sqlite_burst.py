"""The SQLite file of `make run` under a burst: many people submit at the same moment.

`make run` serves with runserver (a thread per request) on the SQLite file. Before its
settings were made for concurrent writers, twenty ballots at once gave a 500 („database is
locked“). This test starts runserver on a fresh SQLite file, as `make run` does, and sends
twenty ballots at once: from twenty people, and twenty times from one person.
"""

import http.client
import json
import os
import subprocess
import sys
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.processes import free_port

ROOT = Path(__file__).resolve().parents[2]
PEOPLE = 20
CSRF = "k" * 32  # a CSRF secret of our own, sent as cookie and as form field

SETUP = """
import json
from importlib import import_module
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from tests.accounts.factories import UserFactory
from tests.polls.factories import poll_with_questions
from tests.polls.test_views import ballot_data

poll = poll_with_questions(title="Stoßzeit")
store = import_module(settings.SESSION_ENGINE).SessionStore
sessions = []
for number in range(%(people)d):
    user = UserFactory(username=f"buerger{number}", postal_code="67655")
    session = store()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    sessions.append(session.session_key)
print(json.dumps({"path": poll.get_absolute_url(), "data": ballot_data(poll),
                  "sessions": sessions, "poll": poll.pk}))
"""

# How many ballots the people with these sessions have, and from how many of them.
COUNT = """
from django.contrib.sessions.models import Session
from polls.models import Ballot
users = [Session.objects.get(pk=key).get_decoded()["_auth_user_id"] for key in %(sessions)r]
ballots = Ballot.objects.filter(poll_id=%(poll)d, user_id__in=users)
print(ballots.count(), ballots.values("user").distinct().count())
"""


@pytest.fixture(scope="module")
def sqlite_server(tmp_path_factory):
    """runserver on a fresh SQLite file with the settings of `make run`."""
    tmp_path = tmp_path_factory.mktemp("sqlite")
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "EMAIL_", "TASK_"))
    }
    env.update(DJANGO_DEBUG="1", DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")

    def manage(*args):
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=True,
        ).stdout

    manage("createcachetable")
    manage("migrate", "--no-input", "-v0")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise RuntimeError("runserver did not start: " + server.stderr.read()) from None
            time.sleep(0.2)
    setup = manage("shell", "--no-imports", "-c", SETUP % {"people": PEOPLE + 1})
    yield port, manage, json.loads(setup.strip().splitlines()[-1])
    server.terminate()
    server.wait(timeout=10)


def post_ballot(port, path, data, session):
    body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": CSRF}, doseq=True)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request(
        "POST",
        path,
        body=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"sessionid={session}; csrftoken={CSRF}",
        },
    )
    response = connection.getresponse()
    response.read()
    return response.status


def burst(port, path, data, sessions):
    with ThreadPoolExecutor(max_workers=len(sessions)) as pool:
        return list(pool.map(lambda session: post_ballot(port, path, data, session), sessions))


def test_twenty_ballots_at_once_on_the_sqlite_file_are_all_counted(sqlite_server):
    """Twenty people at once: every one counted, nobody sees an error."""
    port, manage, setup = sqlite_server
    crowd = setup["sessions"][:PEOPLE]

    statuses = burst(port, setup["path"], setup["data"], crowd)
    assert all(status < 500 for status in statuses), statuses
    assert statuses == [302] * PEOPLE
    counted = manage("shell", "--no-imports", "-c", COUNT % {**setup, "sessions": crowd})
    assert counted.split() == [str(PEOPLE), str(PEOPLE)]


def test_one_person_sending_twenty_times_at_once_is_counted_once(sqlite_server):
    port, manage, setup = sqlite_server
    one = setup["sessions"][PEOPLE:]

    statuses = burst(port, setup["path"], setup["data"], one * PEOPLE)
    assert all(status < 500 for status in statuses), statuses
    counted = manage("shell", "--no-imports", "-c", COUNT % {**setup, "sessions": one})
    assert counted.split() == ["1", "1"]
