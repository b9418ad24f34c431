"""Moderators work in the admin: the queue, reports, the decision log, proposals and comments.

Editors (group Redaktion) see proposals and comments but decide nothing; every decision goes
through the moderation services and is listed in the decision log.
"""

import datetime
import re

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.messages import get_messages
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from moderation.models import Decision, ModerationState, ReasonTemplate, Report, SiteSettings
from moderation.services import reject, release, report_contribution, resolve_reports
from proposals.models import Proposal, StatusEntry
from tests.accounts.factories import UserFactory
from tests.comments.factories import CommentFactory
from tests.projects.factories import ProjectFactory
from tests.proposals.factories import ProposalFactory, StatusEntryFactory, SupportFactory

pytestmark = pytest.mark.django_db

PENDING = ModerationState.PENDING
QUEUE_URL = "/admin/moderation/decision/queue/"
REPORTS_URL = "/admin/moderation/report/"
DECISIONS_URL = "/admin/moderation/decision/"
PROPOSALS_URL = "/admin/proposals/proposal/"
COMMENTS_URL = "/admin/comments/comment/"
SCRIPT = "<script>alert(1)</script>"
ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def key(contribution):
    """The key a page carries for the version of the contribution it shows."""
    return f"{contribution._meta.label_lower}:{contribution.pk}:{contribution.revision}"


def queue_keys(response):
    return [row.key for row in response.context["rows"]]


def refreshed(*objects):
    for obj in objects:
        obj.refresh_from_db()
    return objects


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def editor_client(editor):
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def reason_template(db):
    return ReasonTemplate.objects.create(
        title="Beleidigung",
        text="Ihr Beitrag enthält eine Beleidigung. Bitte bleiben Sie sachlich.",
    )


# The queue


def test_queue_lists_pending_proposals_and_comments_oldest_first(moderator_client):
    newest = ProposalFactory(moderation_state=PENDING, created_at=days_ago(1))
    oldest = CommentFactory(moderation_state=PENDING, created_at=days_ago(3))
    middle = ProposalFactory(moderation_state=PENDING, created_at=days_ago(2))
    ProposalFactory(created_at=days_ago(5))  # published: not waiting
    CommentFactory(moderation_state=ModerationState.REJECTED, created_at=days_ago(4))

    response = moderator_client.get(QUEUE_URL)

    assert response.status_code == 200
    assert queue_keys(response) == [key(oldest), key(middle), key(newest)]
    html = response.text
    assert html.index(f'value="{key(oldest)}"') < html.index(f'value="{key(middle)}"')
    assert html.index(f'value="{key(middle)}"') < html.index(f'value="{key(newest)}"')


def test_queue_shows_text_context_author_and_the_authors_earlier_decisions(
    moderator_client, moderator
):
    author = UserFactory(username="anna_k")
    project = ProjectFactory(title="Smarte Laternen")
    proposal = ProposalFactory(
        moderation_state=PENDING,
        author=author,
        project=project,
        title="Laternen dimmen",
        description="Erste Zeile.\nZweite Zeile.",
    )
    discussed = ProposalFactory(title="Mehr Grün am Rathaus")
    answered = CommentFactory(target=discussed, text="Gute Idee!")
    reply = CommentFactory(parent=answered, moderation_state=PENDING, author=author)
    for _ in range(2):
        release(
            contribution=ProposalFactory(moderation_state=PENDING, author=author),
            moderator=moderator,
            seen_revision=1,
        )
    reject(
        contribution=CommentFactory(moderation_state=PENDING, author=author),
        moderator=moderator,
        reason="Bitte sachlich.",
    )

    response = moderator_client.get(QUEUE_URL)

    rows = {row.key: row for row in response.context["rows"]}
    assert (rows[key(proposal)].released, rows[key(proposal)].rejected) == (2, 1)
    assert rows[key(proposal)].removed == 0
    html = response.text
    assert "<p>Erste Zeile.<br>Zweite Zeile.</p>" in html
    assert f'<a href="{project.get_absolute_url()}">Smarte Laternen</a>' in html
    assert f'<a href="{discussed.get_absolute_url()}">Mehr Grün am Rathaus</a>' in html
    assert f'<a href="{answered.get_absolute_url()}">Gute Idee!</a>' in html
    assert f'<a href="{reply.get_absolute_url()}"' in html
    assert "anna_k" in html
    # The checkbox is labelled with the title of the contribution.
    assert re.search(
        r'<label for="item-1" class="vCheckboxLabel">[^<]*: Laternen dimmen</label>', html
    )


