"""Closing the loop in Chromium: a voter reads what became of a closed poll, finds the next
stand and takes it (and the whole calendar) home; a citizen asks to be involved in a planned
project, a moderator releases the request and the city answers it. axe on every page, the
admin's included.

The Vorhabenliste is new and its German may not be there yet: its pages are found by
address, ids, roles and data, never by their words.
"""

import datetime
import re
from pathlib import Path

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from plans.models import ParticipationRequest, Plan
from polls.models import Poll
from polls.services import publish_results
from progress.models import Milestone
from tests.accounts.factories import PASSWORD, UserFactory
from tests.e2e.test_proposals_journey import sign_in
from tests.events.factories import EventFactory
from tests.plans.factories import DepartmentFactory, PlanFactory
from tests.polls.factories import BallotFactory, ChoiceFactory, PollFactory, QuestionFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

STAND = "Stand auf dem Wochenmarkt"
REASON = "Der Platz gehört allen. Bitte fragen Sie uns, bevor die Pläne fertig sind."
RESPONSE = "Danke! Wir schlagen dem Stadtrat eine Werkstatt auf dem Platz vor."


def test_a_voter_reads_what_became_of_the_vote_and_takes_the_next_stand_home(new_tab, live_server):
    editor = UserFactory(username="Redaktion", is_staff=True, groups=["Redaktion"])
    voter = UserFactory(username="Lauterer", email="lauterer@example.org")
    poll = PollFactory(
        state="closed",
        title="Was passiert auf dem Platz?",
        results_visibility=Poll.ResultsVisibility.PUBLISHED,
    )
    question = QuestionFactory(poll=poll, text="Was soll auf dem Platz stattfinden?")
    dance = ChoiceFactory(question=question, label="Tanzabend")
    ChoiceFactory(question=question, label="Straßenmalerei")
    BallotFactory(poll=poll, user=voter, choices=[dance])
    publish_results(poll=poll, by=editor)
    Milestone.objects.create(
        target=poll,
        date=timezone.localdate() - datetime.timedelta(days=3),
        status=Milestone.Status.DONE,
        title="Ergebnis im Bauausschuss vorgestellt",
        is_published=True,
    )
    stand = EventFactory(
        title=STAND,
        slug="stand-wochenmarkt",
        days=4,
        what_to_do="Auf Papier über die nächste Runde abstimmen.",
    )

    # The voter opens the results and reads the step the city has taken since.
    citizen = new_tab()
    sign_in(citizen, voter.email, poll.get_results_url())
    page = citizen.page
    became = page.get_by_role("region", name="Was daraus wurde")
    [step] = became.get_by_role("listitem").all()
    assert "Ergebnis im Bauausschuss vorgestellt" in step.inner_text()

    # From the footer to the events, and the next stand into the calendar.
    page.get_by_role("contentinfo").get_by_role("link", name="Termine und Stände").click()
    page.wait_for_url("**/termine/")
    citizen.check_page()
    feed = page.get_by_role("link", name="Kalender abonnieren (iCalendar)").get_attribute("href")
    assert feed == "/termine/kalender.ics"
    page.get_by_role("link", name=STAND).click()
    page.wait_for_url(f"**{stand.get_absolute_url()}")
    citizen.check_page()
    assert page.get_by_role("heading", level=1).inner_text() == STAND
    with page.expect_download() as download:
        page.locator(f'a[href="{stand.get_ics_url()}"]').click()
    calendar = icalendar.Calendar.from_ical(Path(download.value.path()).read_bytes())
    [event] = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == STAND

    # The feed a calendar program subscribes to holds the stand as well.
    answer = page.request.get(live_server.url + feed)
    assert answer.ok
    assert answer.headers["content-type"].startswith("text/calendar")
    feed_calendar = icalendar.Calendar.from_ical(answer.body())
    assert [str(item["SUMMARY"]) for item in feed_calendar.walk("VEVENT")] == [STAND]


def choose_by_keyboard(page, select, value):
    """Arrow keys on a focused select, as a keyboard user chooses an option."""
    select.focus()
    for _ in range(select.locator("option").count()):
        if select.input_value() == value:
            return
        page.keyboard.press("ArrowDown")
    assert select.input_value() == value


