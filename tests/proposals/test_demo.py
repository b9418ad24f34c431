"""The demo proposals, comments and moderation work that `make run` loads."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from accounts.models import User
from comments.models import Comment
from demo.moderation import REASON_TEMPLATES
from moderation.models import Decision, ModerationState, ReasonTemplate, Report
from polls.models import Poll
from projects.models import Project
from proposals.models import Proposal, StatusEntry, Support

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(seeded_demo, db, settings):
    settings.DEBUG = True  # for tests that seed again
    return seeded_demo


@pytest.fixture
def citizen(demo):
    return User.objects.get(email="buergerin@example.org")


@pytest.fixture
def demo_moderator(demo):
    return User.objects.get(email="moderation@example.org")


def counts():
    return [
        model.objects.count()
        for model in (
            Proposal,
            Support,
            StatusEntry,
            Comment,
            Decision,
            Report,
            ReasonTemplate,
            User,
        )
    ]


def test_seeding_twice_changes_nothing(demo, settings):
    before = counts()
    dates = list(Proposal.objects.values_list("pk", "updated_at", "published_at"))
    output = StringIO()
    call_command("seed_demo", "--without-renditions", stdout=output)
    assert counts() == before
    assert list(Proposal.objects.values_list("pk", "updated_at", "published_at")) == dates
    assert "0 new proposals, 0 new comments, 0 new reason templates" in output.getvalue()


def test_output_names_the_new_proposals_and_comments(demo):
    assert f"{Proposal.objects.count()} new proposals" in demo
    assert f"{Comment.objects.count()} new comments" in demo


def test_every_status_and_moderation_state_is_there(demo):
    assert set(Proposal.objects.values_list("status", flat=True)) == set(Proposal.Status.values)
    assert set(Proposal.objects.values_list("moderation_state", flat=True)) == set(
        ModerationState.values
    )
    published = Proposal.objects.published()
    assert set(published.values_list("status", flat=True)) == set(Proposal.Status.values)
    assert published.count() > Proposal.objects.count() / 2
    assert Proposal.objects.filter(project=None).exists()
    for proposal in Proposal.objects.exclude(project=None).select_related("project"):
        assert proposal.project.accepts_proposals, proposal.title


def test_supports_differ_so_that_sorting_by_them_means_something(demo, citizen):
    counts = list(
        Proposal.objects.published().with_counts().values_list("support_count", flat=True)
    )
    assert len(set(counts)) == len(counts)
    assert max(counts) >= 20
    assert Support.objects.filter(user=citizen).count() >= 2
    # Supports are given to released proposals, never by their authors.
    assert not Support.objects.exclude(
        proposal__moderation_state__in=[ModerationState.PUBLISHED, ModerationState.HIDDEN]
    ).exists()
    for support in Support.objects.select_related("proposal"):
        assert support.user_id != support.proposal.author_id
        assert support.proposal.published_at < support.created_at < timezone.now()
    # The stored count is what the list sorts by.
    for proposal in Proposal.objects.all():
        assert proposal.support_count == proposal.supports.count(), proposal.title


def test_responses_come_from_the_moderation_account_with_a_dated_history(demo, demo_moderator):
    answered = Proposal.objects.exclude(response="")
    assert answered.count() >= 4
    now = timezone.now()
    for proposal in answered:
        assert proposal.response_by == demo_moderator
        assert proposal.created_at < proposal.response_at < now
        history = list(proposal.history.all())
        assert history[0].status == Proposal.Status.SUBMITTED
        assert history[0].created_at == proposal.created_at
        assert history[-1].status == proposal.status
        dates = [entry.created_at for entry in history]
        assert dates == sorted(dates) and dates[-1] < now
        assert any(
            entry.response_changed and entry.created_at == proposal.response_at
            for entry in history
        )
    implemented = Proposal.objects.get(status=Proposal.Status.IMPLEMENTED)
    assert [entry.status for entry in implemented.history.all()] == [
        "submitted",
        "under_review",
        "accepted",
        "implemented",
    ]


def test_moderation_decisions_are_recorded_with_reasons(demo, demo_moderator):
    for proposal in Proposal.objects.exclude(moderation_state=ModerationState.PENDING):
        decisions = Decision.objects.for_object(proposal)
        assert decisions.filter(moderator=demo_moderator).exists(), proposal.title
        assert proposal.moderated_by == demo_moderator
        assert proposal.moderated_at == decisions.first().created_at
    for state in (ModerationState.REJECTED, ModerationState.HIDDEN):
        proposal = Proposal.objects.get(moderation_state=state)
        assert proposal.moderation_reason
        assert Decision.objects.for_object(proposal).first().reason == proposal.moderation_reason
    pending = Proposal.objects.get(moderation_state=ModerationState.PENDING)
    assert not Decision.objects.for_object(pending).exists()
    assert Decision.objects.filter(kind=Decision.Kind.RELEASED).count() >= 20
    assert Decision.objects.filter(created_at__gte=timezone.now()).count() == 0


def test_the_demo_citizens_proposal_waits_for_release(client, demo, citizen):
    proposal = Proposal.objects.get(author=citizen)
    assert proposal.is_pending
    client.force_login(citizen)
    response = client.get(proposal.get_absolute_url())
    assert response.status_code == 200
    assert proposal.title in response.text
    assert "wartet auf freigabe" in response.text.lower()

    client.logout()
    assert client.get(proposal.get_absolute_url()).status_code == 404


def test_comments_on_proposals_project_and_poll(demo, demo_moderator, citizen):
    project = Project.objects.get(slug="stadt-raum-wir")
    poll = Poll.objects.get(slug="stadt-raum-wir-runde-2")
    for target in (project, poll):
        assert Comment.objects.on(target).published().filter(parent=None).exists()
        assert Comment.objects.on(target).exclude(parent=None).exists()
    assert Comment.objects.filter(content_type__model="proposal").count() >= 10

    # One level of replies only, always on the same page as the comment answered.
    for reply in Comment.objects.exclude(parent=None).select_related("parent"):
        assert reply.parent.parent_id is None
        assert (reply.content_type_id, reply.object_id) == (
            reply.parent.content_type_id,
            reply.parent.object_id,
        )
        assert reply.created_at > reply.parent.created_at

    official = Comment.objects.filter(is_official=True)
    assert official.exists()
    assert set(official.values_list("author", flat=True)) == {demo_moderator.pk}
    assert all(comment.is_published for comment in official)

    (pending,) = Comment.objects.pending()
    assert pending.author == citizen

    (deleted,) = Comment.objects.filter(deleted_at__isnull=False)
    assert deleted.text == ""
    assert deleted.replies.published().exists()

    for comment in Comment.objects.exclude(author=demo_moderator).exclude(
        moderation_state=ModerationState.PENDING
    ):
        assert Decision.objects.for_object(comment).filter(kind="released").exists()


def test_hidden_comment_shows_its_reason_in_its_place(client, demo):
    (hidden,) = Comment.objects.filter(moderation_state=ModerationState.HIDDEN)
    assert hidden.moderation_reason.startswith(REASON_TEMPLATES["Beleidigung"])
    (decision,) = Decision.objects.for_object(hidden).filter(kind=Decision.Kind.HIDDEN)
    assert decision.reason == hidden.moderation_reason

    response = client.get(hidden.target.get_absolute_url())
    assert response.status_code == 200
    assert hidden.moderation_reason in response.text
    assert "Spinner" not in response.text


def test_an_open_report_by_the_demo_citizen(demo, citizen):
    (report,) = Report.objects.open()
    assert report.reporter == citizen
    assert report.reason in {Report.Reason.INSULT, Report.Reason.SPAM}
    comment = report.contribution
    assert isinstance(comment, Comment)
    assert comment.is_published and comment.author != citizen
    assert comment.published_at < report.created_at < timezone.now()


def test_reason_templates_are_there_and_kept_as_staff_edit_them(demo, settings):
    assert set(ReasonTemplate.objects.values_list("title", flat=True)) >= {
        "Beleidigung",
        "Persönliche Daten",
        "Werbung/Spam",
        "Kein Bezug zum Thema",
        "Doppelter Beitrag",
    }
    for template in ReasonTemplate.objects.all():
        # Addressed to the author, formally.
        assert re.search(r"\b(Sie|Ihr|Ihre|Ihren)\b", template.text), template.title
        assert not re.search(r"\b(du|dein|deine|dich|dir)\b", template.text, re.I), template.title
    ReasonTemplate.objects.filter(title="Beleidigung").update(text="Eigener Text")
    call_command("seed_demo", "--without-renditions", verbosity=0)
    assert ReasonTemplate.objects.get(title="Beleidigung").text == "Eigener Text"
