"""A step of what became of a poll or a proposal is done: the people it concerns hear of
it once, after the commit, if they want such mails."""

import datetime

import pytest
from django.core import mail

from progress.models import Milestone
from progress.services import milestones_saved
from tests.accounts.factories import UserFactory
from tests.polls.factories import BallotFactory, PollFactory
from tests.projects.factories import ProjectFactory
from tests.proposals.factories import ProposalFactory, SupportFactory

pytestmark = pytest.mark.django_db


def milestone(target, status=Milestone.Status.DONE, **kwargs):
    return Milestone.objects.create(
        target=target,
        title="„Lautern tanzt“ auf dem Platz",
        date=datetime.date(2022, 9, 3),
        status=status,
        **kwargs,
    )


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def test_voters_and_followers_hear_once_after_the_commit(django_capture_on_commit_callbacks):
    from projects.models import Follow

    project = ProjectFactory()
    poll = PollFactory(state="closed", project=project, title="Stadt.Raum.Wir. 2022")
    voter = BallotFactory(poll=poll, user=UserFactory()).user
    twice = UserFactory()
    BallotFactory(poll=poll, user=twice)
    Follow.objects.create(project=project, user=twice)  # voted and follows: one mail
    follower = UserFactory()
    Follow.objects.create(project=project, user=follower)
    BallotFactory(poll=poll, user=UserFactory(notify_progress=False))
    step = milestone(poll)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        milestones_saved(milestones=[step])
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        for callback in callbacks:
            callback()
    assert recipients() == sorted([voter.email, twice.email, follower.email])
    message = mail.outbox[0]
    assert "Stadt.Raum.Wir. 2022" in message.subject
    assert "„Lautern tanzt“ auf dem Platz" in message.body
    assert f"{poll.get_results_url()}#was-daraus-wurde" in message.body  # where steps stand
    assert "/konto/abbestellen/" in message.extra_headers["List-Unsubscribe"]

    sent = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        milestones_saved(milestones=[step])
    assert len(mail.outbox) == sent


def test_author_and_supporters_of_a_proposal_hear_of_it(django_capture_on_commit_callbacks):
    proposal = ProposalFactory(title="Trinkbrunnen")
    supporter = SupportFactory(proposal=proposal).user
    with django_capture_on_commit_callbacks(execute=True):
        milestones_saved(milestones=[milestone(proposal)])
    assert recipients() == sorted([proposal.author.email, supporter.email])


@pytest.mark.parametrize(
    "status, published",
    [
        (Milestone.Status.PLANNED, True),
        (Milestone.Status.IN_PROGRESS, True),
        (Milestone.Status.DONE, False),
    ],
)
def test_steps_not_done_or_not_published_are_not_told(
    django_capture_on_commit_callbacks, status, published
):
    proposal = ProposalFactory()
    SupportFactory(proposal=proposal)
    step = milestone(proposal, status=status, is_published=published)
    with django_capture_on_commit_callbacks(execute=True):
        milestones_saved(milestones=[step])
    assert mail.outbox == []
    step.refresh_from_db()
    assert step.reached_at is None


def test_saving_a_done_step_in_the_admin_tells_the_voters(
    client, editor, django_capture_on_commit_callbacks
):
    poll = PollFactory(state="closed")
    voter = BallotFactory(poll=poll, user=UserFactory()).user
    client.force_login(editor)
    prefix = "progress-milestone-content_type-object_id"
    data = {
        "title_de": poll.title,
        "slug": poll.slug,
        "opens_at_0": poll.opens_at.astimezone().strftime("%d.%m.%Y"),
        "opens_at_1": "10:00",
        "closes_at_0": poll.closes_at.astimezone().strftime("%d.%m.%Y"),
        "closes_at_1": "10:00",
        "eligibility": poll.eligibility,
        "results_visibility": poll.results_visibility,
        "is_published": "on",
        "questions-TOTAL_FORMS": "0",
        "questions-INITIAL_FORMS": "0",
        f"{prefix}-TOTAL_FORMS": "1",
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-0-date": "03.09.2022",
        f"{prefix}-0-status": "done",
        f"{prefix}-0-title_de": "Umgesetzt",
        f"{prefix}-0-is_published": "on",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/polls/poll/{poll.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Milestone.objects.of(poll).get().reached_at is not None
    assert recipients() == [voter.email]
