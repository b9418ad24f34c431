"""Drives the running gunicorn with wrk, page by page, and weighs what each page sends.

    BENCH_URL=http://127.0.0.1:8765 python bench/load.py

For the trivial view (/healthz), then every page of common.PAGES (anonymous), then the
pages of common.SIGNED_IN_LOAD_PAGES with a signed-in session, then the trivial view again:
a warm-up of BENCH_WARMUP seconds, then BENCH_DURATION seconds of wrk with BENCH_CONNECTIONS
connections on BENCH_THREADS threads, every request with ``X-Forwarded-Proto: https`` as from
the TLS proxy. wrk_summary.lua prints requests, errors and the 50th/95th/99th percentiles.
Right before each page the trivial view runs for BENCH_TRIVIAL_DURATION seconds: the page's
throughput is compared with that, so that other work on the machine coming and going between
pages does not skew the ratio.

Then each page is fetched once more, as a browser would: its HTML size raw, as gzip -6 and
as Brotli quality 5 would send it (the app does not compress HTML; a proxy in front would),
and the CSS and JavaScript it links, as whitenoise serves them to a browser that accepts
Brotli (pre-compressed files). Images are left out, as the target says.
Results go to $BENCH_OUT/load.json.
"""

import gzip
import http.client
import json
import os
import re
import shutil
import subprocess
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from common import (
    PAGES,
    SIGNED_IN_EMAIL,
    SIGNED_IN_LOAD_PAGES,
    TRIVIAL_PATH,
    setup_django,
    write_json,
)

HERE = Path(__file__).resolve().parent
URL = os.environ.get("BENCH_URL", "http://127.0.0.1:8765").rstrip("/")
DURATION = int(os.environ.get("BENCH_DURATION", "12"))
WARMUP = int(os.environ.get("BENCH_WARMUP", "2"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "10"))
THREADS = int(os.environ.get("BENCH_THREADS", "2"))
TRIVIAL_SECONDS = int(os.environ.get("BENCH_TRIVIAL_DURATION", "3"))
PROXY_HEADER = "X-Forwarded-Proto: https"


def wrk(path, seconds, cookie=None):
    command = [
        shutil.which("wrk") or "wrk",
        f"--threads={THREADS}",
        f"--connections={CONNECTIONS}",
        f"--duration={seconds}s",
        "--timeout=10s",
        "--latency",
        f"--script={HERE / 'wrk_summary.lua'}",
        "--header",
        PROXY_HEADER,
    ]
    if cookie:
        command += ["--header", f"Cookie: {cookie}"]
    command.append(URL + path)
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    line = next(line for line in output.splitlines() if line.startswith("BENCH_JSON "))
    result = json.loads(line.removeprefix("BENCH_JSON "))
    result["rps"] = round(result["requests"] / (result["duration_us"] / 1e6), 1)
    result["errors"] = sum(
        result[key]
        for key in ("connect_errors", "read_errors", "write_errors", "status_errors", "timeouts")
    )
    return result


def fetch(path, headers=None):
    parts = urlsplit(URL)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    connection.request("GET", path, headers={"X-Forwarded-Proto": "https", **(headers or {})})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, dict(response.getheaders()), body


def brotli_size(body):
    """Brotli at quality 5, a usual setting for compressing on the fly; None without brotli."""
    tool = shutil.which("brotli")
    if not tool:
        return None
    result = subprocess.run([tool, "-q", "5", "-c"], input=body, capture_output=True, check=True)
    return len(result.stdout)


ASSET = re.compile(
    r'<(?:link[^>]*rel="stylesheet"[^>]*href|script[^>]*src)="(?P<url>/static/[^"]+)"'
)


