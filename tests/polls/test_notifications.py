"""Followers of a project hear about a new poll there: once, after the commit, if they want."""

import pytest
from django.core import mail

from polls.models import Poll
from polls.services import announce_poll
from projects.models import Follow
from tests.accounts.factories import UserFactory
from tests.polls.factories import PollFactory
from tests.projects.factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def project():
    return ProjectFactory(title="Stadt.Raum.Wir.")


def follower(project, **kwargs):
    user = UserFactory(**kwargs)
    Follow.objects.create(project=project, user=user)
    return user


def test_followers_get_one_mail_after_the_commit(project, django_capture_on_commit_callbacks):
    anna = follower(project, username="Anna")
    follower(project, notify_followed_projects=False)
    follower(project, is_active=False)
    UserFactory()  # does not follow
    poll = PollFactory(project=project, title="Was kommt auf den Platz?")

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert announce_poll(poll=poll)
    assert mail.outbox == []  # nothing is sent inside the transaction
    with django_capture_on_commit_callbacks(execute=True):  # and what they queue
        for callback in callbacks:
            callback()

    assert [message.to for message in mail.outbox] == [[anna.email]]
    message = mail.outbox[0]
    assert "Was kommt auf den Platz?" in message.subject
    assert "Hallo Anna," in message.body
    assert "Stadt.Raum.Wir." in message.body
    assert f"{poll.get_absolute_url()}" in message.body
    html = message.alternatives[0].content
    assert "<a href=" in html
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith("<http") and "/konto/abbestellen/" in unsubscribe
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # Publishing it again (or saving it) sends nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        assert not announce_poll(poll=poll)
    assert len(mail.outbox) == 1
    assert Poll.objects.get(pk=poll.pk).announced_at is not None


def test_unpublished_polls_and_polls_without_project_are_not_announced(
    project, django_capture_on_commit_callbacks
):
    follower(project)
    with django_capture_on_commit_callbacks(execute=True):
        assert not announce_poll(poll=PollFactory(project=project, is_published=False))
        assert not announce_poll(poll=PollFactory(project=None))
    assert mail.outbox == []


def test_publishing_in_the_admin_announces_the_poll(
    client, editor, project, django_capture_on_commit_callbacks
):
    anna = follower(project)
    client.force_login(editor)
    data = {
        "title_de": "Neue Umfrage",
        "slug": "neue-umfrage",
        "project": str(project.pk),
        "is_published": "on",
        "intro_de": "<p>Worum es geht.</p>",
        "opens_at_0": "01.05.2026",
        "opens_at_1": "10:00",
        "closes_at_0": "31.05.2026",
        "closes_at_1": "18:00",
        "eligibility": "account",
        "results_visibility": "after_close",
        "method_note_de": "",
        "questions-TOTAL_FORMS": "0",
        "questions-INITIAL_FORMS": "0",
        "progress-milestone-content_type-object_id-TOTAL_FORMS": "0",
        "progress-milestone-content_type-object_id-INITIAL_FORMS": "0",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/admin/polls/poll/add/", data)
    assert response.status_code == 302, response.context["errors"]
    assert [message.to for message in mail.outbox] == [[anna.email]]
    # Saving it again sends nothing more.
    poll = Poll.objects.get(slug="neue-umfrage")
    data["questions-TOTAL_FORMS"] = "0"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/polls/poll/{poll.pk}/change/", data)
    assert len(mail.outbox) == 1


# The worker manages its own database connection, so this test commits for real;
# serialized_rollback puts back the staff groups that the flush afterwards removes.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_in_production_the_worker_sends_the_mails(database_queue, project):
    """With the database queue, the request only queues; `db_worker` sends."""
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    anna = follower(project)
    poll = PollFactory(project=project)
    assert announce_poll(poll=poll)
    assert mail.outbox == []
    assert DBTaskResult.objects.count() == 1
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert [message.to for message in mail.outbox] == [[anna.email]]
