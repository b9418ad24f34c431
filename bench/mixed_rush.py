"""The mixed rush: 1,000 citizens sign in and vote while anonymous readers keep reading.

    BENCH_URL=http://127.0.0.1:8765 python bench/mixed_rush.py

What a vote's first hour looks like: the press release is out, most visitors only read,
and the people who vote sign in first. The 1,000 citizens (``gemischt-0000`` …, confirmed
e-mail addresses, built by build_data.py) each, like a browser and 50 at a time:

1. sign in through the real pages, by code: open the page that requests a sign-in code
   (with the poll as ``next``), send their address, read the code from the mail queued in
   the outbox (``outbox.Mail``; no worker runs during the bench, so the mail waits there),
   open the page that asks for it and send it, which leads to the poll;
2. open the poll page, take the form's CSRF token and options,
3. send the form (POST) and follow the redirect to the page that confirms the vote,
4. open the results of the poll (live).

Signing in by code rather than by password, because the password hash (PBKDF2, 1.5 million
iterations) costs about a third of a second of CPU each, which for 1,000 people would be
the whole rush; 20 password sign-ins are measured beforehand, one after the other, so that
the hash's cost shows. Each citizen has an address of their own in ``X-Forwarded-For``
(bench/run sets DJANGO_BEHIND_PROXY, which trusts one proxy), so that allauth's limits per
client count them as different people.

Meanwhile 20 anonymous readers (threads, in a process of their own so that they do not
compete with the citizens for Python's lock) read the start page, the poll page and its
results in a loop, without cookies. Before the rush the same readers read the trivial view
/healthz for BENCH_TRIVIAL_DURATION seconds: the yardstick of their throughput, with the
same client. The page cache's hit rate is counted from the ``X-Page-Cache`` header the
cache sets on each page it serves (``hit``) or stores (``miss``).

Expected: exactly 1,000 ballots from 1,000 distinct voters, no error, the confirmation on
every page. Results go to $BENCH_OUT/mixed_rush.json.
"""

import http.client
import multiprocessing
import os
import re
import statistics
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode, urlsplit

from common import (
    BENCH_PASSWORD,
    MIXED_CITIZENS,
    MIXED_POLL_SLUG,
    PASSWORD_CITIZENS,
    TRIVIAL_PATH,
    percentile,
    setup_django,
    write_json,
)
from rush import URL, Voter, attribute, counts, outcome, page_messages

AT_A_TIME = int(os.environ.get("BENCH_MIXED_CONCURRENCY", "50"))
# Fewer citizens than the data set has, for trying the script out; the bench takes them all.
CITIZENS = int(os.environ.get("BENCH_MIXED_CITIZENS", str(MIXED_CITIZENS)))
READERS = int(os.environ.get("BENCH_MIXED_READERS", "20"))
TRIVIAL_SECONDS = int(os.environ.get("BENCH_TRIVIAL_DURATION", "3"))
POLL_PATH = f"/abstimmungen/{MIXED_POLL_SLUG}/"
RESULTS_PATH = f"{POLL_PATH}ergebnisse/"
READER_PATHS = ["/", POLL_PATH, RESULTS_PATH]
REQUEST_CODE_PATH = "/konto/login/code/"
SIGN_IN_PATH = "/konto/login/"
STEPS = ["sign_in", "poll", "vote", "confirmation", "results"]

