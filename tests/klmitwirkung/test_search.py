"""The search page /suche/: stemming in German and English, what is found, escaping, paging."""

import datetime
import re

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from klmitwirkung import search
from moderation.models import ModerationState
from moderation.services import release
from pages.models import Page
from tests.accounts.factories import UserFactory
from tests.comments.factories import CommentFactory
from tests.events.factories import EventFactory
from tests.plans.factories import PlanFactory
from tests.polls.factories import PollFactory
from tests.projects.factories import ProjectFactory, ProjectUpdateFactory
from tests.proposals.factories import ProposalFactory

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text search needs PostgreSQL"
)


def found(client, q, **params):
    response = client.get("/suche/", {"q": q, **params})
    assert response.status_code == 200
    return response.text


def hit_links(html):
    """The addresses of the hits, in their order."""
    results = html.split('class="search-results', 1)
    if len(results) == 1:
        return []
    return re.findall(r'<h2 class="h5 mb-1">\s*<a href="([^"]+)"', results[1])


# --- the page without a search ------------------------------------------------------------


def test_without_a_term_the_page_explains_search(client):
    html = client.get("/suche/").text
    assert "<h1>Suchen</h1>" in html
    assert "Radwege" in html  # the example of related word forms
    assert 'role="status"' not in html


def test_every_page_has_a_labelled_search_field_in_the_header(client):
    html = client.get("/").text
    header = html.split("</header>")[0]
    assert 'action="/suche/"' in header
    assert 'role="search"' in header
    assert '<label class="visually-hidden" for="site-search-q">' in header
    assert 'name="q" id="site-search-q"' in header


def test_a_term_that_is_too_long_is_refused_with_a_message(client):
    ProposalFactory(title="Radweg")
    html = found(client, "Radweg " * 40)
    assert "höchstens 200 Zeichen" in html
    assert 'aria-invalid="true"' in html
    assert hit_links(html) == []


def test_nothing_found_gives_a_helpful_empty_state(client):
    html = found(client, "Zeppelinlandeplatz")
    assert "0 Ergebnisse" in html
    assert "Nichts gefunden" in html
    assert 'href="/vorschlaege/"' in html


def test_a_search_is_served_from_the_page_cache_until_content_changes(
    client, page_cache, committed
):
    moderator = UserFactory(is_staff=True, groups=["Moderation"])
    waiting = ProposalFactory(
        title="Trinkbrunnen am Markt", moderation_state=ModerationState.PENDING
    )
    first = client.get("/suche/", {"q": "Trinkbrunnen"})
    assert first["X-Page-Cache"] == "miss"
    assert hit_links(first.text) == []
    again = client.get("/suche/", {"q": "Trinkbrunnen"})
    assert again["X-Page-Cache"] == "hit"
    # Another kind or page of hits is a page of its own.
    assert (
        client.get("/suche/", {"q": "Trinkbrunnen", "kind": "proposal"})["X-Page-Cache"] == "miss"
    )
    with committed():
        release(contribution=waiting, moderator=moderator, seen_revision=waiting.revision)
    released = client.get("/suche/", {"q": "Trinkbrunnen"})
    assert hit_links(released.text) == [waiting.get_absolute_url()]
    assert '<meta name="robots" content="noindex">' in released.text


def test_staff_searches_are_never_cached(client, page_cache):
    client.force_login(UserFactory(is_staff=True, groups=["Moderation"]))
    assert not client.get("/suche/", {"q": "Trinkbrunnen"}).has_header("X-Page-Cache")


# --- stemming and ranking (PostgreSQL) ----------------------------------------------------


@postgres_only
def test_german_word_forms_find_each_other(client):
    proposal = ProposalFactory(title="Ein sicherer Radweg an der Lauter")
    assert hit_links(found(client, "Radwege")) == [proposal.get_absolute_url()]
    other = ProposalFactory(title="Mehr Spielplätze", description="Für alle Kinder.")
    assert hit_links(found(client, "Spielplatz")) == [other.get_absolute_url()]


@postgres_only
def test_english_word_forms_find_each_other(client):
    proposal = ProposalFactory(title="Safe parking for bikes", description="Near the station.")
    assert hit_links(found(client, "bike")) == [proposal.get_absolute_url()]
    assert hit_links(found(client, "parked bikes")) == [proposal.get_absolute_url()]


@postgres_only
def test_a_title_match_ranks_before_a_match_in_the_text(client):
    in_text = ProposalFactory(title="Idee", description="Hier fehlt ein Trinkbrunnen.")
    in_title = ProposalFactory(title="Trinkbrunnen", description="Es ist heiß im Sommer.")
    assert hit_links(found(client, "Trinkbrunnen")) == [
        in_title.get_absolute_url(),
        in_text.get_absolute_url(),
    ]


