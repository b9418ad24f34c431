"""Sections of docs/benchmarks.md that stand on their own (bench/report.py writes the file)."""

import re

from common import MIXED_POLL_SLUG, PAGES, RUSH_POLL_SLUG, SIGNED_IN_PAGES

# The targets of issue 16 (signed-in speed and the mixed rush), at 10 connections on this
# machine with the load tool beside the server.
MIN_SIGNED_IN_RATIO = 0.25  # × the trivial view /healthz
MIN_SESSION_RATIO = 0.5  # × the signed-in trivial view /healthz/session
MAX_SIGNED_IN_P99_MS = 100
MIN_READER_RATIO = 0.3  # anonymous readers during the mixed rush, × trivial
MIN_HIT_RATE = 0.9
MAX_VOTE_P99_MS = 300

NODE = re.compile(
    r"->\s+(?P<node>.*?)\s+\(cost=[^)]*\)\s+\(actual time=[\d.]+\.\.(?P<ms>[\d.]+) "
    r"rows=(?P<rows>\d+) loops=(?P<loops>\d+)\)"
)


def plan_summary(plan):
    """The two scans that took longest (time × loops), and the execution time."""
    nodes = []
    for match in NODE.finditer(plan):
        if "Scan" not in match["node"]:
            continue
        loops = int(match["loops"])
        nodes.append(
            (
                float(match["ms"]) * loops,
                f"{match['node']}: {float(match['ms']) * loops:.1f} ms, "
                f"{int(match['rows']) * loops:,} rows"
                + (f" in {loops:,} loops" if loops > 1 else ""),
            )
        )
    lines = [text for _ms, text in sorted(nodes, reverse=True)[:2]]
    total = re.search(r"Execution Time: ([\d.]+) ms", plan)
    if total:
        lines.append(f"execution {float(total.group(1)):.1f} ms")
    return lines


def fmt_counts(counts):
    return ", ".join(f"{name}: {count:,}" for name, count in sorted(counts.items()))


