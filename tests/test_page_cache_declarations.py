"""Each cached page names the kinds of content it shows (core.page_cache), and the names
are true: every cached page is rendered before and after a change of each kind, and a page
that changed must have declared that kind, or a cached copy would show the old state.

The one page allowed to lag is the start page behind new ballots: its participation figures
may be up to PAGE_CACHE_SECONDS old, so that it stays fast while a vote is on (README,
„Page cache“).
"""

import re
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import resolve

from comments.services import post_comment
from core.page_cache import CONTENT, VOTES, versions
from pages.models import Page
from polls.services import cast_ballot
from proposals.services import support_proposal
from tests.accounts.factories import UserFactory
from tests.comments.factories import CommentFactory
from tests.mapconsultations.factories import EntryFactory
from tests.polls.factories import poll_with_questions
from tests.polls.test_views import ballot_data
from tests.projects.factories import ProjectFactory
from tests.proposals.factories import ProposalFactory

pytestmark = pytest.mark.django_db

# (page, kind) pairs that may lag behind a change, each with its reason (see above).
MAY_LAG = {("home", VOTES): "participation figures, bounded by PAGE_CACHE_SECONDS"}


@pytest.fixture
def site():
    project = ProjectFactory(title="Neue Mitte")
    poll = poll_with_questions(project=project, title="Was kommt auf den Platz?")
    proposal = ProposalFactory(project=project, title="Bänke am Stiftsplatz")
    CommentFactory(target=project)
    page = Page.objects.published().first()
    return {
        "home": "/",
        "projects:list": "/projekte/",
        "projects:detail": project.get_absolute_url(),
        "polls:list": "/abstimmungen/",
        "polls:detail": poll.get_absolute_url(),
        "polls:results": poll.get_results_url(),
        "proposals:list": "/vorschlaege/",
        "proposals:detail": proposal.get_absolute_url(),
        "pages:detail": page.get_absolute_url() if page else None,
        # The moderator's comments of new_content() are found by their words.
        "search": "/suche/?q=weiter",
        "mapconsultations:detail": EntryFactory(
            consultation__project=project
        ).consultation.get_absolute_url(),
        "objects": {"project": project, "poll": poll, "proposal": proposal},
    }


def rendered(path):
    response = Client().get(path)
    assert response.status_code == 200, path
    # The CSRF token differs for every visitor; it is no content.
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.text)


def a_new_ballot(objects):
    poll = objects["poll"]
    cast_ballot(poll=poll, user=UserFactory(), answers=answers_of(poll))


def answers_of(poll):
    from polls.forms import BallotForm

    questions = list(poll.questions.prefetch_related("choices").order_by("position"))
    form = BallotForm(ballot_data(poll), questions=questions)
    assert form.is_valid(), form.errors
    return form.answers()


def new_content(objects):
    support_proposal(proposal=objects["proposal"], user=UserFactory())
    # A moderator's comments need no release, so they show at once.
    moderator = UserFactory(is_staff=True, groups=["Moderation"])
    for target in (objects["project"], objects["poll"], objects["proposal"]):
        post_comment(author=moderator, target=target, text="Gute Idee, bitte weiter so.")


CHANGES = {VOTES: a_new_ballot, CONTENT: new_content}


def declared_versions(path):
    """The versions of what the page at `path` declares, filled in from its address."""
    match = resolve(urlsplit(path).path)
    kinds = [kind.format(**match.kwargs) for kind in match.func.page_cache_shows]
    return versions(kinds)[1:]  # without EVERYTHING, which only the admin renews


@pytest.mark.parametrize("kind", [VOTES, CONTENT])
def test_every_cached_page_declares_what_it_shows(site, kind, committed):
    pages = {name: path for name, path in site.items() if name != "objects" and path}
    for name, path in pages.items():
        assert resolve(urlsplit(path).path).func.page_cache_shows, f"{name} is not cached"
    before = {name: rendered(path) for name, path in pages.items()}
    versions_before = {name: declared_versions(path) for name, path in pages.items()}
    with committed():
        CHANGES[kind](site["objects"])
    changed = [name for name, path in pages.items() if rendered(path) != before[name]]
    assert changed, f"no page shows a change of {kind}: the test changes nothing"
    # A page that shows the change must have a declared version that the change renewed
    # (for a poll's own pages: the votes of that very poll).
    undeclared = [
        name
        for name in changed
        if declared_versions(pages[name]) == versions_before[name] and (name, kind) not in MAY_LAG
    ]
    assert undeclared == [], f"these pages show {kind} without declaring it"


def test_a_ballot_leaves_the_pages_of_other_polls_as_they_are(site, committed):
    other = poll_with_questions(project=site["objects"]["project"], title="Ein anderer Platz")
    paths = [other.get_absolute_url(), other.get_results_url()]
    before = {path: declared_versions(path) for path in paths}
    project_page = declared_versions(site["projects:detail"])
    with committed():
        a_new_ballot(site["objects"])
    assert {path: declared_versions(path) for path in paths} == before
    # The project page shows the figures of every poll of the project: renewed.
    assert declared_versions(site["projects:detail"]) != project_page
