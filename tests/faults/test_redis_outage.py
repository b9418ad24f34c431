"""Redis goes away and comes back: nobody loses a word, a vote or the way in.

A real `redis-server` of the test's own, on a free port, holds the pages as in production
(settings.CACHES "pages"); rate limits live in PostgreSQL's cache table as in production.
The test stops the server in the middle and starts it again.
"""

import pytest
from django.test import Client

from comments.models import Comment
from polls.models import Ballot
from tests.accounts.factories import PASSWORD, UserFactory
from tests.polls.factories import poll_with_questions
from tests.polls.test_views import ballot_data
from tests.projects.factories import ProjectFactory

pytestmark = pytest.mark.django_db

LOGIN = "/konto/login/"


@pytest.fixture
def production_caches(settings, redis_server, cache_table):
    """CACHES as production builds them with REDIS_URL (klmitwirkung/settings.py)."""
    from django.core.cache import caches

    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.DurableDatabaseCache",
            "LOCATION": cache_table,
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_server.url,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        },
    }
    settings.PAGE_CACHE_VERSIONS = "pages"
    settings.PAGE_CACHE_SECONDS = 30
    caches["default"].clear()
    yield
    caches["default"].clear()


def signed_in(user):
    client = Client()
    response = client.post(LOGIN, {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302, "signed in"
    return client


@pytest.mark.usefixtures("production_caches")
def test_with_redis_gone_people_still_sign_in_write_and_vote(
    redis_server, django_capture_on_commit_callbacks
):
    project = ProjectFactory()
    poll = poll_with_questions(project=project)
    citizen = UserFactory()
    visitor = Client()
    assert visitor.get(project.get_absolute_url()).headers["X-Page-Cache"] == "miss"
    assert visitor.get(project.get_absolute_url()).headers["X-Page-Cache"] == "hit"

    redis_server.stop()

    # Reading: the page is rendered, without the cache and without an error.
    response = Client().get(project.get_absolute_url())
    assert response.status_code == 200
    assert "X-Page-Cache" not in response.headers
    # Signing in, writing and voting work; their limits count in PostgreSQL.
    client = signed_in(citizen)
    with django_capture_on_commit_callbacks(execute=True):
        written = client.post(
            "/kommentare/neu/",
            {"target": "projects.project", "object_id": project.pk, "text": "Trotzdem da."},
        )
        voted = client.post(poll.get_absolute_url(), ballot_data(poll))
    assert written.status_code == 302
    assert Comment.objects.get().text == "Trotzdem da."
    assert voted.status_code == 302
    assert Ballot.objects.filter(poll=poll, user=citizen).count() == 1
    # A login lock still holds.
    stranger = Client()
    for _ in range(5):
        stranger.post(LOGIN, {"login": citizen.email, "password": "falsch"})
    locked = stranger.post(LOGIN, {"login": citizen.email, "password": PASSWORD})
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in locked.text

    redis_server.start()

    # Back by itself: the next visitors are served from the cache again.
    assert Client().get(project.get_absolute_url()).headers["X-Page-Cache"] == "miss"
    assert Client().get(project.get_absolute_url()).headers["X-Page-Cache"] == "hit"
