"""Queries per page, and where a request's time goes, measured in-process against the bench DB.

    python bench/queries.py small   # after build_data.py small: about 1 % of the content
    python bench/queries.py full    # after build_data.py rest: the whole data set

Django's test client renders each page of common.PAGES with the production settings, once
to warm the caches and then MEASURE_RUNS times under CaptureQueriesContext: anonymously
and signed in (a confirmed citizen who has not voted yet); then each page of
common.SIGNED_IN_PAGES for the person it names (the citizen, or a voter who sees their own
ballot) and the signed-in yardstick /healthz/session. It records the number of queries,
the time in SQL and in Python (the median of the runs), and the slowest queries; with
``full`` it also runs EXPLAIN (ANALYZE, BUFFERS) on the slowest query of each page, so that
the report can name what a slow page waits for. Results go to $BENCH_OUT/queries_<size>.json.

The page cache is off here: these figures are what a page costs when it is rendered (for
signed-in visitors, and for everyone else on a cache miss).
"""

import os
import statistics
import sys
import time

from common import (
    CITIZEN,
    PAGES,
    SESSION_TRIVIAL_PATH,
    SIGNED_IN_PAGES,
    VOTER,
    bench_user,
    setup_django,
    write_json,
)

MEASURE_RUNS = 5
HOST = "127.0.0.1"


def measure_page(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    # A proxy terminates TLS in production; the same header tells Django here.
    options = {"secure": True, "headers": {"host": HOST, "x-forwarded-proto": "https"}}
    warm = client.get(path, **options)
    runs = []
    for _ in range(MEASURE_RUNS):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(path, **options)
            total = time.perf_counter() - started
        sql = sum(float(query["time"]) for query in queries.captured_queries)
        runs.append((total, sql, queries.captured_queries, response))
    total, sql, captured, response = sorted(runs, key=lambda run: run[0])[len(runs) // 2]
    slowest = sorted(captured, key=lambda query: float(query["time"]), reverse=True)[:3]
    return {
        "status": response.status_code,
        "warm_status": warm.status_code,
        "queries": len(captured),
        "query_counts": sorted({len(run[2]) for run in runs}),
        "total_ms": round(statistics.median(run[0] for run in runs) * 1000, 1),
        "sql_ms": round(statistics.median(run[1] for run in runs) * 1000, 1),
        "python_ms": round((total - sql) * 1000, 1),
        "html_bytes": len(response.content),
        "slowest": [
            {"ms": round(float(query["time"]) * 1000, 2), "sql": query["sql"]} for query in slowest
        ],
    }


def explain(sql):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
        return "\n".join(row[0] for row in cursor.fetchall())


def main(size):
    os.environ["KLMITWIRKUNG_PAGE_CACHE_SECONDS"] = "0"
    setup_django()
    from django.test import Client

    anonymous = Client()
    clients = {}
    for who in (CITIZEN, VOTER):
        clients[who] = Client()
        clients[who].force_login(
            bench_user(who), backend="django.contrib.auth.backends.ModelBackend"
        )
    signed_in = clients[CITIZEN]
    results = {}
    for key, _label, path in PAGES:
        results[key] = {
            "path": path,
            "anonymous": measure_page(anonymous, path),
            "signed_in": measure_page(signed_in, path),
        }
        if size == "full":
            slowest = results[key]["anonymous"]["slowest"]
            if slowest:
                results[key]["plan"] = explain(slowest[0]["sql"])
        anon, signed = results[key]["anonymous"], results[key]["signed_in"]
        print(
            f"  {key:18} {anon['status']} queries {anon['queries']:>3} / {signed['queries']:>3} "
            f"signed in, {anon['total_ms']:>7.1f} ms (SQL {anon['sql_ms']:.1f} ms)"
        )
    # The signed-in rows of load.py, each for the person it names, and their yardstick.
    results["signed_in_pages"] = {
        "trivial_session": measure_page(signed_in, SESSION_TRIVIAL_PATH),
    }
    for key, _label, path, who in SIGNED_IN_PAGES:
        measured = results["signed_in_pages"][key] = measure_page(clients[who], path)
        print(
            f"  {key:18} {measured['status']} queries {measured['queries']:>3} signed in "
            f"({who}), {measured['total_ms']:>7.1f} ms (SQL {measured['sql_ms']:.1f} ms)"
        )
    write_json(f"queries_{size}.json", results)


if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in ("small", "full"):
        sys.exit("usage: queries.py small|full")
    main(sys.argv[1])
