"""The voting rush: 1,000 confirmed citizens vote through the real form, 50 at a time.

    BENCH_URL=http://127.0.0.1:8765 python bench/rush.py

The 1,000 voters (accounts ``ansturm-0000`` … with a verified e-mail address, built by
build_data.py) get a session each, written to the database in one go as a sign-in would
write it; their cookies go to the load client, which is plain Python (threads and
http.client, nothing to install). Each voter then, like a browser:

1. opens the poll page (GET), takes the CSRF cookie and the form's token and options,
2. sends the form (POST) with one answer per question, as the TLS proxy would pass it on,
3. follows the redirect to the page that confirms the vote.

Round 1: 50 voters at a time, each once. Expected: exactly 1,000 ballots, as many selections
as were sent, no error, and the confirmation on every page. Round 2: the same 1,000 send
their form again, all released at the same moment (a second click, a reload, a second tab):
still 1,000 ballots and selections unchanged, and every repeat ends on a page that says the
vote was already counted, never an error. The poll does not allow changing a ballot
(``ballots_changeable`` off), so a repeat cannot replace anything either.
Results go to $BENCH_OUT/rush.json.
"""

import html
import http.client
import os
import random
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

from common import RUSH_POLL_SLUG, percentile, setup_django, write_json

URL = os.environ.get("BENCH_URL", "http://127.0.0.1:8765").rstrip("/")
AT_A_TIME = int(os.environ.get("BENCH_RUSH_CONCURRENCY", "50"))
TIMEOUT = 120
PATH = f"/abstimmungen/{RUSH_POLL_SLUG}/"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
OPTION = re.compile(r'<input[^>]*type="(?:radio|checkbox)"[^>]*>')


def attribute(tag, name):
    match = re.search(rf'\s{name}="([^"]*)"', tag)
    return html.unescape(match.group(1)) if match else None


def make_sessions():
    """One session per rush voter, bulk-written the way django.contrib.auth.login stores it."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session
    from django.utils import timezone
    from django.utils.crypto import get_random_string

    from accounts.models import User

    voters = list(User.objects.filter(username__startswith="ansturm-").order_by("pk"))
    store = SessionStore()
    expires = timezone.now() + timezone.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    sessions, cookies = [], []
    for user in voters:
        key = get_random_string(32, "abcdefghijklmnopqrstuvwxyz0123456789")
        data = {
            SESSION_KEY: str(user.pk),
            BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
            HASH_SESSION_KEY: user.get_session_auth_hash(),
        }
        sessions.append(
            Session(session_key=key, session_data=store.encode(data), expire_date=expires)
        )
        cookies.append({settings.SESSION_COOKIE_NAME: key})
    Session.objects.bulk_create(sessions)
    return voters, cookies


class Voter:
    """One person's browser: keeps its cookies, sends what the proxy would pass on."""

    def __init__(self, number, cookies, path=PATH, headers=None):
        self.number = number
        self.cookies = dict(cookies)
        self.form = None
        self.path = path
        self.headers = dict(headers or {})
        self.last_headers = None
        self.parts = urlsplit(URL)
        # Each voter decides once; a repeat sends the same answers again.
        self.rng = random.Random(number)  # noqa: S311 - test data, not security

    def request(self, method, path, body=None):
        connection = http.client.HTTPConnection(
            self.parts.hostname, self.parts.port, timeout=TIMEOUT
        )
        origin = f"https://{self.parts.netloc}"
        headers = {
            **self.headers,
            "X-Forwarded-Proto": "https",
            "Cookie": "; ".join(f"{name}={value}" for name, value in self.cookies.items()),
        }
        if body is not None:
            headers.update(
                {
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Origin": origin,
                    "Referer": origin + path,
                }
            )
        started = time.perf_counter()
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        content = response.read().decode("utf-8", "replace")
        took = time.perf_counter() - started
        connection.close()
        self.last_headers = response.headers
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, response.getheader("Location", ""), content, took

    def open_form(self):
        status, _location, content, took = self.request("GET", self.path)
        token = TOKEN.search(content)
        if status != 200 or not token:
            return status, took, False
        groups = {}
        for tag in OPTION.findall(content):
            key = (attribute(tag, "name"), attribute(tag, "type"))
            groups.setdefault(key, []).append(attribute(tag, "value"))
        answers = [("csrfmiddlewaretoken", token.group(1))]
        for (name, kind), values in groups.items():
            if not name or not name.startswith("question_"):
                continue
            # One answer to a single-choice question, one to three of a multiple-choice one.
            picked = self.rng.sample(values, 1 if kind == "radio" else self.rng.randint(1, 3))
            answers += [(name, value) for value in picked]
        self.form = urlencode(answers)
        return status, took, True

    def send_form(self):
        status, location, _content, took = self.request("POST", self.path, self.form)
        page = None
        if status == 302 and location:
            _status, _location, page, _took = self.request("GET", urlsplit(location).path)
        return status, took, page


def outcome(page, messages):
    if page is None:
        return "no confirmation page"
    for key, texts in messages.items():
        if any(text in page for text in texts):
            return key
    return "page without a message"


