"""The proposal pages as citizens and staff use them: list, submit, read, support, edit, report."""

import datetime
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.formats import date_format

from moderation.models import ModerationState, Report, SiteSettings
from projects.models import Project
from proposals.models import Proposal, Support
from proposals.services import set_status
from tests.accounts.factories import PASSWORD, UserFactory
from tests.comments.factories import CommentFactory
from tests.projects.factories import ProjectFactory, TopicFactory

from .factories import ProposalFactory, SupportFactory

pytestmark = pytest.mark.django_db

LIST = "/vorschlaege/"
CREATE = "/vorschlaege/neu/"
TODAY = timezone.localdate()

PENDING = ModerationState.PENDING
PUBLISHED = ModerationState.PUBLISHED
REJECTED = ModerationState.REJECTED
HIDDEN = ModerationState.HIDDEN

SCRIPT = "<script>alert(1)</script>"
ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"


def count_queries(client, url):
    client.get(url)  # fills the caches a running site has filled long ago (content types)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def titles(response):
    return [proposal.title for proposal in response.context["proposals"]]


def ago(**kwargs):
    return timezone.now() - datetime.timedelta(**kwargs)


def open_project(**kwargs):
    return ProjectFactory(accepts_proposals=True, **kwargs)


def form_data(topic, /, **overrides):
    data = {
        "title": "Mehr Bänke am Stiftsplatz",
        "description": "Am Stiftsplatz fehlen Sitzgelegenheiten im Schatten.",
        "topic": str(topic.pk),
        "project": "",
    }
    return {**data, **overrides}


def url(proposal, suffix=""):
    return f"/vorschlaege/{proposal.pk}/{suffix}"


@pytest.fixture
def author():
    return UserFactory(username="ideengeberin")


@pytest.fixture
def other():
    return UserFactory(username="nachbar")


@pytest.fixture
def topic():
    return TopicFactory(name="Stadtgrün", slug="stadtgruen")


@pytest.fixture
def premoderation_off():
    site = SiteSettings.load()
    site.premoderation = False
    site.save()


@pytest.fixture
def roles(author, other, moderator, editor):
    """Everyone a test may sign in as; `None` is the anonymous visitor."""
    return {
        "anonymous": None,
        "unconfirmed": UserFactory(confirmed=False),
        "author": author,
        "other": other,
        "moderator": moderator,
        "editor": editor,
    }


def client_for(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


# --- the list ------------------------------------------------------------------------------


def test_list_shows_published_proposals_only(client, author):
    ProposalFactory(title="Freigegeben", author=author)
    for state in (PENDING, REJECTED, HIDDEN):
        ProposalFactory(
            title=f"Nicht in der Liste: {state}", author=author, moderation_state=state
        )
    response = client.get(LIST)
    assert titles(response) == ["Freigegeben"]
    assert "Nicht in der Liste" not in response.text


def test_card_shows_status_topic_project_author_date_and_counts(client, author, topic):
    project = ProjectFactory(title="Grüne Innenstadt")
    proposal = ProposalFactory(
        title="Bäume für die Fackelstraße",
        author=author,
        topic=topic,
        project=project,
        status=Proposal.Status.UNDER_REVIEW,
        created_at=timezone.make_aware(datetime.datetime(2026, 3, 4, 12)),
    )
    SupportFactory.create_batch(2, proposal=proposal)
    CommentFactory(target=proposal)
    CommentFactory(target=proposal, moderation_state=PENDING)  # not counted: not public
    html = client.get(LIST).text
    assert f'href="/vorschlaege/{proposal.pk}/"' in html
    assert "Bäume für die Fackelstraße" in html
    assert "in Prüfung" in html  # the status in words, not as a colour only
    assert "Stadtgrün" in html
    assert "Grüne Innenstadt" in html
    assert "ideengeberin" in html
    assert "4. März 2026" in html
    assert "2 Unterstützungen" in html
    assert "1 Kommentar" in html


def test_card_of_a_deleted_account_says_so(client):
    ProposalFactory(author=None)
    assert "gelöschtes Konto" in client.get(LIST).text


def test_list_offers_to_submit_a_proposal(client):
    html = client.get(LIST).text
    assert f'href="{CREATE}"' in html
    assert "Vorschlag einreichen" in html


@pytest.fixture
def catalogue(author):
    green = TopicFactory(name="Stadtgrün", slug="stadtgruen")
    traffic = TopicFactory(name="Verkehr", slug="verkehr")
    bus = ProjectFactory(title="Busnetz")
    return {
        "green": green,
        "traffic": traffic,
        "bus": bus,
        "trees": ProposalFactory(title="Bäume", topic=green, created_at=ago(days=3)),
        "stops": ProposalFactory(
            title="Haltestellen",
            topic=traffic,
            project=bus,
            status=Proposal.Status.ACCEPTED,
            created_at=ago(days=2),
        ),
        "night": ProposalFactory(
            title="Nachtbus",
            topic=traffic,
            project=bus,
            status=Proposal.Status.UNDER_REVIEW,
            created_at=ago(days=1),
        ),
    }


def test_list_is_newest_first(client, catalogue):
    assert titles(client.get(LIST)) == ["Nachtbus", "Haltestellen", "Bäume"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("topic=verkehr", ["Nachtbus", "Haltestellen"]),
        ("topic=stadtgruen", ["Bäume"]),
        ("status=accepted", ["Haltestellen"]),
        ("status=under_review", ["Nachtbus"]),
        ("topic=verkehr&status=submitted", []),
        ("topic=unbekannt", ["Nachtbus", "Haltestellen", "Bäume"]),  # ignored, marked at field
        ("sort=unbekannt", ["Nachtbus", "Haltestellen", "Bäume"]),
    ],
)
def test_list_filters_by_topic_and_status(client, catalogue, query, expected):
    assert titles(client.get(f"{LIST}?{query}")) == expected


