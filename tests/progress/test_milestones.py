"""„Was daraus wurde“: the milestones of a poll or a proposal, on their pages, in date order,
with how many steps are done."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from progress.models import Milestone
from tests.polls.factories import PollFactory
from tests.proposals.factories import ProposalFactory

pytestmark = pytest.mark.django_db


def milestone(target, title, days, status=Milestone.Status.DONE, **kwargs):
    return Milestone.objects.create(
        target=target,
        title=title,
        date=datetime.date(2022, 7, 1) + datetime.timedelta(days=days),
        status=status,
        **kwargs,
    )


def test_the_results_of_a_poll_show_what_became_of_it(client):
    poll = PollFactory(state="closed", title="Stadt.Raum.Wir. 2022")
    milestone(poll, "„Lautern tanzt“ auf dem Platz", 60)
    milestone(poll, "Ergebnis im Stadtrat vorgestellt", 10)
    milestone(poll, "Nächste Runde vorbereitet", 200, status=Milestone.Status.PLANNED)
    milestone(poll, "Entwurf", 5, is_published=False)
    page = client.get(poll.get_results_url()).content.decode()
    assert "Was daraus wurde" in page
    assert "2 von 3 Schritten erledigt." in page
    assert page.index("Ergebnis im Stadtrat") < page.index("Lautern tanzt")
    assert "Entwurf" not in page


def test_a_proposal_shows_what_became_of_it(client):
    proposal = ProposalFactory(title="Trinkbrunnen am Stiftsplatz")
    milestone(proposal, "Brunnen bestellt", 1, status=Milestone.Status.IN_PROGRESS)
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "Was daraus wurde" in page and "Brunnen bestellt" in page and "In Arbeit" in page


def test_without_milestones_nothing_is_said(client):
    poll = PollFactory(state="closed")
    assert "Was daraus wurde" not in client.get(poll.get_results_url()).content.decode()


def results_queries(client, count):
    poll = PollFactory(state="closed")
    for day in range(count):
        milestone(poll, f"Schritt {day}", day)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(poll.get_results_url()).status_code == 200
    return len(queries)


def test_the_results_page_takes_the_same_queries_for_1_and_10_milestones(client):
    assert results_queries(client, 1) == results_queries(client, 10)


def test_editors_record_milestones_on_the_polls_admin_page(client, editor):
    poll = PollFactory(state="closed")
    client.force_login(editor)
    page = client.get(f"/admin/polls/poll/{poll.pk}/change/").content.decode()
    assert "progress-milestone-content_type-object_id-TOTAL_FORMS" in page


def test_the_demo_tells_what_became_of_stadt_raum_wir_2022(client, seeded_demo):
    from polls.models import Poll

    poll = Poll.objects.get(slug="stadt-raum-wir-2022")
    page = client.get(poll.get_results_url()).content.decode()
    assert "„Lautern tanzt“ auf dem Platz" in page
    assert "2 von 3 Schritten erledigt." in page
