"""Public pages come from the cache for visitors who are not signed in, and never out of date
after a change made through the services or the admin (core/page_cache.py)."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from comments.services import delete_comment, post_comment
from klmitwirkung.privacy import delete_account
from moderation.models import ModerationState
from moderation.services import release
from polls.models import Ballot, Poll
from polls.services import confirm_paper_batch
from proposals.services import support_proposal, withdraw_support
from tests.accounts.factories import PASSWORD, UserFactory
from tests.comments.factories import CommentFactory
from tests.polls.factories import PaperBatchFactory, poll_with_questions
from tests.polls.test_views import ballot_data
from tests.projects.factories import ProjectFactory, TopicFactory
from tests.projects.test_admin import project_form
from tests.proposals.factories import ProposalFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


def cache_state(response):
    return response.headers.get("X-Page-Cache")


def public(page):
    """The page as a visitor who is not signed in gets it."""
    return Client().get(page.get_absolute_url()).text


def total_participants(response):
    return response.text.split('<dd class="col-sm-8"><strong>')[1].split("<")[0]


@pytest.fixture
def project():
    return ProjectFactory(title="Smarte Parkplätze", slug="smarte-parkplaetze")


def test_a_second_visitor_gets_the_page_from_the_cache_without_a_query(
    project, django_assert_num_queries
):
    first = Client().get("/projekte/smarte-parkplaetze/")
    assert cache_state(first) == "miss"
    with django_assert_num_queries(0):
        second = Client().get("/projekte/smarte-parkplaetze/")
    assert cache_state(second) == "hit"
    assert second.status_code == 200
    assert second.content == first.content
    assert second["Content-Type"] == "text/html; charset=utf-8"
    # The security headers are the response's own, not stored ones.
    assert "Content-Security-Policy" in second.headers


def test_signed_in_visitors_never_get_the_page_of_visitors(client, project, user):
    """... but one shared by citizens (tests/test_page_cache_signed_in.py)."""
    Client().get("/projekte/smarte-parkplaetze/")
    client.force_login(user)
    response = client.get("/projekte/smarte-parkplaetze/")
    assert cache_state(response) == "miss"
    assert user.username in response.text
    # ... and nobody gets theirs.
    assert user.username not in Client().get("/projekte/smarte-parkplaetze/").text


def test_a_visitor_with_a_session_bypasses_the_cache(client, project):
    Client().get("/projekte/smarte-parkplaetze/")
    session = client.session
    session["something"] = "for this visitor only"
    session.save()
    client.cookies["sessionid"] = session.session_key
    assert cache_state(client.get("/projekte/smarte-parkplaetze/")) is None


def test_named_query_parameters_get_their_own_entry_and_others_bypass_the_cache(project):
    green = TopicFactory(name="Stadtgrün", slug="stadtgruen")
    ProjectFactory(title="Bäume für die Innenstadt", topics=[green])
    assert "Smarte Parkplätze" in Client().get("/projekte/").text
    filtered = Client().get("/projekte/?topic=stadtgruen")
    assert cache_state(filtered) == "miss"
    assert "Smarte Parkplätze" not in filtered.text
    assert "Smarte Parkplätze" not in Client().get("/projekte/?topic=stadtgruen").text
    assert cache_state(Client().get("/projekte/?utm_source=zeitung")) is None


def test_only_successful_pages_are_stored():
    assert Client().get("/projekte/gibt-es-nicht/").status_code == 404
    assert cache_state(Client().get("/projekte/gibt-es-nicht/")) is None


def test_a_released_comment_shows_at_once_and_is_gone_once_deleted(
    project, moderator, django_capture_on_commit_callbacks
):
    author = UserFactory()
    comment = post_comment(author=author, target=project, text="Endlich freie Plätze finden!")
    assert comment.is_pending
    assert "Endlich freie Plätze" not in Client().get(project.get_absolute_url()).text
    with django_capture_on_commit_callbacks(execute=True):
        release(contribution=comment, moderator=moderator, seen_revision=comment.revision)
    assert "Endlich freie Plätze" in Client().get(project.get_absolute_url()).text
    with django_capture_on_commit_callbacks(execute=True):
        delete_comment(comment=comment, user=author)
    assert "Endlich freie Plätze" not in Client().get(project.get_absolute_url()).text


def test_a_released_proposal_shows_at_once(moderator, django_capture_on_commit_callbacks):
    proposal = ProposalFactory(
        title="Trinkbrunnen am Stiftsplatz", moderation_state=ModerationState.PENDING
    )
    assert "Trinkbrunnen" not in Client().get("/vorschlaege/").text
    with django_capture_on_commit_callbacks(execute=True):
        release(contribution=proposal, moderator=moderator, seen_revision=proposal.revision)
    assert "Trinkbrunnen" in Client().get("/vorschlaege/").text


def test_a_ballot_shows_in_the_live_results_at_once(user, django_capture_on_commit_callbacks):
    poll = poll_with_questions(results_visibility=Poll.ResultsVisibility.LIVE)
    results = poll.get_results_url()
    assert total_participants(Client().get(results)) == "0"
    voter = Client()
    voter.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        voter.post(poll.get_absolute_url(), ballot_data(poll, 1))
    assert Ballot.objects.filter(poll=poll).count() == 1
    assert total_participants(Client().get(results)) == "1"


def test_confirmed_paper_votes_show_at_once(editor, django_capture_on_commit_callbacks):
    poll = poll_with_questions(results_visibility=Poll.ResultsVisibility.LIVE)
    batch = PaperBatchFactory(poll=poll, ballots_count=12)
    assert total_participants(Client().get(poll.get_results_url())) == "0"
    with django_capture_on_commit_callbacks(execute=True):
        confirm_paper_batch(batch=batch, confirmed_by=editor, seen_revision=batch.revision)
    assert total_participants(Client().get(poll.get_results_url())) == "12"


def test_a_change_in_the_admin_shows_at_once(client, editor, django_capture_on_commit_callbacks):
    assert "Neues Projekt" not in Client().get("/").text
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/admin/projects/project/add/", project_form(TopicFactory()))
    assert response.status_code == 302
    assert "Neues Projekt" in Client().get("/").text


def test_a_guest_poll_form_works_from_the_cache_for_each_visitor():
    poll = poll_with_questions(eligibility=Poll.Eligibility.GUESTS)
    first = Client(enforce_csrf_checks=True)
    assert cache_state(first.get(poll.get_absolute_url())) == "miss"
    second = Client(enforce_csrf_checks=True)
    page = second.get(poll.get_absolute_url())
    assert cache_state(page) == "hit"
    assert "__csrf_token__" not in page.text
    token = page.text.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    response = second.post(
        poll.get_absolute_url(), {**ballot_data(poll, 0), "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    assert Ballot.objects.filter(poll=poll, is_guest=True).count() == 1
    # The guest's next visit shows their own vote, not the cached form.
    page = second.get(poll.get_absolute_url())
    assert cache_state(page) is None
    assert 'name="question_' not in page.text


def test_a_notice_after_signing_out_is_not_cached_for_others(client, user):
    ProjectFactory()
    client.force_login(user)
    client.post("/konto/logout/")
    assert "abgemeldet" in client.get("/").text
    assert "abgemeldet" not in Client().get("/").text


def test_the_cache_can_be_switched_off(settings, project):
    settings.PAGE_CACHE_SECONDS = 0
    Client().get(project.get_absolute_url())
    assert cache_state(Client().get(project.get_absolute_url())) is None


def test_moderators_never_see_a_cached_page(moderator):
    comment = CommentFactory(moderation_state=ModerationState.PENDING, text="Wartet noch.")
    Client().get(comment.target.get_absolute_url())
    client = Client()
    client.force_login(moderator)
    assert Group.objects.filter(name="Moderation", user=moderator).exists()
    assert "Wartet noch." in client.get(comment.target.get_absolute_url()).text


def test_signed_in_visitors_share_the_counted_results_until_the_next_vote(
    user, django_capture_on_commit_callbacks
):
    poll = poll_with_questions(results_visibility=Poll.ResultsVisibility.LIVE)
    viewer = Client()
    viewer.force_login(UserFactory())
    with CaptureQueriesContext(connection) as counting:
        assert total_participants(viewer.get(poll.get_results_url())) == "0"
    with CaptureQueriesContext(connection) as counted:
        assert total_participants(viewer.get(poll.get_results_url())) == "0"
    assert len(counted) < len(counting)
    assert not any("polls_selection" in query["sql"] for query in counted.captured_queries)
    voter = Client()
    voter.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        voter.post(poll.get_absolute_url(), ballot_data(poll, 1))
    assert total_participants(viewer.get(poll.get_results_url())) == "1"


def test_each_page_of_a_discussion_is_cached_on_its_own(project):
    first, *_, last = CommentFactory.create_batch(25, target=project)
    page_one = Client().get(project.get_absolute_url())
    page_two = Client().get(f"{project.get_absolute_url()}?kommentarseite=2")
    assert cache_state(page_two) == "miss"
    assert f"kommentar-{first.pk}" in page_one.text
    assert f"kommentar-{last.pk}" not in page_one.text
    assert f"kommentar-{last.pk}" in page_two.text
    again = Client().get(f"{project.get_absolute_url()}?kommentarseite=2")
    assert cache_state(again) == "hit"
    assert f"kommentar-{last.pk}" in again.text


def test_a_support_and_its_withdrawal_show_at_once(user, django_capture_on_commit_callbacks):
    proposal = ProposalFactory()
    assert '<p class="support-count fs-5">0 Unterstützungen' in public(proposal)
    with django_capture_on_commit_callbacks(execute=True):
        support_proposal(proposal=proposal, user=user)
    assert '<p class="support-count fs-5">1 Unterstützung<' in public(proposal)
    with django_capture_on_commit_callbacks(execute=True):
        withdraw_support(proposal=proposal, user=user)
    assert '<p class="support-count fs-5">0 Unterstützungen' in public(proposal)


def test_a_deleted_account_leaves_the_pages_at_once(django_capture_on_commit_callbacks):
    author = UserFactory(username="Pfalzliebe")
    proposal = ProposalFactory(author=author)
    assert "Pfalzliebe" in public(proposal)
    with django_capture_on_commit_callbacks(execute=True):
        delete_account(user=author, password=PASSWORD)
    assert "Pfalzliebe" not in public(proposal)


@pytest.mark.parametrize("signed_in", [False, True])
def test_the_poll_page_counts_a_new_participant_at_once(
    signed_in, user, django_capture_on_commit_callbacks
):
    poll = poll_with_questions()
    viewer = Client()
    if signed_in:
        viewer.force_login(UserFactory())
    assert "0 Teilnehmende" in viewer.get(poll.get_absolute_url()).text
    voter = Client()
    voter.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        voter.post(poll.get_absolute_url(), ballot_data(poll, 1))
    assert "1 teilnehmende Person" in viewer.get(poll.get_absolute_url()).text


UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
    }
}


def test_without_the_cache_server_pages_are_rendered_and_writes_go_through(
    settings, user, caplog, django_capture_on_commit_callbacks
):
    poll = poll_with_questions(results_visibility=Poll.ResultsVisibility.LIVE)
    proposal = ProposalFactory(title="Trinkbrunnen am Stiftsplatz")
    settings.CACHES = UNREACHABLE_REDIS
    response = Client().get("/vorschlaege/")
    assert response.status_code == 200
    assert cache_state(response) is None
    assert "Trinkbrunnen" in response.text
    with django_capture_on_commit_callbacks(execute=True):
        support_proposal(proposal=proposal, user=user)
    assert '<p class="support-count fs-5">1 Unterstützung<' in public(proposal)
    assert total_participants(Client().get(poll.get_results_url())) == "0"
    assert "Page cache unavailable" in caplog.text


def signed_in(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def thread_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url).text
    # The thread's own reads are the ones that fetch the comments' words.
    return html, [
        q["sql"] for q in queries.captured_queries if '"comments_comment"."text"' in q["sql"]
    ]


def test_citizens_share_the_rendered_thread_until_it_changes(
    project, moderator, django_capture_on_commit_callbacks
):
    CommentFactory(target=project, text="Wo genau?")
    anna, bernd = signed_in(UserFactory()), signed_in(UserFactory())
    html, thread_read = thread_queries(anna, project.get_absolute_url())
    assert "Wo genau?" in html and thread_read
    html, thread_read = thread_queries(bernd, project.get_absolute_url())
    assert "Wo genau?" in html
    assert thread_read == []  # from the shared fragment
    waiting = post_comment(author=UserFactory(), target=project, text="Am Altenhof!")
    with django_capture_on_commit_callbacks(execute=True):
        release(contribution=waiting, moderator=moderator, seen_revision=waiting.revision)
    assert "Am Altenhof!" in bernd.get(project.get_absolute_url()).text


def test_own_comments_and_the_moderators_view_are_never_shared(project, moderator):
    author = UserFactory()
    CommentFactory(target=project, author=author, text="Wartet noch.", moderation_state="pending")
    citizen = signed_in(UserFactory())
    assert "Wartet noch." not in citizen.get(project.get_absolute_url()).text
    assert "Wartet noch." in signed_in(author).get(project.get_absolute_url()).text
    assert "Wartet noch." in signed_in(moderator).get(project.get_absolute_url()).text
    assert "Wartet noch." not in signed_in(UserFactory()).get(project.get_absolute_url()).text


def test_each_citizen_writes_with_their_own_token_from_the_shared_thread(project):
    for number in (1, 2):
        client = signed_in(UserFactory())
        page = client.get(project.get_absolute_url()).text
        token = page.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
        response = client.post(
            "/kommentare/neu/",
            {
                "target": "projects.project",
                "object_id": project.pk,
                "text": f"Beitrag {number}",
                "csrfmiddlewaretoken": token,
            },
        )
        assert response.status_code == 302
    assert project.comments.count() == 2


def test_an_unconfirmed_citizen_is_asked_to_confirm_even_after_others_wrote(project):
    CommentFactory(target=project)
    assert 'name="text"' in signed_in(UserFactory()).get(project.get_absolute_url()).text
    html = signed_in(UserFactory(confirmed=False)).get(project.get_absolute_url()).text
    assert 'name="text"' not in html
    assert "bestätigen Sie Ihre E-Mail-Adresse" in html


@pytest.mark.parametrize("who", ["visitor", "citizen"])
def test_a_token_placeholder_written_in_a_comment_stays_text(project, who):
    """Only the hidden CSRF input gets the visitor's token, never words somebody wrote."""
    CommentFactory(target=project, text="Siehe __csrf_token__ und www.__csrf_token__.de")
    if who == "visitor":
        Client().get(project.get_absolute_url())  # stored
        client = Client()
    else:
        signed_in(UserFactory()).get(project.get_absolute_url())  # the shared thread
        client = signed_in(UserFactory())

    html = client.get(project.get_absolute_url()).text

    assert "Siehe __csrf_token__ und" in html
    assert "https://www.__csrf_token__.de" in html
    tokens = html.split('name="csrfmiddlewaretoken" value="')[1:]
    assert all(not token.startswith("__csrf_token__") for token in tokens)