def test_list_filters_by_project(client, catalogue):
    response = client.get(f"{LIST}?project={catalogue['bus'].pk}")
    assert titles(response) == ["Nachtbus", "Haltestellen"]


def test_list_sorts_by_supports_and_by_comments_with_newest_first_on_ties(client, catalogue):
    SupportFactory.create_batch(2, proposal=catalogue["trees"])
    SupportFactory(proposal=catalogue["stops"])
    CommentFactory.create_batch(3, target=catalogue["stops"])
    CommentFactory(target=catalogue["trees"])
    CommentFactory(target=catalogue["night"])
    CommentFactory(target=catalogue["night"], moderation_state=PENDING)  # not counted
    assert titles(client.get(f"{LIST}?sort=supports")) == ["Bäume", "Haltestellen", "Nachtbus"]
    # One comment each for the trees and the night bus: the newer one first.
    assert titles(client.get(f"{LIST}?sort=comments")) == ["Haltestellen", "Nachtbus", "Bäume"]
    assert titles(client.get(f"{LIST}?sort=newest")) == ["Nachtbus", "Haltestellen", "Bäume"]
    assert titles(client.get(f"{LIST}?topic=verkehr&sort=supports")) == [
        "Haltestellen",
        "Nachtbus",
    ]


def test_list_is_paginated_and_page_links_keep_the_filter(client, topic):
    ProposalFactory.create_batch(25, topic=topic)
    ProposalFactory.create_batch(2)  # another topic
    first = client.get(f"{LIST}?topic=stadtgruen&sort=supports")
    assert len(first.context["proposals"]) == 20
    assert "?topic=stadtgruen&amp;sort=supports&amp;page=2" in first.text
    second = client.get(f"{LIST}?topic=stadtgruen&sort=supports&page=2")
    assert len(second.context["proposals"]) == 5
    assert client.get(f"{LIST}?page=9").status_code == 404


def test_list_has_an_empty_state(client):
    html = client.get(LIST).text
    assert "Es sind noch keine Vorschläge veröffentlicht." in html


def test_list_explains_when_the_filter_matches_nothing_and_offers_a_reset(client, catalogue):
    html = client.get(f"{LIST}?status=implemented").text
    assert "Kein Vorschlag passt zu diesem Filter." in html
    assert f'href="{LIST}"' in html
    assert "Es sind noch keine Vorschläge veröffentlicht." not in html


def test_list_shows_sorting_alone_without_a_reset(client, catalogue):
    html = client.get(f"{LIST}?sort=supports").text
    assert "Zurücksetzen" not in html
    assert 'value="supports" selected' in html


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?sort=supports",
        "?sort=comments",
        "?topic=stadtgruen&status=submitted",
        "?project={project}&sort=supports",
    ],
)
def test_list_queries_do_not_grow_with_proposals(client, topic, query):
    project = ProjectFactory()
    page = LIST + query.format(project=project.pk)

    def add(n):
        for proposal in ProposalFactory.create_batch(n, topic=topic, project=project):
            SupportFactory(proposal=proposal)
            CommentFactory(target=proposal)

    add(3)
    few = count_queries(client, page)
    add(27)
    assert count_queries(client, page) == few
    assert len(client.get(page).context["proposals"]) == 20


