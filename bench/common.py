"""What the bench scripts share: Django against the bench database, the pages, the data names.

Every script in bench/ is run by bench/run (``make bench``) with the production settings
(``DJANGO_SETTINGS_MODULE=klmitwirkung.settings``, DEBUG off) and ``DATABASE_URL`` pointing
at the bench database; nothing here is imported by the app or its tests.
"""

import json
import math
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Names the data set is built with (bench/build_data.py) and the pages are found by.
BIG_PROJECT_SLUG = "innenstadt-west"
LIVE_POLL_SLUG = "stadtraumwir-2026"
CLOSED_POLL_SLUG = "stadtraumwir-2024"
RUSH_POLL_SLUG = "ansturm-2026"
FILTER_TOPIC_SLUG = "mobilitaet"
# The proposal with exactly 200 comments is the first one.
PROPOSAL_200_PK = 1
SIGNED_IN_EMAIL = "bench-buergerin@example.invalid"
RUSH_VOTERS = 1000


# key, label in the table, path, whether a signed-in visitor is measured too
PAGES = [
    ("start", "Start page", "/"),
    ("projects", "Project list", "/projekte/"),
    ("project", "Project page", f"/projekte/{BIG_PROJECT_SLUG}/"),
    ("poll", "Poll page (open, live results)", f"/abstimmungen/{LIVE_POLL_SLUG}/"),
    ("results_live", "Results, open poll (live)", f"/abstimmungen/{LIVE_POLL_SLUG}/ergebnisse/"),
    (
        "results_closed",
        "Results, closed poll (published)",
        f"/abstimmungen/{CLOSED_POLL_SLUG}/ergebnisse/",
    ),
    ("proposals", "Proposal list", "/vorschlaege/"),
    (
        "proposals_topic",
        "Proposal list, filtered by topic",
        f"/vorschlaege/?topic={FILTER_TOPIC_SLUG}",
    ),
    ("proposals_support", "Proposal list, most supported", "/vorschlaege/?sort=supports"),
    ("proposal_200", "Proposal with 200 comments", f"/vorschlaege/{PROPOSAL_200_PK}/"),
]
# Pages also driven with a signed-in session (the rest are driven anonymously).
SIGNED_IN_LOAD_PAGES = ["poll"]
TRIVIAL_PATH = "/healthz"


def setup_django():
    """Production settings against the bench database; the caller has set the environment."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "klmitwirkung.settings")
    import django

    django.setup()


def out_dir():
    """Where the scripts leave their raw results for bench/report.py."""
    path = Path(os.environ.get("BENCH_OUT", "/tmp/klmitwirkung-bench"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def write_json(name, data):
    (out_dir() / name).write_text(json.dumps(data, indent=2, default=str), encoding="utf-8")


def read_json(name, default=None):
    path = out_dir() / name
    if not path.exists():
        return default
    return json.loads(path.read_text(encoding="utf-8"))


def percentile(values, pct):
    """The pct-th percentile (nearest rank) of a list of numbers; 0 for an empty list."""
    if not values:
        return 0
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]