def test_queue_shows_25_per_page(moderator_client):
    proposals = [
        ProposalFactory(moderation_state=PENDING, created_at=days_ago(30 - n)) for n in range(27)
    ]

    first = moderator_client.get(QUEUE_URL)
    second = moderator_client.get(QUEUE_URL + "?p=2")

    assert queue_keys(first) == [key(p) for p in proposals[:25]]
    assert queue_keys(second) == [key(p) for p in proposals[25:]]
    assert 'href="?p=2"' in first.text


def make_waiting(moderator, groups):
    """Per group: a proposal in a project, a comment on a project, a reply on a proposal."""
    for _ in range(groups):
        author = UserFactory()
        release(
            contribution=ProposalFactory(moderation_state=PENDING, author=author),
            moderator=moderator,
            seen_revision=1,
        )
        ProposalFactory(moderation_state=PENDING, author=author, project=ProjectFactory())
        CommentFactory(moderation_state=PENDING, author=author)
        CommentFactory(parent=CommentFactory(target=ProposalFactory()), moderation_state=PENDING)


def test_queue_takes_the_same_queries_for_3_and_30_contributions(moderator_client, moderator):
    ReasonTemplate.objects.create(title="Spam", text="Werbung ist hier nicht erlaubt.")
    make_waiting(moderator, 1)
    with CaptureQueriesContext(connection) as few:
        assert len(queue_keys(moderator_client.get(QUEUE_URL))) == 3
    make_waiting(moderator, 9)
    with CaptureQueriesContext(connection) as many:
        assert len(queue_keys(moderator_client.get(QUEUE_URL))) == 25
    assert len(many) == len(few)


def test_bulk_release_publishes_the_ticked_and_records_each_decision(moderator_client, moderator):
    proposal = ProposalFactory(moderation_state=PENDING)
    comment = CommentFactory(moderation_state=PENDING)
    untouched = ProposalFactory(moderation_state=PENDING)

    response = moderator_client.post(
        QUEUE_URL, {"items": [key(proposal), key(comment)], "decision": "release"}
    )

    assert response.status_code == 302
    assert response["Location"] == QUEUE_URL
    refreshed(proposal, comment, untouched)
    assert proposal.is_published and comment.is_published
    assert untouched.is_pending
    decisions = Decision.objects.filter(kind=Decision.Kind.RELEASED)
    assert {(d.object_id, d.moderator) for d in decisions} == {
        (proposal.pk, moderator),
        (comment.pk, moderator),
    }
    assert LogEntry.objects.filter(user=moderator).count() == 2
    assert messages_of(response) == ["2 Beiträge freigegeben."]


def test_bulk_reject_with_a_reason_template(moderator_client, reason_template):
    proposal = ProposalFactory(moderation_state=PENDING)
    comment = CommentFactory(moderation_state=PENDING)

    response = moderator_client.post(
        QUEUE_URL,
        {
            "items": [key(proposal), key(comment)],
            "decision": "reject",
            "reason_template": reason_template.pk,
            "reason_text": "",
        },
    )

    assert response.status_code == 302
    for contribution in refreshed(proposal, comment):
        assert contribution.is_rejected
        assert contribution.moderation_reason == reason_template.text
    assert set(Decision.objects.values_list("kind", "reason")) == {
        (Decision.Kind.REJECTED, reason_template.text)
    }


def test_bulk_reject_prefers_free_text_over_the_template(moderator_client, reason_template):
    comment = CommentFactory(moderation_state=PENDING)

    moderator_client.post(
        QUEUE_URL,
        {
            "items": [key(comment)],
            "decision": "reject",
            "reason_template": reason_template.pk,
            "reason_text": "  Bitte ohne Telefonnummern.  ",
        },
    )

    comment.refresh_from_db()
    assert comment.is_rejected
    assert comment.moderation_reason == "Bitte ohne Telefonnummern."


def test_reject_without_a_reason_is_refused_and_changes_nothing(moderator_client):
    proposal = ProposalFactory(moderation_state=PENDING)
    comment = CommentFactory(moderation_state=PENDING)

    response = moderator_client.post(
        QUEUE_URL,
        {"items": [key(proposal), key(comment)], "decision": "reject", "reason_text": " "},
    )

    assert response.status_code == 200
    assert "reason_text" in response.context["form"].errors
    assert 'aria-invalid="true"' in response.text
    for contribution in refreshed(proposal, comment):
        assert contribution.is_pending
    assert not Decision.objects.exists()
    # What the moderator ticked stays ticked.
    assert f'value="{key(proposal)}" id="item-1" checked' in response.text


def test_nothing_ticked_is_refused(moderator_client):
    ProposalFactory(moderation_state=PENDING)

    response = moderator_client.post(QUEUE_URL, {"decision": "release"})

    assert response.status_code == 200
    assert "items" in response.context["form"].errors
    assert not Decision.objects.exists()


