"""Prints the benchmark tables; writes them, with the machine they ran on, to docs/benchmarks.md.

    python bench/report.py

Reads what the other scripts left in $BENCH_OUT (queries_small.json, queries_full.json,
load.json, rush.json, mixed_rush.json, phases.tsv, background.json) and judges every page
against the targets of issue 7, and the signed-in pages and the mixed rush against those of
issue 16. The section between the ``findings`` markers in docs/benchmarks.md is written by
people (what stands in the way of a missed target, with evidence); it is carried over
unchanged when the file is generated anew, so that a new run only refreshes the numbers.
"""

import os
import platform
import re
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from common import (
    PAGE_MAX_JS_KB,
    PAGE_MAX_QUERIES,
    PAGE_MIN_RATIO,
    PAGES,
    ROOT,
    SEARCH_PATHS,
    out_dir,
    read_json,
    setup_django,
)
from report_sections import (
    cpu,
    fmt_counts,
    issue16_verdict,
    mixed_rush_missed,
    mixed_rush_section,
    ms,
    plans_section,
    rush_section,
    signed_in_missed,
    signed_in_section,
    slow_or_failing,
    time_section,
)

DOC = ROOT / "docs" / "benchmarks.md"
FINDINGS = re.compile(r"<!-- findings:start -->\n(.*?)<!-- findings:end -->", re.DOTALL)

# The targets of issue 7, on this machine with the load tool beside the server.
MIN_RATIO = 0.5
MAX_P99_MS = 150
MAX_HTML_KB = 20
MAX_PAGE_KB = 150
MAX_JS_KB = 30


def kb(size):
    return f"{size / 1024:.1f}" if size is not None else "–"


def machine(load, background):
    setup_django()
    import django
    from django.conf import settings
    from django.db import connection

    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = 0
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal"):
            memory = int(line.split()[1]) * 1024
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
    cache = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    redis = ""
    if "Redis" in cache and shutil.which("redis-server"):
        version = subprocess.run(
            [shutil.which("redis-server"), "--version"], capture_output=True, text=True
        ).stdout
        found = re.search(r"v=(\S+)", version)
        redis = f", Redis {found.group(1)}" if found else ", Redis"
    wrk_version = subprocess.run(
        [shutil.which("wrk") or "wrk", "--version"], capture_output=True, text=True
    ).stdout.split()
    from importlib.metadata import version as package_version

    return [
        ("CPU", f"{cpu}, {os.cpu_count()} cores ({platform.machine()})"),
        ("Memory", f"{memory / 2**30:.1f} GiB"),
        ("System", f"{platform.system()} {platform.release()}"),
        ("PostgreSQL", f"{postgres} (local, trust authentication, default configuration)"),
        ("Cache", f"{cache}{redis}"),
        ("Python", platform.python_version()),
        ("Django", django.get_version()),
        (
            "gunicorn",
            f"{package_version('gunicorn')}, {os.environ.get('BENCH_WORKERS', '?')} sync workers "
            "(see below)",
        ),
        (
            "Load tool",
            f"wrk {wrk_version[1] if len(wrk_version) > 1 else '?'} on the same machine: "
            f"{load['threads']} threads, {load['connections']} connections, "
            f"{load['duration']} s per page after a {load['warmup']} s warm-up "
            f"({load.get('signed_in_duration', load['duration'])} s per signed-in page)",
        ),
        (
            "Other load",
            f"{background.get('busy_percent', '?')} % of the CPU busy in the "
            f"{background.get('seconds', '?')} s before the load started, with the app idle "
            "(other processes on the machine)",
        ),
    ]


TARGETS = ("throughput", "p99", "queries", "HTML", "page", "JS")


# What a signed-in visitor's page reads besides: the session and the account.
SESSION_QUERIES = 2


def verdicts(key, run, trivial_rps, small, full, size):
    """The targets this page misses, as short phrases; empty when it meets all of them.

    Errors and a status other than 200 are listed too; they fail the page whatever else.
    """
    missed = []
    trivial_rps = run.get("trivial_rps") or trivial_rps
    ratio = run["rps"] / trivial_rps if trivial_rps else 0
    if ratio < PAGE_MIN_RATIO.get(key, MIN_RATIO):
        missed.append(f"throughput {ratio:.2f} × trivial")
    missed += slow_or_failing(run, MAX_P99_MS)
    grown = [
        f"{who.replace('_', ' ')} {small[who]['queries']} → {full[who]['queries']}"
        for who in ("anonymous", "signed_in")
        if small and small[who]["queries"] != full[who]["queries"] and key not in PAGE_MAX_QUERIES
    ]
    if grown:
        missed.append(f"queries grow with the data ({', '.join(grown)})")
    # A page bounded by what it shows (the search: a query per kind of hit) stays within it.
    bound = PAGE_MAX_QUERIES.get(key)
    limits = {"anonymous": bound, "signed_in": (bound or 0) + SESSION_QUERIES}
    over = [
        f"{who.replace('_', ' ')} {full[who]['queries']}"
        for who in ("anonymous", "signed_in")
        if bound is not None and full[who]["queries"] > limits[who]
    ]
    if over:
        missed.append(f"queries above the bound of {bound} ({', '.join(over)})")
    if size["html_gzip"] >= MAX_HTML_KB * 1024:
        missed.append(f"HTML {kb(size['html_gzip'])} KB compressed")
    if size["page_total"] >= MAX_PAGE_KB * 1024:
        missed.append(f"page {kb(size['page_total'])} KB")
    if size["js"] >= PAGE_MAX_JS_KB.get(key, MAX_JS_KB) * 1024:
        missed.append(f"JS {kb(size['js'])} KB")
    if size["status"] != 200:
        missed.append(f"status {size['status']}")
    return ratio, missed