# --- submitting ----------------------------------------------------------------------------


def test_anonymous_visitor_is_sent_to_sign_in_and_comes_back(client, user):
    response = client.get(CREATE)
    assert response.status_code == 302
    assert response["Location"] == "/konto/login/?next=/vorschlaege/neu/"
    response = client.post(
        "/konto/login/", {"login": user.email, "password": PASSWORD, "next": CREATE}
    )
    assert response.status_code == 302
    assert response["Location"] == CREATE


def test_anonymous_post_creates_nothing(client, topic):
    response = client.post(CREATE, form_data(topic))
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")
    assert not Proposal.objects.exists()


def test_unconfirmed_person_is_asked_to_confirm_and_gets_no_form(client, topic):
    client.force_login(UserFactory(confirmed=False))
    response = client.get(CREATE)
    assert response.status_code == 200
    assert "Bitte bestätigen Sie Ihre E-Mail-Adresse" in response.text
    assert 'href="/konto/email/"' in response.text
    assert 'name="title"' not in response.text
    response = client.post(CREATE, form_data(topic))
    assert response.status_code == 403
    assert not Proposal.objects.exists()


def test_form_offers_only_published_projects_that_accept_proposals(client, user, topic):
    open_project(title="Offen ohne Frist")
    open_project(title="Offen bis morgen", proposals_until=TODAY + datetime.timedelta(days=1))
    open_project(title="Frist abgelaufen", proposals_until=TODAY - datetime.timedelta(days=1))
    ProjectFactory(title="Nimmt keine an")
    open_project(title="Unveröffentlicht", is_published=False)
    client.force_login(user)
    html = client.get(CREATE).text
    for field in ("title", "description", "topic", "project"):
        assert f'name="{field}"' in html
    assert 'maxlength="120"' in html and 'maxlength="5000"' in html
    assert "Offen ohne Frist" in html and "Offen bis morgen" in html
    assert "Frist abgelaufen" not in html
    assert "Nimmt keine an" not in html
    assert "Unveröffentlicht" not in html


def test_project_link_preselects_the_project(client, user):
    project = open_project(slug="gruene-mitte")
    client.force_login(user)
    html = client.get(f"{CREATE}?projekt=gruene-mitte").text
    assert re.search(rf'<option value="{project.pk}"\s+selected>', html)
    # A project that does not take proposals is not preselected.
    closed = ProjectFactory(slug="geschlossen")
    html = client.get(f"{CREATE}?projekt=geschlossen").text
    assert f'value="{closed.pk}"' not in html


def test_submitting_with_premoderation_waits_for_release(client, user, topic):
    client.force_login(user)
    response = client.post(CREATE, form_data(topic), follow=True)
    proposal = Proposal.objects.get()
    assert response.redirect_chain == [(proposal.get_absolute_url(), 302)]
    assert proposal.author == user and proposal.is_pending
    assert proposal.title == "Mehr Bänke am Stiftsplatz"
    assert proposal.history.count() == 1
    assert "Vielen Dank! Ihr Vorschlag wartet auf Freigabe durch die Moderation" in response.text
    assert "Wartet auf Freigabe" in response.text


def test_submitting_without_premoderation_publishes_at_once(
    client, user, topic, premoderation_off
):
    project = open_project()
    client.force_login(user)
    response = client.post(CREATE, form_data(topic, project=str(project.pk)), follow=True)
    proposal = Proposal.objects.get()
    assert proposal.is_published and proposal.project == project
    assert "Ihr Vorschlag ist veröffentlicht" in response.text


@pytest.mark.parametrize(
    "project_kwargs",
    [
        {"accepts_proposals": False},
        {"accepts_proposals": True, "proposals_until": TODAY - datetime.timedelta(days=1)},
        {"accepts_proposals": True, "is_published": False},
    ],
)
def test_project_that_takes_no_proposals_cannot_be_chosen(client, user, topic, project_kwargs):
    project = ProjectFactory(**project_kwargs)
    client.force_login(user)
    response = client.post(CREATE, form_data(topic, project=str(project.pk)))
    assert response.status_code == 200
    assert "Dieses Projekt nimmt zurzeit keine Vorschläge an." in response.text
    assert "Mehr Bänke am Stiftsplatz" in response.text
    assert not Proposal.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "x" * 121}, "title"),
        ({"description": ""}, "description"),
        ({"description": "x" * 5001}, "description"),
        ({"topic": ""}, "topic"),
    ],
)
def test_invalid_input_is_marked_at_its_field_and_nothing_is_saved(
    client, user, topic, overrides, field
):
    client.force_login(user)
    response = client.post(CREATE, form_data(topic, **overrides))
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert "is-invalid" in response.text
    assert not Proposal.objects.exists()


