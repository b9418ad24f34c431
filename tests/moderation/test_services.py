"""Moderation decisions, the pre-moderation switch and reports, through the services."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from comments.services import delete_comment
from moderation.models import Decision, ModerationState, Report, SiteSettings
from moderation.services import (
    AlreadyReported,
    ChangedSinceSeen,
    decide,
    hide,
    initial_state,
    reject,
    release,
    report_contribution,
    resolve_reports,
    restore,
)
from tests.accounts.factories import UserFactory
from tests.comments.factories import CommentFactory
from tests.projects.factories import ProjectFactory
from tests.proposals.factories import ProposalFactory

pytestmark = pytest.mark.django_db

PENDING = ModerationState.PENDING


def test_release_publishes_and_records_who_when_and_what(moderator):
    proposal = ProposalFactory(moderation_state=PENDING, title="Trinkbrunnen am Stiftsplatz")
    release(contribution=proposal, moderator=moderator, seen_revision=proposal.revision)
    proposal.refresh_from_db()
    assert proposal.is_published
    assert proposal.published_at is not None
    assert proposal.moderated_by == moderator
    decision = Decision.objects.get()
    assert decision.kind == Decision.Kind.RELEASED
    assert decision.moderator == moderator
    assert decision.author == proposal.author
    assert decision.summary == "Trinkbrunnen am Stiftsplatz"
    assert decision.contribution == proposal


def test_reject_needs_a_reason_that_the_author_sees(moderator):
    comment = CommentFactory(moderation_state=PENDING)
    with pytest.raises(ValidationError):
        reject(contribution=comment, moderator=moderator, reason="  ")
    comment.refresh_from_db()
    assert comment.is_pending
    assert not Decision.objects.exists()
    reject(contribution=comment, moderator=moderator, reason="Bitte sachlich bleiben.")
    comment.refresh_from_db()
    assert comment.is_rejected
    assert comment.moderation_reason == "Bitte sachlich bleiben."
    assert Decision.objects.get().reason == "Bitte sachlich bleiben."


def test_hide_and_restore_published_content(moderator):
    comment = CommentFactory()
    hide(contribution=comment, moderator=moderator, reason="Persönliche Daten")
    comment.refresh_from_db()
    assert comment.is_hidden and comment.moderation_reason == "Persönliche Daten"
    restore(contribution=comment, moderator=moderator, seen_revision=comment.revision)
    comment.refresh_from_db()
    assert comment.is_published and comment.moderation_reason == ""
    assert list(Decision.objects.values_list("kind", flat=True)) == ["restored", "hidden"]


def test_a_decision_on_a_stale_state_is_refused(moderator):
    proposal = ProposalFactory()  # already published, e.g. by a colleague
    with pytest.raises(ValidationError):
        reject(contribution=proposal, moderator=moderator, reason="Spam")
    assert not Decision.objects.exists()


@pytest.mark.parametrize("fixture", ["editor", "user"])
def test_only_moderators_decide(request, fixture):
    someone = request.getfixturevalue(fixture)
    proposal = ProposalFactory(moderation_state=PENDING)
    with pytest.raises(PermissionDenied):
        release(contribution=proposal, moderator=someone, seen_revision=proposal.revision)
    proposal.refresh_from_db()
    assert proposal.is_pending


def test_premoderation_site_switch_and_project_override(user, moderator):
    assert initial_state(author=user) == PENDING
    assert initial_state(author=moderator) == ModerationState.PUBLISHED
    settings_row = SiteSettings.load()
    settings_row.premoderation = False
    settings_row.save()
    assert initial_state(author=user) == ModerationState.PUBLISHED
    assert initial_state(author=user, project=ProjectFactory(premoderation="on")) == PENDING
    settings_row.premoderation = True
    settings_row.save()
    assert (
        initial_state(author=user, project=ProjectFactory(premoderation="off"))
        == ModerationState.PUBLISHED
    )
    assert initial_state(author=user, project=ProjectFactory()) == PENDING


def test_report_once_per_person_and_only_published(user):
    comment = CommentFactory()
    report_contribution(contribution=comment, reporter=user, reason=Report.Reason.SPAM)
    with pytest.raises(AlreadyReported):
        report_contribution(contribution=comment, reporter=user, reason=Report.Reason.INSULT)
    assert Report.objects.count() == 1
    with pytest.raises(ValidationError):
        report_contribution(
            contribution=CommentFactory(moderation_state=PENDING),
            reporter=user,
            reason=Report.Reason.SPAM,
        )
    with pytest.raises(ValidationError):
        report_contribution(contribution=ProposalFactory(), reporter=user, reason="other")
    assert Report.objects.count() == 1


def test_resolving_reports_removes_the_contribution_and_closes_all_its_reports(moderator):
    proposal = ProposalFactory()
    for reporter in UserFactory.create_batch(2):
        report_contribution(
            contribution=proposal, reporter=reporter, reason=Report.Reason.PERSONAL_DATA
        )
    other = report_contribution(
        contribution=CommentFactory(), reporter=UserFactory(), reason=Report.Reason.SPAM
    )
    assert (
        resolve_reports(
            contribution=proposal,
            moderator=moderator,
            remove=True,
            reason="Telefonnummer entfernt",
        )
        == 2
    )
    proposal.refresh_from_db()
    assert proposal.is_hidden
    assert set(Report.objects.open()) == {other}


def test_dismissing_reports_keeps_the_contribution(moderator, user):
    comment = CommentFactory()
    report_contribution(contribution=comment, reporter=user, reason=Report.Reason.SPAM)
    resolve_reports(contribution=comment, moderator=moderator, remove=False)
    comment.refresh_from_db()
    assert comment.is_published
    assert Report.objects.get().resolution == Report.Resolution.DISMISSED


# A decision applies to exactly the version the moderator saw


def test_a_change_by_the_author_after_the_moderator_looked_is_not_released(moderator):
    from proposals.services import update_proposal

    proposal = ProposalFactory(moderation_state=PENDING, title="Mehr Bänke", description="Bitte.")
    seen = proposal.revision
    update_proposal(
        proposal=proposal,
        user=proposal.author,
        title="Mehr Bänke",
        description="Unreviewed words nobody has read.",
        topic=proposal.topic,
    )

    with pytest.raises(ChangedSinceSeen):
        release(contribution=proposal, moderator=moderator, seen_revision=seen)

    proposal.refresh_from_db()
    assert proposal.is_pending
    assert not Decision.objects.exists()
    release(contribution=proposal, moderator=moderator, seen_revision=2)
    proposal.refresh_from_db()
    assert proposal.is_published
    assert Decision.objects.get().revision == 2


def test_a_release_must_name_the_version_seen(moderator):
    proposal = ProposalFactory(moderation_state=PENDING)
    with pytest.raises(ChangedSinceSeen):
        decide(contribution=proposal, moderator=moderator, kind=Decision.Kind.RELEASED)
    proposal.refresh_from_db()
    assert proposal.is_pending


def test_a_rejection_of_an_older_version_is_refused_too(moderator):
    comment = CommentFactory(moderation_state=PENDING)
    delete_comment(comment=comment, user=comment.author)
    with pytest.raises(ChangedSinceSeen):
        reject(contribution=comment, moderator=moderator, reason="Spam.", seen_revision=1)
    comment.refresh_from_db()
    assert comment.is_pending


def test_reports_are_limited_by_the_service_whatever_calls_it(settings):
    from core.ratelimit import RateLimited

    settings.CONTRIBUTION_RATE_LIMITS = {**settings.CONTRIBUTION_RATE_LIMITS, "report": "2/h"}
    reporter = UserFactory()
    for _ in range(2):
        report_contribution(
            contribution=CommentFactory(), reporter=reporter, reason=Report.Reason.SPAM
        )
    with pytest.raises(RateLimited):
        report_contribution(
            contribution=CommentFactory(), reporter=reporter, reason=Report.Reason.SPAM
        )
    assert Report.objects.filter(reporter=reporter).count() == 2
