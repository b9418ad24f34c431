"""Signed-in citizens share a cached page where its view says they see the same, each with
their own name and CSRF token; whatever is theirs is rendered for them (core/page_cache.py)."""

import re

import pytest
from django.test import Client

from comments.services import post_comment
from polls.models import Ballot, Poll
from projects.services import follow_project
from tests.accounts.factories import UserFactory
from tests.polls.factories import poll_with_questions
from tests.polls.test_views import ballot_data
from tests.projects.factories import ProjectFactory
from tests.proposals.factories import ProposalFactory
from tests.test_page_cache import cache_state, total_participants

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def poll():
    return poll_with_questions(
        title="Was kommt auf den Stiftsplatz?", results_visibility=Poll.ResultsVisibility.LIVE
    )


def test_citizens_share_the_start_page_each_with_their_own_name_and_token(
    django_assert_max_num_queries,
):
    anna, berta = UserFactory(username="anna-k"), UserFactory(username="berta-m")
    first = signed_in(anna).get("/")
    assert cache_state(first) == "miss"
    berta_client = signed_in(berta)
    # The session and the account; the page itself comes from the cache.
    with django_assert_max_num_queries(4):
        second = berta_client.get("/")
    assert cache_state(second) == "hit"
    assert '<span data-personal="name">berta-m</span>' in second.text
    assert "anna-k" not in second.text
    tokens = set(TOKEN.findall(second.text))
    assert tokens and "__csrf_token__" not in tokens
    # The sign-out form works with the token filled in.
    assert (
        berta_client.post("/konto/logout/", {"csrfmiddlewaretoken": tokens.pop()}).status_code
        == 302
    )


def test_visitors_and_citizens_never_get_each_others_page():
    signed_in(UserFactory(username="anna-k")).get("/projekte/")
    visitor = Client().get("/projekte/")
    assert cache_state(visitor) == "miss"
    assert "anna-k" not in visitor.text
    assert "data-personal" not in visitor.text


def test_staff_get_every_page_rendered(editor):
    signed_in(UserFactory()).get("/")
    staff = signed_in(editor)
    assert cache_state(staff.get("/")) is None
    assert cache_state(staff.get("/")) is None


def test_a_page_that_names_the_citizen_is_not_stored_for_others():
    """The proposal list names authors; an author's copy would carry their name twice."""
    author = UserFactory(username="carla-autorin")
    ProposalFactory(title="Mehr Bänke", author=author)
    own = signed_in(author).get("/vorschlaege/")
    assert cache_state(own) is None  # rendered, not stored
    other = signed_in(UserFactory(username="dora-d")).get("/vorschlaege/")
    assert cache_state(other) == "miss"
    assert "dora-d" in other.text and "carla-autorin" in other.text
    served = signed_in(author).get("/vorschlaege/")
    assert cache_state(served) == "hit"
    assert '<span data-personal="name">carla-autorin</span>' in served.text
    assert "dora-d" not in served.text


def test_citizens_who_may_vote_share_the_poll_page_with_its_empty_form(poll):
    assert cache_state(signed_in(UserFactory()).get(poll.get_absolute_url())) == "miss"
    page = signed_in(UserFactory()).get(poll.get_absolute_url())
    assert cache_state(page) == "hit"
    assert 'id="stimmzettel"' in page.text
    assert 'id="ihre-stimme"' not in page.text


def test_a_voter_always_sees_their_own_ballot_and_the_next_citizen_the_new_count(
    poll, django_capture_on_commit_callbacks
):
    signed_in(UserFactory()).get(poll.get_absolute_url())
    voter = signed_in(UserFactory())
    assert cache_state(voter.get(poll.get_absolute_url())) == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        response = voter.post(poll.get_absolute_url(), ballot_data(poll, 1), follow=True)
    assert Ballot.objects.filter(poll=poll).count() == 1
    # The confirmation carries a notice: rendered; and so is every later visit.
    assert cache_state(response) is None
    assert 'id="ihre-stimme"' in response.text
    again = voter.get(poll.get_absolute_url())
    assert cache_state(again) is None
    assert 'id="ihre-stimme"' in again.text
    assert 'id="stimmzettel"' not in again.text
    # The ballot renewed this poll's pages: the next citizen's come fresh, with the vote.
    next_citizen = signed_in(UserFactory())
    assert cache_state(next_citizen.get(poll.get_absolute_url())) == "miss"
    results = next_citizen.get(poll.get_results_url())
    assert total_participants(results) == "1"


