"""Authors hear what the moderators decided about their contribution: once, after the commit."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ValidationError

from moderation.models import ModerationState
from moderation.services import hide, reject, release, restore
from tests.accounts.factories import UserFactory
from tests.comments.factories import CommentFactory
from tests.proposals.factories import ProposalFactory

pytestmark = pytest.mark.django_db

PENDING = ModerationState.PENDING


def test_release_mail_is_sent_after_the_commit_and_once(
    moderator, django_capture_on_commit_callbacks
):
    author = UserFactory(username="Anna")
    proposal = ProposalFactory(
        author=author, moderation_state=PENDING, title="Trinkbrunnen am Stiftsplatz"
    )
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        release(contribution=proposal, moderator=moderator, seen_revision=proposal.revision)
    assert mail.outbox == []  # nothing inside the transaction
    with django_capture_on_commit_callbacks(execute=True):  # and what they queue
        for callback in callbacks:
            callback()

    assert [message.to for message in mail.outbox] == [[author.email]]
    message = mail.outbox[0]
    assert message.subject == "[KLmitWirkung] Ihr Beitrag wurde freigegeben"
    assert "Hallo Anna," in message.body
    assert "„Trinkbrunnen am Stiftsplatz“" in message.body
    assert "Vorschlag" in message.body
    assert f"https://klmitwirkung.de{proposal.get_absolute_url()}" in message.body
    assert "/konto/abbestellen/" in message.extra_headers["List-Unsubscribe"]
    assert moderator.username not in message.body  # moderators stay anonymous


def test_rejection_mail_gives_the_reason_escaped_in_html(
    moderator, django_capture_on_commit_callbacks
):
    comment = CommentFactory(moderation_state=PENDING, text="Alle Autos raus!")
    with django_capture_on_commit_callbacks(execute=True):
        reject(contribution=comment, moderator=moderator, reason="Bitte <b>sachlich</b> bleiben.")
    message = mail.outbox[0]
    assert message.subject == "[KLmitWirkung] Ihr Beitrag wurde nicht freigegeben"
    assert "Bitte <b>sachlich</b> bleiben." in message.body  # plain text as written
    html = message.alternatives[0].content
    assert "Bitte &lt;b&gt;sachlich&lt;/b&gt; bleiben." in html
    assert "Kommentar" in message.body
    assert "Nur Sie können ihn sehen." in message.body
    assert "info@klmitwirkung.de" in message.body


def test_removal_and_restoring_are_told_too(moderator, django_capture_on_commit_callbacks):
    proposal = ProposalFactory()
    with django_capture_on_commit_callbacks(execute=True):
        hide(contribution=proposal, moderator=moderator, reason="Enthält Telefonnummern")
    with django_capture_on_commit_callbacks(execute=True):
        restore(contribution=proposal, moderator=moderator, seen_revision=proposal.revision)
    assert [message.subject for message in mail.outbox] == [
        "[KLmitWirkung] Ihr Beitrag wurde entfernt",
        "[KLmitWirkung] Ihr Beitrag ist wieder sichtbar",
    ]
    assert "Enthält Telefonnummern" in mail.outbox[0].body


def test_setting_off_inactive_or_deleted_authors_get_nothing(
    moderator, django_capture_on_commit_callbacks
):
    quiet = ProposalFactory(author=UserFactory(notify_moderation=False), moderation_state=PENDING)
    inactive = ProposalFactory(author=UserFactory(is_active=False), moderation_state=PENDING)
    orphan = ProposalFactory(author=None, moderation_state=PENDING)
    with django_capture_on_commit_callbacks(execute=True):
        for proposal in (quiet, inactive, orphan):
            release(contribution=proposal, moderator=moderator, seen_revision=proposal.revision)
    assert mail.outbox == []


def test_a_moderators_own_contribution_brings_no_mail(
    moderator, django_capture_on_commit_callbacks
):
    comment = CommentFactory(author=moderator)
    with django_capture_on_commit_callbacks(execute=True):
        hide(contribution=comment, moderator=moderator, reason="Doppelt gepostet")
    assert mail.outbox == []


def test_a_refused_decision_sends_nothing(moderator, django_capture_on_commit_callbacks):
    proposal = ProposalFactory()  # already public: cannot be released again
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        release(contribution=proposal, moderator=moderator, seen_revision=proposal.revision)
    assert mail.outbox == []


def test_the_unsubscribe_link_switches_off_only_these_mails(
    client, moderator, django_capture_on_commit_callbacks
):
    author = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        release(
            contribution=ProposalFactory(author=author, moderation_state=PENDING),
            moderator=moderator,
            seen_revision=1,
        )
    link = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>")
    response = client.post(link.removeprefix("https://klmitwirkung.de"))
    assert response.status_code == 200
    author = get_user_model().objects.get(pk=author.pk)
    assert author.notify_moderation is False
    assert author.notify_replies and author.notify_proposal_updates
    assert author.notify_followed_projects and author.notify_poll_results