def met_count(missed):
    return sum(1 for target in TARGETS if not any(phrase.startswith(target) for phrase in missed))


def build():
    load = read_json("load.json")
    small = read_json("queries_small.json", {})
    full = read_json("queries_full.json")
    rush = read_json("rush.json")
    mixed = read_json("mixed_rush.json")
    background = read_json("background.json", {})
    rows = read_json("rows.json", {})
    phases = []
    phases_file = out_dir() / "phases.tsv"
    if phases_file.exists():
        phases = [line.split("\t") for line in phases_file.read_text().splitlines() if line]

    runs = {run["key"]: run for run in load["runs"]}
    trivial = [runs[key]["rps"] for key in ("trivial", "trivial_after") if key in runs]
    trivial_rps = sum(trivial) / len(trivial)

    lines = []
    add = lines.append
    # The time of the load, so that a report written again later names the run it shows.
    now = (
        datetime.fromisoformat(load["finished_at"]) if "finished_at" in load else datetime.now(UTC)
    )
    total = sum(float(seconds) for _name, seconds in phases)
    add("# Benchmarks")
    add("")
    add(
        "<!-- Generated by `make bench` (bench/report.py). Everything but the findings "
        "section is replaced on the next run. -->"
    )
    add("")
    add(
        f"Run of {now:%Y-%m-%d %H:%M} UTC; `make bench` took {total / 60:.1f} minutes. "
        "How to run it, and what it does: README, „Load benchmark“, and the docstrings in "
        "`bench/`."
    )
    add("")
    add("## Machine")
    add("")
    add("| | |")
    add("| --- | --- |")
    for name, value in machine(load, background):
        add(f"| {name} | {value} |")
    add("")
    add(
        f"gunicorn runs {os.environ.get('BENCH_WORKERS', '?')} synchronous workers "
        "(`BENCH_WORKERS`), as the Dockerfile and the compose file do in production. On 2 "
        "cores shared with wrk and PostgreSQL, a third worker can use the CPU while the "
        "others wait for the database. A quick comparison of 2, 3, 4 and 6 workers on this "
        "machine gave differences smaller than the noise between runs. Production settings: "
        "`DJANGO_DEBUG` unset, "
        "`DJANGO_BEHIND_PROXY=1` with every request carrying `X-Forwarded-Proto: https` as "
        "from the TLS proxy (so HSTS, secure cookies and the CSP are all in place), "
        "whitenoise serving the collected static files."
    )
    add("")
    busy = background.get("busy_percent", 0)
    if busy >= 25:
        add(
            f"**Caution:** other processes kept the CPUs {busy} % busy before the load started "
            "(and may have come and gone during it); every absolute figure here is lower than "
            "this machine gives the app alone. The ratios to the trivial view, measured right "
            "before each page, are the steadier figures."
        )
        add("")
    if rows:
        add("## Data set")
        add("")
        add("| table | rows |")
        add("| --- | ---: |")
        for label, count in rows.items():
            add(f"| `{label}` | {count:,} |")
        add("")

    add("## Pages under load")
    add("")
    add(
        f"Trivial view `/healthz` (one `SELECT 1`, no template, no session): "
        f"{' and '.join(f'{value:,.0f}' for value in trivial)} requests/s (before and after "
        "the pages); the ratio below is to the trivial view measured for a few seconds right "
        "before each page (in brackets), as other work on the machine comes and goes. "
        "Latencies from "
        "wrk in milliseconds. „Served“: from the page cache (`hit`; visitors who are not "
        "signed in) or rendered for each request (`none`). Queries per request when the page "
        "is rendered, from Django's test client with the same settings and database, warm "
        "caches, at about 1 % of the content (after the first build stage) and with all of "
        "it, anonymous / signed in. „CPU ms“: the app's own CPU time per request (and in "
        "brackets its wall time), from its `Server-Timing` header, the median of "
        f"{load.get('timing_samples', '?')} requests one after the other after the run."
    )
    add("")
    add(
        "| page | served | req/s | × trivial | p50 | p95 | p99 | errors | CPU ms (wall) | "
        "queries 1 % → 100 % (anon.; signed in) |"
    )
    add("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for run in load["runs"]:
        key = run["key"]
        base = key.removesuffix("_signed_in")
        queries = ""
        if base in full:
            queries = "; ".join(
                f"{small.get(base, {}).get(who, {}).get('queries', '?')} → "
                f"{full[base][who]['queries']}"
                for who in ("anonymous", "signed_in")
            )
        beside = run.get("trivial_rps")
        ratio = f"{run['rps'] / beside:.2f} ({beside:,.0f}/s)" if beside else "–"
        add(
            f"| {run['label']} (`{run['path']}`) | {run.get('page_cache', '?')} | "
            f"{run['rps']:,.1f} | {ratio} | "
            f"{ms(run['p50_us'])} | {ms(run['p95_us'])} | {ms(run['p99_us'])} | "
            f"{run['errors']} | {cpu(run)} | {queries} |"
        )
    add("")

    lines += signed_in_section(load, small, full)

    add("## Weight")
    add("")
    add(
        "HTML as the app sends it (anonymous), and compressed: the app and whitenoise do not "
        "compress HTML, so these are the sizes gzip -6 and Brotli (quality 5) in a proxy would "
        "send. CSS and JavaScript as whitenoise serves them to a browser that accepts Brotli "
        "(pre-compressed at collectstatic). Page = compressed HTML (gzip) + CSS + JS, without "
        "images and the favicon. KB = 1,024 bytes."
    )
    add("")
    add("| page | HTML raw | gzip -6 | Brotli 5 | CSS | JS | page |")
    add("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for key, label, _path in PAGES:
        size = load["sizes"][key]
        add(
            f"| {label} | {kb(size['html_raw'])} | {kb(size['html_gzip'])} | "
            f"{kb(size['html_brotli'])} | {kb(size['css'])} | {kb(size['js'])} | "
            f"{kb(size['page_total'])} |"
        )
    assets = {}
    for size in load["sizes"].values():
        for asset in size["assets"]:
            assets[asset["url"]] = asset
    add("")
    add(
        "Static files as served: "
        + "; ".join(
            f"`{asset['url']}` {kb(asset['bytes'])} KB ({asset['encoding']}, "
            f"`Cache-Control: {asset['cache_control'] or 'none'}`)"
            for asset in assets.values()
        )
        + "."
    )
    add("")

    add("## Verdict")
    add("")
    add(
        f"Targets (issue 7): at least {MIN_RATIO} × the trivial view's throughput; p99 under "
        f"{MAX_P99_MS} ms at {load['connections']} connections; the same number of queries "
        f"at 1 % and 100 % of the content; compressed HTML under {MAX_HTML_KB} KB; the page "
        f"without images under {MAX_PAGE_KB} KB compressed; JavaScript under {MAX_JS_KB} KB "
        "(pages with a map, issue 18: "
        + ", ".join(f"{key} under {limit} KB" for key, limit in PAGE_MAX_JS_KB.items())
        + ", with the map library). "
        "The search (issue 17) with its own throughput target: "
        + ", ".join(
            f"{key} at least {ratio} × trivial" for key, ratio in PAGE_MIN_RATIO.items() if ratio
        )
        + "; its requests ask for "
        + ", ".join(f"`{path}`" for path in SEARCH_PATHS)
        + " in turn, served as visitors get them (a term searched before comes from the page "
        "cache until content changes). „Search, rendered each time“ asks for the same with "
        "`&bench=rendered`, a parameter the page does not name, which bypasses the cache: what "
        "a term nobody searched before costs (no throughput target; p99 as for every page)."
    )
    add("")
    add("| page | verdict | missed |")
    add("| --- | --- | --- |")
    met = 0
    for run in load["runs"]:
        key = run["key"]
        base = key.removesuffix("_signed_in")
        if base not in full:
            continue
        _ratio, missed = verdicts(
            key, run, trivial_rps, small.get(base), full[base], load["sizes"][base]
        )
        met += not missed
        add(
            f"| {run['label']} | meets {met_count(missed)} of {len(TARGETS)} targets | "
            f"{'; '.join(missed) or '–'} |"
        )
    add("")
    judged = sum(1 for run in load["runs"] if run["key"].removesuffix("_signed_in") in full)
    add(f"{met} of {judged} measured pages meet every target.")
    add("")

    lines += time_section(full, small)

    lines += rush_section(rush)

    lines += mixed_rush_section(mixed)

    lines += issue16_verdict(load, mixed)

    if phases:
        add("## Phases of `make bench`")
        add("")
        add("| phase | seconds |")
        add("| --- | ---: |")
        for name, seconds in phases:
            add(f"| {name} | {float(seconds):.0f} |")
        add(f"| **total** | **{total:.0f}** |")
        add("")

    add("## Findings")
    add("")
    old = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
    match = FINDINGS.search(old)
    add("<!-- findings:start -->")
    add(
        match.group(1).rstrip("\n")
        if match
        else "(Not written yet: what stands in the way of each missed target, with evidence.)"
    )
    add("<!-- findings:end -->")
    add("")

    lines += plans_section(full)
    return "\n".join(lines).rstrip("\n") + "\n", load, full, small, rush, mixed, trivial_rps


def main():
    text, load, full, small, rush, mixed, trivial_rps = build()
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text(text, encoding="utf-8")
    print()
    header = (
        f"{'page':44} {'req/s':>8} {'×triv':>6} {'p50':>6} {'p95':>6} {'p99':>6} "
        f"{'queries':>9} {'HTML':>7} {'gzip':>6} {'br':>6} {'page':>6}  verdict"
    )
    print(header)
    print("-" * len(header))
    for run in load["runs"]:
        key = run["key"]
        base = key.removesuffix("_signed_in")
        beside = run.get("trivial_rps") or trivial_rps
        ratio = run["rps"] / beside if beside else 0
        queries = html = gz = br = page = verdict = ""
        if base in full:
            who = "signed_in" if run["signed_in"] else "anonymous"
            before = small.get(base, {}).get(who, {}).get("queries", "?")
            queries = f"{before}→{full[base][who]['queries']}"
            size = load["sizes"][base]
            html, gz, br, page = (
                kb(size["html_raw"]),
                kb(size["html_gzip"]),
                kb(size["html_brotli"]),
                kb(size["page_total"]),
            )
            _ratio, missed = verdicts(key, run, trivial_rps, small.get(base), full[base], size)
            verdict = "ok" if not missed else "MISSES: " + "; ".join(missed)
        print(
            f"{run['label'][:44]:44} {run['rps']:>8.1f} {ratio:>6.2f} {ms(run['p50_us']):>6} "
            f"{ms(run['p95_us']):>6} {ms(run['p99_us']):>6} {queries:>9} {html:>7} {gz:>6} "
            f"{br:>6} {page:>6}  {verdict}"
        )
    print()
    one, two = rush["round_1"], rush["round_2"]
    print(
        f"Voting rush: round 1 {one['counts']['ballots']:,} ballots from {one['attempts']:,} "
        f"voters, {one['errors']} errors, POST p50 {one['post_p50_ms']} ms p99 "
        f"{one['post_p99_ms']} ms; round 2 {two['counts']['ballots']:,} ballots, "
        f"{two['errors']} errors, {fmt_counts(two['outcomes'])}: "
        f"{'OK' if rush['ok'] else 'FAILED'}"
    )
    print()
    print(f"{'signed in':44} {'req/s':>8} {'×triv':>6} {'×sess':>6} {'p50':>6} {'p99':>6}")
    for run in load.get("signed_in_runs", []):
        beside = run.get("trivial_rps")
        session = run.get("session_trivial_rps")
        missed = [] if run["key"].startswith("trivial") else signed_in_missed(run)
        ratios = (
            f"{run['rps'] / beside:>6.2f} {run['rps'] / session:>6.2f}"
            if beside and session
            else f"{'':>6} {'':>6}"
        )
        print(
            f"{run['label'][:44]:44} {run['rps']:>8.1f} {ratios} {ms(run['p50_us']):>6} "
            f"{ms(run['p99_us']):>6}  CPU {cpu(run):>14}  "
            f"{'MISSES: ' + '; '.join(missed) if missed else 'ok'}"
        )
    if mixed:
        steps = mixed["steps"]
        missed = mixed_rush_missed(mixed)
        print(
            f"Mixed rush: {mixed['counts']['ballots']:,} ballots from "
            f"{mixed['counts']['distinct_voters']:,} voters, {mixed['errors']} errors; sign-in "
            f"p50 {steps['sign_in']['p50_ms']} ms, vote POST p99 {steps['vote']['p99_ms']} ms; "
            f"readers {mixed['reading']['rps']:,.0f}/s, hit rate "
            f"{mixed['page_cache']['hit_rate']:.1%}: "
            f"{'meets every target' if not missed else 'MISSES: ' + '; '.join(missed)}"
        )
    print(f"Written to {DOC.relative_to(ROOT)}; raw results in {out_dir()}")
    return 0 if rush["ok"] and (mixed is None or mixed["ok"]) else 1


if __name__ == "__main__":
    raise SystemExit(main())