def test_a_contribution_decided_by_a_colleague_meanwhile_is_reported_and_the_rest_proceeds(
    moderator_client, moderator
):
    colleague = UserFactory(is_staff=True, groups=["Moderation"])
    rejected_meanwhile = ProposalFactory(moderation_state=PENDING, title="Schon entschieden")
    waiting = CommentFactory(moderation_state=PENDING)
    page = moderator_client.get(QUEUE_URL)
    assert key(rejected_meanwhile) in queue_keys(page)
    reject(contribution=rejected_meanwhile, moderator=colleague, reason="Doppelt eingereicht.")

    response = moderator_client.post(
        QUEUE_URL, {"items": [key(rejected_meanwhile), key(waiting)], "decision": "release"}
    )

    assert response.status_code == 302
    refreshed(rejected_meanwhile, waiting)
    # The colleague's rejection stands, although a rejected proposal could be released.
    assert rejected_meanwhile.is_rejected
    assert rejected_meanwhile.moderated_by == colleague
    assert waiting.is_published
    assert Decision.objects.filter(moderator=moderator).count() == 1
    notes = messages_of(response)
    assert any("Schon entschieden" in note for note in notes)
    assert "1 Beitrag freigegeben." in notes


def test_unknown_or_vanished_items_are_refused_or_reported(moderator_client):
    response = moderator_client.post(QUEUE_URL, {"items": ["auth.user:1"], "decision": "release"})
    assert response.status_code == 200
    assert "items" in response.context["form"].errors

    gone = ProposalFactory(moderation_state=PENDING)
    gone_key = key(gone)
    gone.delete()
    response = moderator_client.post(QUEUE_URL, {"items": [gone_key], "decision": "release"})
    assert response.status_code == 302
    assert not Decision.objects.exists()


def test_a_deleted_page_takes_its_comments_out_of_the_queue_and_reports_still_load(
    moderator_client,
):
    project = ProjectFactory()
    CommentFactory(target=project, moderation_state=PENDING, text="Verwaist")
    reported(CommentFactory(target=project, text="Gemeldet"))
    project.delete()

    queue = moderator_client.get(QUEUE_URL)
    reports = moderator_client.get(REPORTS_URL)

    assert queue_keys(queue) == []
    assert "Verwaist" not in queue.text
    assert reports.status_code == 200
    assert "(gibt es nicht mehr)" in reports.text


def test_a_text_changed_after_the_queue_was_opened_is_not_released(moderator_client):
    """Review-then-act: the author edits while the moderator reads the old words."""
    from proposals.services import update_proposal

    proposal = ProposalFactory(moderation_state=PENDING, description="Harmloser Text.")
    waiting = CommentFactory(moderation_state=PENDING)
    page = moderator_client.get(QUEUE_URL)
    seen = [key(proposal), key(waiting)]
    assert seen == queue_keys(page)
    update_proposal(
        proposal=proposal,
        user=proposal.author,
        title=proposal.title,
        description="UNGEPRÜFTER TEXT",
        topic=proposal.topic,
    )

    response = moderator_client.post(QUEUE_URL, {"items": seen, "decision": "release"})

    refreshed(proposal, waiting)
    assert proposal.is_pending
    assert waiting.is_published
    notes = messages_of(response)
    assert any(proposal.title in note and "2" in note for note in notes)
    again = moderator_client.get(response["Location"])
    assert "UNGEPRÜFTER TEXT" in again.text  # the new version, to be read
    assert "Fassung 2" in again.text
    assert queue_keys(again) == [key(proposal)]


def test_a_changed_text_waits_again_at_the_end_of_the_queue(moderator_client):
    from proposals.services import update_proposal

    changed = ProposalFactory(moderation_state=PENDING, created_at=days_ago(3))
    other = CommentFactory(moderation_state=PENDING, created_at=days_ago(2))
    update_proposal(
        proposal=changed,
        user=changed.author,
        title="Neuer Titel",
        description=changed.description,
        topic=changed.topic,
    )
    changed.refresh_from_db()

    assert queue_keys(moderator_client.get(QUEUE_URL)) == [key(other), key(changed)]


def test_a_list_action_releases_only_the_version_shown_on_its_page(moderator_client):
    comment = CommentFactory(moderation_state=PENDING, text="Erste Fassung")
    release = {"action": "release_selected", "_selected_action": [comment.pk]}
    shown = moderator_client.post(COMMENTS_URL, release)
    assert f'name="seen" value="{key(comment)}"' in shown.text
    stale = key(comment)
    from comments.services import delete_comment

    delete_comment(comment=comment, user=comment.author)

    moderator_client.post(COMMENTS_URL, {**release, "confirm": "yes", "seen": stale})
    comment.refresh_from_db()
    assert comment.is_pending
    # Without any version seen (an old form, a crafted request) nothing is released either.
    moderator_client.post(f"{COMMENTS_URL}{comment.pk}/moderate/release/")
    comment.refresh_from_db()
    assert comment.is_pending