def test_a_citizen_asks_to_be_involved_and_the_city_answers(new_tab):
    citizen_user = UserFactory(username="Stiftsplatzfan", email="platz@example.org")
    UserFactory(email="moderation@example.org", is_staff=True, groups=["Moderation"])
    department = DepartmentFactory(name="Referat Stadtentwicklung", slug="stadtentwicklung")
    plan = PlanFactory(
        title="Umgestaltung des Stiftsplatzes",
        slug="umgestaltung-stiftsplatz",
        department=department,
        participation=Plan.Participation.UNDECIDED,
    )
    PlanFactory(
        title="Radverkehrskonzept",
        department=department,
        participation=Plan.Participation.RUNNING,
    )
    PlanFactory(
        title="Straßenausbau",
        department=department,
        participation=Plan.Participation.NONE,
        participation_reason="Pflichtaufgabe nach Straßenausbausatzung.",
    )

    # A citizen finds the Vorhabenliste in the footer and filters it by keyboard.
    citizen = new_tab()
    citizen.visit("/")
    page = citizen.page
    page.get_by_role("contentinfo").locator('a[href="/vorhaben/"]').click()
    page.wait_for_url("**/vorhaben/")
    citizen.check_page()
    plan_links = page.get_by_role("main").locator("article h2 a")
    assert plan_links.count() == 3
    choose_by_keyboard(page, page.locator("select[name=beteiligung]"), "undecided")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/vorhaben/\?.*beteiligung=undecided"))
    citizen.check_page()
    assert [link.get_attribute("href") for link in plan_links.all()] == [plan.get_absolute_url()]
    plan_links.first.click()
    page.wait_for_url(f"**{plan.get_absolute_url()}")
    citizen.check_page()

    # She signs in from the plan's page and is back there, with the form to ask.
    requests = page.locator("section[aria-labelledby=anfragen]")
    requests.locator('a[href^="/konto/login/"]').click()
    page.wait_for_url("**/konto/login/**")
    citizen.check_page()
    page.get_by_label("E-Mail-Adresse*", exact=True).fill(citizen_user.email)
    page.get_by_label("Passwort*", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(f"**{plan.get_absolute_url()}")
    citizen.check_page()

    # She asks; the request waits for release, visible to her only.
    requests.locator("textarea[name=reason]").fill(REASON)
    requests.locator("form button[type=submit]").click()
    request = ParticipationRequest.objects.get(plan=plan)
    page.wait_for_url(f"**{plan.get_absolute_url()}#anfrage-{request.pk}")
    citizen.check_page()
    assert request.is_pending and request.author == citizen_user
    own = page.locator(f"#anfrage-{request.pk}")
    assert own.is_visible() and REASON in own.inner_text()
    assert requests.locator("textarea[name=reason]").count() == 0  # once per person

    visitor = new_tab()
    visitor.visit(plan.get_absolute_url())
    assert visitor.page.locator(f"#anfrage-{request.pk}").count() == 0

    # A moderator releases it in the queue.
    moderator = new_tab()
    sign_in(moderator, "moderation@example.org", "/admin/", staff=True)
    moderator.page.get_by_role("link", name="wartet auf Freigabe").first.click()
    moderator.check_page()
    moderator.page.locator(
        f'input[name=items][value^="plans.participationrequest:{request.pk}:"]'
    ).check()
    moderator.page.get_by_label("Freigeben", exact=True).check()
    moderator.page.get_by_role("button", name="Auf die ausgewählten Beiträge anwenden").click()
    moderator.check_page()
    assert moderator.page.get_by_text("1 Beitrag freigegeben.").is_visible()
    request.refresh_from_db()
    assert request.is_published and request.published_at

    # Now everyone sees it, and it counts: once on the page and once in the list.
    visitor.visit(plan.get_absolute_url())
    public = visitor.page.locator(f"li#anfrage-{request.pk}")
    assert public.is_visible() and REASON in public.inner_text()
    assert Plan.objects.with_request_count().get(pk=plan.pk).request_count == 1
    count = visitor.page.locator("section[aria-labelledby=anfragen] > p").first
    assert count.inner_text().startswith("1 ")
    visitor.visit("/vorhaben/")
    listed = visitor.page.locator("article").filter(
        has=visitor.page.locator(f'a[href="{plan.get_absolute_url()}"]')
    )
    assert listed.locator("li").filter(has_text=re.compile(r"^1 ")).count() == 1

    # The moderator answers for the city on the request's admin page.
    moderator.visit(reverse("admin:plans_participationrequest_change", args=[request.pk]))
    moderator.page.locator("textarea[name=response]").fill(RESPONSE)
    moderator.page.locator("input[name=_save]").click()
    moderator.page.wait_for_url(f"**{reverse('admin:plans_participationrequest_changelist')}")
    moderator.check_page()
    request.refresh_from_db()
    assert request.response == RESPONSE and request.response_at
    assert request.response_by.email == "moderation@example.org"

    # The citizen reads the answer under her request.
    citizen.visit(plan.get_absolute_url())
    answer = citizen.page.locator(f"#anfrage-{request.pk} .official-response")
    assert answer.is_visible() and RESPONSE in answer.inner_text()
    visitor.visit(plan.get_absolute_url())
    assert RESPONSE in visitor.page.locator(f"#anfrage-{request.pk}").inner_text()
