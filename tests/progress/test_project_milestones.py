"""„Was daraus wurde“ for a whole project: editors record its own steps on its admin page,
its followers hear of those done, and its page gathers the steps of the project, its polls
and its proposals, of what the public may see only."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from moderation.models import ModerationState
from progress.models import Milestone
from projects.models import Follow
from tests.accounts.factories import UserFactory
from tests.polls.factories import PollFactory
from tests.projects.factories import ProjectFactory, TopicFactory
from tests.projects.test_admin import project_form
from tests.proposals.factories import ProposalFactory

from .factories import MilestoneFactory

pytestmark = pytest.mark.django_db

PREFIX = "progress-milestone-content_type-object_id"


def project_admin_form(project, *milestones):
    """The project's admin form as it stands, with the milestones given as dicts."""
    data = project_form(
        TopicFactory(),
        title_de=project.title,
        slug=project.slug,
        **{"phases-TOTAL_FORMS": "0", "updates-TOTAL_FORMS": "0"},
    )
    data[f"{PREFIX}-TOTAL_FORMS"] = str(len(milestones))
    data[f"{PREFIX}-INITIAL_FORMS"] = str(sum(1 for step in milestones if "id" in step))
    for number, step in enumerate(milestones):
        fields = {"image_alt": "", "is_published": "on", **step}
        data.update({f"{PREFIX}-{number}-{name}": value for name, value in fields.items()})
    return data


DONE_STEP = {"date": "03.09.2022", "status": "done", "title_de": "Sensoren montiert"}


def test_editors_record_a_projects_steps_and_its_followers_hear_once(
    client, editor, django_capture_on_commit_callbacks
):
    project = ProjectFactory(title="Sensornetz")
    follower = UserFactory()
    Follow.objects.create(project=project, user=follower)
    UserFactory()  # follows nothing, hears nothing
    client.force_login(editor)
    url = f"/admin/projects/project/{project.pk}/change/"
    assert f"{PREFIX}-TOTAL_FORMS" in client.get(url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, project_admin_form(project, DONE_STEP))
    assert response.status_code == 302, response.content.decode()[:3000]
    step = Milestone.objects.of(project).get()
    assert step.project == project and step.reached_at is not None
    assert [message.to for message in mail.outbox] == [[follower.email]]
    assert f"{project.get_absolute_url()}#was-daraus-wurde" in mail.outbox[0].body

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, project_admin_form(project, {**DONE_STEP, "id": step.pk}))
    assert response.status_code == 302
    assert len(mail.outbox) == 1


def test_a_step_names_the_project_whose_page_shows_it():
    project = ProjectFactory()
    assert MilestoneFactory(target=project).project == project
    assert MilestoneFactory(target=PollFactory(project=project)).project == project
    assert MilestoneFactory(target=ProposalFactory(project=project)).project == project
    assert MilestoneFactory(target=ProposalFactory(project=None)).project is None