@postgres_only
@pytest.mark.parametrize("kind", search.SEARCHED, ids=lambda kind: kind.key)
def test_every_declared_field_is_searched(client, kind):
    """The fields in search.SEARCHED and the columns of the migrations agree."""
    for name in kind.searched_fields:
        word = f"Zauberwort{name.capitalize()}"
        obj = make_visible(kind.key, **{name: word})
        assert hit_links(found(client, word)) == [obj.get_absolute_url()], name


def make_visible(key, **fields):
    if key == "project":
        return ProjectFactory(**fields)
    if key == "news":
        return ProjectUpdateFactory(**fields)
    if key == "poll":
        return PollFactory(**fields)
    if key == "proposal":
        return ProposalFactory(response_at=timezone.now(), **fields)
    if key == "comment":
        return CommentFactory(**fields)
    if key == "plan":
        return PlanFactory(**fields)
    if key == "event":
        return EventFactory(**fields)
    page = {"slug": f"seite-{Page.objects.count()}", "title": "Seite", "body": "<p>x</p>"}
    return Page.objects.create(**(page | fields))


@postgres_only
@pytest.mark.parametrize("kind", search.SEARCHED, ids=lambda kind: kind.key)
def test_each_kind_has_its_search_index(kind):
    """A planner that avoids reading whole tables finds the matches through the GIN index."""
    table = connection.ops.quote_name(kind.model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            f"EXPLAIN SELECT 1 FROM {table} WHERE search_vector @@ "  # noqa: S608 - our table
            "(websearch_to_tsquery('german', %s) || websearch_to_tsquery('english', %s))",
            ["Radweg", "Radweg"],
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert f"Bitmap Index Scan on {kind.model._meta.db_table}_search_idx" in plan


# --- what is found: the rules of the pages -------------------------------------------------


@postgres_only
def test_only_published_plans_and_events_are_found(client):
    plan = PlanFactory(title="Quartiersgarage am Messeplatz")
    PlanFactory(title="Quartiersgarage am Bahnhof", is_published=False)
    event = EventFactory(title="Werkstatt Quartiersgarage")
    EventFactory(title="Infoabend Quartiersgarage", is_published=False)
    links = set(hit_links(found(client, "Quartiersgarage")))
    assert links == {plan.get_absolute_url(), event.get_absolute_url()}


@postgres_only
def test_only_released_proposals_are_found(client):
    published = ProposalFactory(title="Wasserspender im Park")
    for state in (ModerationState.PENDING, ModerationState.REJECTED, ModerationState.HIDDEN):
        ProposalFactory(title="Wasserspender am Rathaus", moderation_state=state)
    assert hit_links(found(client, "Wasserspender")) == [published.get_absolute_url()]


@postgres_only
def test_unpublished_projects_polls_pages_and_news_are_not_found(client):
    ProjectFactory(title="Wasserspender geplant", is_published=False)
    PollFactory(title="Wasserspender wohin?", is_published=False)
    Page.objects.create(slug="entwurf", title="Wasserspender", body="<p>x</p>", is_published=False)
    draft_project = ProjectFactory(title="Entwurf", is_published=False)
    ProjectUpdateFactory(project=draft_project, title="Wasserspender kommen")
    ProjectUpdateFactory(
        title="Wasserspender bald",
        published_on=timezone.localdate() + datetime.timedelta(days=3),
    )
    assert hit_links(found(client, "Wasserspender")) == []
    project = ProjectFactory(title="Wasserspender für alle")
    assert hit_links(found(client, "Wasserspender")) == [project.get_absolute_url()]


@postgres_only
def test_only_visible_comments_on_visible_pages_are_found(client):
    proposal = ProposalFactory()
    shown = CommentFactory(target=proposal, text="Ein Wasserspender wäre schön.")
    for state in (ModerationState.PENDING, ModerationState.REJECTED, ModerationState.HIDDEN):
        CommentFactory(target=proposal, text="Wasserspender!", moderation_state=state)
    deleted = CommentFactory(target=proposal, text="Wasserspender?")
    deleted.text, deleted.deleted_at = "", timezone.now()
    deleted.save()
    # On pages nobody may see: a waiting proposal, a draft project, a draft poll.
    CommentFactory(
        target=ProposalFactory(moderation_state=ModerationState.PENDING), text="Wasserspender."
    )
    CommentFactory(target=ProjectFactory(is_published=False), text="Wasserspender.")
    CommentFactory(target=PollFactory(is_published=False), text="Wasserspender.")
    # A reply under a comment that waits is not shown in the thread either.
    waiting = CommentFactory(
        target=proposal, text="Hallo", moderation_state=ModerationState.PENDING
    )
    CommentFactory(parent=waiting, text="Wasserspender, genau.")
    # A reply under a removed comment keeps its place in the thread.
    removed = CommentFactory(
        target=proposal, text="Hallo", moderation_state=ModerationState.HIDDEN
    )
    reply = CommentFactory(parent=removed, text="Trotzdem: Wasserspender.")

    links = hit_links(found(client, "Wasserspender"))
    assert sorted(links) == sorted([shown.get_absolute_url(), reply.get_absolute_url()])


@postgres_only
def test_a_comment_hit_names_its_page(client):
    proposal = ProposalFactory(title="Bänke am Stiftsplatz")
    CommentFactory(target=proposal, text="Wasserspender dazu, bitte.")
    html = found(client, "Wasserspender")
    assert "Kommentar zu „Bänke am Stiftsplatz“" in html


# --- escaping and highlighting -------------------------------------------------------------


@postgres_only
def test_found_words_are_marked_and_everything_else_is_escaped(client):
    ProposalFactory(
        title="<script>alert(1)</script> Radweg",
        description="Ein <b>Radweg</b> & <script>alert(2)</script> mehr.",
    )
    html = found(client, "Radweg")
    main = html.split('<main id="main"', 1)[1]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <mark>Radweg</mark></a>" in main
    assert '<p class="search-snippet mb-0"><mark>Radweg</mark> &amp; alert(2) mehr' in main
    assert "<script>" not in main
    assert "<b>" not in main


@postgres_only
def test_the_search_term_is_escaped(client):
    ProposalFactory(title="Radweg", description="<script>alert(2)</script>")
    html = found(client, "<script>alert(1)</script>")
    main = html.split('<main id="main"', 1)[1]
    assert "„&lt;script&gt;alert(1)&lt;/script&gt;“" in main
    assert 'value="&lt;script&gt;alert(1)&lt;/script&gt;"' in main
    assert "<script>" not in main


@postgres_only
def test_html_texts_show_as_text_in_snippets(client):
    ProjectFactory(
        title="Neue Mitte", body="<p>Der <strong>Radweg</strong> kommt.</p><p>Mehr &amp; bald.</p>"
    )
    html = found(client, "Radweg")
    assert "Der <mark>Radweg</mark> kommt. Mehr &amp; bald" in html


def test_marker_characters_typed_by_someone_make_no_other_markup():
    assert search.as_html("a \x02b \x03c\x02") == "a <mark>b </mark>c"
    assert search.as_html("\x02<i>\x03") == "<mark>&lt;i&gt;</mark>"


# --- kinds and pages -------------------------------------------------------------------------


@postgres_only
def test_the_kind_filter_shows_counts_and_narrows_the_hits(client):
    project = ProjectFactory(title="Radweg an der Lauter")
    proposals = [ProposalFactory(title=f"Radweg {n}") for n in range(2)]
    html = found(client, "Radweg")
    assert "3 Ergebnisse" in html
    assert re.search(r'kind=proposal"[^>]*>Vorschläge <span class="badge[^"]*">2</span>', html)
    assert re.search(r'kind=project"[^>]*>Projekte <span class="badge[^"]*">1</span>', html)
    assert "kind=poll" not in html  # kinds without hits are not offered

    html = found(client, "Radweg", kind="proposal")
    assert sorted(hit_links(html)) == sorted(p.get_absolute_url() for p in proposals)
    assert project.get_absolute_url() not in hit_links(html)
    assert 'aria-current="page">Vorschläge' in html
    # An unknown kind is ignored.
    assert len(hit_links(found(client, "Radweg", kind="nonsense"))) == 3


@postgres_only
def test_hits_are_paginated_keeping_term_and_kind(client):
    for n in range(search.RESULTS_PER_PAGE + 3):
        ProposalFactory(title=f"Radweg Nummer {n}")
    html = found(client, "Radweg", kind="proposal")
    assert len(hit_links(html)) == search.RESULTS_PER_PAGE
    assert 'href="?q=Radweg&amp;kind=proposal&amp;page=2"' in html
    second = found(client, "Radweg", kind="proposal", page=2)
    assert len(hit_links(second)) == 3
    assert set(hit_links(second)).isdisjoint(hit_links(html))


def queries_for(client, count, kind=""):
    project = ProjectFactory(title="Radweg-Projekt")
    poll = PollFactory(title="Radweg oder Parkplatz?")
    for n in range(count):
        ProjectUpdateFactory(project=project, title=f"Radweg Neuigkeit {n}")
        ProposalFactory(title=f"Radweg {n}")
        CommentFactory(target=project if n % 2 else poll, text=f"Radweg, Kommentar {n}")
        Page.objects.create(slug=f"radweg-{count}-{n}", title=f"Radweg {n}", body="<p>x</p>")
    client.get("/suche/", {"q": "Radweg", "kind": kind})  # content types get cached
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/suche/", {"q": "Radweg", "kind": kind})
    assert response.status_code == 200
    hits = count if kind else 4 * count + 2  # each kind, and the project and the poll
    assert len(hit_links(response.text)) == min(search.RESULTS_PER_PAGE, hits)
    return len(queries)


@pytest.mark.parametrize("kind", ["news", "proposal", "comment", "page"])
def test_the_number_of_queries_does_not_grow_with_the_hits(client, kind):
    few = queries_for(client, 3, kind)
    many = queries_for(client, 30, kind)
    assert few == many


def test_a_page_of_every_kind_costs_a_bounded_number_of_queries(client):
    """The counts, the page, one query per kind on it and per kind of page commented on."""
    bound = 2 + len(search.SEARCHED) + len(settings.COMMENT_TARGETS)
    if not connection.features.supports_slicing_ordering_in_compound:
        bound += len(search.SEARCHED) - 1  # SQLite: the candidates kind by kind, no UNION
    assert queries_for(client, 3) <= bound
    assert queries_for(client, 30) <= bound


# --- the fallback for other databases ----------------------------------------------------------


def test_the_fallback_finds_every_word_in_any_field(client, monkeypatch):
    monkeypatch.setattr(search, "uses_postgres", lambda: False)
    proposal = ProposalFactory(title="Bänke am Markt", description="Und ein Trinkbrunnen.")
    ProposalFactory(title="Bänke am Park", moderation_state=ModerationState.PENDING)
    html = found(client, "trinkbrunnen bänke")
    assert hit_links(html) == [proposal.get_absolute_url()]
    assert "<mark>Trinkbrunnen</mark>" in html
    assert "<mark>Bänke</mark> am Markt" in html
    assert hit_links(found(client, "Trinkbrunnen Sonnenschirm")) == []


@postgres_only
def test_beyond_the_count_limit_the_page_says_more_than(client, monkeypatch):
    monkeypatch.setattr(search, "CANDIDATES", 3)
    monkeypatch.setattr(search, "COUNT_LIMIT", 3)
    monkeypatch.setattr("klmitwirkung.search_views.COUNT_LIMIT", 3)
    for n in range(5):
        ProposalFactory(title=f"Radweg {n}")
    html = found(client, "Radweg")
    assert "Mehr als 3 Ergebnisse für „Radweg“" in html
    assert re.search(r'kind=proposal"[^>]*>Vorschläge <span class="badge[^"]*">3\+</span>', html)
    assert len(hit_links(html)) == 3


# --- texts that editors write in German and English ---------------------------------------


def test_an_english_version_is_found_and_shown_in_english(client):
    project = ProjectFactory(
        title="Radverkehrskonzept", title_en="Cycling plan", body_en="<p>Safer bike lanes.</p>"
    )
    response = client.get("/en/suche/", {"q": "bike lanes"})
    assert hit_links(response.text) == [f"/en/projekte/{project.slug}/"]
    assert "Cycling plan" in response.text
    # The German page finds it by its English words too, and shows the German title.
    german = found(client, "bike lanes")
    assert hit_links(german) == [project.get_absolute_url()]
    assert "Radverkehrskonzept" in german


def test_without_english_the_german_text_is_shown_on_the_english_page(client):
    project = ProjectFactory(title="Radwege im Norden", body="<p>Neue Radwege.</p>")
    response = client.get("/en/suche/", {"q": "Radweg"})
    assert hit_links(response.text) == [f"/en/projekte/{project.slug}/"]
    # PostgreSQL marks the word form, the fallback the letters searched for.
    assert re.search(r"<mark>Radweg(e</mark>|</mark>e) im Norden", response.text)


def test_hits_in_another_language_than_the_page_are_marked(client):
    ProposalFactory(
        title="Radweg am Bahnhof",
        description="Ein sicherer Radweg.",
        language="de",
        moderation_state=ModerationState.PUBLISHED,
    )
    ProjectFactory(title="Radwege im Norden", body="<p>Neue Radwege.</p>")
    english = client.get("/en/suche/", {"q": "Radweg"}).text
    assert english.count('<p class="search-snippet mb-0" lang="de">') == 2
    assert 'lang="de"><mark>Radweg</mark> am Bahnhof</a>' in english
    german = found(client, "Radweg")
    results = german.split('class="search-results', 1)[1].split("</ol>", 1)[0]
    assert ' lang="' not in results