def test_tick_all_on_this_page_of_the_queue(moderator_client):
    contributions = [ProposalFactory(moderation_state=PENDING) for _ in range(3)]
    page = moderator_client.get(QUEUE_URL)
    assert "alle=1" in page.text
    assert not page.context["ticked"]

    ticked = moderator_client.get(f"{QUEUE_URL}?alle=1")

    assert ticked.context["ticked"] == {key(c) for c in contributions}
    assert len(re.findall(r'name="items" value="[^"]+" id="[^"]+" checked', ticked.text)) == 3
    assert ticked.context["all_ticked"]


def test_queue_is_for_moderators_only(client, editor, user):
    proposal = ProposalFactory(moderation_state=PENDING)
    data = {"items": [key(proposal)], "decision": "release"}

    response = client.get(QUEUE_URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert client.post(QUEUE_URL, data).status_code == 302

    client.force_login(user)
    assert client.get(QUEUE_URL).status_code == 302

    client.force_login(editor)
    assert client.get(QUEUE_URL).status_code == 403
    assert client.post(QUEUE_URL, data).status_code == 403

    proposal.refresh_from_db()
    assert proposal.is_pending
    assert not Decision.objects.exists()


def test_editor_cannot_release_through_the_proposal_or_comment_list(editor_client):
    proposal = ProposalFactory(moderation_state=PENDING)
    comment = CommentFactory(moderation_state=PENDING)

    assert editor_client.get(PROPOSALS_URL).status_code == 200
    assert "release_selected" not in editor_client.get(PROPOSALS_URL).text
    editor_client.post(
        PROPOSALS_URL, {"action": "release_selected", "_selected_action": [proposal.pk]}
    )
    editor_client.post(
        COMMENTS_URL, {"action": "release_selected", "_selected_action": [comment.pk]}
    )
    change_url = f"{PROPOSALS_URL}{proposal.pk}/moderate/release/"
    assert editor_client.post(change_url).status_code == 403

    for contribution in refreshed(proposal, comment):
        assert contribution.is_pending
    assert not Decision.objects.exists()


# The admin start page


def test_start_page_shows_moderators_what_waits(moderator_client):
    ProposalFactory(moderation_state=PENDING)
    CommentFactory(moderation_state=PENDING)
    reported = CommentFactory()
    report_contribution(contribution=reported, reporter=UserFactory(), reason=Report.Reason.SPAM)
    response = moderator_client.get("/admin/")

    html = response.text
    assert 'id="moderation-summary"' in html
    assert f'href="{QUEUE_URL}"' in html
    assert f'href="{REPORTS_URL}?state=open"' in html
    assert "2 Beiträge warten auf Freigabe" in html
    assert "1 offene Meldung" in html
    assert moderator_client.get("/admin/moderation/").text.count('id="moderation-summary"') == 1
    assert 'id="moderation-summary"' not in moderator_client.get("/admin/proposals/").text


def test_start_page_shows_nothing_of_it_to_editors(editor_client):
    ProposalFactory(moderation_state=PENDING)

    html = editor_client.get("/admin/").text

    assert 'id="moderation-summary"' not in html
    assert QUEUE_URL not in html


# Reports


def reported(contribution, *, reason=Report.Reason.INSULT, **kwargs):
    return report_contribution(
        contribution=contribution, reporter=UserFactory(), reason=reason, **kwargs
    )


def action(name, *reports, **data):
    return {"action": name, "_selected_action": [report.pk for report in reports], **data}


def test_report_list_shows_open_reports_first_with_the_contribution(moderator_client, moderator):
    handled_comment = CommentFactory(text="Schon erledigt")
    handled = reported(handled_comment)
    resolve_reports(contribution=handled_comment, moderator=moderator, remove=False)
    proposal = ProposalFactory(title="Parkplätze abschaffen", description="Alle weg.")
    open_report = reported(proposal, reason=Report.Reason.SPAM)

    response = moderator_client.get(REPORTS_URL)

    assert list(response.context["cl"].result_list) == [open_report, handled]
    html = response.text
    assert f'<a href="{proposal.get_absolute_url()}">Parkplätze abschaffen</a>' in html
    assert "Alle weg." in html
    assert open_report.reporter.username in html
    open_only = moderator_client.get(REPORTS_URL + "?state=open")
    assert list(open_only.context["cl"].result_list) == [open_report]


def test_report_list_takes_the_same_queries_for_few_and_many(moderator_client):
    def make(n):
        for _ in range(n):
            reported(ProposalFactory())
            reported(CommentFactory(target=ProposalFactory()))

    make(2)
    with CaptureQueriesContext(connection) as few:
        moderator_client.get(REPORTS_URL)
    make(15)
    with CaptureQueriesContext(connection) as many:
        moderator_client.get(REPORTS_URL)
    assert len(many) == len(few)


def test_removing_a_reported_contribution_asks_for_a_reason_then_hides_it_and_closes_reports(
    moderator_client, moderator, reason_template
):
    comment = CommentFactory()
    first, second = reported(comment), reported(comment)

    page = moderator_client.post(REPORTS_URL, action("remove_contributions", first))
    assert page.status_code == 200
    assert 'name="reason_template"' in page.text
    comment.refresh_from_db()
    assert comment.is_published

    missing = moderator_client.post(
        REPORTS_URL, action("remove_contributions", first, confirm="yes", reason_text="")
    )
    assert missing.status_code == 200
    assert "reason_text" in missing.context["form"].errors
    comment.refresh_from_db()
    assert comment.is_published
    assert Report.objects.open().count() == 2

    done = moderator_client.post(
        REPORTS_URL,
        action("remove_contributions", first, confirm="yes", reason_template=reason_template.pk),
    )
    assert done.status_code == 302
    comment.refresh_from_db()
    assert comment.is_hidden
    assert comment.moderation_reason == reason_template.text
    for report in refreshed(first, second):
        assert report.resolution == Report.Resolution.REMOVED
        assert report.resolved_by == moderator
    assert Decision.objects.get().kind == Decision.Kind.HIDDEN


def test_no_action_needed_closes_the_reports_and_keeps_the_contribution(
    moderator_client, moderator
):
    proposal = ProposalFactory()
    report = reported(proposal)

    response = moderator_client.post(REPORTS_URL, action("dismiss_reports", report))

    assert response.status_code == 302
    report.refresh_from_db()
    proposal.refresh_from_db()
    assert report.resolution == Report.Resolution.DISMISSED
    assert report.resolved_by == moderator
    assert proposal.is_published
    assert not Decision.objects.exists()


def test_reports_are_neither_added_nor_changed_by_hand(moderator_client, editor_client):
    report = reported(CommentFactory(), reason=Report.Reason.OTHER, text="Werbung")
    change_url = f"{REPORTS_URL}{report.pk}/change/"

    assert moderator_client.get(REPORTS_URL + "add/").status_code == 403
    page = moderator_client.get(change_url)
    assert page.status_code == 200
    assert 'name="text"' not in page.text
    moderator_client.post(change_url, {"reason": "spam", "text": "anders"})
    report.refresh_from_db()
    assert (report.reason, report.text) == ("other", "Werbung")
    assert moderator_client.post(f"{REPORTS_URL}{report.pk}/delete/").status_code == 403
    assert editor_client.get(REPORTS_URL).status_code == 403


# Decision log


def test_decision_log_lists_every_decision_read_only(moderator_client, moderator):
    proposal = ProposalFactory(moderation_state=PENDING, title="Fahrradständer")
    comment = CommentFactory(moderation_state=PENDING)
    moderator_client.post(QUEUE_URL, {"items": [key(proposal)], "decision": "release"})
    moderator_client.post(
        QUEUE_URL, {"items": [key(comment)], "decision": "reject", "reason_text": "Zu persönlich."}
    )

    response = moderator_client.get(DECISIONS_URL)

    decisions = list(response.context["cl"].result_list)
    assert [d.kind for d in decisions] == [Decision.Kind.REJECTED, Decision.Kind.RELEASED]
    html = response.text
    assert "Fahrradständer" in html
    assert "Zu persönlich." in html
    assert moderator.username in html
    assert f'href="{PROPOSALS_URL}{proposal.pk}/change/"' in html

    decision = decisions[0]
    assert moderator_client.get(DECISIONS_URL + "add/").status_code == 403
    assert moderator_client.get(f"{DECISIONS_URL}{decision.pk}/change/").status_code == 200
    moderator_client.post(f"{DECISIONS_URL}{decision.pk}/change/", {"reason": "geändert"})
    assert moderator_client.post(f"{DECISIONS_URL}{decision.pk}/delete/").status_code == 403
    decision.refresh_from_db()
    assert decision.reason == "Zu persönlich."
    assert Decision.objects.count() == 2


def test_decision_log_filters_and_search(moderator_client, moderator):
    release(
        contribution=ProposalFactory(moderation_state=PENDING),
        moderator=moderator,
        seen_revision=1,
    )
    reject(
        contribution=CommentFactory(moderation_state=PENDING),
        moderator=moderator,
        reason="Enthält eine Telefonnummer.",
    )

    by_kind = moderator_client.get(DECISIONS_URL + "?kind__exact=released")
    by_text = moderator_client.get(DECISIONS_URL + "?q=Telefonnummer")
    by_moderator = moderator_client.get(f"{DECISIONS_URL}?moderator__id__exact={moderator.pk}")

    assert [d.kind for d in by_kind.context["cl"].result_list] == ["released"]
    assert [d.kind for d in by_text.context["cl"].result_list] == ["rejected"]
    assert len(by_moderator.context["cl"].result_list) == 2


# Proposals


def proposal_form(proposal, **overrides):
    entries = list(proposal.history.all())
    data = {
        "status": proposal.status,
        "response": proposal.response,
        "history-TOTAL_FORMS": str(len(entries)),
        "history-INITIAL_FORMS": str(len(entries)),
        "progress-milestone-content_type-object_id-TOTAL_FORMS": "0",
        "progress-milestone-content_type-object_id-INITIAL_FORMS": "0",
        "history-MIN_NUM_FORMS": "0",
        "history-MAX_NUM_FORMS": "0",
    }
    for number, entry in enumerate(entries):
        data[f"history-{number}-id"] = str(entry.pk)
        data[f"history-{number}-proposal"] = str(proposal.pk)
    return {**data, **overrides}


def test_proposal_list_shows_supports_without_a_query_per_row(moderator_client):
    proposal = ProposalFactory(title="Trinkbrunnen", project=ProjectFactory())
    SupportFactory.create_batch(3, proposal=proposal)

    with CaptureQueriesContext(connection) as few:
        response = moderator_client.get(PROPOSALS_URL)
    assert '<td class="field-support_count">3</td>' in response.text
    for _ in range(20):
        SupportFactory(proposal=ProposalFactory(project=ProjectFactory()))
    with CaptureQueriesContext(connection) as many:
        moderator_client.get(PROPOSALS_URL)
    assert len(many) == len(few)


def test_proposal_list_filters_by_status_and_moderation_state(moderator_client):
    waiting = ProposalFactory(moderation_state=PENDING)
    accepted = ProposalFactory(status=Proposal.Status.ACCEPTED)

    by_state = moderator_client.get(PROPOSALS_URL + "?moderation_state__exact=pending")
    by_status = moderator_client.get(PROPOSALS_URL + "?status__exact=accepted")

    assert list(by_state.context["cl"].result_list) == [waiting]
    assert list(by_status.context["cl"].result_list) == [accepted]


def test_moderator_sets_status_and_response_which_becomes_a_history_entry(
    moderator_client, moderator
):
    proposal = ProposalFactory(title="Sitzbänke", description="Im Park.")
    StatusEntryFactory(proposal=proposal)

    response = moderator_client.post(
        f"{PROPOSALS_URL}{proposal.pk}/change/",
        proposal_form(
            proposal,
            status=Proposal.Status.UNDER_REVIEW,
            response="Wir prüfen das mit dem Grünflächenamt.",
            title="Umgeschrieben",
            description="Anders.",
        ),
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.UNDER_REVIEW
    assert proposal.response == "Wir prüfen das mit dem Grünflächenamt."
    assert proposal.response_by == moderator
    assert proposal.response_at is not None
    # The citizen's words stay as written.
    assert (proposal.title, proposal.description) == ("Sitzbänke", "Im Park.")
    entry = StatusEntry.objects.filter(proposal=proposal).latest("pk")
    assert (entry.status, entry.status_changed, entry.response_changed) == (
        Proposal.Status.UNDER_REVIEW,
        True,
        True,
    )
    assert entry.changed_by == moderator
    assert LogEntry.objects.filter(object_id=str(proposal.pk), user=moderator).exists()

    page = moderator_client.get(f"{PROPOSALS_URL}{proposal.pk}/change/")
    assert 'name="status"' in page.text
    assert 'name="title"' not in page.text
    assert 'name="description"' not in page.text


def test_editor_only_views_a_proposal_and_cannot_set_its_status(editor_client):
    proposal = ProposalFactory()
    change_url = f"{PROPOSALS_URL}{proposal.pk}/change/"

    page = editor_client.get(change_url)
    assert page.status_code == 200
    assert 'name="status"' not in page.text
    response = editor_client.post(
        change_url, proposal_form(proposal, status="accepted", response="Ja.")
    )

    assert response.status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.SUBMITTED
    assert not StatusEntry.objects.exists()


def test_proposals_are_not_added_in_the_admin_nor_deleted_by_moderators(moderator_client, user):
    proposal = ProposalFactory()
    assert moderator_client.get(PROPOSALS_URL + "add/").status_code == 403
    assert moderator_client.post(f"{PROPOSALS_URL}{proposal.pk}/delete/").status_code == 403
    assert Proposal.objects.filter(pk=proposal.pk).exists()


def test_release_and_reject_on_the_proposal_page(moderator_client, reason_template):
    waiting = ProposalFactory(moderation_state=PENDING)
    other = ProposalFactory(moderation_state=PENDING)
    page = moderator_client.get(f"{PROPOSALS_URL}{waiting.pk}/change/")
    assert f'action="{PROPOSALS_URL}{waiting.pk}/moderate/release/"' in page.text
    assert f'action="{PROPOSALS_URL}{waiting.pk}/moderate/reject/"' in page.text
    assert "/moderate/hide/" not in page.text

    assert f'name="seen" value="{key(waiting)}"' in page.text
    released = moderator_client.post(
        f"{PROPOSALS_URL}{waiting.pk}/moderate/release/", {"seen": key(waiting)}
    )
    assert released.status_code == 302
    waiting.refresh_from_db()
    assert waiting.is_published

    refused = moderator_client.post(f"{PROPOSALS_URL}{other.pk}/moderate/reject/", {})
    assert refused.status_code == 200
    assert "reason_text" in refused.context["form"].errors
    other.refresh_from_db()
    assert other.is_pending

    moderator_client.post(
        f"{PROPOSALS_URL}{other.pk}/moderate/reject/", {"reason_template": reason_template.pk}
    )
    other.refresh_from_db()
    assert other.is_rejected
    assert other.moderation_reason == reason_template.text


def test_hide_with_a_reason_and_restore_from_the_proposal_list(moderator_client, moderator):
    proposal = ProposalFactory()
    hide = {"action": "hide_selected", "_selected_action": [proposal.pk]}

    asked = moderator_client.post(PROPOSALS_URL, hide)
    assert asked.status_code == 200
    assert 'name="reason_text"' in asked.text
    proposal.refresh_from_db()
    assert proposal.is_published

    moderator_client.post(PROPOSALS_URL, {**hide, "confirm": "yes", "reason_text": "Werbung."})
    proposal.refresh_from_db()
    assert proposal.is_hidden
    assert proposal.moderation_reason == "Werbung."

    restore = {"action": "restore_selected", "_selected_action": [proposal.pk]}
    asked = moderator_client.post(PROPOSALS_URL, restore)
    assert asked.status_code == 200  # the text first, then the decision
    assert 'name="reason_text"' not in asked.text
    proposal.refresh_from_db()
    assert proposal.is_hidden
    moderator_client.post(PROPOSALS_URL, {**restore, "confirm": "yes", "seen": key(proposal)})
    proposal.refresh_from_db()
    assert proposal.is_published
    assert list(Decision.objects.order_by("pk").values_list("kind", flat=True)) == [
        "hidden",
        "restored",
    ]


# Comments


def test_comment_list_shows_target_without_a_query_per_row(moderator_client):
    proposal = ProposalFactory(title="Radweg Mainzer Straße")
    CommentFactory(target=proposal, text="Unbedingt!")
    CommentFactory(parent=CommentFactory(target=ProjectFactory()))

    with CaptureQueriesContext(connection) as few:
        response = moderator_client.get(COMMENTS_URL)
    assert f'<a href="{proposal.get_absolute_url()}">Radweg Mainzer Straße</a>' in response.text
    for _ in range(15):
        CommentFactory(target=ProposalFactory())
        CommentFactory(parent=CommentFactory(target=ProjectFactory()))
    with CaptureQueriesContext(connection) as many:
        moderator_client.get(COMMENTS_URL)
    assert len(many) == len(few)


def test_comment_list_marks_answers_of_the_city_and_writes_dates_short(moderator_client):
    CommentFactory(text="Wir prüfen das.", is_official=True)
    CommentFactory(text="Danke!")

    html = moderator_client.get(COMMENTS_URL).text

    assert "<strong>Antwort der Stadt:</strong> Wir prüfen das." in html
    assert "<strong>Antwort der Stadt:</strong> Danke!" not in html
    assert timezone.localtime().strftime("%d.%m.%Y") in html


def test_comment_text_is_read_only_and_moderators_hide_and_restore(moderator_client):
    comment = CommentFactory(text="Original")
    change_url = f"{COMMENTS_URL}{comment.pk}/change/"

    page = moderator_client.get(change_url)
    assert page.status_code == 200
    assert 'name="text"' not in page.text
    assert f'action="{COMMENTS_URL}{comment.pk}/moderate/hide/"' in page.text
    moderator_client.post(change_url, {"text": "Umgeschrieben"})
    comment.refresh_from_db()
    assert comment.text == "Original"

    moderator_client.post(f"{COMMENTS_URL}{comment.pk}/moderate/hide/", {"reason_text": "Spam."})
    comment.refresh_from_db()
    assert comment.is_hidden
    page = moderator_client.get(change_url)
    assert f'action="{COMMENTS_URL}{comment.pk}/moderate/restore/"' in page.text
    moderator_client.post(f"{COMMENTS_URL}{comment.pk}/moderate/restore/", {"seen": key(comment)})
    comment.refresh_from_db()
    assert comment.is_published


def test_comment_actions_release_and_reject(moderator_client, reason_template):
    first = CommentFactory(moderation_state=PENDING)
    second = CommentFactory(moderation_state=PENDING)

    release = {"action": "release_selected", "_selected_action": [first.pk]}
    asked = moderator_client.post(COMMENTS_URL, release)
    assert asked.status_code == 200
    assert first.text in asked.text  # the moderator reads it before releasing it
    moderator_client.post(COMMENTS_URL, {**release, "confirm": "yes", "seen": key(first)})
    moderator_client.post(
        COMMENTS_URL,
        {
            "action": "reject_selected",
            "_selected_action": [second.pk],
            "confirm": "yes",
            "reason_template": reason_template.pk,
        },
    )

    refreshed(first, second)
    assert first.is_published
    assert second.is_rejected


# Settings and reason templates


def test_site_settings_open_as_the_single_row_and_switch_pre_moderation(moderator_client):
    response = moderator_client.get("/admin/moderation/sitesettings/")
    settings = SiteSettings.load()
    change_url = f"/admin/moderation/sitesettings/{settings.pk}/change/"
    assert response.status_code == 302
    assert response["Location"] == change_url
    assert moderator_client.get("/admin/moderation/sitesettings/add/").status_code == 403
    assert moderator_client.post(change_url.replace("change", "delete")).status_code == 403

    moderator_client.post(change_url, {})  # an unticked checkbox is not sent
    assert SiteSettings.load().premoderation is False
    moderator_client.post(change_url, {"premoderation": "on"})
    assert SiteSettings.load().premoderation is True
    assert SiteSettings.objects.count() == 1


def test_editors_cannot_switch_pre_moderation(editor_client):
    settings = SiteSettings.load()
    response = editor_client.post(f"/admin/moderation/sitesettings/{settings.pk}/change/", {})
    assert response.status_code == 403
    assert SiteSettings.load().premoderation is True


def test_moderators_keep_reason_templates(moderator_client):
    response = moderator_client.post(
        "/admin/moderation/reasontemplate/add/",
        {"title": "Spam", "text": "Werbung ist hier nicht erlaubt."},
    )
    assert response.status_code == 302
    assert ReasonTemplate.objects.get().title == "Spam"


def test_project_page_offers_its_own_pre_moderation_rule(client, editor):
    project = ProjectFactory()
    client.force_login(editor)
    page = client.get(f"/admin/projects/project/{project.pk}/change/")
    assert 'name="premoderation"' in page.text


# Escaping


def test_citizens_markup_is_shown_as_text_everywhere(moderator_client, moderator):
    proposal = ProposalFactory(moderation_state=PENDING, title=SCRIPT, description=SCRIPT)
    comment = CommentFactory(target=ProposalFactory(), moderation_state=PENDING, text="<b>x</b>")

    def assert_escaped(url):
        html = moderator_client.get(url).text
        assert SCRIPT not in html, url
        assert "<b>x</b>" not in html, url
        return html

    html = assert_escaped(QUEUE_URL)
    assert ESCAPED_SCRIPT in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html
    release(contribution=proposal, moderator=moderator, seen_revision=proposal.revision)
    release(contribution=comment, moderator=moderator, seen_revision=comment.revision)
    proposal_report = reported(proposal)
    reported(comment)
    for url in [
        PROPOSALS_URL,
        f"{PROPOSALS_URL}{proposal.pk}/change/",
        COMMENTS_URL,
        f"{COMMENTS_URL}{comment.pk}/change/",
        REPORTS_URL,
        f"{REPORTS_URL}{proposal_report.pk}/change/",
        DECISIONS_URL,
    ]:
        html = assert_escaped(url)
        assert ESCAPED_SCRIPT in html or "&lt;b&gt;x&lt;/b&gt;" in html, url
    asked = moderator_client.post(
        PROPOSALS_URL, {"action": "hide_selected", "_selected_action": [proposal.pk]}
    )
    assert SCRIPT not in asked.text
    assert ESCAPED_SCRIPT in asked.text


def test_the_decision_log_names_a_contribution_whose_words_were_deleted(moderator_client):
    from comments.services import delete_comment

    comment = CommentFactory(moderation_state=PENDING, text="Schon bald gelöscht")
    release(
        contribution=comment,
        moderator=UserFactory(is_staff=True, groups=["Moderation"]),
        seen_revision=1,
    )
    delete_comment(comment=comment, user=comment.author)

    html = moderator_client.get(DECISIONS_URL).text

    assert "Schon bald gelöscht" not in html
    assert (
        f'<a href="/admin/comments/comment/{comment.pk}/change/">(Wortlaut gelöscht)</a>' in html
    )
