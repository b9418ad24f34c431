"""Sections of docs/benchmarks.md that stand on their own (bench/report.py writes the file)."""

import re

from common import PAGES, RUSH_POLL_SLUG

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
