"""A person's own data: the summary page, the JSON export and deleting the account."""

import datetime
import json

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import connection, models
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from comments.models import Comment
from klmitwirkung.privacy import export_personal_data
from mapconsultations.services import support_entry
from moderation.models import Decision, ModerationState, Report
from moderation.services import hide, reject, release, report_contribution
from newsletter.models import Subscriber
from polls.models import Ballot, TextAnswer
from polls.results import tally
from projects.models import Follow
from proposals.models import Proposal, Support
from tests.accounts.factories import PASSWORD, UserFactory
from tests.comments.factories import CommentFactory
from tests.mapconsultations.factories import EntryFactory
from tests.newsletter.factories import SubscriberFactory
from tests.plans.factories import ParticipationRequestFactory
from tests.polls.factories import BallotFactory, PaperBatchFactory, poll_with_questions
from tests.projects.factories import ProjectFactory
from tests.proposals.factories import ProposalFactory, StatusEntryFactory, SupportFactory

pytestmark = pytest.mark.django_db

DATA = "/konto/daten/"
EXPORT = "/konto/daten/export.json"
DELETE = "/konto/loeschen/"

PENDING = ModerationState.PENDING
PUBLISHED = ModerationState.PUBLISHED

# Every link from a model to a person, and where the export shows it: (model, field) ->
# the export's section, whose length must equal the number of the person's rows.
EXPORTED = {
    ("account.EmailAddress", "user"): "email_addresses",
    ("mfa.Authenticator", "user"): "second_factors",
    ("proposals.Proposal", "author"): "proposals",
    ("proposals.Support", "user"): "supports",
    ("comments.Comment", "author"): "comments",
    ("polls.Ballot", "user"): "ballots",
    ("moderation.Report", "reporter"): "reports",
    ("moderation.Decision", "author"): "moderation_decisions",
    ("projects.Follow", "user"): "follows",
    ("mapconsultations.Entry", "author"): "map_entries",
    ("mapconsultations.EntrySupport", "user"): "map_entry_supports",
    ("plans.ParticipationRequest", "author"): "participation_requests",
}
# Links that are deliberately not in the export, each with the reason.
EXEMPT = {
    ("admin.LogEntry", "user"): "staff work in the admin; staff accounts are not deleted here",
    ("polls.Poll", "results_published_by"): "staff action, not the person's own data",
    ("polls.PaperBatch", "entered_by"): "staff action (four-eyes record of paper votes)",
    ("polls.PaperBatch", "confirmed_by"): "staff action (four-eyes record of paper votes)",
    ("polls.PaperBatch", "voided_by"): "staff action (four-eyes record of paper votes)",
    ("moderation.Decision", "moderator"): "staff action; moderators stay anonymous to authors",
    ("moderation.Report", "resolved_by"): "staff action; moderators stay anonymous",
    ("proposals.Proposal", "moderated_by"): "staff action; moderators stay anonymous",
    ("proposals.Proposal", "response_by"): "staff action; the city answers as the city",
    ("proposals.Proposal", "admission_by"): "staff action; the city reviews as the city",
    ("proposals.StatusEntry", "changed_by"): "staff action; the city answers as the city",
    ("comments.Comment", "moderated_by"): "staff action; moderators stay anonymous",
    ("comments.Comment", "entered_by"): "staff action (four-eyes record of written comments)",
    ("documents.Document", "evaluated_by"): "staff action; the city evaluates as the city",
    ("documents.Response", "responded_by"): "staff action; the city answers as the city",
    ("mapconsultations.Entry", "moderated_by"): "staff action; moderators stay anonymous",
    ("mapconsultations.Entry", "entered_by"): "staff action (four-eyes record of paper entries)",
    ("newsletter.Issue", "sent_by"): "staff action (who sent a newsletter issue)",
    ("proposals.PaperSupport", "entered_by"): "staff action (four-eyes record of paper supports)",
    ("proposals.PaperSupport", "moderated_by"): "staff action; moderators stay anonymous",
    ("proposals.PaperSupport", "author"): "never set: supports from paper have no author",
    ("plans.ParticipationRequest", "moderated_by"): "staff action; moderators stay anonymous",
    ("plans.ParticipationRequest", "response_by"): "staff action; the city answers as the city",
}
# The person's own fields and their key in the export's "account" section.
ACCOUNT_FIELDS = {
    "id": "id",
    "username": "public_name",
    "email": "email",
    "postal_code": "postal_code",
    "postal_code_changed_at": "postal_code_changed_at",
    "language": "language",
    "date_joined": "date_joined",
    "last_login": "last_login",
    "is_staff": "is_staff",
    "groups": "groups",
    "notify_moderation": "notification_settings",
    "notify_replies": "notification_settings",
    "notify_proposal_updates": "notification_settings",
    "notify_followed_projects": "notification_settings",
    "notify_poll_results": "notification_settings",
    "notify_progress": "notification_settings",
}
ACCOUNT_FIELDS_EXEMPT = {
    "password": "only a one-way hash, of no use to the person and a risk in a file",
    "is_active": "always true for a person who can sign in and export",
    "is_superuser": "an administrator's switch; staff accounts are not citizens' accounts",
    "user_permissions": "set by administrators for staff only; the groups are exported",
    "name_key": "worked out from the public name, which is exported; it holds nothing else",
}


