"""The demo idea contest „Ich mach was in KL“ that `make run` loads, in its voting phase."""

from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from django.utils.html import escape

from accounts.models import User
from comments.models import Comment
from moderation.models import Decision
from proposals.models import Admission, Contest, Proposal, StatusEntry, Support
from proposals.permissions import can_support

pytestmark = pytest.mark.django_db

SLUG = "ich-mach-was-2027"


@pytest.fixture
def demo(seeded_demo, db, settings):
    settings.DEBUG = True  # for tests that seed again


@pytest.fixture
def contest(demo):
    return Contest.objects.select_related("project").get(slug=SLUG)


def ideas(contest, admission=None):
    found = contest.proposals.select_related("author", "admission_by", "moderated_by")
    return list(found if admission is None else found.filter(admission=admission))


def test_the_contest_is_published_and_in_its_voting_phase(contest):
    assert contest.is_published
    assert contest.current_phase == Contest.Phase.VOTING
    assert not contest.winners_announced
    assert contest.project.slug == "stadt-raum-wir"
    assert (contest.max_supports, contest.winner_count) == (3, 3)
    assert contest.title_de == "Ich mach was in KL: Ihre Idee für Ihr Viertel"
    assert contest.title_en.startswith("I’ll do something in KL: your idea for your")
    for field in ("intro", "method_note"):
        assert getattr(contest, f"{field}_de") and getattr(contest, f"{field}_en"), field
    # Submission from 40 to 20 days ago, the review until 3 days ago, the vote for 18 more.
    today = timezone.localdate()
    days = [
        (timezone.localtime(moment).date() - today).days
        for moment in (
            contest.submission_opens,
            contest.submission_closes,
            contest.voting_opens,
            contest.voting_closes,
        )
    ]
    assert days == [-40, -20, -3, 18]
    assert contest.created_at < contest.submission_opens


def test_ideas_are_released_and_reviewed_by_the_editor_some_not_admitted_with_a_reason(
    contest,
):
    editor = User.objects.get(email="redaktion@example.org")
    moderator = User.objects.get(email="moderation@example.org")
    found = ideas(contest)
    assert 6 <= len(found) <= 8
    for idea in found:
        assert idea.is_published and idea.moderated_by == moderator, idea.title
        assert Decision.objects.for_object(idea).filter(kind=Decision.Kind.RELEASED).exists()
        assert idea.author.email.startswith("demo-stimme-"), idea.title
        assert idea.project == contest.project and idea.language == "de"
        assert contest.submission_opens <= idea.created_at < contest.submission_closes
        assert idea.admission_by == editor, idea.title
        assert idea.published_at < idea.admission_at < contest.voting_opens, idea.title
        assert idea.status == Proposal.Status.SUBMITTED and not idea.is_winner
    admissions = Counter(idea.admission for idea in found)
    assert 5 <= admissions[Admission.ADMITTED] <= 6
    assert 1 <= admissions[Admission.NOT_ADMITTED] <= 2
    assert admissions[Admission.WAITING] == 0
    for idea in ideas(contest, Admission.NOT_ADMITTED):
        assert idea.admission_reason.startswith("Liegt nicht in der Zuständigkeit der Stadt")


def test_supports_only_on_admitted_ideas_and_nobody_above_the_limit(contest):
    supports = Support.objects.filter(proposal__contest=contest).select_related("proposal")
    assert supports.count() >= 50
    now = timezone.now()
    for support in supports:
        assert support.proposal.admission == Admission.ADMITTED
        assert support.user_id != support.proposal.author_id
        assert contest.voting_opens < support.created_at < now
    per_person = Counter(support.user_id for support in supports)
    assert max(per_person.values()) == contest.max_supports
    # Every admitted idea has supporters, each a different number of them.
    admitted = ideas(contest, Admission.ADMITTED)
    assert all(idea.support_count > 0 for idea in admitted)
    assert len({idea.support_count for idea in admitted}) == len(admitted)


def test_support_counts_equal_the_support_rows(contest):
    for idea in ideas(contest):
        assert idea.support_count == idea.supports.count(), idea.title
    for idea in ideas(contest, Admission.NOT_ADMITTED):
        assert idea.support_count == 0


def test_the_demo_citizen_has_supported_one_idea_and_may_support_more(contest):
    citizen = User.objects.get(email="buergerin@example.org")
    supported = Support.objects.filter(proposal__contest=contest, user=citizen)
    assert supported.count() == 1
    others = [
        idea
        for idea in ideas(contest, Admission.ADMITTED)
        if idea.pk != supported.get().proposal_id
    ]
    assert others and all(can_support(citizen, idea) for idea in others)


def test_the_contest_page_lists_the_admitted_ideas_to_anonymous_visitors(client, contest):
    url = contest.get_absolute_url()
    assert url == f"/projekte/stadt-raum-wir/ideenwettbewerb/{SLUG}/"
    response = client.get(url)
    assert response.status_code == 200
    html = response.text
    assert escape(contest.title_de) in html
    for idea in ideas(contest, Admission.ADMITTED):
        assert escape(idea.title) in html, idea.title
    for idea in ideas(contest, Admission.NOT_ADMITTED):
        assert escape(idea.title) not in html, idea.title

    html = client.get(f"{url}?zulassung=nicht-zugelassen").text
    for idea in ideas(contest, Admission.NOT_ADMITTED):
        assert escape(idea.title) in html and escape(idea.admission_reason) in html

    response = client.get(f"/en{url}")
    assert response.status_code == 200
    assert escape(contest.title_en) in response.text


def counts():
    return [
        model.objects.count()
        for model in (Contest, Proposal, Support, StatusEntry, Comment, Decision, User)
    ]


def test_seeding_twice_changes_nothing(contest):
    before = counts()
    dates = [
        contest.submission_opens,
        contest.submission_closes,
        contest.voting_opens,
        contest.voting_closes,
        contest.created_at,
    ]
    rows = list(
        contest.proposals.order_by("pk").values_list(
            "pk", "admission", "admission_at", "support_count", "updated_at", "published_at"
        )
    )
    output = StringIO()
    call_command("seed_demo", "--without-renditions", stdout=output)
    assert counts() == before
    assert "0 new proposals, 0 new comments" in output.getvalue()
    contest.refresh_from_db()
    assert dates == [
        contest.submission_opens,
        contest.submission_closes,
        contest.voting_opens,
        contest.voting_closes,
        contest.created_at,
    ]
    assert (
        list(
            contest.proposals.order_by("pk").values_list(
                "pk", "admission", "admission_at", "support_count", "updated_at", "published_at"
            )
        )
        == rows
    )


def test_an_idea_deleted_comes_back_with_its_supports_within_the_limit(contest):
    most_supported = max(ideas(contest, Admission.ADMITTED), key=lambda idea: idea.support_count)
    expected = most_supported.support_count
    most_supported.delete()
    call_command("seed_demo", "--without-renditions", verbosity=0)
    again = contest.proposals.get(title=most_supported.title)
    assert again.admission == Admission.ADMITTED
    assert again.support_count == again.supports.count() == expected
    per_person = Counter(
        Support.objects.filter(proposal__contest=contest).values_list("user_id", flat=True)
    )
    assert max(per_person.values()) <= contest.max_supports
    assert Contest.objects.filter(slug=SLUG).count() == 1
