"""Submitting, correcting, supporting and answering proposals, through the services."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from core import ratelimit
from moderation.models import ModerationState, SiteSettings
from projects.models import Project
from proposals.models import Proposal, StatusEntry, Support
from proposals.services import (
    set_status,
    submit_proposal,
    support_proposal,
    update_proposal,
    withdraw_support,
)
from tests.accounts.factories import UserFactory
from tests.projects.factories import ProjectFactory, TopicFactory

from .factories import ProposalFactory, SupportFactory

pytestmark = pytest.mark.django_db

PENDING = ModerationState.PENDING
STATUS = Proposal.Status


def submit(author, **kwargs):
    data = {
        "title": "  Trinkbrunnen am Stiftsplatz  ",
        "description": "Im Sommer fehlt Trinkwasser in der Innenstadt.",
        "topic": TopicFactory(),
    }
    return submit_proposal(author=author, **{**data, **kwargs})


def set_premoderation(on):
    site = SiteSettings.load()
    site.premoderation = on
    site.save()


# --- submit_proposal -----------------------------------------------------------------------


def test_submitted_proposal_waits_for_release_and_starts_its_history(user):
    proposal = submit(user)
    assert proposal.is_pending and proposal.published_at is None
    assert proposal.author == user
    assert proposal.title == "Trinkbrunnen am Stiftsplatz"  # trimmed
    assert proposal.status == STATUS.SUBMITTED
    entry = proposal.history.get()
    assert entry.status == STATUS.SUBMITTED and entry.status_changed
    assert not entry.response_changed
    assert entry.changed_by == user
    assert entry.created_at == proposal.created_at


def test_without_premoderation_the_proposal_is_published_at_once(user):
    set_premoderation(False)
    proposal = submit(user)
    assert proposal.is_published
    assert proposal.published_at == proposal.created_at


@pytest.mark.parametrize(
    ("site", "project_rule", "published"),
    [
        (True, Project.Premoderation.OFF, True),
        (False, Project.Premoderation.ON, False),
        (False, Project.Premoderation.SITE, True),
        (True, Project.Premoderation.SITE, False),
    ],
)
def test_project_rule_overrides_the_site_switch(user, site, project_rule, published):
    set_premoderation(site)
    project = ProjectFactory(accepts_proposals=True, premoderation=project_rule)
    proposal = submit(user, project=project)
    assert proposal.is_published is published
    assert proposal.project == project


def test_moderators_proposals_need_no_release(moderator):
    assert submit(moderator).is_published


def test_unconfirmed_person_cannot_submit():
    with pytest.raises(PermissionDenied):
        submit(UserFactory(confirmed=False))
    assert not Proposal.objects.exists()


@pytest.mark.parametrize(
    "project_kwargs",
    [
        {"accepts_proposals": False},
        {
            "accepts_proposals": True,
            "proposals_until": timezone.localdate() - datetime.timedelta(days=1),
        },
        {"accepts_proposals": True, "is_published": False},
    ],
)
def test_project_that_takes_no_proposals_is_refused(user, project_kwargs):
    with pytest.raises(ValidationError) as error:
        submit(user, project=ProjectFactory(**project_kwargs))
    assert "project" in error.value.error_dict
    assert not Proposal.objects.exists()


def test_project_accepting_until_today_takes_proposals(user):
    project = ProjectFactory(accepts_proposals=True, proposals_until=timezone.localdate())
    assert submit(user, project=project).project == project


def test_empty_or_too_long_text_is_refused(user):
    with pytest.raises(ValidationError) as error:
        submit(user, title=" ", description="x" * 5001)
    assert {"title", "description"} <= set(error.value.error_dict)
    assert not Proposal.objects.exists()


def test_rate_limit_refuses_further_proposals_and_saves_nothing(user, settings):
    settings.CONTRIBUTION_RATE_LIMITS = {"proposal": "1/d", "comment": "30/h", "report": "20/h"}
    submit(user)
    with pytest.raises(ratelimit.RateLimited):
        submit(user, title="Noch eine Idee")
    assert Proposal.objects.count() == 1
    assert StatusEntry.objects.count() == 1
    submit(UserFactory())  # the limit is per person


# --- update_proposal -----------------------------------------------------------------------


def test_author_corrects_a_pending_proposal(user):
    proposal = ProposalFactory(author=user, moderation_state=PENDING, title="Tippfehlr")
    topic = TopicFactory()
    updated = update_proposal(
        proposal=proposal,
        user=user,
        title=" Ohne Tippfehler ",
        description="Neu.",
        topic=topic,
        project=None,
    )
    proposal.refresh_from_db()
    assert proposal.title == updated.title == "Ohne Tippfehler"
    assert proposal.description == "Neu." and proposal.topic == topic
    assert proposal.is_pending
    # A new version, waiting anew from now on.
    assert (proposal.revision, proposal.waiting_since) == (2, proposal.revised_at)
    assert proposal.revised_at > proposal.created_at


def test_saving_a_proposal_unchanged_keeps_its_version_and_place(user):
    proposal = ProposalFactory(author=user, moderation_state=PENDING)
    update_proposal(
        proposal=proposal,
        user=user,
        title=proposal.title,
        description=proposal.description,
        topic=proposal.topic,
        project=proposal.project,
    )
    proposal.refresh_from_db()
    assert (proposal.revision, proposal.revised_at) == (1, None)


@pytest.mark.parametrize("state", [ModerationState.PUBLISHED, ModerationState.REJECTED])
def test_author_cannot_change_a_proposal_after_the_decision(user, state):
    proposal = ProposalFactory(author=user, moderation_state=state, title="Alt")
    with pytest.raises(PermissionDenied):
        update_proposal(
            proposal=proposal, user=user, title="Neu", description="x", topic=proposal.topic
        )
    proposal.refresh_from_db()
    assert proposal.title == "Alt"


@pytest.mark.parametrize("who", ["other", "moderator", "editor"])
def test_nobody_else_changes_a_pending_proposal(user, moderator, editor, who):
    proposal = ProposalFactory(author=user, moderation_state=PENDING, title="Alt")
    changer = {"other": UserFactory(), "moderator": moderator, "editor": editor}[who]
    with pytest.raises(PermissionDenied):
        update_proposal(
            proposal=proposal, user=changer, title="Neu", description="x", topic=proposal.topic
        )
    proposal.refresh_from_db()
    assert proposal.title == "Alt"


def test_correcting_cannot_move_a_proposal_to_a_closed_project(user):
    proposal = ProposalFactory(author=user, moderation_state=PENDING)
    with pytest.raises(ValidationError):
        update_proposal(
            proposal=proposal,
            user=user,
            title="Neu",
            description="x",
            topic=proposal.topic,
            project=ProjectFactory(accepts_proposals=False),
        )
    proposal.refresh_from_db()
    assert proposal.project is None


# --- supports ------------------------------------------------------------------------------


def test_support_counts_once_per_person(user):
    proposal = ProposalFactory()
    assert support_proposal(proposal=proposal, user=user) is True
    assert support_proposal(proposal=proposal, user=user) is False
    assert Support.objects.filter(proposal=proposal, user=user).count() == 1


@pytest.mark.parametrize(
    "state", [ModerationState.PENDING, ModerationState.REJECTED, ModerationState.HIDDEN]
)
def test_only_published_proposals_can_be_supported(user, state):
    proposal = ProposalFactory(moderation_state=state)
    with pytest.raises(PermissionDenied):
        support_proposal(proposal=proposal, user=user)
    assert not Support.objects.exists()


def test_unconfirmed_person_cannot_support():
    with pytest.raises(PermissionDenied):
        support_proposal(proposal=ProposalFactory(), user=UserFactory(confirmed=False))


def test_withdrawing_removes_only_the_own_support(user):
    proposal = ProposalFactory()
    SupportFactory(proposal=proposal)
    SupportFactory(proposal=proposal, user=user)
    assert withdraw_support(proposal=proposal, user=user) is True
    assert withdraw_support(proposal=proposal, user=user) is False
    assert proposal.supports.count() == 1


# --- set_status ----------------------------------------------------------------------------


def test_status_change_is_a_dated_history_entry(moderator):
    proposal = ProposalFactory()
    before = timezone.now()
    set_status(proposal=proposal, user=moderator, status=STATUS.UNDER_REVIEW, response="")
    proposal.refresh_from_db()
    assert proposal.status == STATUS.UNDER_REVIEW
    assert proposal.response_at is None and proposal.response_by is None
    entry = proposal.history.get()
    assert entry.status == STATUS.UNDER_REVIEW
    assert entry.status_changed and not entry.response_changed
    assert entry.changed_by == moderator
    assert entry.created_at >= before


def test_response_is_dated_signed_and_recorded(moderator):
    proposal = ProposalFactory()
    set_status(
        proposal=proposal, user=moderator, status=STATUS.ACCEPTED, response=" Wir bauen ihn. "
    )
    proposal.refresh_from_db()
    assert proposal.response == "Wir bauen ihn."
    assert proposal.response_by == moderator
    assert proposal.response_at is not None
    entry = proposal.history.get()
    assert entry.status_changed and entry.response_changed
    assert entry.created_at == proposal.response_at


def test_changing_only_the_response_records_a_response_entry(moderator):
    proposal = ProposalFactory()
    set_status(proposal=proposal, user=moderator, status=STATUS.ACCEPTED, response="Erste.")
    first_at = Proposal.objects.get(pk=proposal.pk).response_at
    set_status(proposal=proposal, user=moderator, status=STATUS.ACCEPTED, response="Zweite.")
    proposal.refresh_from_db()
    assert proposal.response == "Zweite." and proposal.response_at > first_at
    latest = proposal.history.last()
    assert latest.response_changed and not latest.status_changed
    assert proposal.history.count() == 2


def test_nothing_changed_means_no_history_entry(moderator):
    proposal = ProposalFactory()
    set_status(proposal=proposal, user=moderator, status=STATUS.ACCEPTED, response="Ja.")
    set_status(proposal=proposal, user=moderator, status=STATUS.ACCEPTED, response=" Ja. ")
    assert proposal.history.count() == 1


def test_clearing_the_response_clears_its_date(moderator):
    proposal = ProposalFactory()
    set_status(proposal=proposal, user=moderator, status=STATUS.ACCEPTED, response="Ja.")
    set_status(proposal=proposal, user=moderator, status=STATUS.ACCEPTED, response="")
    proposal.refresh_from_db()
    assert proposal.response == "" and proposal.response_at is None
    assert proposal.response_by is None
    assert proposal.history.last().response_changed


def test_unknown_status_is_refused(moderator):
    proposal = ProposalFactory()
    with pytest.raises(ValidationError):
        set_status(proposal=proposal, user=moderator, status="vergessen", response="")
    assert not proposal.history.exists()


@pytest.mark.parametrize("who", ["editor", "citizen", "author"])
def test_only_those_allowed_to_respond_set_the_status(editor, user, who):
    proposal = ProposalFactory(author=user)
    person = {"editor": editor, "citizen": UserFactory(), "author": user}[who]
    with pytest.raises(PermissionDenied):
        set_status(proposal=proposal, user=person, status=STATUS.ACCEPTED, response="Ja.")
    proposal.refresh_from_db()
    assert proposal.status == STATUS.SUBMITTED and proposal.response == ""
    assert not proposal.history.exists()