def links_to_users():
    """Every (model, field) that points at a person: foreign keys, one-to-one, many-to-many."""
    user_model = get_user_model()
    return {
        (model._meta.label, field.name)
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.Field)  # forward fields, not the reverse side
        and (field.many_to_one or field.one_to_one or field.many_to_many)
        and field.related_model is user_model
    }


@pytest.fixture
def moderator():
    return UserFactory(username="Moderatorin_Cleo", is_staff=True, groups=["Moderation"])


@pytest.fixture
def other():
    return UserFactory(username="Nachbar_Bernd", email="bernd.geheim@example.net")


@pytest.fixture
def person(moderator, other):
    """A citizen who has done a bit of everything, among the traces of others."""
    person = UserFactory(username="Lauterin_Anna", email="anna@example.org")
    person.postal_code = "67655"
    person.postal_code_changed_at = timezone.now()
    person.save()
    EmailAddress.objects.create(user=person, email="anna.alt@example.org", verified=False)
    TOTP.activate(person, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")  # citizens may use one too

    project = ProjectFactory(title="Stadtgarten")
    Follow.objects.create(project=project, user=person)
    Follow.objects.create(project=project, user=other)
    Follow.objects.create(project=ProjectFactory(title="Bernds Projekt"), user=other)
    published = ProposalFactory(
        author=person,
        title="Trinkbrunnen am Stiftsplatz",
        response="Wir prüfen den Standort.",
        response_at=timezone.now(),
        response_by=moderator,
    )
    StatusEntryFactory(proposal=published, changed_by=moderator)
    SupportFactory(proposal=published, user=other)
    ProposalFactory(author=person, title="Wartender Vorschlag", moderation_state=PENDING)
    rejected = ProposalFactory(
        author=person, title="Abgelehnter Vorschlag", moderation_state=PENDING
    )
    reject(contribution=rejected, moderator=moderator, reason="Bitte ohne Werbung.")
    hidden = ProposalFactory(author=person, title="Entfernter Vorschlag")
    hide(contribution=hidden, moderator=moderator, reason="Persönliche Daten Dritter.")

    others_proposal = ProposalFactory(author=other, title="Mehr Bänke in der Altstadt")
    SupportFactory(proposal=others_proposal, user=person)

    CommentFactory(author=person, target=project, text="Annas öffentlicher Kommentar")
    CommentFactory(
        author=person, target=published, text="Annas wartender Kommentar", moderation_state=PENDING
    )
    others_comment = CommentFactory(author=other, target=project, text="Bernds Kommentar")
    reply = CommentFactory(author=person, parent=others_comment, text="Annas Antwort an Bernd")
    CommentFactory(author=other, parent=reply, text="Bernds Antwort an Anna")
    released = CommentFactory(
        author=person,
        target=project,
        text="Annas freigegebener Kommentar",
        moderation_state=PENDING,
    )
    release(contribution=released, moderator=moderator, seen_revision=released.revision)

    report_contribution(
        contribution=others_comment,
        reporter=person,
        reason=Report.Reason.OTHER,
        text="Das ist Werbung für einen Laden.",
    )
    report_contribution(
        contribution=reply, reporter=other, reason=Report.Reason.OTHER, text="Bernds Meldung"
    )

    poll = poll_with_questions(title="Stadt.Raum.Wir.")
    single, multiple, free = poll.questions.order_by("position")
    ballot = BallotFactory(
        poll=poll,
        user=person,
        choices=[single.choices.get(label="Roundnet"), *multiple.choices.all()[:2]],
    )
    TextAnswer.objects.create(ballot=ballot, question=free, text="Mehr Schatten bitte.")
    others_ballot = BallotFactory(poll=poll, user=other, choices=[single.choices.last()])
    TextAnswer.objects.create(ballot=others_ballot, question=free, text="Bernds Freitext")

    EntryFactory(author=person, text="Annas Hitzeort am Stiftsplatz")
    bernds_spot = EntryFactory(author=other, text="Bernds Hitzeort")
    support_entry(entry=bernds_spot, user=person)
    support_entry(entry=bernds_spot, user=other)

    ParticipationRequestFactory(
        author=person,
        plan__title="Radverkehrskonzept",
        reason="Annas Bitte um Beteiligung",
        response="Wir laden zu einer Werkstatt ein.",
        response_by=moderator,
        response_at=timezone.now(),
    )
    ParticipationRequestFactory(author=other, reason="Bernds Bitte um Beteiligung")

    # Newsletter subscriptions belong to a person through a confirmed address, not a link.
    SubscriberFactory(email="anna@example.org", consent_text="Annas Einwilligung")
    SubscriberFactory(email="anna.alt@example.org")  # unconfirmed address: maybe not hers
    SubscriberFactory(email=other.email, consent_text="Bernds Einwilligung")

    person.refresh_from_db()
    return person


def export_text(client, user):
    client.force_login(user)
    response = client.get(EXPORT)
    assert response.status_code == 200
    return response.content.decode()


# Completeness


def test_every_link_to_a_person_is_exported_or_exempt_with_a_reason():
    links = links_to_users()
    undecided = links - EXPORTED.keys() - EXEMPT.keys()
    assert not undecided, (
        f"{sorted(undecided)} point at users: add them to the export "
        "(an app's privacy.py) or to EXEMPT with a reason"
    )
    assert not (EXPORTED.keys() | EXEMPT.keys()) - links, "stale entries in EXPORTED or EXEMPT"


def test_every_field_of_the_account_is_exported_or_exempt_with_a_reason():
    fields = {
        field.name
        for field in get_user_model()._meta.get_fields()
        if isinstance(field, models.Field)
    }
    assert fields == ACCOUNT_FIELDS.keys() | ACCOUNT_FIELDS_EXEMPT.keys()


def test_export_holds_every_row_that_points_at_the_person(person):
    data = export_personal_data(person)
    for (label, field), section in EXPORTED.items():
        rows = apps.get_model(label)._default_manager.filter(**{field: person}).count()
        assert rows, f"the fixture has no {label}.{field} of the person"
        assert len(data[section]) == rows, f"{section}: {label}.{field}"
    for field, key in ACCOUNT_FIELDS.items():
        assert key in data["account"], field


# What the export contains


def test_export_contains_the_persons_own_data(person):
    data = export_personal_data(person)
    assert json.loads(json.dumps(data)) == data  # plain JSON values only

    assert data["account"]["public_name"] == "Lauterin_Anna"
    assert data["account"]["email"] == "anna@example.org"
    assert data["account"]["postal_code"] == "67655"
    assert data["account"]["postal_code_changed_at"].startswith(
        str(timezone.localdate(person.postal_code_changed_at))
    )
    assert datetime.datetime.fromisoformat(data["account"]["date_joined"])
    assert {(a["email"], a["primary"], a["verified"]) for a in data["email_addresses"]} == {
        ("anna@example.org", True, True),
        ("anna.alt@example.org", False, False),
    }

    proposals = {p["title"]: p for p in data["proposals"]}
    assert set(proposals) == {
        "Trinkbrunnen am Stiftsplatz",
        "Wartender Vorschlag",
        "Abgelehnter Vorschlag",
        "Entfernter Vorschlag",
    }
    assert proposals["Wartender Vorschlag"]["moderation_state"] == "pending"
    assert proposals["Abgelehnter Vorschlag"]["moderation_reason"] == "Bitte ohne Werbung."
    assert proposals["Entfernter Vorschlag"]["moderation_state"] == "hidden"
    assert proposals["Trinkbrunnen am Stiftsplatz"]["city_response"] == "Wir prüfen den Standort."
    assert proposals["Trinkbrunnen am Stiftsplatz"]["support_count"] == 1

    comments = {c["text"]: c for c in data["comments"]}
    assert set(comments) == {
        "Annas öffentlicher Kommentar",
        "Annas wartender Kommentar",
        "Annas Antwort an Bernd",
        "Annas freigegebener Kommentar",
    }
    assert comments["Annas wartender Kommentar"]["moderation_state"] == "pending"
    assert comments["Annas wartender Kommentar"]["page"]["title"] == "Trinkbrunnen am Stiftsplatz"
    assert comments["Annas Antwort an Bernd"]["is_reply"] is True
    assert comments["Annas öffentlicher Kommentar"]["page"]["title"] == "Stadtgarten"

    [support] = data["supports"]
    supported = Proposal.objects.get(title="Mehr Bänke in der Altstadt")
    assert support["proposal"] == {
        "id": supported.pk,
        "title": "Mehr Bänke in der Altstadt",
        "url": supported.get_absolute_url(),
    }

    [ballot] = data["ballots"]
    assert ballot["poll"]["title"] == "Stadt.Raum.Wir."
    assert ballot["answers"] == [
        {"question": "Welche Veranstaltung zuerst?", "choices": ["Roundnet"]},
        {"question": "Was soll die Box können?", "choices": ["Pakete", "Kühlfach"]},
        {"question": "Was möchten Sie noch sagen?", "text": "Mehr Schatten bitte."},
    ]

    [report] = data["reports"]
    assert report["reason"] == "other"
    assert report["explanation"] == "Das ist Werbung für einen Laden."
    assert report["contribution"]["type"] == "comment"
    assert report["outcome"] is None

    [subscription] = data["newsletter"]
    assert subscription["email"] == "anna@example.org"
    assert subscription["consent_text"] == "Annas Einwilligung"
    assert subscription["confirmed"] is True
    assert datetime.datetime.fromisoformat(subscription["consented_at"])
    assert datetime.datetime.fromisoformat(subscription["confirmed_at"])

    decisions = {(d["decision"], d["summary"], d["reason"]) for d in data["moderation_decisions"]}
    assert decisions == {
        ("rejected", "Abgelehnter Vorschlag", "Bitte ohne Werbung."),
        ("hidden", "Entfernter Vorschlag", "Persönliche Daten Dritter."),
        ("released", "Annas freigegebener Kommentar", ""),
    }


def test_export_never_contains_anything_about_other_people(client, person, other, moderator):
    text = export_text(client, person)
    for secret in (
        other.username,
        other.email,
        moderator.username,
        moderator.email,
        "Bernds Antwort an Anna",  # their reply to the person's comment
        "Bernds Meldung",  # their report of the person's comment
        "Bernds Freitext",  # their ballot
        "Bernds Kommentar",  # the comment the person replied to and reported
        "Bernds Einwilligung",  # their newsletter subscription
    ):
        assert secret not in text
    assert '"moderator' not in text


def test_export_leaves_out_the_title_of_a_supported_proposal_that_was_removed(person, moderator):
    supported = Proposal.objects.get(title="Mehr Bänke in der Altstadt")
    hide(contribution=supported, moderator=moderator, reason="Beleidigend.")
    data = export_personal_data(person)
    assert data["supports"][0]["proposal"]["title"] is None
    assert "Mehr Bänke in der Altstadt" not in json.dumps(data, ensure_ascii=False)


def test_export_of_a_new_account_is_complete_and_empty(user):
    data = export_personal_data(user)
    for section in EXPORTED.values():
        if section != "email_addresses":
            assert data[section] == []
    assert data["newsletter"] == []
    assert data["account"]["postal_code"] is None


# The pages


@pytest.mark.parametrize("path", [DATA, EXPORT, DELETE])
def test_anonymous_visitor_is_sent_to_sign_in(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == f"/konto/login/?next={path}"


def test_json_download_is_a_file_that_no_cache_keeps(client, person):
    client.force_login(person)
    response = client.get(EXPORT)
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"] == (
        f'attachment; filename="klmitwirkung-daten-{timezone.localdate():%Y-%m-%d}.json"'
    )
    assert response["Cache-Control"] == "no-store"
    data = json.loads(response.content)
    assert data["export"]["site"] == "KLmitWirkung"
    assert data["account"]["public_name"] == "Lauterin_Anna"
    assert "Annas wartender Kommentar" in response.content.decode()  # UTF-8, not \u escapes


def test_summary_page_lists_every_section_and_links_the_download(client, person, other):
    client.force_login(person)
    response = client.get(DATA)
    assert response["Cache-Control"] == "no-store"
    html = response.text
    assert 'href="/konto/daten/export.json"' in html
    assert "Alle Daten als JSON herunterladen" in html
    for heading_id in (
        "account-heading",
        "email-heading",
        "postal-code-heading",
        "proposals-heading",
        "comments-heading",
        "supports-heading",
        "ballots-heading",
        "reports-heading",
        "decisions-heading",
        "newsletter-heading",
    ):
        assert f'aria-labelledby="{heading_id}"' in html
        assert f'id="{heading_id}"' in html
    for item in (
        "anna.alt@example.org",
        "67655",
        "Wartender Vorschlag",
        "Annas wartender Kommentar",
        "Mehr Bänke in der Altstadt",
        "Stadt.Raum.Wir.",
        "Pakete, Kühlfach",
        "Mehr Schatten bitte.",
        "Das ist Werbung für einen Laden.",
        "Bitte ohne Werbung.",
        "Annas Einwilligung",
    ):
        assert item in html
    assert other.username not in html
    assert "Moderatorin_Cleo" not in html


def test_summary_page_escapes_what_people_typed(client, user):
    ProposalFactory(author=user, title="<script>alert(1)</script>")
    client.force_login(user)
    html = client.get(DATA).text
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_profile_links_both_pages(client, user):
    client.force_login(user)
    html = client.get("/konto/profil/").text
    assert 'href="/konto/daten/"' in html
    assert 'href="/konto/loeschen/"' in html


def add_traces(user, other, moderator, n):
    """`n` of each kind of trace for `user`, on pages of every kind."""
    project = ProjectFactory()
    for i in range(n):
        proposal = ProposalFactory(author=user)
        SupportFactory(proposal=ProposalFactory(author=other), user=user)
        CommentFactory(author=user, target=project if i % 2 else proposal)
        comment = CommentFactory(author=other, target=project)
        Report.objects.create(
            content_type=comment_type(), object_id=comment.pk, reporter=user, reason="spam"
        )
        Decision.objects.create(
            content_type=comment_type(),
            object_id=comment.pk,
            summary="…",
            author=user,
            moderator=moderator,
            kind=Decision.Kind.RELEASED,
        )
        poll = poll_with_questions()
        single, _multiple, free = poll.questions.order_by("position")
        ballot = BallotFactory(poll=poll, user=user, choices=[single.choices.first()])
        TextAnswer.objects.create(ballot=ballot, question=free, text="Text")


def comment_type():
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(Comment)


def count_queries(client, path):
    client.get(path)  # fills the caches a running site has filled long ago (content types)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("path", [DATA, EXPORT])
def test_queries_do_not_grow_with_the_amount_of_data(client, user, other, moderator, path):
    client.force_login(user)
    add_traces(user, other, moderator, 3)
    few = count_queries(client, path)
    add_traces(user, other, moderator, 27)
    assert count_queries(client, path) == few


# Deleting the account


def test_deletion_page_explains_what_happens_and_asks_for_the_password(client, user):
    client.force_login(user)
    html = client.get(DELETE).text
    assert "gelöschtes Konto" in html
    assert 'name="password"' in html
    assert 'autocomplete="current-password"' in html
    assert 'name="confirm"' in html
    assert 'href="/konto/daten/"' in html


def delete(client, user, password=PASSWORD, confirm=True):
    client.force_login(user)
    data = {"password": password}
    if confirm:
        data["confirm"] = "on"
    return client.post(DELETE, data)


def test_wrong_password_changes_nothing(client, person):
    client.force_login(person)
    before = export_personal_data(person)
    response = client.post(DELETE, {"password": "falsch-falsch-1", "confirm": "on"})
    assert response.status_code == 200
    assert "Das Passwort ist nicht korrekt." in response.text
    assert 'aria-invalid="true"' in response.text
    assert client.session["_auth_user_id"] == str(person.pk)
    after = export_personal_data(person)
    before["export"] = after["export"] = None
    assert after == before


def test_deletion_needs_the_confirmation(client, user):
    response = delete(client, user, confirm=False)
    assert response.status_code == 200
    assert "Bitte bestätigen Sie" in response.text
    assert get_user_model().objects.filter(pk=user.pk).exists()


def test_deletion_removes_the_person_and_leaves_published_contributions_nameless(
    client, person, other
):
    published = Proposal.objects.get(title="Trinkbrunnen am Stiftsplatz")
    supported = Proposal.objects.get(title="Mehr Bänke in der Altstadt")
    ballot = Ballot.objects.get(user=person)
    results_before = tally(ballot.poll)
    public_comment = Comment.objects.get(text="Annas öffentlicher Kommentar")
    pk = person.pk

    response = delete(client, person)

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert "_auth_user_id" not in client.session
    assert "Ihr Konto wurde gelöscht" in client.get("/").text
    assert not get_user_model().objects.filter(pk=pk).exists()
    assert not EmailAddress.objects.filter(email__startswith="anna").exists()

    # Published contributions stay, signed "deleted account".
    published.refresh_from_db()
    public_comment.refresh_from_db()
    assert published.author is None
    assert public_comment.author is None
    assert "gelöschtes Konto" in client.get(published.get_absolute_url()).text
    project_page = client.get(public_comment.target.get_absolute_url()).text
    assert "Annas öffentlicher Kommentar" in project_page
    assert "gelöschtes Konto" in project_page
    assert "Lauterin_Anna" not in project_page
    assert Proposal.objects.filter(title="Entfernter Vorschlag", author=None).exists()

    # What was never public goes.
    assert not Proposal.objects.filter(title__in=["Wartender Vorschlag", "Abgelehnter Vorschlag"])
    assert not Comment.objects.filter(text="Annas wartender Kommentar").exists()

    # Supports and reports go; ballots stay counted, without the person.
    assert not Support.objects.filter(proposal=supported).exists()
    assert Support.objects.filter(proposal=published, user=other).exists()
    assert not Report.objects.filter(text="Das ist Werbung für einen Laden.").exists()
    assert Report.objects.filter(reporter=other).exists()
    ballot.refresh_from_db()
    assert ballot.user is None
    assert not ballot.is_guest
    assert ballot.text_answers.get().text == "Mehr Schatten bitte."
    assert tally(ballot.poll) == results_before

    # The moderation log keeps its decisions, without the person.
    assert Decision.objects.filter(author=None).count() == 3
    # ... but not the words of what was never public.
    assert not Decision.objects.filter(summary="Abgelehnter Vorschlag").exists()
    assert Decision.objects.filter(author=None, summary="").count() == 1

    # The newsletter for the person's confirmed address ends; others' stay.
    assert set(Subscriber.objects.values_list("email", flat=True)) == {
        "anna.alt@example.org",  # never confirmed as hers: not hers to end
        other.email,
    }


def test_support_count_of_a_proposal_drops_with_the_deleted_supporter(client, person):
    supported = Proposal.objects.get(title="Mehr Bänke in der Altstadt")
    assert Proposal.objects.with_counts().get(pk=supported.pk).support_count == 1
    delete(client, person)
    assert Proposal.objects.with_counts().get(pk=supported.pk).support_count == 0


def test_same_email_can_sign_up_again_after_deletion(client, person):
    delete(client, person)
    response = client.post(
        "/konto/signup/",
        {
            "email": "anna@example.org",
            "username": "Lauterin_Anna",
            "password1": "Pfaelzerwald-2026",
            "password2": "Pfaelzerwald-2026",
        },
    )
    assert response.status_code == 302
    again = get_user_model().objects.get(email="anna@example.org")
    assert again.pk != person.pk
    assert not again.ballots.exists()
    assert not Proposal.objects.filter(author=again).exists()


@pytest.mark.parametrize("role", ["editor", "moderator", "superuser"])
def test_staff_cannot_delete_their_account_here(client, role, request):
    staff = (
        UserFactory(is_staff=True, is_superuser=True)
        if role == "superuser"
        else request.getfixturevalue(role)
    )
    client.force_login(staff)
    page = client.get(DELETE)
    assert page.status_code == 200
    assert 'name="password"' not in page.text
    assert "Administrator" in page.text
    response = client.post(DELETE, {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 403
    assert get_user_model().objects.filter(pk=staff.pk).exists()


def test_password_guessing_is_limited(client, user):
    for _attempt in range(10):
        delete(client, user, password="falsch-falsch-1")
    response = delete(client, user)
    assert response.status_code == 200
    assert "Zu viele Versuche" in response.text
    assert get_user_model().objects.filter(pk=user.pk).exists()


def test_former_staff_with_paper_votes_on_record_is_told_and_nothing_changes(client, user):
    PaperBatchFactory(entered_by=user)  # entered while staff; the four-eyes record stays
    waiting = ProposalFactory(author=user, moderation_state=PENDING)
    response = delete(client, user)
    assert response.status_code == 200
    assert "Administrator" in response.text
    assert get_user_model().objects.filter(pk=user.pk).exists()
    assert Proposal.objects.filter(pk=waiting.pk).exists()


# Deleted means deleted: no copy of the words or the name stays anywhere

MARKER = "Zq9geheim"


def rows_containing(marker):
    """Every row of every table whose text holds `marker` (a database dump, searched)."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            found += [
                (table, row) for row in cursor.fetchall() if marker.lower() in str(row).lower()
            ]
    return found


def sessions_of(user_id):
    from django.contrib.sessions.models import Session

    return [
        s for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == str(user_id)
    ]


def pages_containing(marker):
    from django.core.cache import caches

    return [key for key, value in caches["pages"]._cache.items() if marker.encode() in value]


@pytest.mark.usefixtures("page_cache", "database_queue")
def test_after_deletion_no_copy_of_the_words_or_the_name_stays(
    client, moderator, django_capture_on_commit_callbacks
):
    from django.test import Client

    person = UserFactory(username=f"Markus_{MARKER}", email=f"{MARKER}@example.org")
    project = ProjectFactory()
    # Never public: waiting, and rejected in the admin (decision log and admin history).
    ProposalFactory(author=person, moderation_state=PENDING, title=f"Wartet {MARKER}")
    rejected = CommentFactory(
        target=project, author=person, moderation_state=PENDING, text=f"Abgelehnt {MARKER}"
    )
    staff = Client()
    staff.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(
            "/admin/moderation/decision/queue/",
            {
                "items": [f"comments.comment:{rejected.pk}:1"],
                "decision": "reject",
                "reason_text": "Bitte sachlich.",
            },
        )
    # Released, then deleted by its author: its words were in the logs.
    taken_back = CommentFactory(
        target=project, author=person, moderation_state=PENDING, text=f"Zurück {MARKER}"
    )
    staff.post(
        "/admin/moderation/decision/queue/",
        {"items": [f"comments.comment:{taken_back.pk}:1"], "decision": "release"},
    )
    from comments.services import delete_comment

    delete_comment(comment=taken_back, user=person)
    # Public and staying, without the name; a visitor's cached page shows the name now.
    CommentFactory(target=project, author=person, text="Öffentlich bleibt das.")
    Client().get(project.get_absolute_url())
    assert pages_containing(MARKER)
    # Signed in on two devices.
    phone, laptop = Client(), Client()
    phone.force_login(person)
    laptop.force_login(person)
    assert rows_containing(MARKER)
    assert len(sessions_of(person.pk)) == 2
    from django_tasks_db.models import DBTaskResult

    assert DBTaskResult.objects.exists()  # the decisions' mails wait in the queue

    with django_capture_on_commit_callbacks(execute=True):
        delete(laptop, person)

    assert rows_containing(MARKER) == []
    assert sessions_of(person.pk) == []
    assert pages_containing(MARKER) == []
    assert "Öffentlich bleibt das." in Client().get(project.get_absolute_url()).text
    assert "_auth_user_id" not in phone.session


def test_a_deleted_comment_leaves_no_copy_in_the_logs(moderator):
    comment = CommentFactory(moderation_state=PENDING, text=f"Bereue ich {MARKER}")
    release(contribution=comment, moderator=moderator, seen_revision=1)
    from django.contrib.admin.models import CHANGE, LogEntry

    LogEntry.objects.log_actions(
        user_id=moderator.pk, queryset=[comment], action_flag=CHANGE, change_message="Freigeben"
    )
    assert rows_containing(MARKER)
    from comments.services import delete_comment

    delete_comment(comment=comment, user=comment.author)

    assert rows_containing(MARKER) == []
    assert Decision.objects.get().kind == Decision.Kind.RELEASED  # the decision stays


def test_an_administrator_deleting_an_account_removes_the_same(django_capture_on_commit_callbacks):
    from django.test import Client

    person = UserFactory(username=f"Anna_{MARKER}")
    ProposalFactory(author=person, moderation_state=PENDING, title=f"Wartet {MARKER}")
    device = Client()
    device.force_login(person)
    admin = Client()
    admin.force_login(UserFactory(is_staff=True, is_superuser=True))

    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(f"/admin/accounts/user/{person.pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=person.pk).exists()
    assert rows_containing(MARKER) == []
    assert sessions_of(person.pk) == []
