"""Security headers with production settings, on every URL the site has.

The settings come from klmitwirkung/settings.py itself, evaluated as production evaluates
it (DJANGO_DEBUG unset), not from the test settings. Every URL pattern is requested over
HTTPS, anonymously and signed in, with real objects behind it; a new URL pattern fails
`test_every_url_pattern_is_covered` until it is added to URLS below.
"""

import importlib.util
import os
import re
from pathlib import Path
from unittest import mock

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.csp import CSP

from moderation.models import ModerationState
from pages.models import Page
from tests.accounts.factories import UserFactory
from tests.comments.factories import CommentFactory
from tests.documents.factories import published
from tests.events.factories import EventFactory
from tests.mapconsultations.factories import EntryFactory
from tests.newsletter.factories import SubscriberFactory
from tests.plans.factories import ParticipationRequestFactory
from tests.polls.factories import poll_with_questions
from tests.projects.factories import ProjectFactory, ProjectUpdateFactory
from tests.proposals.factories import ContestFactory, ProposalFactory

ROOT = Path(__file__).resolve().parents[1]
ONE_YEAR = 60 * 60 * 24 * 365
PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "production-like-secret-key-for-the-security-header-test",
    "EMAIL_URL": "smtp://localhost:25",
}


def production_settings():
    """klmitwirkung/settings.py as production runs it: no DJANGO_* switches but the secret."""
    environ = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "EMAIL_", "TASK_", "REDIS_"))
    }
    spec = importlib.util.spec_from_file_location(
        "production_settings", ROOT / "klmitwirkung" / "settings.py"
    )
    module = importlib.util.module_from_spec(spec)
    with mock.patch.dict(os.environ, {**environ, **PRODUCTION_ENV}, clear=True):
        spec.loader.exec_module(module)
    return module


PRODUCTION = production_settings()
SECURITY_SETTINGS = [
    name
    for name in dir(PRODUCTION)
    if name.startswith(("SECURE_", "SESSION_COOKIE_", "CSRF_COOKIE_"))
    or name in {"DEBUG", "X_FRAME_OPTIONS"}
]


def object_path(name, **kwargs):
    return lambda objects: reverse(name, kwargs={k: v(objects) for k, v in kwargs.items()})


def plain(name):
    return lambda objects: reverse(name)


def unsubscribe_path(objects):
    from core.notifications import unsubscribe_path

    return unsubscribe_path(objects["citizen"], "replies")


def newsletter_path(kind):
    def path(objects):
        from newsletter import tokens

        token = getattr(tokens, f"{kind}_token")(objects["subscriber"])
        return reverse(f"newsletter:{kind}", kwargs={"token": token})

    return path


def confirm_email_path(objects):
    from allauth.account.models import EmailConfirmationHMAC

    address = objects["citizen"].emailaddress_set.get()
    return reverse("account_confirm_email", kwargs={"key": EmailConfirmationHMAC(address).key})


def reset_password_from_key_path(objects):
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str

    user = objects["citizen"]
    return reverse(
        "account_reset_password_from_key",
        kwargs={
            "uidb36": user_pk_to_url_str(user),
            "key": default_token_generator.make_token(user),
        },
    )


def project(objects):
    return objects["project"].slug


def map_consultation(name):
    def path(objects):
        consultation = objects["map"]
        return reverse(
            name, kwargs={"project": consultation.project.slug, "slug": consultation.slug}
        )

    return path


def map_tile(objects):
    from maps.tiles import tile_of

    x, y = tile_of(49.4439, 7.7707, 15)  # the Stiftsplatz
    return reverse("maps:tile", args=[15, x, y])


def poll(objects):
    return objects["poll"].slug


def proposal(objects):
    return objects["proposal"].pk


def draft(objects):
    return objects["draft"].pk


def comment(objects):
    return objects["comment"].pk


def own_comment(objects):
    return objects["own_comment"].pk