def time_section(full, small):
    lines = []
    add = lines.append
    add("## Where a request's time goes")
    add("")
    add(
        "One request in-process (Django's test client, anonymous, warm, median of 5), split "
        "into the time in SQL and the rest (Python: view, template, middleware), at about 1 % "
        "of the content → with all of it; the slowest query of each page (with all of the "
        "content) and the scans that took longest in its plan (EXPLAIN ANALYZE, below)."
    )
    add("")
    add(
        "| page | total ms | SQL ms | Python ms | HTML KB | slowest query ms | "
        "its costliest scans |"
    )
    add("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
    for key, label, _path in PAGES:
        anon = full[key]["anonymous"]
        before = small.get(key, {}).get("anonymous")
        slowest = anon["slowest"][0] if anon["slowest"] else {"ms": 0}
        summary = "<br>".join(f"`{line}`" for line in plan_summary(full[key].get("plan", "")))

        def grown(name, scale=1.0, anon=anon, before=before):
            now = anon[name] / scale
            if before is None:
                return f"{now:.1f}"
            return f"{before[name] / scale:.1f} → {now:.1f}"

        add(
            f"| {label} | {grown('total_ms')} | {grown('sql_ms')} | {grown('python_ms')} | "
            f"{grown('html_bytes', 1024)} | {slowest['ms']} | {summary} |"
        )
    add("")
    return lines


def rush_section(rush):
    lines = []
    add = lines.append
    add("## The voting rush")
    add("")
    one, two = rush["round_1"], rush["round_2"]
    add(
        f"{rush['voters']:,} confirmed citizens (verified e-mail address, a session each) open "
        f"the open poll `{RUSH_POLL_SLUG}` (GET), send "
        f"the real form with its CSRF token (POST) and follow the redirect, "
        f"{rush['concurrency']} at a time. Then the same {rush['voters']:,} send their form "
        f"again, all {rush['round_2_concurrency']:,} released at the same moment. The poll "
        "does not allow changing a ballot."
    )
    add("")
    add("| | round 1: first votes | round 2: the same again at once |")
    add("| --- | ---: | ---: |")
    add(f"| attempts | {one['attempts']:,} | {two['attempts']:,} |")
    add(
        f"| ballots in the database afterwards | {one['counts']['ballots']:,} | "
        f"{two['counts']['ballots']:,} |"
    )
    add(
        f"| distinct voters among them | {one['counts']['distinct_voters']:,} | "
        f"{two['counts']['distinct_voters']:,} |"
    )
    add(
        f"| selections (sent in round 1: {rush['selections_sent']:,}) | "
        f"{one['counts']['selections']:,} | {two['counts']['selections']:,} |"
    )
    add(
        f"| errors (5xx, failed connections, missing confirmation) | {one['errors']} | "
        f"{two['errors']} |"
    )
    add(
        f"| HTTP status of the POST | {fmt_counts(one['statuses'])} | "
        f"{fmt_counts(two['statuses'])} |"
    )
    add(
        f"| what the page after the POST said | {fmt_counts(one['outcomes'])} | "
        f"{fmt_counts(two['outcomes'])} |"
    )
    add(
        f"| POST p50 / p99 / max, ms | {one['post_p50_ms']:,} / {one['post_p99_ms']:,} / "
        f"{one['post_max_ms']:,} | {two['post_p50_ms']:,} / {two['post_p99_ms']:,} / "
        f"{two['post_max_ms']:,} |"
    )
    add(f"| poll page (GET) p50 / p99, ms | {one['get_p50_ms']:,} / {one['get_p99_ms']:,} | – |")
    add(
        f"| duration, s | {one['seconds']} ({one['ballots_per_second']} ballots/s) | "
        f"{two['seconds']} |"
    )
    add("")
    add(
        "Verdict: "
        + (
            "no ballot lost, none doubled, no error."
            if rush["ok"]
            else "**FAILED**: see the counts and errors above"
            + (
                ": " + "; ".join(one["error_examples"] + two["error_examples"])
                if one["error_examples"] or two["error_examples"]
                else ""
            )
        )
    )
    add(
        "„Already voted“ is the friendly notice „"
        "Sie haben bei dieser Abstimmung bereits abgestimmt.“ on the poll page with the "
        "person's own answers; „already counted (race)“ would be the notice for two first "
        "submissions racing each other."
    )
    add("")
    return lines


def plans_section(full):
    lines = []
    add = lines.append
    add("## Plans of the slowest queries")
    add("")
    for key, label, _path in PAGES:
        plan = full[key].get("plan")
        if not plan:
            continue
        sql = full[key]["anonymous"]["slowest"][0]["sql"]
        add(
            f"<details><summary>{label}: {full[key]['anonymous']['slowest'][0]['ms']} ms</summary>"
        )
        add("")
        add("```sql")
        add(sql)
        add("```")
        add("")
        add("```")
        add(plan)
        add("```")
        add("")
        add("</details>")
        add("")
    return lines


def ms(microseconds):
    return f"{microseconds / 1000:.0f}" if microseconds >= 10_000 else f"{microseconds / 1000:.1f}"


def cpu(run):
    """The app's median CPU ms per request, with its wall ms in brackets (Server-Timing)."""
    if run.get("cpu_ms") is None:
        return "–"
    return f"{run['cpu_ms']:.1f} ({run['app_ms']:.1f})"


def slow_or_failing(run, max_p99_ms):
    """The p99 over `max_p99_ms` and any errors of a wrk run, as short phrases."""
    missed = []
    if run["p99_us"] / 1000 >= max_p99_ms:
        missed.append(f"p99 {run['p99_us'] / 1000:.0f} ms")
    if run["errors"]:
        missed.append(f"{run['errors']} errors")
    return missed


def signed_in_missed(run):
    """The issue-16 targets this signed-in page misses, as short phrases."""
    missed = []
    ratio = run["rps"] / run["trivial_rps"] if run.get("trivial_rps") else 0
    session_ratio = (
        run["rps"] / run["session_trivial_rps"] if run.get("session_trivial_rps") else 0
    )
    if ratio < MIN_SIGNED_IN_RATIO:
        missed.append(f"{ratio:.2f} × trivial")
    if session_ratio < MIN_SESSION_RATIO:
        missed.append(f"{session_ratio:.2f} × signed-in trivial")
    missed += slow_or_failing(run, MAX_SIGNED_IN_P99_MS)
    if set(run.get("timing_statuses", {"200": 1})) != {"200"}:
        missed.append(f"status {', '.join(run['timing_statuses'])}")
    return missed


def signed_in_section(load, small, full):
    """The pages as a signed-in citizen gets them, beside both yardsticks."""
    lines = []
    add = lines.append
    runs = load.get("signed_in_runs")
    if not runs:
        return lines
    measured = full.get("signed_in_pages", {})
    before = small.get("signed_in_pages", {})
    anchors = [f"{run['rps']:,.0f}" for run in runs if run["key"].startswith("trivial_session")]
    session_queries = measured.get("trivial_session", {}).get("queries", "?")
    add("## Pages for signed-in visitors")
    add("")
    add(
        "The same pages for a signed-in citizen (a confirmed account that has not voted in the "
        "live poll; „after voting“: an account whose ballot is in it, so the page shows its own "
        "answers), with the session and the CSRF cookie a browser sends; such pages are "
        "rendered for each request, never taken from the page cache. Yardsticks: the signed-in "
        f"trivial view `/healthz/session` (the session and the account read, {session_queries} "
        "queries, and a one-line template rendered with the site's context processors): "
        f"{' and '.join(anchors)} requests/s with the "
        "citizen's session (before and after these rows). Each page's ratios are to the "
        "trivial view `/healthz` and to `/healthz/session`, each measured for "
        f"{load.get('signed_in_trivial_duration', 2)} s right before the page (in brackets); "
        f"wrk ran {load.get('signed_in_duration', '?')} s per page after a "
        f"{load['warmup']} s warm-up. „CPU ms“: what the app itself spent per request, from its "
        "`Server-Timing` header (DJANGO_SERVER_TIMING), the median of "
        f"{load.get('timing_samples', '?')} requests sent one after the other after the run: "
        "CPU time of the worker, and in brackets the wall time from the first middleware to "
        "the response (the difference is mostly waiting for PostgreSQL and the cache). "
        "Queries per request at about 1 % and 100 % of the content (Django's test client, as "
        "above)."
    )
    add("")
    add(
        "| page | req/s | × trivial | × signed-in trivial | p50 | p95 | p99 | errors | "
        "CPU ms (wall) | queries 1 % → 100 % |"
    )
    add("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    paths = {key: path for key, _label, path, _who in SIGNED_IN_PAGES}
    for run in runs:
        key = "trivial_session" if run["key"].startswith("trivial_session") else run["key"]
        queries = ""
        if key in measured:
            queries = f"{before.get(key, {}).get('queries', '?')} → {measured[key]['queries']}"
        trivial = (
            f"{run['rps'] / run['trivial_rps']:.2f} ({run['trivial_rps']:,.0f}/s)"
            if run.get("trivial_rps")
            else "–"
        )
        session = (
            f"{run['rps'] / run['session_trivial_rps']:.2f} ({run['session_trivial_rps']:,.0f}/s)"
            if run.get("session_trivial_rps")
            else "–"
        )
        add(
            f"| {run['label']} (`{paths.get(run['key'], run['path'])}`) | {run['rps']:,.1f} | "
            f"{trivial} | {session} | {ms(run['p50_us'])} | {ms(run['p95_us'])} | "
            f"{ms(run['p99_us'])} | {run['errors']} | {cpu(run)} | {queries} |"
        )
    add("")
    return lines


def mixed_rush_missed(mixed):
    """The issue-16 targets the mixed rush misses, as short phrases."""
    missed = []
    reading, trivial = mixed["reading"], mixed["readers_trivial"]
    ratio = reading["rps"] / trivial["rps"] if trivial["rps"] else 0
    if ratio < MIN_READER_RATIO:
        missed.append(f"readers {ratio:.2f} × trivial")
    if mixed["page_cache"]["hit_rate"] < MIN_HIT_RATE:
        missed.append(f"hit rate {mixed['page_cache']['hit_rate']:.1%}")
    if mixed["steps"]["vote"]["p99_ms"] >= MAX_VOTE_P99_MS:
        missed.append(f"vote POST p99 {mixed['steps']['vote']['p99_ms']:,.0f} ms")
    if not mixed["ok"]:
        missed.append("ballots or errors (see above)")
    return missed


def mixed_rush_section(mixed):
    lines = []
    add = lines.append
    add("## The mixed rush")
    add("")
    if not mixed:
        add("(Not measured: bench/mixed_rush.py left no results.)")
        add("")
        return lines
    steps, reading, trivial = mixed["steps"], mixed["reading"], mixed["readers_trivial"]
    counts = mixed["counts"]
    add(
        f"{mixed['citizens']:,} citizens sign in through the real sign-in pages by code (request "
        "the code, read it from the mail queued in the outbox, enter it), each from an address "
        f"of their own (`X-Forwarded-For`), then open the open poll `{MIXED_POLL_SLUG}` (live "
        "results), send its form with the CSRF token, follow the redirect to the confirmation "
        f"and open the results, {mixed['concurrency']} at a time. Meanwhile "
        f"{mixed['readers']} anonymous readers (threads of a process of their own, no cookies) "
        "read the start page, the poll page and its results in a loop. Times are per step as "
        "the client saw them, in ms; sign-in is its four requests together."
    )
    add("")
    add("| step | count | errors | p50 | p95 | p99 | max |")
    add("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    names = {
        "sign_in": "sign-in by code (4 requests)",
        "poll": "poll page (GET)",
        "vote": "vote (POST)",
        "confirmation": "confirmation (the poll page after the redirect)",
        "results": "results (GET)",
    }
    for key, name in names.items():
        step = steps[key]
        add(
            f"| {name} | {step['count']:,} | {step['errors']} | {step['p50_ms']:,} | "
            f"{step['p95_ms']:,} | {step['p99_ms']:,} | {step['max_ms']:,} |"
        )
    add("")
    ratio = reading["rps"] / trivial["rps"] if trivial["rps"] else 0
    cache = mixed["page_cache"]
    add("| | |")
    add("| --- | --- |")
    add(
        f"| ballots in the database afterwards | {counts['ballots']:,} from "
        f"{counts['distinct_voters']:,} distinct voters (before: {mixed['before']['ballots']:,})"
        " |"
    )
    add(
        f"| duration | {mixed['seconds']} s ({mixed['ballots_per_second']} ballots/s); "
        f"{mixed['completed']:,} citizens through every step |"
    )
    add(f"| errors | {mixed['errors']} |")
    add(
        f"| readers on `/healthz` right before the rush (their yardstick, same client) | "
        f"{trivial['rps']:,.0f} requests/s, p50 {trivial['p50_ms']:,} ms, p99 "
        f"{trivial['p99_ms']:,} ms |"
    )
    add(
        f"| readers during the rush | {reading['rps']:,.0f} requests/s = {ratio:.2f} × "
        f"trivial; p50 {reading['p50_ms']:,} ms, p99 {reading['p99_ms']:,} ms; "
        f"{reading['errors']} errors |"
    )
    for path, page in reading["pages"].items():
        served = ", ".join(f"{name} {count:,}" for name, count in sorted(page["served"].items()))
        add(
            f"| … `{path}` | {page['rps']:,.0f} requests/s, p50 {page['p50_ms']:,} ms, p99 "
            f"{page['p99_ms']:,} ms; {served} |"
        )
    add(
        f"| page cache hit rate of the readers (`X-Page-Cache`) | {cache['hit_rate']:.1%} "
        f"({fmt_counts(cache['served'])}) |"
    )
    password = mixed.get("password")
    if password:
        add(
            f"| sign-in with the password, for comparison ({password['signed_in']} of "
            f"{password['count']}, one after the other, before the rush) | POST p50 "
            f"{password['post_p50_ms']:,} ms, of which the app's CPU "
            f"{password['server_cpu_p50_ms']} ms (mostly the password hash) |"
        )
    add("")
    add(
        "Verdict: "
        + (
            f"{counts['ballots']:,} ballots from {counts['distinct_voters']:,} voters, no error."
            if mixed["ok"]
            else "**FAILED**: see the counts and errors above"
            + (": " + "; ".join(mixed["error_examples"]) if mixed["error_examples"] else "")
        )
    )
    add("")
    return lines


def issue16_verdict(load, mixed):
    """The verdict against the targets of issue 16."""
    lines = []
    add = lines.append
    runs = [run for run in load.get("signed_in_runs", []) if not run["key"].startswith("trivial")]
    add("## Verdict, signed-in speed and the mixed rush (issue 16)")
    add("")
    add(
        f"Targets: every page for a signed-in visitor at least {MIN_SIGNED_IN_RATIO} × the "
        f"trivial view and at least {MIN_SESSION_RATIO} × the signed-in trivial view, p99 "
        f"under {MAX_SIGNED_IN_P99_MS} ms at {load['connections']} connections; during the "
        f"mixed rush the anonymous readers at least {MIN_READER_RATIO} × trivial with a page "
        f"cache hit rate of at least {MIN_HIT_RATE:.0%}, and the vote's POST p99 under "
        f"{MAX_VOTE_P99_MS} ms."
    )
    add("")
    add("| signed in | verdict | missed |")
    add("| --- | --- | --- |")
    met = 0
    for run in runs:
        missed = signed_in_missed(run)
        met += not missed
        verdict = "misses" if missed else "meets"
        add(f"| {run['label']} | {verdict} | {'; '.join(missed) or '–'} |")
    add("")
    add(f"{met} of {len(runs)} signed-in pages meet every target.")
    if mixed:
        missed = mixed_rush_missed(mixed)
        add(
            "Mixed rush: "
            + ("meets every target." if not missed else "misses " + "; ".join(missed) + ".")
        )
    add("")
    return lines
