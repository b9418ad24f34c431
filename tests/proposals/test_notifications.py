"""Authors and supporters hear when the city changes a proposal's status or answers it."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.notifications import absolute_url
from moderation.models import ModerationState
from proposals.models import Proposal, StatusEntry
from proposals.services import set_status
from proposals.tasks import notify_about_proposal_news
from tests.accounts.factories import UserFactory

from .factories import ProposalFactory, SupportFactory

pytestmark = pytest.mark.django_db

STATUS = Proposal.Status


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def test_author_and_supporters_get_one_mail_each_after_the_commit(
    moderator, django_capture_on_commit_callbacks
):
    author = UserFactory(username="Anna")
    proposal = ProposalFactory(author=author, title="Trinkbrunnen am Stiftsplatz")
    supporters = [SupportFactory(proposal=proposal).user for _ in range(2)]

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        set_status(proposal=proposal, user=moderator, status=STATUS.ACCEPTED, response="")
    assert mail.outbox == []  # nothing inside the transaction
    with django_capture_on_commit_callbacks(execute=True):  # and what they queue
        for callback in callbacks:
            callback()

    assert recipients() == sorted([author.email, *(user.email for user in supporters)])
    message = next(message for message in mail.outbox if message.to == [author.email])
    assert "Trinkbrunnen am Stiftsplatz" in message.subject
    assert "angenommen" in message.subject
    assert "Hallo Anna," in message.body
    assert "angenommen" in message.body
    url = absolute_url(proposal.get_absolute_url())
    assert url in message.body
    assert f'href="{url}"' in message.alternatives[0].content
    assert "/konto/abbestellen/" in message.extra_headers["List-Unsubscribe"]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_the_mail_says_in_german_what_changed(moderator, django_capture_on_commit_callbacks):
    proposal = ProposalFactory(title="Trinkbrunnen")
    with django_capture_on_commit_callbacks(execute=True):
        set_status(proposal=proposal, user=moderator, status=STATUS.ACCEPTED, response="Gern.")
        set_status(proposal=proposal, user=moderator, status=STATUS.ACCEPTED, response="Gerne.")
    status, response = mail.outbox
    assert status.subject == "[KLmitWirkung] Vorschlag „Trinkbrunnen“: angenommen"
    assert (
        "es gibt Neuigkeiten zum Vorschlag „Trinkbrunnen“: Sein Stand ist jetzt „angenommen“."
        in (status.body)
    )
    assert "Die Stellungnahme der Stadt:\n\nGern." in status.body
    assert response.subject == (
        "[KLmitWirkung] Die Stadt hat zum Vorschlag „Trinkbrunnen“ Stellung genommen"
    )
    assert "die Stadt hat zum Vorschlag „Trinkbrunnen“ Stellung genommen." in response.body
    assert ">Zum Vorschlag</a>" in response.alternatives[0].content


def test_saving_the_same_status_again_sends_nothing(moderator, django_capture_on_commit_callbacks):
    proposal = ProposalFactory()
    with django_capture_on_commit_callbacks(execute=True):
        set_status(proposal=proposal, user=moderator, status=STATUS.UNDER_REVIEW, response="")
    assert len(mail.outbox) == 1
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        set_status(proposal=proposal, user=moderator, status=STATUS.UNDER_REVIEW, response="")
    assert callbacks == []
    assert len(mail.outbox) == 1


def test_the_response_is_in_the_mail_as_plain_text_and_escaped_in_html(
    moderator, django_capture_on_commit_callbacks
):
    proposal = ProposalFactory(title="Bänke & <Schatten>")
    response = "Wir prüfen das.\nBitte <b>Geduld</b> & Zeit."
    with django_capture_on_commit_callbacks(execute=True):
        set_status(proposal=proposal, user=moderator, status=STATUS.SUBMITTED, response=response)

    [message] = mail.outbox
    assert response in message.body  # plain text as written
    assert "Bänke & <Schatten>" in message.body
    html = message.alternatives[0].content
    assert "Bitte &lt;b&gt;Geduld&lt;/b&gt; &amp; Zeit." in html
    assert "<b>Geduld</b>" not in html
    assert "Bänke &amp; &lt;Schatten&gt;" in html
    assert "<Schatten>" not in html


def test_a_changed_response_alone_is_news_but_a_withdrawn_one_is_not(
    moderator, django_capture_on_commit_callbacks
):
    proposal = ProposalFactory()
    with django_capture_on_commit_callbacks(execute=True):
        set_status(proposal=proposal, user=moderator, status=STATUS.SUBMITTED, response="Erste.")
        set_status(proposal=proposal, user=moderator, status=STATUS.SUBMITTED, response="Zweite.")
    assert ["Erste." in m.body for m in mail.outbox] == [True, False]
    assert ["Zweite." in m.body for m in mail.outbox] == [False, True]
    with django_capture_on_commit_callbacks(execute=True):
        set_status(proposal=proposal, user=moderator, status=STATUS.SUBMITTED, response="")
    assert len(mail.outbox) == 2


def test_a_status_change_without_a_new_response_does_not_repeat_the_old_one(
    moderator, django_capture_on_commit_callbacks
):
    proposal = ProposalFactory()
    with django_capture_on_commit_callbacks(execute=True):
        set_status(
            proposal=proposal, user=moderator, status=STATUS.ACCEPTED, response="Wir bauen ihn."
        )
        set_status(
            proposal=proposal, user=moderator, status=STATUS.IMPLEMENTED, response="Wir bauen ihn."
        )
    first, second = mail.outbox
    assert "Wir bauen ihn." in first.body
    assert "Wir bauen ihn." not in second.body
    assert "umgesetzt" in second.body


def test_the_setting_and_inactive_accounts_are_respected(
    moderator, django_capture_on_commit_callbacks
):
    proposal = ProposalFactory(author=UserFactory(notify_proposal_updates=False))
    wants_it = SupportFactory(proposal=proposal).user
    SupportFactory(proposal=proposal, user=UserFactory(notify_proposal_updates=False))
    SupportFactory(proposal=proposal, user=UserFactory(is_active=False))
    SupportFactory(proposal=proposal, user=UserFactory(email=""))
    SupportFactory(user=UserFactory())  # supports another proposal
    with django_capture_on_commit_callbacks(execute=True):
        set_status(proposal=proposal, user=moderator, status=STATUS.REJECTED, response="")
    assert recipients() == [wants_it.email]


def test_an_author_who_also_supports_gets_one_mail_as_author(
    moderator, django_capture_on_commit_callbacks
):
    author = UserFactory()
    proposal = ProposalFactory(author=author)
    SupportFactory(proposal=proposal, user=author)
    supporter = SupportFactory(proposal=proposal).user
    with django_capture_on_commit_callbacks(execute=True):
        set_status(proposal=proposal, user=moderator, status=STATUS.ACCEPTED, response="")

    assert recipients() == sorted([author.email, supporter.email])
    by_address = {message.to[0]: message for message in mail.outbox}
    made = "weil Sie diesen Vorschlag auf KLmitWirkung gemacht haben."
    support = "weil Sie diesen Vorschlag auf KLmitWirkung unterstützen."
    for message in by_address[author.email], by_address[supporter.email]:
        assert message.body.count("Sie erhalten diese E-Mail, weil") == 1
    assert made in by_address[author.email].body
    assert made in by_address[author.email].alternatives[0].content
    assert support in by_address[supporter.email].body
    assert support in by_address[supporter.email].alternatives[0].content


def test_the_staff_member_who_made_the_change_is_not_mailed(
    moderator, django_capture_on_commit_callbacks
):
    proposal = ProposalFactory()
    SupportFactory(proposal=proposal, user=moderator)
    own = ProposalFactory(author=moderator)
    with django_capture_on_commit_callbacks(execute=True):
        set_status(proposal=proposal, user=moderator, status=STATUS.ACCEPTED, response="")
        set_status(proposal=own, user=moderator, status=STATUS.ACCEPTED, response="")
    assert recipients() == [proposal.author.email]


@pytest.mark.parametrize(
    "state", [ModerationState.PENDING, ModerationState.REJECTED, ModerationState.HIDDEN]
)
def test_a_proposal_that_is_not_public_sends_nothing(
    state, moderator, django_capture_on_commit_callbacks
):
    proposal = ProposalFactory(moderation_state=state)
    SupportFactory(proposal=proposal)
    with django_capture_on_commit_callbacks(execute=True):
        set_status(proposal=proposal, user=moderator, status=STATUS.REJECTED, response="Nein.")
    assert mail.outbox == []
    assert proposal.history.count() == 1  # the change itself is recorded


def test_a_proposal_hidden_before_the_task_runs_sends_nothing(moderator):
    proposal = ProposalFactory()
    entry = StatusEntry.objects.create(
        proposal=proposal, status=STATUS.ACCEPTED, status_changed=True, changed_by=moderator
    )
    Proposal.objects.filter(pk=proposal.pk).update(moderation_state=ModerationState.HIDDEN)
    assert notify_about_proposal_news.call(entry.pk) == 0
    assert mail.outbox == []


def test_a_deleted_author_leaves_the_supporters(moderator, django_capture_on_commit_callbacks):
    proposal = ProposalFactory(author=None)
    supporter = SupportFactory(proposal=proposal).user
    with django_capture_on_commit_callbacks(execute=True):
        set_status(proposal=proposal, user=moderator, status=STATUS.ACCEPTED, response="")
    assert recipients() == [supporter.email]


def test_the_unsubscribe_link_switches_off_only_proposal_news(
    client, moderator, django_capture_on_commit_callbacks
):
    author = UserFactory()
    proposal = ProposalFactory(author=author)
    with django_capture_on_commit_callbacks(execute=True):
        set_status(proposal=proposal, user=moderator, status=STATUS.ACCEPTED, response="")
    link = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>")
    assert link in mail.outbox[0].body

    response = client.post(link.removeprefix(absolute_url("")))
    assert response.status_code == 200
    author.refresh_from_db()
    assert author.notify_proposal_updates is False
    assert author.notify_moderation and author.notify_replies
    assert author.notify_followed_projects and author.notify_poll_results

    with django_capture_on_commit_callbacks(execute=True):
        set_status(proposal=proposal, user=moderator, status=STATUS.IMPLEMENTED, response="")
    assert len(mail.outbox) == 1


def test_the_admin_change_mails_the_author(client, moderator, django_capture_on_commit_callbacks):
    author = UserFactory()
    proposal = ProposalFactory(author=author)
    StatusEntry.objects.create(proposal=proposal, status=STATUS.SUBMITTED, status_changed=True)
    client.force_login(moderator)
    data = {
        "status": STATUS.UNDER_REVIEW,
        "response": "",
        "history-TOTAL_FORMS": "1",
        "history-INITIAL_FORMS": "1",
        "progress-milestone-content_type-object_id-TOTAL_FORMS": "0",
        "progress-milestone-content_type-object_id-INITIAL_FORMS": "0",
        "history-MIN_NUM_FORMS": "0",
        "history-MAX_NUM_FORMS": "0",
        "history-0-id": str(proposal.history.get().pk),
        "history-0-proposal": str(proposal.pk),
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/proposals/proposal/{proposal.pk}/change/", data)
    assert response.status_code == 302
    assert recipients() == [author.email]


def mails_sent_with_queries(moderator, supporters):
    proposal = ProposalFactory()
    for _ in range(supporters):
        SupportFactory(proposal=proposal)
    entry = StatusEntry.objects.create(
        proposal=proposal, status=STATUS.ACCEPTED, status_changed=True, changed_by=moderator
    )
    mail.outbox.clear()
    with CaptureQueriesContext(connection) as queries:
        sent = notify_about_proposal_news.call(entry.pk)
    assert sent == supporters + 1
    return len(queries)


def test_the_task_needs_the_same_queries_for_3_and_30_supporters(moderator):
    assert mails_sent_with_queries(moderator, 3) == mails_sent_with_queries(moderator, 30)