def test_citizens_who_cannot_vote_get_the_reason_and_never_the_form(poll):
    signed_in(UserFactory()).get(poll.get_absolute_url())
    unconfirmed = signed_in(UserFactory(confirmed=False)).get(poll.get_absolute_url())
    assert cache_state(unconfirmed) == "miss"  # a group of its own
    assert 'id="stimmzettel"' not in unconfirmed.text
    resident_poll = poll_with_questions(eligibility=Poll.Eligibility.RESIDENTS)
    outsider = UserFactory(postal_code="10115")
    page = signed_in(outsider).get(resident_poll.get_absolute_url())
    assert cache_state(page) is None  # the reason names the person's postal code
    assert "10115" in page.text
    # Without a postal code the reason is the same for everyone: shared, and no form.
    signed_in(UserFactory(postal_code="")).get(resident_poll.get_absolute_url())
    page = signed_in(UserFactory(postal_code="")).get(resident_poll.get_absolute_url())
    assert cache_state(page) == "hit"
    assert 'id="stimmzettel"' not in page.text


def test_a_citizen_who_wrote_on_the_poll_sees_their_comment_waiting(poll):
    author = UserFactory()
    post_comment(author=author, target=poll, text="Bitte auch Sitzplätze für Ältere.")
    signed_in(UserFactory()).get(poll.get_absolute_url())
    own = signed_in(author).get(poll.get_absolute_url())
    assert cache_state(own) is None
    assert "Bitte auch Sitzplätze" in own.text
    assert (
        "Bitte auch Sitzplätze" not in signed_in(UserFactory()).get(poll.get_absolute_url()).text
    )


def test_a_ballot_in_one_poll_leaves_the_other_polls_pages_cached(
    poll, django_capture_on_commit_callbacks
):
    other = poll_with_questions(title="Ein anderer Platz")
    Client().get(other.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        signed_in(UserFactory()).post(poll.get_absolute_url(), ballot_data(poll, 1))
    assert cache_state(Client().get(other.get_absolute_url())) == "hit"
    assert cache_state(Client().get(poll.get_absolute_url())) == "miss"


def test_supporters_and_the_author_of_a_proposal_see_their_own_state(
    django_capture_on_commit_callbacks,
):
    author = UserFactory(username="erna-autorin")
    proposal = ProposalFactory(title="Trinkbrunnen am Stiftsplatz", author=author)
    path = proposal.get_absolute_url()
    signed_in(UserFactory()).get(path)
    reader = signed_in(UserFactory())
    page = reader.get(path)
    assert cache_state(page) == "hit"
    assert f'action="/vorschlaege/{proposal.pk}/unterstuetzen/"' in page.text
    with django_capture_on_commit_callbacks(execute=True):
        reader.post(f"/vorschlaege/{proposal.pk}/unterstuetzen/")
    reader.get(path)  # the notice of the support
    supporting = reader.get(path)
    assert cache_state(supporting) == "miss"  # a group of its own, and a new support count
    assert f'action="/vorschlaege/{proposal.pk}/unterstuetzung-zurueckziehen/"' in supporting.text
    others = signed_in(UserFactory()).get(path)
    assert f'action="/vorschlaege/{proposal.pk}/unterstuetzen/"' in others.text
    own = signed_in(author).get(path)
    assert cache_state(own) is None
    report = f'href="/vorschlaege/{proposal.pk}/melden/"'
    assert report in others.text and report not in own.text  # nobody reports their own


def test_followers_and_writers_of_a_project_see_their_own_state():
    project = ProjectFactory(title="Smarte Parkplätze", slug="smarte-parkplaetze")
    path = project.get_absolute_url()
    signed_in(UserFactory()).get(path)
    reader = signed_in(UserFactory())
    assert cache_state(reader.get(path)) == "hit"
    follower = UserFactory()
    follow_project(project=project, user=follower)
    followed = signed_in(follower).get(path)
    assert cache_state(followed) == "miss"  # a group of its own
    assert 'action="/projekte/smarte-parkplaetze/nicht-mehr-folgen/"' in followed.text
    writer = UserFactory()
    post_comment(author=writer, target=project, text="Wo genau sollen die Sensoren hin?")
    own = signed_in(writer).get(path)
    assert cache_state(own) is None
    assert "Wo genau sollen die Sensoren hin?" in own.text  # waiting for release: theirs only
    assert "Wo genau sollen" not in signed_in(UserFactory()).get(path).text
