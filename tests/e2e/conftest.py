"""Browser journeys: Playwright drives Debian's Chromium against pytest-django's live server.

Every page a journey visits goes through `visit()` or `check_page()`, which run axe-core
(WCAG 2.0/2.1, levels A and AA) and fail the test on any violation, and which also check what
axe cannot: that public pages reflow at 320 CSS px without scrolling sideways, and that every
focusable element shows a focus outline of 3:1 (tests/e2e/page_checks.py).
"""

import os
import shutil
import threading
import time

import pytest

from tests.e2e import page_checks

# Playwright's sync API runs an event loop in the test thread; the ORM must still work there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Reports every CSP violation of every page to the test. Init scripts run before the page's
# own and are not subject to its CSP; the function is a Playwright binding, not a request.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    window.reportCspViolation(
        `${event.effectiveDirective} blocked ${event.blockedURI || "inline code"}`
        + ` in ${event.sourceFile || document.location.href}:${event.lineNumber}`
    );
});
"""


def _chromium_missing_message():
    return (
        f"Chromium not found at {CHROMIUM}: install it with `apt-get install chromium` "
        "(Playwright's own browser download does not work here)."
    )


@pytest.fixture(scope="session")
def browser():
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        if os.environ.get("CI") == "true":
            pytest.fail(_chromium_missing_message())
        pytest.skip(_chromium_missing_message())
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


class Journey:
    """A browser tab that checks accessibility and same-origin loading on every page."""

    def __init__(self, page, base_url, run_axe=True):
        # axe-core needs JavaScript; a run without it repeats pages already scanned with it.
        self.run_axe = run_axe
        self.page = page
        self.base_url = base_url
        self.foreign_requests = []
        self.csp_violations = []
        page.on("request", self._record_request)
        page.on("console", self._record_console)
        page.expose_function("reportCspViolation", self._record_csp_violation)
        page.add_init_script(REPORT_CSP_VIOLATIONS)

    def _record_request(self, request):
        if not request.url.startswith((self.base_url, "data:", "about:")):
            self.foreign_requests.append(request.url)

    def _record_csp_violation(self, report):
        self.csp_violations.append(report)

    def _record_console(self, message):
        if "Content Security Policy" in message.text:
            self.csp_violations.append(message.text)

    def visit(self, path):
        response = self.page.goto(self.base_url + path)
        assert response is not None and response.ok, (
            f"{path} answered {response and response.status}"
        )
        self.check_page()
        return response

    def check_page(self):
        """Run axe-core, the reflow and the focus check on the current page; fail on any finding.

        Focus, selection and scroll position are as before, so a journey can go on typing.
        """
        from axe_playwright_python.sync_playwright import Axe

        self.page.wait_for_load_state("load")
        # One round trip, so that the page's violation reports have arrived.
        self.page.evaluate("() => document.readyState")
        if self.run_axe:
            results = Axe().run(
                self.page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}}
            )
            assert results.violations_count == 0, (
                f"axe-core found violations on {self.page.url}:\n{results.generate_report()}"
            )
        assert not self.foreign_requests, f"requests to other hosts: {self.foreign_requests}"
        assert not self.csp_violations, f"CSP violations: {self.csp_violations}"
        # The admin is for staff at their desks; it need not reflow at 320 px.
        if not page_checks.is_admin(self.page.url):
            page_checks.check_reflow(self.page)
        page_checks.check_focus_visible(self.page)


# Data migrations whose rows every journey needs. The live server's transactional tests
# empty all tables afterwards, so each journey runs these (idempotent) migrations again.
DATA_MIGRATIONS = [
    ("accounts", "0002_staff_groups"),
    ("projects", "0002_editor_permissions"),
    ("polls", "0002_staff_permissions"),
    ("moderation", "0002_staff_permissions"),
    ("proposals", "0002_staff_permissions"),
    ("proposals", "0008_idea_contests"),
    ("proposals", "0009_paper_supports"),
    ("comments", "0002_staff_permissions"),
    ("newsletter", "0002_staff_permissions"),
    ("maps", "0002_editor_permissions"),
    ("events", "0002_editor_permissions"),
    ("progress", "0002_staff_permissions"),
    ("mapconsultations", "0003_paper_entries"),
    ("plans", "0002_staff_permissions"),
    ("comments", "0006_written_comments"),
    ("documents", "0002_staff_permissions"),
]


@pytest.fixture
def migration_data(transactional_db):
    from django.contrib.contenttypes.models import ContentType
    from django.db import DEFAULT_DB_ALIAS, connections
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.operations import RunPython

    loader = MigrationLoader(connections[DEFAULT_DB_ALIAS])
    for key in DATA_MIGRATIONS:
        state = loader.project_state(key)
        for operation in loader.get_migration(*key).operations:
            if isinstance(operation, RunPython):
                operation.code(state.apps, None)
    # The migrations may have created content types anew (after a flush without
    # post_migrate, e.g. behind a serialized_rollback test); forget the ids cached before.
    ContentType.objects.clear_cache()


@pytest.fixture
def journey(browser, live_server, migration_data):
    context = browser.new_context(locale="de-DE", base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield Journey(page, live_server.url)
    context.close()


@pytest.fixture
def new_tab(browser, live_server, migration_data):
    """Opens a browser of another person (its own cookies) as a Journey; all are closed
    when the test ends."""
    contexts = []

    def open_tab():
        context = browser.new_context(locale="de-DE")
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        return Journey(page, live_server.url)

    yield open_tab
    for context in contexts:
        context.close()


def _live_server_request_threads():
    # The live server answers each browser connection in a thread of its own, named
    # after socketserver's process_request_thread.
    return [
        thread
        for thread in threading.enumerate()
        if thread.name.endswith("(process_request_thread)")
    ]


@pytest.fixture(autouse=True)
def _no_browser_connection_outlives_the_journey(request):
    """A browser context left open keeps its connections to the live server, and each
    keeps a server thread with its own database connection alive until the browser quits
    at the end of the session. PostgreSQL then cannot drop the test database, and with
    SQLite the threads touch the shared connection after the server stopped sharing it
    ("DatabaseWrapper objects created in a thread can only be used in that same thread").
    So every journey closes the contexts it opens, and this fails the one that does not."""
    yield
    if "live_server" not in request.fixturenames:
        return
    deadline = time.monotonic() + 5
    while _live_server_request_threads() and time.monotonic() < deadline:
        time.sleep(0.05)
    threads = _live_server_request_threads()
    assert not threads, (
        f"{len(threads)} connection(s) to the live server still open after the test: "
        "close every browser context the journey opens (context.close(), or the new_tab "
        "fixture)"
    )


def enter_second_factor(journey, secret=None):
    """The step after the password for staff: the code from their authenticator app."""
    from tests.accounts.factories import STAFF_TOTP_SECRET, totp_code

    page = journey.page
    page.wait_for_url("**/konto/2fa/authenticate/**")
    journey.check_page()
    page.get_by_role("textbox", name="Code").fill(totp_code(secret or STAFF_TOTP_SECRET))
    page.get_by_role("button", name="Anmelden").click()


@pytest.fixture(autouse=True)
def _pages_cached_as_in_production(page_cache):
    """Journeys get public pages from the cache as visitors do: a write that leaves a page
    out of date fails the journey that looks at it next."""