def weigh(path, asset_cache):
    status, headers, body = fetch(path)
    assets = []
    for url in dict.fromkeys(match.group("url") for match in ASSET.finditer(body.decode())):
        if url not in asset_cache:
            asset_status, asset_headers, asset_body = fetch(url, {"Accept-Encoding": "br, gzip"})
            asset_cache[url] = {
                "url": url,
                "status": asset_status,
                "encoding": asset_headers.get("Content-Encoding", "identity"),
                "bytes": len(asset_body),
                "cache_control": asset_headers.get("Cache-Control", ""),
                "kind": "js" if url.endswith(".js") else "css",
            }
        assets.append(asset_cache[url])
    html_gzip = len(gzip.compress(body, compresslevel=6))
    js = sum(asset["bytes"] for asset in assets if asset["kind"] == "js")
    css = sum(asset["bytes"] for asset in assets if asset["kind"] == "css")
    return {
        "status": status,
        "html_raw": len(body),
        "html_gzip": html_gzip,
        "html_brotli": brotli_size(body),
        "css": css,
        "js": js,
        "page_total": html_gzip + css + js,
        "assets": assets,
        "headers": {
            name: headers.get(name, "")
            for name in (
                "Strict-Transport-Security",
                "Content-Security-Policy",
                "Cache-Control",
                "Content-Encoding",
            )
        },
    }


def signed_in_cookie():
    """A session of the bench citizen, made in the database as a sign-in would make it."""
    setup_django()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from accounts.models import User

    user = User.objects.get(email=SIGNED_IN_EMAIL)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def background(seconds=3):
    """How busy the CPUs are while the app idles: other processes share the machine."""

    def sample():
        fields = [
            int(value) for value in Path("/proc/stat").read_text().split("\n")[0].split()[1:]
        ]
        idle = fields[3] + fields[4]  # idle and iowait
        return sum(fields), idle

    total_before, idle_before = sample()
    time.sleep(seconds)
    total_after, idle_after = sample()
    busy = 1 - (idle_after - idle_before) / max(1, total_after - total_before)
    return {"busy_percent": round(busy * 100), "seconds": seconds}


def run(key, label, path, cookie=None, beside_trivial=True):
    # The trivial view just before each page, so that the ratio compares like with like
    # even when other processes on the machine come and go.
    trivial = wrk(TRIVIAL_PATH, TRIVIAL_SECONDS)["rps"] if beside_trivial else None
    wrk(path, WARMUP, cookie)
    result = wrk(path, DURATION, cookie)
    result.update(key=key, label=label, path=path, signed_in=bool(cookie), trivial_rps=trivial)
    # Whether the page came from the page cache (core/page_cache.py) or was rendered.
    _status, headers, _body = fetch(path, {"Cookie": cookie} if cookie else None)
    result["page_cache"] = headers.get("X-Page-Cache", "none")
    ratio = f"{result['rps'] / trivial:>5.2f} × trivial ({trivial:,.0f}/s)" if trivial else ""
    print(
        f"  {label:42} {result['rps']:>8.1f} req/s  p50 {result['p50_us'] / 1000:>6.1f} ms  "
        f"p99 {result['p99_us'] / 1000:>7.1f} ms  errors {result['errors']}  {ratio}",
        flush=True,
    )
    return result


def main():
    started = time.monotonic()
    cookie = signed_in_cookie()
    idle = background()
    write_json("background.json", idle)
    print(f"  CPU busy while the app idles: {idle['busy_percent']} %", flush=True)
    labels = {key: (label, path) for key, label, path in PAGES}
    runs = [run("trivial", "Trivial view /healthz", TRIVIAL_PATH, beside_trivial=False)]
    for key, label, path in PAGES:
        runs.append(run(key, label, path))
    for key in SIGNED_IN_LOAD_PAGES:
        label, path = labels[key]
        runs.append(run(f"{key}_signed_in", f"{label}, signed in", path, cookie))
    runs.append(
        run("trivial_after", "Trivial view /healthz, again", TRIVIAL_PATH, beside_trivial=False)
    )
    asset_cache = {}
    sizes = {key: weigh(path, asset_cache) for key, _label, path in PAGES}
    write_json(
        "load.json",
        {
            "url": URL,
            "duration": DURATION,
            "warmup": WARMUP,
            "connections": CONNECTIONS,
            "threads": THREADS,
            "runs": runs,
            "sizes": sizes,
            "seconds": round(time.monotonic() - started),
            "finished_at": datetime.now(UTC).isoformat(timespec="minutes"),
        },
    )


if __name__ == "__main__":
    main()