# Every URL name -> how to build a path to a real object. Those in PUBLIC must answer 200
# to anybody; the others may redirect to the login, refuse a GET (405) or say 404 for a
# token that does not fit the visitor, but never fail, and always carry the headers.
URLS = {
    "home": plain("home"),
    "healthz": plain("healthz"),
    "healthz_session": plain("healthz_session"),
    "readyz": plain("readyz"),
    "maps:tile": map_tile,
    "contests:detail": lambda objects: objects["contest"].get_absolute_url(),
    "events:list": plain("events:list"),
    "events:feed": plain("events:feed"),
    "events:detail": lambda objects: objects["event"].get_absolute_url(),
    "events:ics": lambda objects: objects["event"].get_ics_url(),
    "plans:list": plain("plans:list"),
    "plans:csv": plain("plans:csv"),
    "plans:feed": plain("plans:feed"),
    "plans:detail": lambda objects: objects["plan"].get_absolute_url(),
    "mapconsultations:detail": map_consultation("mapconsultations:detail"),
    "mapconsultations:geojson": map_consultation("mapconsultations:geojson"),
    "mapconsultations:csv": map_consultation("mapconsultations:csv"),
    "mapconsultations:entry": lambda objects: objects["map_entry"].get_absolute_url(),
    "mapconsultations:support": lambda objects: (
        objects["map_entry"].get_absolute_url() + "unterstuetzen/"
    ),
    "mapconsultations:withdraw_support": lambda objects: (
        objects["map_entry"].get_absolute_url() + "unterstuetzung-zurueckziehen/"
    ),
    "admin:index": plain("admin:index"),
    "admin:login": plain("admin:login"),
    "accounts:profile": plain("accounts:profile"),
    "accounts:notifications": plain("accounts:notifications"),
    "accounts:language": plain("accounts:language"),
    "accounts:unsubscribe": unsubscribe_path,
    "privacy:data": plain("privacy:data"),
    "privacy:data_export": plain("privacy:data_export"),
    "privacy:delete": plain("privacy:delete"),
    "account_login": plain("account_login"),
    "account_logout": plain("account_logout"),
    "account_inactive": plain("account_inactive"),
    "account_signup": plain("account_signup"),
    "account_reauthenticate": plain("account_reauthenticate"),
    "account_email": plain("account_email"),
    "account_email_verification_sent": plain("account_email_verification_sent"),
    "account_change_password": plain("account_change_password"),
    "account_set_password": plain("account_set_password"),
    "account_reset_password": plain("account_reset_password"),
    "account_confirm_login_code": plain("account_confirm_login_code"),
    "account_confirm_email": confirm_email_path,
    "account_reset_password_from_key_done": plain("account_reset_password_from_key_done"),
    "account_reset_password_from_key": reset_password_from_key_path,
    "account_reset_password_done": plain("account_reset_password_done"),
    "account_request_login_code": plain("account_request_login_code"),
    "mfa_index": plain("mfa_index"),
    "mfa_authenticate": plain("mfa_authenticate"),
    "mfa_reauthenticate": plain("mfa_reauthenticate"),
    "mfa_activate_totp": plain("mfa_activate_totp"),
    "mfa_deactivate_totp": plain("mfa_deactivate_totp"),
    "mfa_view_recovery_codes": plain("mfa_view_recovery_codes"),
    "mfa_generate_recovery_codes": plain("mfa_generate_recovery_codes"),
    "mfa_download_recovery_codes": plain("mfa_download_recovery_codes"),
    "projects:list": plain("projects:list"),
    "projects:feed": plain("projects:feed"),
    "projects:detail": object_path("projects:detail", slug=project),
    "projects:follow": object_path("projects:follow", slug=project),
    "projects:unfollow": object_path("projects:unfollow", slug=project),
    "polls:list": plain("polls:list"),
    "polls:detail": object_path("polls:detail", slug=poll),
    "polls:results": object_path("polls:results", slug=poll),
    "polls:results_csv": object_path("polls:results_csv", slug=poll),
    "polls:results_spreadsheet": object_path("polls:results_spreadsheet", slug=poll),
    "proposals:list": plain("proposals:list"),
    "proposals:create": plain("proposals:create"),
    "proposals:detail": object_path("proposals:detail", pk=proposal),
    "proposals:update": object_path("proposals:update", pk=draft),
    "proposals:support": object_path("proposals:support", pk=proposal),
    "proposals:withdraw": object_path("proposals:withdraw", pk=proposal),
    "proposals:report": object_path("proposals:report", pk=proposal),
    "comments:create": plain("comments:create"),
    "comments:reply": object_path("comments:reply", pk=comment),
    "comments:delete": object_path("comments:delete", pk=own_comment),
    "comments:report": object_path("comments:report", pk=comment),
    "newsletter:subscribe": plain("newsletter:subscribe"),
    "newsletter:requested": plain("newsletter:requested"),
    "newsletter:confirm": newsletter_path("confirm"),
    "newsletter:end": plain("newsletter:end"),
    "newsletter:unsubscribe": newsletter_path("unsubscribe"),
    "pages:detail": object_path("pages:detail", slug=lambda objects: objects["page"].slug),
    "search": lambda objects: reverse("search") + "?q=Projekt",
    "documents:detail": lambda objects: objects["document"].get_absolute_url(),
    "documents:version": lambda objects: objects["document"].url("version", number=1),
    "documents:chapter": lambda objects: objects["document"].url("chapter", number=1, chapter=1),
    "documents:paragraph": lambda objects: objects["document"].url(
        "paragraph", number=1, paragraph=1
    ),
    "documents:discussion": lambda objects: objects["document"].get_discussion_url(),
    "documents:changes": lambda objects: objects["document"].url("changes", number=2),
    "documents:table": lambda objects: objects["document"].url("table"),
    "documents:table_csv": lambda objects: objects["document"].url("table_csv"),
    "documents:table_docx": lambda objects: objects["document"].url("table_docx"),
    "image_credits": plain("image_credits"),
    "share_card": lambda objects: reverse("share_card", args=["projekt", objects["project"].pk]),
}
PUBLIC = {
    "home",
    "documents:detail",
    "documents:version",
    "documents:chapter",
    "documents:paragraph",
    "documents:table",
    "documents:changes",
    "documents:discussion",
    "documents:table_csv",
    "documents:table_docx",
    "image_credits",
    "share_card",
    "contests:detail",
    "events:list",
    "events:feed",
    "events:detail",
    "events:ics",
    "plans:list",
    "plans:csv",
    "plans:feed",
    "plans:detail",
    "mapconsultations:detail",
    "mapconsultations:geojson",
    "mapconsultations:csv",
    "mapconsultations:entry",
    "healthz",
    "maps:tile",
    "healthz_session",
    "account_login",
    "account_signup",
    "account_reset_password",
    "account_request_login_code",
    "projects:list",
    "projects:feed",
    "projects:detail",
    "polls:list",
    "polls:detail",
    "polls:results",
    "polls:results_csv",
    "polls:results_spreadsheet",
    "proposals:list",
    "proposals:detail",
    "newsletter:subscribe",
    "pages:detail",
    "search",
}
# The back office is for staff only: its index and login stand for its other pages, which
# the same middleware serves (and which redirect anybody else to the login).
NOT_LISTED_NAMESPACES = {"admin"}


