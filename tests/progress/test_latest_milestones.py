"""The start page names the latest steps done, of what the public may see, with links to
where each stands."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from moderation.models import ModerationState
from progress.models import Milestone
from tests.polls.factories import PollFactory
from tests.projects.factories import ProjectFactory
from tests.proposals.factories import ProposalFactory

from .factories import MilestoneFactory

pytestmark = pytest.mark.django_db


def test_the_start_page_names_the_three_latest_steps_done(client):
    project = ProjectFactory(title="Sensornetz")
    poll = PollFactory(state="closed", title="Stadt.Raum.Wir. 2022")
    proposal = ProposalFactory(title="Trinkbrunnen am Stiftsplatz")
    MilestoneFactory(target=project, title="Ältester Schritt", days=1)
    MilestoneFactory(target=poll, title="Dritter Schritt", days=2)
    MilestoneFactory(target=proposal, title="Zweiter Schritt", days=3)
    MilestoneFactory(target=project, title="Neuester Schritt", days=4)
    MilestoneFactory(target=project, title="Geplant", days=9, status=Milestone.Status.PLANNED)
    MilestoneFactory(target=project, title="Entwurf", days=9, is_published=False)

    page = client.get("/").content.decode()
    assert "Was daraus wurde" in page
    assert page.index("Neuester") < page.index("Zweiter") < page.index("Dritter")
    assert '<time class="small text-body-secondary d-block" datetime="2022-07-05">' in page
    for left_out in ("Ältester", "Geplant", "Entwurf"):
        assert left_out not in page
    assert f'href="{project.get_absolute_url()}#was-daraus-wurde"' in page
    assert f'href="{poll.get_results_url()}#was-daraus-wurde"' in page
    assert f'href="{proposal.get_absolute_url()}#was-daraus-wurde"' in page
    assert "Stadt.Raum.Wir. 2022" in page and "Trinkbrunnen am Stiftsplatz" in page


def test_the_start_page_names_no_step_of_what_the_public_may_not_see(client):
    # Newer than the steps shown: the three are chosen among what may be seen.
    MilestoneFactory(target=PollFactory(is_published=False), title="Geheim A", days=10)
    MilestoneFactory(
        target=ProposalFactory(moderation_state=ModerationState.PENDING),
        title="Geheim B",
        days=11,
    )
    MilestoneFactory(target=ProjectFactory(is_published=False), title="Geheim C", days=12)
    for number in range(3):
        MilestoneFactory(title=f"Sichtbar {number}", days=number)

    page = client.get("/").content.decode()
    for number in range(3):
        assert f"Sichtbar {number}" in page
    assert "Geheim" not in page


def test_without_steps_done_the_start_page_says_nothing_of_them(client):
    MilestoneFactory(status=Milestone.Status.IN_PROGRESS)
    MilestoneFactory(target=PollFactory(is_published=False))
    assert "Was daraus wurde" not in client.get("/").content.decode()


def start_page_queries(client, count):
    targets = [ProjectFactory(), PollFactory(state="closed"), ProposalFactory()]
    for number in range(count):
        MilestoneFactory(target=targets[number % len(targets)], days=number)
    client.get("/")  # the content types get cached
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert response.content.decode().count("#was-daraus-wurde") == 3
    return len(queries)


def test_the_start_page_takes_the_same_queries_for_3_or_30_steps(client):
    assert start_page_queries(client, 3) == start_page_queries(client, 30)