def test_a_poll_moved_to_another_project_takes_its_steps_along(client, editor):
    before, after = ProjectFactory(), ProjectFactory()
    poll = PollFactory(state="closed", project=before)
    step = MilestoneFactory(target=poll)
    client.force_login(editor)
    data = {
        "title_de": poll.title,
        "slug": poll.slug,
        "project": after.pk,
        "opens_at_0": poll.opens_at.astimezone().strftime("%d.%m.%Y"),
        "opens_at_1": "10:00",
        "closes_at_0": poll.closes_at.astimezone().strftime("%d.%m.%Y"),
        "closes_at_1": "10:00",
        "eligibility": poll.eligibility,
        "results_visibility": poll.results_visibility,
        "is_published": "on",
        "questions-TOTAL_FORMS": "0",
        "questions-INITIAL_FORMS": "0",
        f"{PREFIX}-TOTAL_FORMS": "0",
        f"{PREFIX}-INITIAL_FORMS": "0",
    }
    response = client.post(f"/admin/polls/poll/{poll.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    step.refresh_from_db()
    assert step.project == after


def test_a_projects_page_tells_what_became_of_it_its_polls_and_proposals(client):
    project = ProjectFactory()
    poll = PollFactory(state="closed", project=project, title="Stadt.Raum.Wir. 2022")
    proposal = ProposalFactory(project=project, title="Trinkbrunnen am Stiftsplatz")
    MilestoneFactory(target=proposal, title="Brunnen bestellt", days=20, status="in_progress")
    MilestoneFactory(target=project, title="Rahmenplan beschlossen", days=1)
    MilestoneFactory(target=poll, title="Ergebnis vorgestellt", days=10)
    MilestoneFactory(target=PollFactory(project=ProjectFactory()), title="Anderes Projekt")

    page = client.get(project.get_absolute_url()).content.decode()
    assert "Was daraus wurde" in page
    assert "2 von 3 Schritten erledigt." in page
    assert page.index("Rahmenplan") < page.index("Ergebnis vorgestellt") < page.index("bestellt")
    assert "Anderes Projekt" not in page
    # A step of a poll or a proposal links to where it stands; the project's own does not.
    assert f'<a href="{poll.get_results_url()}#was-daraus-wurde">Stadt.Raum.Wir. 2022</a>' in page
    assert (
        f'<a href="{proposal.get_absolute_url()}#was-daraus-wurde">Trinkbrunnen am Stiftsplatz</a>'
        in page
    )
    assert f'href="{project.get_absolute_url()}#was-daraus-wurde"' not in page


def test_a_projects_page_shows_no_step_of_what_the_public_may_not_see(client):
    project = ProjectFactory()
    MilestoneFactory(target=project, title="Öffentlicher Schritt")
    MilestoneFactory(target=project, title="Entwurf eines Schritts", is_published=False)
    hidden_targets = {
        "Schritt der Entwurfsabstimmung": PollFactory(project=project, is_published=False),
        "Schritt des wartenden Vorschlags": ProposalFactory(
            project=project, moderation_state=ModerationState.PENDING
        ),
        "Schritt des ausgeblendeten Vorschlags": ProposalFactory(
            project=project, moderation_state=ModerationState.HIDDEN
        ),
    }
    for title, target in hidden_targets.items():
        MilestoneFactory(target=target, title=title)

    page = client.get(project.get_absolute_url()).content.decode()
    assert "Öffentlicher Schritt" in page
    assert "1 von 1 Schritt erledigt." in page
    assert "Entwurf eines Schritts" not in page
    for title in hidden_targets:
        assert title not in page


def test_without_steps_a_projects_page_says_nothing_of_them(client):
    project = ProjectFactory()
    MilestoneFactory(target=PollFactory(project=project, is_published=False))
    assert "Was daraus wurde" not in client.get(project.get_absolute_url()).content.decode()


def project_page_queries(client, count):
    project = ProjectFactory()
    targets = [
        project,
        PollFactory(state="closed", project=project),
        ProposalFactory(project=project),
    ]
    for number in range(count):
        MilestoneFactory(target=targets[number % len(targets)], days=number)
    client.get(project.get_absolute_url())  # the content types get cached
    with CaptureQueriesContext(connection) as queries:
        response = client.get(project.get_absolute_url())
    assert response.content.decode().count('class="milestone milestone-') == count
    return len(queries)


def test_a_projects_page_takes_the_same_queries_for_3_or_30_steps(client):
    assert project_page_queries(client, 3) == project_page_queries(client, 30)


@pytest.mark.parametrize("factory", [PollFactory, ProposalFactory, ProjectFactory])
def test_deleting_a_page_deletes_what_became_of_it(factory):
    target = factory()
    MilestoneFactory(target=target)
    kept = MilestoneFactory()
    target.delete()
    assert list(Milestone.objects.all()) == [kept]


def test_deleting_a_project_keeps_the_steps_of_its_polls(client):
    project = ProjectFactory()
    step = MilestoneFactory(target=PollFactory(project=project))
    project.delete()
    step.refresh_from_db()
    assert step.project is None
