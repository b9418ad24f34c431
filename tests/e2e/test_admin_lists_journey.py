"""A moderator in Chromium at 1280 × 800 (the admin's menu and the filters beside the list):
the key columns of the admin's lists are in view without scrolling the table sideways, the
state first. With the demo content and the longest public names allowed. On the way, the
public header shows how much waits for release."""

import pytest
from django.core.management import call_command

from demo.accounts import DEMO_PASSWORD, DEMO_TOTP_SECRET
from moderation.models import count_pending
from polls.models import Poll
from tests.accounts.factories import UserFactory
from tests.e2e.conftest import enter_second_factor
from tests.polls.factories import PaperBatchFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WIDTH, HEIGHT = 1280, 800
# list: (its first column: the state, or the date in the decision log; the other columns
# that must be in view)
LISTS = {
    "/admin/polls/paperbatch/": ("state", ["batch", "entered_by", "confirmed_by"]),
    "/admin/comments/comment/": ("moderation_state", ["excerpt", "target_link", "author"]),
    "/admin/proposals/proposal/": ("moderation_state", ["status", "title", "submitted"]),
    "/admin/moderation/report/": ("state", ["reason", "contribution_link", "reporter"]),
    "/admin/moderation/decision/": ("created_at", ["kind", "contribution", "moderator"]),
}
LAYOUT = """() => {
    const results = document.querySelector('#changelist-form .results');
    const box = results.getBoundingClientRect();
    const columns = [...results.querySelectorAll('thead th')]
        .filter(th => !th.classList.contains('action-checkbox-column'))
        .map(th => {
            const rect = th.getBoundingClientRect();
            const name = [...th.classList].find(c => c.startsWith('column-')).slice(7);
            return [name, rect.left, rect.right];
        });
    return {
        scrollWidth: results.scrollWidth,
        clientWidth: results.clientWidth,
        left: box.left,
        right: box.right,
        columns: columns,
    };
}"""


@pytest.fixture
def demo(settings, migration_data):
    settings.DEBUG = True
    call_command("seed_demo", "--without-renditions", verbosity=0)
    settings.DEBUG = False
    # The longest public names there may be (30 characters), on a batch confirmed by another.
    poll = Poll.objects.get(title__startswith="Stadt.Raum.Wir.:")
    PaperBatchFactory(
        poll=poll,
        place="Stand auf dem Wochenmarkt am Stiftsplatz",
        entered_by=UserFactory(username="Redaktion_Kaiserslautern_Mitte", is_staff=True),
        confirmed_by=UserFactory(username="Moderation_Kaiserslautern_Ost", is_staff=True),
        confirmed_at="2026-06-01T12:00:00+02:00",
    )


@pytest.fixture
def wide_desk(browser, live_server):
    from tests.e2e.conftest import Journey

    context = browser.new_context(locale="de-DE", viewport={"width": WIDTH, "height": HEIGHT})
    yield Journey(context.new_page(), live_server.url)
    context.close()


def test_key_columns_of_the_admin_lists_are_in_view_at_1280_pixels(wide_desk, demo):
    journey = wide_desk
    page = journey.page
    page.set_default_timeout(10_000)
    journey.visit("/konto/login/")
    page.get_by_label("E-Mail-Adresse*", exact=True).fill("moderation@example.org")
    page.get_by_label("Passwort*", exact=True).fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    enter_second_factor(journey, DEMO_TOTP_SECRET)
    page.wait_for_url("**/admin/")

    # On the public site the header says how much waits for release, in words too.
    journey.visit("/")
    waiting = count_pending()
    assert waiting > 1
    admin_link = page.get_by_role(
        "link", name=f"Verwaltung {waiting} Beiträge warten auf Freigabe"
    )
    assert admin_link.is_visible()

    for path, (first, key_columns) in LISTS.items():
        journey.visit(path)
        layout = page.evaluate(LAYOUT)
        columns = {name: (left, right) for name, left, right in layout["columns"]}
        assert layout["scrollWidth"] <= layout["clientWidth"], (
            f"{path}: the table scrolls sideways ({layout['scrollWidth']} px in "
            f"{layout['clientWidth']} px)"
        )
        assert layout["columns"][0][0] == first, f"{path}: {layout['columns'][0][0]} comes first"
        for name in [first, *key_columns]:
            left, right = columns[name]
            assert layout["left"] <= left and right <= min(layout["right"], WIDTH), (
                f"{path}: the column {name} ({left}–{right} px) is out of view"
            )
