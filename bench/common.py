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
# The mixed rush (bench/mixed_rush.py): its open poll with live results, the citizens who
# sign in by code and vote there (``gemischt-0000`` …), and the few who sign in with a
# password (``passwort-00`` …), to show what the password hash costs.
MIXED_POLL_SLUG = "gemischt-2026"
MIXED_CITIZENS = 1000
PASSWORD_CITIZENS = 20
# Not a secret: the password of the bench's password sign-ins, on an invented data set.
BENCH_PASSWORD = "bench-passwort-2026"  # noqa: S105
# The survey with a question of every further kind (scale, matrix, ranking, number, budget;
# bench/plan_survey.py): open, live results, its online ballots and two paper batches.
SURVEY_POLL_SLUG = "stadtumfrage-2026"
SURVEY_BALLOTS = 20_000
FILTER_TOPIC_SLUG = "mobilitaet"
# The map consultation of the big project, with 5,000 entries (bench/plan_maps.py).
MAP_SLUG = "hitzeorte"
# The document to comment on of the big project: 200 paragraphs, 2,000 comments
# (bench/plan_documents.py).
DOCUMENT_SLUG = "leitlinien"
# The proposal with exactly 200 comments is the first one.
PROPOSAL_200_PK = 1
# The plan of the Vorhabenliste with exactly 200 released requests to be involved
# (bench/plan_vorhaben.py), and the participation the filtered list asks for.
BIG_PLAN_SLUG = "radverkehrskonzept-innenstadt"
BIG_PLAN_REQUESTS = 200
FILTER_PARTICIPATION = "planned"
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
    ("poll_survey", "Poll page, survey of every kind", f"/abstimmungen/{SURVEY_POLL_SLUG}/"),
    (
        "results_survey",
        "Results, survey of every kind (20,000 ballots)",
        f"/abstimmungen/{SURVEY_POLL_SLUG}/ergebnisse/",
    ),
    ("proposals", "Proposal list", "/vorschlaege/"),
    (
        "proposals_topic",
        "Proposal list, filtered by topic",
        f"/vorschlaege/?topic={FILTER_TOPIC_SLUG}",
    ),
    ("proposals_support", "Proposal list, most supported", "/vorschlaege/?sort=supports"),
    ("proposal_200", "Proposal with 200 comments", f"/vorschlaege/{PROPOSAL_200_PK}/"),
    (
        "map",
        "Map consultation (5,000 entries)",
        f"/projekte/{BIG_PROJECT_SLUG}/karte/{MAP_SLUG}/",
    ),
    (
        "document",
        "Document to comment on (200 paragraphs, 2,000 comments)",
        f"/projekte/{BIG_PROJECT_SLUG}/dokumente/{DOCUMENT_SLUG}/",
    ),
    ("plan_list", "Vorhabenliste (300 plans)", "/vorhaben/"),
    (
        "plan_list_filtered",
        "Vorhabenliste, filtered by participation",
        f"/vorhaben/?beteiligung={FILTER_PARTICIPATION}",
    ),
    ("plan_200", "Plan with 200 requests", f"/vorhaben/{BIG_PLAN_SLUG}/"),
    ("events", "Events (upcoming)", "/termine/"),
    ("search", "Search (six terms in turn)", "/suche/?q=Radwege"),
    (
        "search_rendered",
        "Search, rendered each time (six terms in turn)",
        "/suche/?q=Radwege&bench=rendered",
    ),
]
# The search rows ask for these in turn (wrk_summary.lua): words of the data set's vocabulary
# (plan_data.py), some in thousands of texts, some in few. "search" as visitors get it: a term
# searched before comes from the page cache until content changes. "search_rendered" works
# every search out again: a parameter the page does not name bypasses the cache
# (core/page_cache.py), as for a term nobody searched before.
SEARCH_PATHS = [
    "/suche/?q=Radwege",
    "/suche/?q=Spielpl%C3%A4tze",
    "/suche/?q=Schwimmbad+Lauter",
    "/suche/?q=Sensoren",
    "/suche/?q=Wochenmarkt&kind=proposal",
    "/suche/?q=Beleuchtung+Schule+Kita",
]
SEARCH_RENDERED_PATHS = [f"{path}&bench=rendered" for path in SEARCH_PATHS]
# Pages measured against their own throughput target rather than the issue-7 one (issue 17:
# the search at least 0.25 × trivial; worked out afresh, it is measured for what it costs).
PAGE_MIN_RATIO = {"search": 0.25, "search_rendered": 0.0}
# Pages whose query count depends on what they show, with its bound: the search makes one
# query for the ranked hits and one per kind of page among the hits it shows (eight kinds).
PAGE_MAX_QUERIES = {"search": 1 + 8, "search_rendered": 1 + 8}
# Pages with a map load the map library too (Leaflet, about 42 KB compressed; issue 18).
PAGE_MAX_JS_KB = {"map": 80}
TRIVIAL_PATH = "/healthz"
# The yardstick of signed-in pages: the session and the account read, a template rendered.
SESSION_TRIVIAL_PATH = "/healthz/session"

# Who is signed in for a page of SIGNED_IN_PAGES.
CITIZEN = "citizen"  # SIGNED_IN_EMAIL: confirmed, has not voted in the live poll
VOTER = "voter"  # a citizen whose ballot is in the live poll (bench_user)
# key, label, path, who: the pages driven with a signed-in session.
SIGNED_IN_PAGES = [
    ("start", "Start page", "/", CITIZEN),
    ("projects", "Project list", "/projekte/", CITIZEN),
    ("project", "Project page", f"/projekte/{BIG_PROJECT_SLUG}/", CITIZEN),
    ("poll", "Poll page, before voting", f"/abstimmungen/{LIVE_POLL_SLUG}/", CITIZEN),
    (
        "poll_voted",
        "Poll page, after voting (own ballot)",
        f"/abstimmungen/{LIVE_POLL_SLUG}/",
        VOTER,
    ),
    (
        "results_live",
        "Results, open poll (live)",
        f"/abstimmungen/{LIVE_POLL_SLUG}/ergebnisse/",
        CITIZEN,
    ),
    (
        "results_closed",
        "Results, closed poll (published)",
        f"/abstimmungen/{CLOSED_POLL_SLUG}/ergebnisse/",
        CITIZEN,
    ),
    ("proposals", "Proposal list", "/vorschlaege/", CITIZEN),
    ("proposal_200", "Proposal with 200 comments", f"/vorschlaege/{PROPOSAL_200_PK}/", CITIZEN),
    ("plan_list", "Vorhabenliste (300 plans)", "/vorhaben/", CITIZEN),
    ("plan_200", "Plan with 200 requests", f"/vorhaben/{BIG_PLAN_SLUG}/", CITIZEN),
    ("profile", "Own profile (Mein Konto)", "/konto/profil/", CITIZEN),
]


def setup_django():
    """Production settings against the bench database; the caller has set the environment."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "klmitwirkung.settings")
    import django

    django.setup()


def bench_user(who):
    """The account a signed-in page is measured for (CITIZEN or VOTER); after setup_django().

    The voter is the account of the live poll's first ballot, which the first stage of
    build_data.py already inserts, so that both stages measure the same person.
    """
    from accounts.models import User
    from polls.models import Ballot

    if who == CITIZEN:
        return User.objects.get(email=SIGNED_IN_EMAIL)
    ballot = (
        Ballot.objects.filter(poll__slug=LIVE_POLL_SLUG, user__isnull=False).order_by("pk").first()
    )
    return ballot.user


def session_cookie(user):
    """A session of `user`, written to the database as django.contrib.auth.login writes it."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


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