def test_rate_limit_shows_the_message_and_keeps_the_text(client, user, topic, settings):
    settings.CONTRIBUTION_RATE_LIMITS = {"proposal": "1/d", "comment": "30/h", "report": "20/h"}
    client.force_login(user)
    assert client.post(CREATE, form_data(topic)).status_code == 302
    response = client.post(
        CREATE,
        form_data(topic, title="Noch eine Idee", description="Ein Trinkbrunnen am Bahnhof."),
    )
    assert response.status_code == 200
    assert "Sie haben heute schon viele Vorschläge eingereicht" in response.text
    assert 'value="Noch eine Idee"' in response.text
    assert "Ein Trinkbrunnen am Bahnhof." in response.text
    assert Proposal.objects.count() == 1


def test_submitting_needs_the_csrf_token(user, topic):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    assert client.post(CREATE, form_data(topic)).status_code == 403
    assert not Proposal.objects.exists()


# --- one proposal --------------------------------------------------------------------------

VISIBILITY = {
    # state: roles that see the page (200); everyone else gets a 404
    PENDING: {"author", "moderator"},
    REJECTED: {"author", "moderator"},
    PUBLISHED: {"anonymous", "unconfirmed", "author", "other", "moderator", "editor"},
    HIDDEN: {"anonymous", "unconfirmed", "author", "other", "moderator", "editor"},
}


@pytest.mark.parametrize("state", [PENDING, REJECTED, PUBLISHED, HIDDEN])
def test_who_sees_a_proposal_in_which_state(roles, author, state):
    proposal = ProposalFactory(
        author=author, moderation_state=state, moderation_reason="Grund der Moderation"
    )
    for role, user in roles.items():
        expected = 200 if role in VISIBILITY[state] else 404
        assert client_for(user).get(url(proposal)).status_code == expected, role


def test_detail_shows_the_proposal(client, author, topic):
    project = ProjectFactory(title="Grüne Innenstadt")
    proposal = ProposalFactory(
        title="Bäume für die Fackelstraße",
        description="Mehr Schatten.\n\nSiehe https://example.org/plan",
        author=author,
        topic=topic,
        project=project,
        created_at=timezone.make_aware(datetime.datetime(2026, 3, 4, 12)),
    )
    html = client.get(url(proposal)).text
    assert "<h1>Bäume für die Fackelstraße</h1>" in html
    assert "<p>Mehr Schatten.</p>" in html
    assert 'rel="nofollow ugc noopener" href="https://example.org/plan"' in html
    assert "Stadtgrün" in html
    assert f'href="{project.get_absolute_url()}"' in html
    assert "ideengeberin" in html
    assert "4. März 2026" in html
    assert "eingereicht" in html
    assert "Wartet auf Freigabe" not in html


def test_detail_of_a_deleted_account_says_so(client):
    assert "gelöschtes Konto" in client.get(url(ProposalFactory(author=None))).text


def test_response_of_the_city_is_shown_with_its_date_and_the_history(client, author, moderator):
    proposal = ProposalFactory(author=author, title="Trinkbrunnen")
    proposal.history.create(status=Proposal.Status.SUBMITTED, status_changed=True)
    set_status(proposal=proposal, user=moderator, status=Proposal.Status.UNDER_REVIEW, response="")
    set_status(
        proposal=proposal,
        user=moderator,
        status=Proposal.Status.ACCEPTED,
        response="Wir bauen <b>zwei</b> Brunnen.",
    )
    set_status(
        proposal=proposal,
        user=moderator,
        status=Proposal.Status.ACCEPTED,
        response="Wir bauen drei Brunnen.",
    )
    proposal.refresh_from_db()
    html = client.get(url(proposal)).text
    assert "Stellungnahme der Stadt" in html
    assert "Wir bauen drei Brunnen." in html
    response_date = date_format(timezone.localtime(proposal.response_at), "j. F Y")
    assert f"Stadt Kaiserslautern, {response_date}" in html
    main = html[html.index("<main") :]  # the head's share preview names the text too
    assert main.index("Stellungnahme der Stadt") < main.index(proposal.description)
    history = html[html.index('class="proposal-history') :]
    for step in (
        "Eingereicht",
        "In Prüfung",
        "Angenommen · Stellungnahme veröffentlicht",
        "Stellungnahme aktualisiert",
    ):
        assert step in history
    assert moderator.username not in html