def url_names(patterns=None, namespace=""):
    """Every URL pattern's name ("polls:detail"), or its route where it has none."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            yield f"{namespace}{pattern.name or pattern.pattern}"


def test_every_url_pattern_is_covered():
    names = {n for n in url_names() if n.split(":")[0] not in NOT_LISTED_NAMESPACES}
    assert names - URLS.keys() == set(), "URL patterns without a security header check"
    assert URLS.keys() - set(url_names()) == set(), "checks for URL patterns that are gone"
    assert URLS.keys() >= PUBLIC


def test_production_settings_turn_on_the_protections():
    assert not PRODUCTION.DEBUG
    assert PRODUCTION.SECURE_SSL_REDIRECT
    assert PRODUCTION.SECURE_HSTS_SECONDS >= ONE_YEAR
    assert PRODUCTION.SECURE_HSTS_INCLUDE_SUBDOMAINS
    assert PRODUCTION.SESSION_COOKIE_SECURE and PRODUCTION.CSRF_COOKIE_SECURE
    # Scripts only from the site itself or with the nonce of the response.
    assert PRODUCTION.SECURE_CSP["script-src"] == [CSP.SELF, CSP.NONCE]
    assert PRODUCTION.SECURE_CSP["frame-ancestors"] == [CSP.NONE]


@pytest.fixture
def production(settings):
    for name in SECURITY_SETTINGS:
        setattr(settings, name, getattr(PRODUCTION, name))
    return settings


@pytest.fixture
def objects(db):
    citizen = UserFactory()
    project_ = ProjectFactory()
    ProjectUpdateFactory(project=project_)
    return {
        "citizen": citizen,
        "project": project_,
        "poll": poll_with_questions(project=project_),
        "proposal": ProposalFactory(project=project_),
        "draft": ProposalFactory(author=citizen, moderation_state=ModerationState.PENDING),
        "comment": CommentFactory(target=project_),
        "own_comment": CommentFactory(author=citizen, target=project_),
        "page": Page.objects.create(slug="impressum", title="Impressum", body="<p>Text</p>"),
        "subscriber": SubscriberFactory(pending=True),
        "map": (map_entry := EntryFactory(consultation__project=project_)).consultation,
        "map_entry": map_entry,
        "contest": ContestFactory(project=project_),
        "event": EventFactory(project=project_),
        "plan": ParticipationRequestFactory(plan__project=project_).plan,
        "document": published(published(project=project_), number=2),
    }


def csp_directives(header):
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def header_problems(response):
    """What is wrong with the security headers of one response (an empty list if nothing)."""
    problems = []
    hsts = response.headers.get("Strict-Transport-Security", "")
    max_age = re.search(r"max-age=(\d+)", hsts)
    if not max_age or int(max_age[1]) < ONE_YEAR or "includeSubDomains" not in hsts:
        problems.append(f"Strict-Transport-Security: {hsts!r}")
    if response.headers.get("X-Content-Type-Options") != "nosniff":
        problems.append(
            f"X-Content-Type-Options: {response.headers.get('X-Content-Type-Options')}"
        )
    if response.headers.get("Referrer-Policy") not in {"same-origin", "no-referrer"}:
        problems.append(f"Referrer-Policy: {response.headers.get('Referrer-Policy')}")
    if response.headers.get("X-Frame-Options") != "DENY":
        problems.append(f"X-Frame-Options: {response.headers.get('X-Frame-Options')}")
    header = response.headers.get("Content-Security-Policy")
    if not header:
        return [*problems, "no Content-Security-Policy"]
    csp = csp_directives(header)
    scripts = csp.get("script-src", csp.get("default-src", []))
    unsafe = {"'unsafe-inline'", "'unsafe-eval'", "*", "http:", "https:", "data:"}
    if not scripts or unsafe & set(scripts):
        problems.append(f"script-src: {scripts}")
    if csp.get("frame-ancestors") != ["'none'"]:
        problems.append(f"frame-ancestors: {csp.get('frame-ancestors')}")
    if csp.get("object-src") != ["'none'"]:
        problems.append(f"object-src: {csp.get('object-src')}")
    if "text/html" in response.headers.get("Content-Type", ""):
        problems += inline_code_problems(response.text, scripts)
    return problems


def inline_code_problems(html, scripts):
    """Inline code the CSP would block: scripts without this response's nonce, inline
    styles and event handlers (style-src has neither a nonce nor 'unsafe-inline')."""
    problems = []
    nonces = {value[len("'nonce-") : -1] for value in scripts if value.startswith("'nonce-")}
    for attributes in re.findall(r"<script\b([^>]*)>", html):
        nonce = re.search(r'\bnonce="([^"]+)"', attributes)
        # A data block (json_script) is never run; CSP does not apply to it.
        is_data = re.search(r'\btype="application/(ld\+)?json"', attributes)
        if "src=" not in attributes and not is_data and (not nonce or nonce[1] not in nonces):
            problems.append(f"inline script without the response's nonce: <script{attributes}>")
    if re.search(r"<style\b", html):
        problems.append("a <style> element")
    for attribute in re.findall(r"<[a-z][^>]*\s(style|on[a-z]+)=", html):
        problems.append(f"an inline {attribute}= attribute")
    return problems


def check_every_url(client, objects, *, signed_in):
    problems = {}
    for name, path_of in URLS.items():
        path = path_of(objects)
        response = client.get(path, secure=True)
        found = header_problems(response)
        if response.status_code >= 500:
            found.append(f"status {response.status_code}")
        if name in PUBLIC and not signed_in and response.status_code != 200:
            found.append(f"status {response.status_code}, public pages answer 200")
        if found:
            problems[f"{name} {path}" + (" (signed in)" if signed_in else "")] = found
    return problems


@pytest.mark.django_db
def test_every_url_sends_the_security_headers_over_https(production, objects):
    anonymous = Client()
    citizen = Client()
    citizen.force_login(objects["citizen"])
    problems = check_every_url(anonymous, objects, signed_in=False)
    problems |= check_every_url(citizen, objects, signed_in=True)
    assert problems == {}


@pytest.mark.django_db
def test_plain_http_is_redirected_to_https_except_the_health_check(production):
    client = Client()
    response = client.get("/projekte/?thema=verkehr")
    assert response.status_code == 301
    assert response.headers["Location"] == "https://testserver/projekte/?thema=verkehr"
    # No HSTS over plain HTTP: browsers ignore it there (RFC 6797, 8.1).
    assert "Strict-Transport-Security" not in response.headers
    # Load balancers probe the health check over plain HTTP.
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code != 301  # and monitors the readiness
