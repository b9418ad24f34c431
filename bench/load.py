"""Drives the running gunicorn with wrk, page by page, and weighs what each page sends.

    BENCH_URL=http://127.0.0.1:8765 python bench/load.py

For the trivial view (/healthz), then every page of common.PAGES (anonymous), then the
signed-in yardstick /healthz/session, every page of common.SIGNED_IN_PAGES with the session
of the person it names, the yardstick again and the trivial view again: a warm-up of
BENCH_WARMUP seconds, then BENCH_DURATION seconds (signed-in pages: BENCH_SIGNED_IN_DURATION)
of wrk with BENCH_CONNECTIONS connections on BENCH_THREADS threads, every request with
``X-Forwarded-Proto: https`` as from the TLS proxy. wrk_summary.lua prints requests, errors
and the 50th/95th/99th percentiles. Right before each page the trivial view runs for
BENCH_TRIVIAL_DURATION seconds (signed-in pages: BENCH_SIGNED_IN_TRIVIAL_DURATION, and then
the signed-in yardstick as long): the page's throughput is compared with that, so that other
work on the machine coming and going between pages does not skew the ratio. A signed-in
visitor sends the session and the CSRF cookie, as a browser does after its first page.

After each page's run, the page is fetched BENCH_TIMING_SAMPLES times one after the other,
and the median of what the app reports in its ``Server-Timing`` header (bench/run sets
DJANGO_SERVER_TIMING) is kept: the CPU time and the wall time the app itself spent on it,
without wrk, the network or the queue in front of the workers.

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
import statistics
import subprocess
import time
from collections import Counter
from datetime import UTC, datetime
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlsplit

from common import (
    CITIZEN,
    PAGES,
    SEARCH_PATHS,
    SEARCH_RENDERED_PATHS,
    SESSION_TRIVIAL_PATH,
    SIGNED_IN_PAGES,
    TRIVIAL_PATH,
    bench_user,
    session_cookie,
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
SIGNED_IN_DURATION = int(os.environ.get("BENCH_SIGNED_IN_DURATION", "8"))
SIGNED_IN_TRIVIAL_SECONDS = int(os.environ.get("BENCH_SIGNED_IN_TRIVIAL_DURATION", "2"))
TIMING_SAMPLES = int(os.environ.get("BENCH_TIMING_SAMPLES", "30"))
SERVER_TIMING = re.compile(r"(?P<name>cpu|app);dur=(?P<ms>[\d.]+)")
PROXY_HEADER = "X-Forwarded-Proto: https"
# Rows whose requests go to several paths in turn (the first one is the row's path).
ROTATING_PATHS = {"search": SEARCH_PATHS, "search_rendered": SEARCH_RENDERED_PATHS}


def wrk(path, seconds, cookie=None, paths=None):
    """wrk on `path`; with `paths`, each request asks for the next of them in turn."""
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
    env = {**os.environ, "BENCH_PATHS": " ".join(paths or [])}
    output = subprocess.run(command, capture_output=True, text=True, check=True, env=env).stdout
    line = next(line for line in output.splitlines() if line.startswith("BENCH_JSON "))
    result = json.loads(line.removeprefix("BENCH_JSON "))
    result["rps"] = round(result["requests"] / (result["duration_us"] / 1e6), 1)
    result["errors"] = sum(
        result[key]
        for key in ("connect_errors", "read_errors", "write_errors", "status_errors", "timeouts")
    )
    return result


def fetch(path, headers=None, cookies=None):
    """GET `path` as through the TLS proxy; `cookies` collects what the response sets."""
    parts = urlsplit(URL)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    connection.request("GET", path, headers={"X-Forwarded-Proto": "https", **(headers or {})})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    if cookies is not None:
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                cookies[name] = morsel.value
    return response.status, dict(response.getheaders()), body


def server_timing(path, cookie=None):
    """The median CPU and wall milliseconds the app reports for `path`, fetched
    TIMING_SAMPLES times one after the other; and how the page was served."""
    timings = {"cpu": [], "app": []}
    statuses, served = Counter(), Counter()
    for _ in range(TIMING_SAMPLES):
        status, headers, _body = fetch(path, {"Cookie": cookie} if cookie else None)
        statuses[status] += 1
        served[headers.get("X-Page-Cache", "none")] += 1
        for match in SERVER_TIMING.finditer(headers.get("Server-Timing", "")):
            timings[match["name"]].append(float(match["ms"]))
    return {
        "cpu_ms": round(statistics.median(timings["cpu"]), 2) if timings["cpu"] else None,
        "app_ms": round(statistics.median(timings["app"]), 2) if timings["app"] else None,
        "timing_samples": len(timings["cpu"]),
        "timing_statuses": {str(status): count for status, count in statuses.items()},
        "page_cache": served.most_common(1)[0][0],
    }


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


def browser_cookie(user):
    """The cookies a browser sends for `user` once signed in: the session and the CSRF
    cookie (which the first page with a form sets), so that no response needs to set one."""
    cookies = dict([session_cookie(user).split("=", 1)])
    header = "; ".join(f"{name}={value}" for name, value in cookies.items())
    status, _headers, _body = fetch("/konto/profil/", {"Cookie": header}, cookies)
    if status != 200:
        raise SystemExit(f"the profile answered {status} for {user}: the session does not hold")
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


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


def report(result, ratios):
    timing = f"CPU {result['cpu_ms']:>6.2f} ms" if result.get("cpu_ms") is not None else ""
    print(
        f"  {result['label']:42} {result['rps']:>8.1f} req/s  "
        f"p50 {result['p50_us'] / 1000:>6.1f} ms  p99 {result['p99_us'] / 1000:>7.1f} ms  "
        f"errors {result['errors']}  {timing}  {ratios}",
        flush=True,
    )


def run(key, label, path, cookie=None, beside_trivial=True, seconds=DURATION):
    # The trivial view just before each page, so that the ratio compares like with like
    # even when other processes on the machine come and go.
    trivial = wrk(TRIVIAL_PATH, TRIVIAL_SECONDS)["rps"] if beside_trivial else None
    paths = ROTATING_PATHS.get(key)
    wrk(path, WARMUP, cookie, paths)
    result = wrk(path, seconds, cookie, paths)
    result.update(key=key, label=label, path=path, signed_in=bool(cookie), trivial_rps=trivial)
    # Whether the page came from the page cache (core/page_cache.py) or was rendered, and
    # what it cost the app, one request at a time.
    result.update(server_timing(path, cookie))
    ratio = f"{result['rps'] / trivial:>5.2f} × trivial ({trivial:,.0f}/s)" if trivial else ""
    report(result, ratio)
    return result


def run_signed_in(key, label, path, cookie):
    """A page for a signed-in visitor, beside both yardsticks measured right before it."""
    trivial = wrk(TRIVIAL_PATH, SIGNED_IN_TRIVIAL_SECONDS)["rps"]
    session_trivial = wrk(SESSION_TRIVIAL_PATH, SIGNED_IN_TRIVIAL_SECONDS, cookie)["rps"]
    wrk(path, WARMUP, cookie)
    result = wrk(path, SIGNED_IN_DURATION, cookie)
    result.update(
        key=key,
        label=label,
        path=path,
        signed_in=True,
        trivial_rps=trivial,
        session_trivial_rps=session_trivial,
    )
    result.update(server_timing(path, cookie))
    report(
        result,
        f"{result['rps'] / trivial:>5.2f} × trivial ({trivial:,.0f}/s), "
        f"{result['rps'] / session_trivial:>5.2f} × signed-in trivial "
        f"({session_trivial:,.0f}/s)",
    )
    return result


def main():
    started = time.monotonic()
    setup_django()
    people = {who for _key, _label, _path, who in SIGNED_IN_PAGES}
    cookies = {who: browser_cookie(bench_user(who)) for who in people}
    idle = background()
    write_json("background.json", idle)
    print(f"  CPU busy while the app idles: {idle['busy_percent']} %", flush=True)
    runs = [run("trivial", "Trivial view /healthz", TRIVIAL_PATH, beside_trivial=False)]
    for key, label, path in PAGES:
        runs.append(run(key, label, path))
    signed_in_runs = [
        run(
            "trivial_session",
            "Signed-in trivial view /healthz/session",
            SESSION_TRIVIAL_PATH,
            cookies[CITIZEN],
            beside_trivial=False,
            seconds=SIGNED_IN_DURATION,
        )
    ]
    for key, label, path, who in SIGNED_IN_PAGES:
        signed_in_runs.append(run_signed_in(key, label, path, cookies[who]))
    signed_in_runs.append(
        run(
            "trivial_session_after",
            "Signed-in trivial view /healthz/session, again",
            SESSION_TRIVIAL_PATH,
            cookies[CITIZEN],
            beside_trivial=False,
            seconds=SIGNED_IN_DURATION,
        )
    )
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
            "signed_in_duration": SIGNED_IN_DURATION,
            "signed_in_trivial_duration": SIGNED_IN_TRIVIAL_SECONDS,
            "timing_samples": TIMING_SAMPLES,
            "runs": runs,
            "signed_in_runs": signed_in_runs,
            "sizes": sizes,
            "seconds": round(time.monotonic() - started),
            "finished_at": datetime.now(UTC).isoformat(timespec="minutes"),
        },
    )


if __name__ == "__main__":
    main()
