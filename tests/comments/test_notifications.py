"""A public reply is news for the author of the comment it answers: once, after the commit."""

import pytest
from django.core import mail

from comments.services import delete_comment, post_comment
from moderation.models import ModerationState, SiteSettings
from moderation.services import release
from tests.accounts.factories import UserFactory
from tests.comments.factories import CommentFactory
from tests.projects.factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def premoderation_off(db):
    settings = SiteSettings.load()
    settings.premoderation = False
    settings.save()


@pytest.fixture
def thread():
    project = ProjectFactory(title="Smarte Parkplätze")
    author = UserFactory(username="Anna")
    return project, CommentFactory(target=project, author=author, text="Wo genau?")


def test_a_reply_published_at_once_mails_after_the_commit(
    premoderation_off, thread, django_capture_on_commit_callbacks
):
    project, comment = thread
    replier = UserFactory(username="Bernd")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        reply = post_comment(
            author=replier, target=project, parent=comment, text="Am Pfaffplatz <b>links</b>."
        )
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):  # and what they queue
        for callback in callbacks:
            callback()
    assert [message.to for message in mail.outbox] == [[comment.author.email]]
    message = mail.outbox[0]
    assert message.subject == "[KLmitWirkung] Bernd hat auf Ihren Kommentar geantwortet"
    assert "„Smarte Parkplätze“" in message.body
    assert "Am Pfaffplatz <b>links</b>." in message.body
    assert f"#kommentar-{reply.pk}" in message.body
    assert "Am Pfaffplatz &lt;b&gt;links&lt;/b&gt;." in message.alternatives[0].content


def test_a_waiting_reply_mails_only_when_released(
    thread, moderator, django_capture_on_commit_callbacks
):
    project, comment = thread
    with django_capture_on_commit_callbacks(execute=True):
        reply = post_comment(author=UserFactory(), target=project, parent=comment, text="Hier.")
    assert reply.moderation_state == ModerationState.PENDING
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        release(contribution=reply, moderator=moderator, seen_revision=reply.revision)
    # One mail to the replier about the release, one to Anna about the reply.
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [reply.author.email, comment.author.email]
    )
    assert any("geantwortet" in message.subject for message in mail.outbox)


def test_an_answer_of_the_city_is_named_so(thread, editor, django_capture_on_commit_callbacks):
    project, comment = thread
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(author=editor, target=project, parent=comment, text="Danke!", official=True)
    assert mail.outbox[0].subject == "[KLmitWirkung] Die Stadt hat Ihren Kommentar beantwortet"


def test_no_mail_for_top_level_comments_own_replies_deleted_or_unwanted(
    premoderation_off, thread, django_capture_on_commit_callbacks
):
    project, comment = thread
    quiet = CommentFactory(target=project, author=UserFactory(notify_replies=False))
    orphan = CommentFactory(target=project, author=None)
    someone = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(author=someone, target=project, text="Ein neuer Gedanke.")
        post_comment(author=comment.author, target=project, parent=comment, text="Nachtrag.")
        for parent in (quiet, orphan):
            post_comment(author=someone, target=project, parent=parent, text="Antwort.")
    assert mail.outbox == []


def test_no_mail_when_the_answered_comment_is_deleted_before_the_worker_runs(
    premoderation_off, thread, django_capture_on_commit_callbacks
):
    project, comment = thread
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        post_comment(author=UserFactory(), target=project, parent=comment, text="Antwort.")
    delete_comment(comment=comment, user=comment.author)
    with django_capture_on_commit_callbacks(execute=True):  # and what they queue
        for callback in callbacks:
            callback()
    assert mail.outbox == []


def test_a_reply_to_a_reply_tells_the_person_answered_not_the_author_of_the_thread(
    premoderation_off, thread, django_capture_on_commit_callbacks
):
    project, comment = thread
    first = CommentFactory(target=project, parent=comment)
    with django_capture_on_commit_callbacks(execute=True):
        reply = post_comment(author=UserFactory(), target=project, parent=first, text="Genau.")
    assert reply.parent == comment  # it joins the thread of the top-level comment
    assert reply.answered == first
    assert [message.to for message in mail.outbox] == [[first.author.email]]


def test_the_author_of_the_thread_answering_a_reply_tells_its_author(
    premoderation_off, thread, django_capture_on_commit_callbacks
):
    project, comment = thread
    first = CommentFactory(target=project, parent=comment, author=UserFactory(username="Bernd"))
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(author=comment.author, target=project, parent=first, text="Danke, Bernd!")
    assert [message.to for message in mail.outbox] == [[first.author.email]]
    assert "Hallo Bernd," in mail.outbox[0].body