def test_withdrawn_response_is_named_in_the_history(client, moderator):
    proposal = ProposalFactory()
    set_status(proposal=proposal, user=moderator, status=proposal.status, response="Danke.")
    set_status(proposal=proposal, user=moderator, status=proposal.status, response="")
    html = client.get(url(proposal)).text
    assert "Stellungnahme der Stadt" not in html
    assert "Stellungnahme veröffentlicht" in html
    assert "Stellungnahme zurückgezogen" in html


def test_author_sees_a_pending_proposal_with_notice_and_edit_link(client, author):
    proposal = ProposalFactory(author=author, moderation_state=PENDING)
    client.force_login(author)
    html = client.get(url(proposal)).text
    assert "Wartet auf Freigabe" in html
    assert f'href="/vorschlaege/{proposal.pk}/bearbeiten/"' in html
    assert 'action="/vorschlaege/' not in html  # no support before release


def test_moderator_sees_a_pending_proposal_without_edit_link(client, author, moderator):
    proposal = ProposalFactory(author=author, moderation_state=PENDING)
    client.force_login(moderator)
    html = client.get(url(proposal)).text
    assert "Wartet auf Freigabe" in html
    assert "/bearbeiten/" not in html


def test_author_sees_why_a_proposal_was_not_released(client, author):
    proposal = ProposalFactory(
        author=author, moderation_state=REJECTED, moderation_reason="Bitte ohne Namen Dritter."
    )
    client.force_login(author)
    html = client.get(url(proposal)).text
    assert "Nicht freigegeben" in html
    assert "Bitte ohne Namen Dritter." in html
    assert "/bearbeiten/" not in html


@pytest.mark.parametrize("role", ["anonymous", "other", "editor"])
def test_removed_proposal_shows_only_the_notice_to_others(roles, author, role):
    proposal = ProposalFactory(
        author=author,
        title="Geheimer Titel",
        description="Beleidigender Text",
        moderation_state=HIDDEN,
        moderation_reason="Beleidigung",
    )
    SupportFactory(proposal=proposal)
    html = client_for(roles[role]).get(url(proposal)).text
    assert "Von der Moderation entfernt: Beleidigung" in html
    assert "Geheimer Titel" not in html
    assert "Beleidigender Text" not in html
    assert "Unterstützung" not in html
    assert "/unterstuetzen/" not in html and "/melden/" not in html
    assert "<h1>Entfernter Vorschlag</h1>" in html


@pytest.mark.parametrize("role", ["author", "moderator"])
def test_removed_proposal_shows_text_and_notice_to_author_and_moderators(roles, author, role):
    proposal = ProposalFactory(
        author=author,
        title="Geheimer Titel",
        description="Beleidigender Text",
        moderation_state=HIDDEN,
        moderation_reason="Beleidigung",
    )
    html = client_for(roles[role]).get(url(proposal)).text
    assert "Von der Moderation entfernt: Beleidigung" in html
    assert "<h1>Geheimer Titel</h1>" in html
    assert "Beleidigender Text" in html


def test_anonymous_visitor_is_invited_to_sign_in_to_support(client):
    proposal = ProposalFactory()
    SupportFactory.create_batch(3, proposal=proposal)
    html = client.get(url(proposal)).text
    assert "3 Unterstützungen" in html
    assert f'href="/konto/login/?next=/vorschlaege/{proposal.pk}/"' in html
    assert "/unterstuetzen/" not in html
    assert "/melden/" not in html


def test_signed_in_person_can_support_withdraw_and_report(client, other):
    proposal = ProposalFactory()
    client.force_login(other)
    html = client.get(url(proposal)).text
    assert f'action="/vorschlaege/{proposal.pk}/unterstuetzen/"' in html
    assert ">Unterstützen</button>" in html
    assert f'href="/vorschlaege/{proposal.pk}/melden/"' in html
    SupportFactory(proposal=proposal, user=other)
    html = client.get(url(proposal)).text
    assert f'action="/vorschlaege/{proposal.pk}/unterstuetzung-zurueckziehen/"' in html
    assert "Unterstützung zurückziehen" in html
    assert "1 Unterstützung" in html


def test_author_cannot_report_the_own_proposal(client, author):
    proposal = ProposalFactory(author=author)
    client.force_login(author)
    assert "/melden/" not in client.get(url(proposal)).text