FORM = re.compile(r"<form\b[^>]*>.*?</form>", re.DOTALL)
INPUT = re.compile(r"<input\b[^>]*>")
# allauth's sign-in code: two groups of four letters (settings: its default format).
CODE = re.compile(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", re.MULTILINE)
SERVER_CPU = re.compile(r"cpu;dur=([\d.]+)")


class StepFailed(Exception):
    def __init__(self, step, detail):
        super().__init__(f"{step}: {detail}")
        self.step = step


def form(page, field):
    """The action and hidden fields of the page's form that has the input `field`."""
    for match in FORM.finditer(page):
        markup = match.group(0)
        if f'name="{field}"' not in markup:
            continue
        action = attribute(markup[: markup.index(">") + 1], "action")
        hidden = [
            (attribute(tag, "name"), attribute(tag, "value") or "")
            for tag in INPUT.findall(markup)
            if attribute(tag, "type") == "hidden"
        ]
        return action, hidden
    return None, []


def local(location):
    """The path and query of a redirect, as the browser would request it."""
    parts = urlsplit(location)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def client_address(group, number):
    """A visitor's own address, as the proxy puts it in X-Forwarded-For."""
    return f"10.{group}.{number // 250}.{number % 250 + 1}"


def read_code(email):
    """The code of the newest sign-in mail to `email`, as the person reads it."""
    from outbox.models import Mail

    for _ in range(50):
        mail = (
            Mail.objects.filter(recipient=email, purpose="account/email/login_code")
            .order_by("-pk")
            .values("body", "html")
            .first()
        )
        found = CODE.search(mail["body"] or mail["html"]) if mail else None
        if found:
            return found.group(1)
        time.sleep(0.05)
    raise StepFailed("sign_in", f"no sign-in code in the outbox for {email}")


class Citizen(Voter):
    """A browser that signs in by code, votes and looks at the results."""

    def __init__(self, number, email, messages):
        super().__init__(
            number, {}, path=POLL_PATH, headers={"X-Forwarded-For": client_address(20, number)}
        )
        self.email = email
        self.messages = messages
        self.times = {}

    def expect(self, step, method, path, status_wanted, body=None):
        """One request of `step`, timed; StepFailed unless it answers `status_wanted`."""
        status, location, page, took = self.request(method, path, body)
        self.times[step] = self.times.get(step, 0) + took
        if status != status_wanted:
            raise StepFailed(step, f"{method} {path} answered {status}, not {status_wanted}")
        return location, page

    def sign_in(self):
        _location, page = self.expect(
            "sign_in", "GET", f"{REQUEST_CODE_PATH}?{urlencode({'next': POLL_PATH})}", 200
        )
        action, hidden = form(page, "email")
        if not action:
            raise StepFailed("sign_in", "no form to request a code")
        location, _page = self.expect(
            "sign_in", "POST", action, 302, urlencode([*hidden, ("email", self.email)])
        )
        code = read_code(self.email)
        _location, page = self.expect("sign_in", "GET", local(location), 200)
        action, hidden = form(page, "code")
        if not action:
            raise StepFailed("sign_in", "no form for the code")
        location, _page = self.expect(
            "sign_in", "POST", action, 302, urlencode([*hidden, ("code", code)])
        )
        if local(location) != POLL_PATH:
            raise StepFailed("sign_in", f"signed in, but sent to {location}")

    def vote(self):
        status, took, ok = self.open_form()
        self.times["poll"] = took
        if not ok:
            raise StepFailed("poll", f"poll page answered {status} without a form")
        location, _page = self.expect("vote", "POST", POLL_PATH, 302, self.form)
        _location, page = self.expect("confirmation", "GET", urlsplit(location).path, 200)
        said = outcome(page, self.messages)
        if said != "counted":
            raise StepFailed("confirmation", said)
        self.expect("results", "GET", RESULTS_PATH, 200)


def take_part(citizen, errors):
    try:
        citizen.sign_in()
        citizen.vote()
        return {"number": citizen.number, "times": citizen.times, "ok": True}
    except StepFailed as error:
        errors.append(f"citizen {citizen.number}: {error}")
        return {"number": citizen.number, "times": citizen.times, "failed": error.step}
    except (OSError, http.client.HTTPException) as error:
        errors.append(f"citizen {citizen.number}: {error!r}")
        return {"number": citizen.number, "times": citizen.times, "failed": "connection"}


def password_sign_ins(accounts):
    """Sign-ins with the password, one after the other on a quiet server: what the hash costs."""
    took, cpu, errors = [], [], []
    for number, email in enumerate(accounts):
        browser = Voter(number, {}, headers={"X-Forwarded-For": client_address(30, number)})
        status, _location, page, _took = browser.request("GET", SIGN_IN_PATH)
        action, hidden = form(page, "password")
        if status != 200 or not action:
            errors.append(f"{email}: sign-in page answered {status}")
            continue
        fields = [*hidden, ("login", email), ("password", BENCH_PASSWORD)]
        status, _location, _page, seconds = browser.request("POST", action, urlencode(fields))
        if status != 302:
            errors.append(f"{email}: sign-in answered {status}")
            continue
        took.append(seconds)
        found = SERVER_CPU.search(browser.last_headers.get("Server-Timing", ""))
        if found:
            cpu.append(float(found.group(1)))
    return {
        "count": len(accounts),
        "signed_in": len(took),
        "errors": errors,
        "post_p50_ms": round(percentile(took, 50) * 1000, 1),
        "post_max_ms": round(max(took, default=0) * 1000, 1),
        "server_cpu_p50_ms": round(statistics.median(cpu), 1) if cpu else None,
    }


# --- the anonymous readers, in a process of their own -----------------------------------


def read_once(path, address):
    parts = urlsplit(URL)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    started = time.perf_counter()
    connection.request(
        "GET", path, headers={"X-Forwarded-Proto": "https", "X-Forwarded-For": address}
    )
    response = connection.getresponse()
    response.read()
    took = time.perf_counter() - started
    connection.close()
    return response.status, response.getheader("X-Page-Cache", "none"), took


def read(paths, seconds=None, stop=None):
    """READERS threads read `paths` in turn until `seconds` pass or `stop` is set."""
    stop = stop or threading.Event()
    per_path = {path: {"times": [], "statuses": Counter(), "served": Counter()} for path in paths}
    lock = threading.Lock()
    errors = []

    def reader(number):
        turn = number
        while not stop.is_set():
            path = paths[turn % len(paths)]
            turn += 1
            try:
                status, served, took = read_once(path, client_address(40, number))
            except (OSError, http.client.HTTPException) as error:
                with lock:
                    errors.append(repr(error))
                continue
            with lock:
                per_path[path]["times"].append(took)
                per_path[path]["statuses"][status] += 1
                per_path[path]["served"][served] += 1

    threads = [threading.Thread(target=reader, args=(number,)) for number in range(READERS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    if seconds is not None:
        stop.wait(seconds)
        stop.set()
    for thread in threads:
        thread.join()
    took = time.perf_counter() - started
    return summarise_reads(per_path, errors, took)


def summarise_reads(per_path, errors, seconds):
    def latency(times):
        return {
            "p50_ms": round(percentile(times, 50) * 1000, 1),
            "p99_ms": round(percentile(times, 99) * 1000, 1),
        }

    every = [took for path in per_path.values() for took in path["times"]]
    bad = sum(
        count
        for path in per_path.values()
        for status, count in path["statuses"].items()
        if status != 200
    )
    pages = {}
    for path, found in per_path.items():
        pages[path] = {
            "requests": len(found["times"]),
            "rps": round(len(found["times"]) / seconds, 1),
            "served": dict(found["served"]),
            "statuses": {str(status): count for status, count in found["statuses"].items()},
        } | latency(found["times"])
    return {
        "seconds": round(seconds, 1),
        "requests": len(every),
        "rps": round(len(every) / seconds, 1) if seconds else 0,
        "errors": len(errors) + bad,
        "error_examples": errors[:5],
        "pages": pages,
    } | latency(every)


def readers_process(go, stop, results):
    """The yardstick first, then the pages from `go` until `stop`; results into the queue."""
    results.put(read([TRIVIAL_PATH], seconds=TRIVIAL_SECONDS))
    go.wait()
    finished = threading.Event()

    def wait_for_stop():
        stop.wait()
        finished.set()

    threading.Thread(target=wait_for_stop, daemon=True).start()
    results.put(read(READER_PATHS, stop=finished))


# --- the rush ----------------------------------------------------------------------------


def step_summary(results):
    summary = {}
    for step in STEPS:
        times = [result["times"][step] for result in results if step in result["times"]]
        failed = sum(1 for result in results if result.get("failed") == step)
        summary[step] = {
            "count": len(times),
            "errors": failed,
            "p50_ms": round(percentile(times, 50) * 1000, 1),
            "p95_ms": round(percentile(times, 95) * 1000, 1),
            "p99_ms": round(percentile(times, 99) * 1000, 1),
            "max_ms": round(max(times, default=0) * 1000, 1),
        }
    return summary


def hit_rate(readers):
    served = Counter()
    for page in readers["pages"].values():
        served.update(page["served"])
    looked_up = served["hit"] + served["miss"] + served["none"]
    return {
        "served": dict(served),
        "hit_rate": round(served["hit"] / looked_up, 4) if looked_up else 0,
    }


def main():
    setup_django()
    from accounts.models import User
    from polls.models import Poll

    poll = Poll.objects.get(slug=MIXED_POLL_SLUG)
    messages = page_messages()
    before = counts(poll)
    emails = list(
        User.objects.filter(username__startswith="gemischt-")
        .order_by("pk")
        .values_list("email", flat=True)[:CITIZENS]
    )
    password_accounts = list(
        User.objects.filter(username__startswith="passwort-")
        .order_by("pk")
        .values_list("email", flat=True)[:PASSWORD_CITIZENS]
    )
    password = password_sign_ins(password_accounts)
    print(
        f"  password sign-ins: {password['signed_in']} of {password['count']}, "
        f"POST p50 {password['post_p50_ms']} ms, server CPU p50 "
        f"{password['server_cpu_p50_ms']} ms",
        flush=True,
    )

    context = multiprocessing.get_context("spawn")
    go, stop, queue = context.Event(), context.Event(), context.Queue()
    readers = context.Process(target=readers_process, args=(go, stop, queue))
    readers.start()
    trivial = queue.get(timeout=120)
    print(
        f"  readers on {TRIVIAL_PATH} before the rush: {trivial['rps']:,.0f}/s, "
        f"p50 {trivial['p50_ms']} ms",
        flush=True,
    )

    citizens = [Citizen(number, email, messages) for number, email in enumerate(emails)]
    errors = []
    go.set()
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=AT_A_TIME) as pool:
        results = list(pool.map(lambda citizen: take_part(citizen, errors), citizens))
    seconds = time.perf_counter() - started
    stop.set()
    reading = queue.get(timeout=120)
    readers.join()
    after = counts(poll)

    cache = hit_rate(reading)
    result = {
        "citizens": len(citizens),
        "concurrency": AT_A_TIME,
        "readers": READERS,
        "seconds": round(seconds, 1),
        "ballots_per_second": round(after["ballots"] / seconds, 1) if seconds else 0,
        "before": before,
        "counts": after,
        "steps": step_summary(results),
        "completed": sum(1 for result in results if result.get("ok")),
        "errors": len(errors),
        "error_examples": errors[:10],
        "password": password,
        "readers_trivial": trivial,
        "reading": reading,
        "page_cache": cache,
    }
    result["ok"] = (
        before["ballots"] == 0
        and after["ballots"] == len(citizens)
        and after["distinct_voters"] == len(citizens)
        and not errors
    )
    write_json("mixed_rush.json", result)
    steps = result["steps"]
    print(
        f"  {len(citizens)} citizens in {result['seconds']} s: {after['ballots']} ballots from "
        f"{after['distinct_voters']} voters, errors {len(errors)}; sign-in p50 "
        f"{steps['sign_in']['p50_ms']} ms, vote POST p50 {steps['vote']['p50_ms']} ms "
        f"p99 {steps['vote']['p99_ms']} ms",
        flush=True,
    )
    ratio = reading["rps"] / trivial["rps"] if trivial["rps"] else 0
    print(
        f"  readers: {reading['rps']:,.0f}/s ({ratio:.2f} × trivial), p50 {reading['p50_ms']} "
        f"ms p99 {reading['p99_ms']} ms, page cache hit rate {cache['hit_rate']:.1%}",
        flush=True,
    )
    for example in errors[:5]:
        print(f"  {example}")
    print(f"  mixed rush {'OK' if result['ok'] else 'FAILED'}")
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