def vote(voter, messages, errors):
    """Round 1: open the form, send it, read the confirmation."""
    result = {"voter": voter.number}
    try:
        status, result["get_s"], ok = voter.open_form()
        if not ok:
            errors.append(f"voter {voter.number}: poll page answered {status} without a form")
            result["outcome"] = f"GET {status}"
            return result
        status, result["post_s"], page = voter.send_form()
        result["status"] = status
        result["outcome"] = outcome(page, messages)
        if status != 302 or result["outcome"] != "counted":
            errors.append(f"voter {voter.number}: POST {status}, {result['outcome']}")
    except (OSError, http.client.HTTPException) as error:
        errors.append(f"voter {voter.number}: {error!r}")
        result["outcome"] = type(error).__name__
    return result


def vote_again(voter, messages, errors, start):
    result = {"voter": voter.number}
    start.wait()
    try:
        status, result["post_s"], page = voter.send_form()
        result["status"] = status
        result["outcome"] = outcome(page, messages)
        if status >= 500:
            errors.append(f"voter {voter.number}: repeat POST answered {status}")
    except (OSError, http.client.HTTPException) as error:
        errors.append(f"voter {voter.number}: repeat {error!r}")
        result["outcome"] = type(error).__name__
    return result


def summary(results, errors, seconds, key="post_s"):
    times = [result[key] for result in results if key in result]
    outcomes = {}
    for result in results:
        outcomes[result.get("outcome", "?")] = outcomes.get(result.get("outcome", "?"), 0) + 1
    statuses = {}
    for result in results:
        status = str(result.get("status", "none"))
        statuses[status] = statuses.get(status, 0) + 1
    return {
        "attempts": len(results),
        "seconds": round(seconds, 1),
        "errors": len(errors),
        "error_examples": errors[:10],
        "statuses": statuses,
        "outcomes": outcomes,
        "post_p50_ms": round(percentile(times, 50) * 1000, 1),
        "post_p99_ms": round(percentile(times, 99) * 1000, 1),
        "post_max_ms": round(max(times, default=0) * 1000, 1),
        "get_p50_ms": round(
            percentile([r["get_s"] for r in results if "get_s" in r], 50) * 1000, 1
        ),
        "get_p99_ms": round(
            percentile([r["get_s"] for r in results if "get_s" in r], 99) * 1000, 1
        ),
        "ballots_per_second": round(len(times) / seconds, 1) if seconds else 0,
    }


def counts(poll):
    from polls.models import Ballot, Selection

    ballots = Ballot.objects.filter(poll=poll)
    return {
        "ballots": ballots.count(),
        "distinct_voters": ballots.values("user").distinct().count(),
        "selections": Selection.objects.filter(ballot__poll=poll).count(),
    }


def page_messages():
    """What the pages say after a vote, as the messages framework shows them (escaped).

    The rush polls have two questions, so they are surveys: their pages speak of answers.
    """
    from django.utils import translation
    from django.utils.html import escape
    from django.utils.translation import gettext

    with translation.override("de"):
        return {
            "counted": [
                escape(gettext("Your vote has been counted.")),
                escape(gettext("Your answers have been counted.")),
            ],
            "already voted": [escape(gettext("You have already voted in this poll."))],
            "already counted (race)": [escape(gettext("Your vote had already been counted."))],
            "changed": [
                escape(gettext("Your changed vote has been counted.")),
                escape(gettext("Your changed answers have been counted.")),
            ],
        }


def main():
    setup_django()
    from polls.models import Poll

    poll = Poll.objects.get(slug=RUSH_POLL_SLUG)
    messages = page_messages()
    before = counts(poll)
    voters_accounts, cookies = make_sessions()
    voters = [Voter(number, cookie) for number, cookie in enumerate(cookies)]

    errors_1 = []
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=AT_A_TIME) as pool:
        round_1 = list(pool.map(lambda voter: vote(voter, messages, errors_1), voters))
    seconds_1 = time.perf_counter() - started
    after_1 = counts(poll)
    sent_selections = sum(
        voter.form.count("question_") for voter in voters if voter.form is not None
    )

    errors_2 = []
    start = threading.Event()
    ready = [voter for voter in voters if voter.form is not None]
    with ThreadPoolExecutor(max_workers=len(ready) or 1) as pool:
        futures = [pool.submit(vote_again, voter, messages, errors_2, start) for voter in ready]
        time.sleep(1)  # every thread waits at the start line
        started = time.perf_counter()
        start.set()
        round_2 = [future.result() for future in futures]
    seconds_2 = time.perf_counter() - started
    after_2 = counts(poll)

    result = {
        "voters": len(voters_accounts),
        "concurrency": AT_A_TIME,
        "before": before,
        "round_1": summary(round_1, errors_1, seconds_1) | {"counts": after_1},
        "selections_sent": sent_selections,
        "round_2": summary(round_2, errors_2, seconds_2) | {"counts": after_2},
        "round_2_concurrency": len(ready),
    }
    result["ok"] = (
        after_1["ballots"] == len(voters_accounts)
        and after_1["distinct_voters"] == len(voters_accounts)
        and after_1["selections"] == sent_selections
        and not errors_1
        and after_2 == after_1
        and not errors_2
    )
    write_json("rush.json", result)
    for name in ("round_1", "round_2"):
        part = result[name]
        print(
            f"  {name}: {part['attempts']} attempts in {part['seconds']} s, "
            f"{part['counts']['ballots']} ballots, errors {part['errors']}, "
            f"POST p50 {part['post_p50_ms']} ms p99 {part['post_p99_ms']} ms, "
            f"outcomes {part['outcomes']}"
        )
    print(f"  rush {'OK' if result['ok'] else 'FAILED'}")
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