def test_unconfirmed_person_is_asked_to_confirm_to_support(client):
    proposal = ProposalFactory()
    client.force_login(UserFactory(confirmed=False))
    html = client.get(url(proposal)).text
    assert "/unterstuetzen/" not in html
    assert 'href="/konto/email/"' in html


def test_detail_includes_the_comment_thread(client):
    proposal = ProposalFactory()
    response = client.get(url(proposal))
    assert "comments/includes/_thread.html" in [t.name for t in response.templates]


@pytest.mark.parametrize("signed_in", [False, True])
def test_detail_queries_do_not_grow_with_supports_and_history(client, other, signed_in):
    if signed_in:
        client.force_login(other)
    proposal = ProposalFactory()
    SupportFactory.create_batch(2, proposal=proposal)
    proposal.history.create(status=proposal.status, status_changed=True)
    few = count_queries(client, url(proposal))
    SupportFactory.create_batch(40, proposal=proposal)
    SupportFactory(proposal=proposal, user=other)
    for _ in range(5):
        proposal.history.create(status=proposal.status, response_changed=True)
    assert count_queries(client, url(proposal)) == few


def test_unknown_proposal_is_a_404(client):
    assert client.get("/vorschlaege/999999/").status_code == 404


# --- editing -------------------------------------------------------------------------------

EDIT = {
    # (state, role): expected status; 404 for what the person cannot see, 403 for the rest
    (PENDING, "author"): 200,
    (PENDING, "other"): 404,
    (PENDING, "editor"): 404,
    (PENDING, "moderator"): 403,
    (PUBLISHED, "author"): 403,
    (PUBLISHED, "other"): 403,
    (PUBLISHED, "moderator"): 403,
    (REJECTED, "author"): 403,
    (REJECTED, "other"): 404,
    (HIDDEN, "author"): 403,
    (HIDDEN, "other"): 403,
}


@pytest.mark.parametrize(("state", "role"), list(EDIT))
def test_only_the_author_edits_and_only_while_pending(roles, author, topic, state, role):
    proposal = ProposalFactory(author=author, moderation_state=state, title="Alter Titel")
    client = client_for(roles[role])
    assert client.get(url(proposal, "bearbeiten/")).status_code == EDIT[state, role]
    response = client.post(url(proposal, "bearbeiten/"), form_data(topic, title="Neuer Titel"))
    proposal.refresh_from_db()
    if EDIT[state, role] == 200:
        assert response.status_code == 302
        assert proposal.title == "Neuer Titel"
    else:
        assert response.status_code == EDIT[state, role]
        assert proposal.title == "Alter Titel"


def test_anonymous_visitor_is_sent_to_sign_in_before_editing(client, author):
    proposal = ProposalFactory(author=author, moderation_state=PENDING)
    response = client.get(url(proposal, "bearbeiten/"))
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/?next=")


def test_author_corrects_a_pending_proposal(client, author, topic):
    project = open_project(title="Grüne Mitte")
    proposal = ProposalFactory(
        author=author, moderation_state=PENDING, title="Tippfehlr", description="Alt."
    )
    client.force_login(author)
    html = client.get(url(proposal, "bearbeiten/")).text
    assert 'value="Tippfehlr"' in html and "Alt." in html
    response = client.post(
        url(proposal, "bearbeiten/"),
        form_data(topic, title="Ohne Tippfehler", project=str(project.pk)),
        follow=True,
    )
    assert response.redirect_chain == [(url(proposal), 302)]
    assert "Ihre Änderungen sind gespeichert." in response.text
    proposal.refresh_from_db()
    assert proposal.title == "Ohne Tippfehler"
    assert proposal.project == project and proposal.topic == topic
    assert proposal.is_pending


