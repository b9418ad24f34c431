"""What axe cannot see, in Chromium (BITV 2.0): the results and project pages reflow at 320 px
and at 200 % zoom, the keyboard focus shows at 3:1 on links, buttons and form controls, and the
result bars keep their online and paper parts in forced-colours mode."""

import datetime
import io

import pytest
from django.utils import timezone
from PIL import Image

from polls.models import Poll, Question
from tests.accounts.factories import UserFactory
from tests.e2e import page_checks
from tests.polls.factories import (
    BallotFactory,
    ChoiceFactory,
    PaperBatchFactory,
    PollFactory,
    QuestionFactory,
)
from tests.projects.factories import PhaseFactory, ProjectFactory, ProjectUpdateFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# 1280 px of window at 200 % zoom.
ZOOM_200_WIDTH = 640


@pytest.fixture
def results(migration_data):
    """Live results with online and paper votes for every answer."""
    project = ProjectFactory(title="Stadt.Raum.Wir.", slug="stadt-raum-wir")
    poll = PollFactory(
        project=project,
        title="Stadt.Raum.Wir.: Was kommt als Nächstes auf den Platz?",
        slug="was-kommt-auf-den-platz",
        results_visibility=Poll.ResultsVisibility.LIVE,
    )
    question = QuestionFactory(
        poll=poll, text="Welche Idee soll als Nächstes auf dem Platz stattfinden?"
    )
    choices = [
        ChoiceFactory(question=question, label=label)
        for label in ("Strandbar mit Liegestühlen", "Open-Air-Kino", "Flohmarkt")
    ]
    for choice, voters in zip(choices, (3, 2, 1), strict=True):
        for _ in range(voters):
            BallotFactory(poll=poll, choices=[choice])
    staff = UserFactory(is_staff=True)
    PaperBatchFactory(
        poll=poll,
        place="Stand auf dem Wochenmarkt",
        ballots_count=6,
        counts={choices[0]: 1, choices[1]: 2, choices[2]: 3},
        confirmed_by=staff,
        confirmed_at=timezone.now(),
    )
    return poll


def test_results_page_reflows_at_320_px_and_at_200_percent_zoom(journey, results):
    page = journey.page
    # visit() checks reflow at 320 px on every page, with the name of what sticks out.
    journey.visit(results.get_results_url())
    page_checks.check_reflow(page, width=ZOOM_200_WIDTH)

    # At 320 px the table scrolls inside its own region, which the keyboard can reach.
    page.set_viewport_size({"width": 320, "height": 720})
    region = page.get_by_role("region", name="Stimmen für „Welche Idee soll")
    assert region.evaluate("el => el.scrollWidth > el.clientWidth")
    region.focus()
    page.keyboard.press("ArrowRight")
    # Chromium scrolls smoothly: wait for the region to move.
    page.wait_for_function("el => el.scrollLeft > 0", arg=region.element_handle())
    assert page.get_by_role("row", name="Strandbar mit Liegestühlen").is_visible()


def test_project_page_reflows_at_320_px_and_at_200_percent_zoom(journey, migration_data):
    today = timezone.localdate()
    project = ProjectFactory(
        title="Stadt.Raum.Wir.",
        slug="stadt-raum-wir",
        accepts_proposals=True,
        proposals_until=today + datetime.timedelta(days=30),
    )
    PhaseFactory(project=project, title="Bürgerwerkstätten")
    ProjectUpdateFactory(project=project, title="Die Abstimmung läuft")
    journey.visit(project.get_absolute_url())
    page_checks.check_reflow(journey.page, width=ZOOM_200_WIDTH)


@pytest.fixture
def survey(migration_data):
    poll = PollFactory(
        title="Umfrage zur Ausprobierbox",
        slug="umfrage-ausprobierbox",
        eligibility=Poll.Eligibility.GUESTS,
    )
    where = QuestionFactory(poll=poll, position=1, text="Wo soll die Box stehen?")
    for label in ("Hauptbahnhof", "Uni-Campus"):
        ChoiceFactory(question=where, label=label)
    what = QuestionFactory(
        poll=poll, position=2, text="Was soll die Box können?", kind=Question.Kind.MULTIPLE
    )
    for label in ("Pakete abholen", "Kühlfach"):
        ChoiceFactory(question=what, label=label)
    QuestionFactory(poll=poll, position=3, text="Was noch?", kind=Question.Kind.TEXT)
    return poll


def test_focus_is_visible_at_3_to_1_on_nav_links_buttons_and_form_controls(journey, survey):
    """Bootstrap's focus rings of .nav-link, .btn and form controls are 1.4–2.6:1."""
    page = journey.page
    checked = []
    for path in ["/projekte/", survey.get_absolute_url(), "/konto/signup/"]:
        journey.visit(path)  # fails on any element without an outline of 3:1
        checked += page_checks.check_focus_visible(page)

    def kinds(css_class):
        return [element for element in checked if f".{css_class}" in element]

    for css_class in ["nav-link", "btn", "form-select", "form-check-input", "form-control"]:
        assert kinds(css_class), f"no .{css_class} was checked"
    assert [element for element in checked if element.startswith("a ")], "no plain link"


def test_forced_colours_keep_the_online_and_paper_bars_and_their_legend(journey, results):
    page = journey.page
    page.emulate_media(forced_colors="active")
    journey.visit(results.get_results_url())
    canvas = page.evaluate(
        """() => {
            const probe = document.createElement("span");
            probe.style.color = "Canvas";
            document.body.append(probe);
            const color = getComputedStyle(probe).color;
            probe.remove();
            return color.match(/\\d+/g).slice(0, 3).map(Number);
        }"""
    )

    def ink_share(locator):
        """The share of pixels inside the element's border that differ from the page."""
        locator.scroll_into_view_if_needed()
        box = locator.evaluate(
            """el => {
                const rect = el.getBoundingClientRect();
                const style = getComputedStyle(el);
                const left = parseFloat(style.borderLeftWidth);
                const top = parseFloat(style.borderTopWidth);
                return {
                    x: rect.x + left,
                    y: rect.y + top,
                    width: rect.width - left - parseFloat(style.borderRightWidth),
                    height: rect.height - top - parseFloat(style.borderBottomWidth),
                };
            }"""
        )
        assert box["width"] >= 4 and box["height"] >= 4, f"{locator} has no area: {box}"
        image = Image.open(io.BytesIO(page.screenshot(clip=box))).convert("RGB")
        pixels = list(image.get_flattened_data())
        far = [p for p in pixels if sum(abs(a - b) for a, b in zip(p, canvas, strict=True)) > 96]
        return len(far) / len(pixels)

    rows = page.locator(".results-table tbody tr")
    assert rows.count() == 3
    for index in range(3):
        online = ink_share(rows.nth(index).locator(".result-bar-online"))
        paper = ink_share(rows.nth(index).locator(".result-bar-paper"))
        assert online > 0.9, f"row {index}: the online bar is {online:.0%} painted"
        assert 0.2 < paper < 0.8, f"row {index}: the paper bar is {paper:.0%} painted, not striped"

    legend = page.locator(".bar-legend")
    assert ink_share(legend.locator(".result-bar-online")) > 0.9
    assert 0.2 < ink_share(legend.locator(".result-bar-paper")) < 0.8
