"""„Was daraus wurde“ in Chromium: the results of a closed poll tell what became of it;
axe on the page."""

import datetime

import pytest

from polls.models import Poll
from progress.models import Milestone
from tests.polls.factories import ChoiceFactory, PollFactory, QuestionFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_voter_reads_what_became_of_a_closed_poll(journey, migration_data):
    poll = PollFactory(
        state="closed",
        title="Stadt.Raum.Wir. 2022",
        slug="stadt-raum-wir-2022",
        results_visibility=Poll.ResultsVisibility.AFTER_CLOSE,
    )
    question = QuestionFactory(poll=poll, text="Was soll auf dem Platz stattfinden?")
    ChoiceFactory(question=question, label="Tanzabend „Lautern tanzt“")
    for day, status, title in (
        (20, Milestone.Status.DONE, "Ergebnis im Bauausschuss vorgestellt"),
        (60, Milestone.Status.DONE, "„Lautern tanzt“ auf dem Platz"),
        (400, Milestone.Status.PLANNED, "Nächste Runde"),
    ):
        Milestone.objects.create(
            target=poll,
            date=datetime.date(2022, 7, 1) + datetime.timedelta(days=day),
            status=status,
            title=title,
        )
    journey.visit(poll.get_results_url())
    page = journey.page
    section = page.get_by_role("region", name="Was daraus wurde")
    assert section.get_by_text("2 von 3 Schritten erledigt.").is_visible()
    items = section.get_by_role("listitem")
    assert items.count() == 3
    assert "Ergebnis im Bauausschuss" in items.nth(0).inner_text()
    assert "Geplant" in items.nth(2).inner_text()