def test_editing_keeps_a_project_that_has_closed_since(client, author, topic):
    project = open_project(title="Bald zu")
    proposal = ProposalFactory(author=author, moderation_state=PENDING, project=project)
    Project.objects.filter(pk=project.pk).update(accepts_proposals=False)
    client.force_login(author)
    assert "Bald zu" in client.get(url(proposal, "bearbeiten/")).text
    response = client.post(
        url(proposal, "bearbeiten/"), form_data(topic, title="Neu", project=str(project.pk))
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.project == project and proposal.title == "Neu"


def test_editing_shows_errors_and_keeps_the_input(client, author, topic):
    proposal = ProposalFactory(author=author, moderation_state=PENDING, title="Alter Titel")
    client.force_login(author)
    response = client.post(url(proposal, "bearbeiten/"), form_data(topic, description=""))
    assert response.status_code == 200
    assert response.context["form"].errors["description"]
    assert 'value="Mehr Bänke am Stiftsplatz"' in response.text
    proposal.refresh_from_db()
    assert proposal.title == "Alter Titel"


# --- supports ------------------------------------------------------------------------------


def test_supporting_counts_once_per_person(client, other):
    proposal = ProposalFactory()
    client.force_login(other)
    response = client.post(url(proposal, "unterstuetzen/"), follow=True)
    assert response.redirect_chain == [(f"{url(proposal)}#unterstuetzung", 302)]
    assert "1 Unterstützung" in response.text
    response = client.post(url(proposal, "unterstuetzen/"), follow=True)
    assert response.status_code == 200
    assert "Sie unterstützen diesen Vorschlag bereits." in response.text
    assert Support.objects.filter(proposal=proposal, user=other).count() == 1


def test_support_can_be_withdrawn(client, other):
    proposal = ProposalFactory()
    SupportFactory(proposal=proposal)
    SupportFactory(proposal=proposal, user=other)
    client.force_login(other)
    response = client.post(url(proposal, "unterstuetzung-zurueckziehen/"), follow=True)
    assert response.redirect_chain == [(f"{url(proposal)}#unterstuetzung", 302)]
    assert not Support.objects.filter(user=other).exists()
    assert Support.objects.filter(proposal=proposal).count() == 1
    assert "1 Unterstützung" in response.text
    assert ">Unterstützen</button>" in response.text
    # Withdrawing again changes nothing and says so.
    response = client.post(url(proposal, "unterstuetzung-zurueckziehen/"))
    assert response.status_code == 302


@pytest.mark.parametrize("suffix", ["unterstuetzen/", "unterstuetzung-zurueckziehen/"])
def test_anonymous_support_leads_to_sign_in_and_back(client, suffix):
    proposal = ProposalFactory()
    response = client.post(url(proposal, suffix))
    assert response.status_code == 302
    assert response["Location"] == f"/konto/login/?next=/vorschlaege/{proposal.pk}/"
    assert not Support.objects.exists()


@pytest.mark.parametrize("suffix", ["unterstuetzen/", "unterstuetzung-zurueckziehen/"])
def test_support_is_post_only_and_needs_the_csrf_token(other, suffix):
    proposal = ProposalFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(other)
    assert client.get(url(proposal, suffix)).status_code == 405
    assert client.post(url(proposal, suffix)).status_code == 403
    assert not Support.objects.exists()


def test_unconfirmed_person_cannot_support(client):
    proposal = ProposalFactory()
    client.force_login(UserFactory(confirmed=False))
    response = client.post(url(proposal, "unterstuetzen/"), follow=True)
    assert "Bitte bestätigen Sie Ihre E-Mail-Adresse" in response.text
    assert not Support.objects.exists()


SUPPORT = {
    # (state, role): expected status of the POST; 302 back to the proposal when it worked
    (PUBLISHED, "author"): 302,
    (PUBLISHED, "other"): 302,
    (PUBLISHED, "moderator"): 302,
    (PENDING, "author"): 403,
    (PENDING, "other"): 404,
    (REJECTED, "author"): 403,
    (REJECTED, "other"): 404,
    (HIDDEN, "author"): 403,
    (HIDDEN, "other"): 403,
}


@pytest.mark.parametrize(("state", "role"), list(SUPPORT))
def test_only_published_proposals_can_be_supported(roles, author, state, role):
    proposal = ProposalFactory(author=author, moderation_state=state)
    response = client_for(roles[role]).post(url(proposal, "unterstuetzen/"))
    assert response.status_code == SUPPORT[state, role]
    assert Support.objects.filter(proposal=proposal).count() == (
        1 if SUPPORT[state, role] == 302 else 0
    )


# --- reports -------------------------------------------------------------------------------


def test_report_needs_sign_in(client):
    proposal = ProposalFactory()
    response = client.get(url(proposal, "melden/"))
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/?next=")


def test_signed_in_person_reports_a_published_proposal(client, other):
    proposal = ProposalFactory(title="Werbung für ein Geschäft")
    client.force_login(other)
    response = client.get(url(proposal, "melden/"))
    assert response.status_code == 200
    assert "Werbung für ein Geschäft" in response.text
    response = client.post(url(proposal, "melden/"), {"reason": "spam", "text": ""})
    assert response.status_code == 302
    assert response["Location"] == url(proposal)
    report = Report.objects.get()
    assert report.contribution == proposal and report.reporter == other


REPORT = {
    (PUBLISHED, "other"): 200,
    (PUBLISHED, "moderator"): 200,
    (PUBLISHED, "author"): 403,
    (PENDING, "author"): 404,
    (PENDING, "moderator"): 404,
    (REJECTED, "other"): 404,
    (HIDDEN, "other"): 404,
    (HIDDEN, "author"): 404,
}


@pytest.mark.parametrize(("state", "role"), list(REPORT))
def test_only_published_proposals_of_others_can_be_reported(roles, author, state, role):
    proposal = ProposalFactory(author=author, moderation_state=state)
    client = client_for(roles[role])
    assert client.get(url(proposal, "melden/")).status_code == REPORT[state, role]
    client.post(url(proposal, "melden/"), {"reason": "spam", "text": ""})
    assert Report.objects.exists() == (REPORT[state, role] == 200)


# --- the project page and the start page ---------------------------------------------------


def test_project_page_lists_its_newest_published_proposals(client):
    project = open_project(slug="gruene-mitte")
    for day in range(6, 0, -1):
        ProposalFactory(project=project, title=f"Idee vom Tag {day}", created_at=ago(days=day))
    ProposalFactory(project=project, title="Wartet noch", moderation_state=PENDING)
    ProposalFactory(title="Anderes Projekt", project=ProjectFactory())
    SupportFactory.create_batch(2, proposal=Proposal.objects.get(title="Idee vom Tag 1"))
    html = client.get(project.get_absolute_url()).text
    section = html[html.index('id="proposals-heading"') :]
    shown = re.findall(r"Idee vom Tag (\d)", section)
    assert shown == ["1", "2", "3", "4", "5"]
    assert "Wartet noch" not in html and "Anderes Projekt" not in html
    assert "2 Unterstützungen" in section
    assert f'href="/vorschlaege/?project={project.pk}"' in section
    assert "Alle Vorschläge zu diesem Projekt (6)" in section
    assert 'href="/vorschlaege/neu/?projekt=gruene-mitte"' in section


def test_project_page_offers_no_submission_when_closed(client):
    project = ProjectFactory(
        accepts_proposals=True, proposals_until=TODAY - datetime.timedelta(days=1)
    )
    ProposalFactory(project=project, title="Frühere Idee")
    html = client.get(project.get_absolute_url()).text
    assert "Frühere Idee" in html
    assert "/vorschlaege/neu/" not in html


def test_project_page_without_proposals_or_call_has_no_section(client):
    project = ProjectFactory()
    assert 'id="proposals-heading"' not in client.get(project.get_absolute_url()).text


def test_project_page_includes_the_comment_thread(client):
    response = client.get(ProjectFactory().get_absolute_url())
    assert "comments/includes/_thread.html" in [t.name for t in response.templates]


def test_project_page_queries_do_not_grow_with_proposals(client):
    project = open_project()
    ProposalFactory(project=project)
    few = count_queries(client, project.get_absolute_url())
    for proposal in ProposalFactory.create_batch(8, project=project):
        SupportFactory(proposal=proposal)
        CommentFactory(target=proposal)
    assert count_queries(client, project.get_absolute_url()) == few


def test_start_page_shows_the_three_latest_published_proposals(client):
    for day in range(4, 0, -1):
        ProposalFactory(title=f"Idee vom Tag {day}", created_at=ago(days=day))
    ProposalFactory(title="Wartet noch", moderation_state=PENDING)
    html = client.get("/").text
    section = html[html.index('id="proposals-heading"') :]
    assert "Neueste Vorschläge" in html
    assert re.findall(r"Idee vom Tag (\d)", section) == ["1", "2", "3"]
    assert "Wartet noch" not in html
    assert f'href="{LIST}"' in section


def test_start_page_queries_do_not_grow_with_proposals(client):
    ProposalFactory()
    few = count_queries(client, "/")
    for proposal in ProposalFactory.create_batch(3):
        SupportFactory(proposal=proposal)
        CommentFactory(target=proposal)
    assert count_queries(client, "/") == few


# --- escaping ------------------------------------------------------------------------------


def test_user_text_is_shown_as_text_everywhere(client):
    project = open_project()
    proposal = ProposalFactory(title=SCRIPT, description="<b>fett</b>", project=project)
    pages = {
        "list": LIST,
        "detail": url(proposal),
        "project": project.get_absolute_url(),
        "start": "/",
    }
    for name, page in pages.items():
        html = client.get(page).text
        assert SCRIPT not in html, name
        assert ESCAPED_SCRIPT in html, name
    html = client.get(url(proposal)).text
    assert "<b>fett</b>" not in html
    assert "&lt;b&gt;fett&lt;/b&gt;" in html
