"""Staff find the admin from the public header; moderators see how much waits for them."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from moderation.models import ModerationState
from tests.comments.factories import CommentFactory
from tests.proposals.factories import ProposalFactory

pytestmark = pytest.mark.django_db

PENDING = ModerationState.PENDING
ADMIN_LINK = '<a class="nav-link" href="/admin/">Verwaltung'


def header(response):
    return response.text.split("</header>")[0]


def test_moderators_see_the_admin_link_with_the_number_waiting(client, moderator):
    ProposalFactory(moderation_state=PENDING)
    CommentFactory.create_batch(2, moderation_state=PENDING)
    CommentFactory()  # published: nothing to do
    client.force_login(moderator)

    html = header(client.get("/vorschlaege/"))

    assert ADMIN_LINK in html
    assert '<span class="badge rounded-pill text-bg-warning">3</span>' in html
    # Screen readers hear „Verwaltung 3 Beiträge warten auf Freigabe“.
    assert '<span class="visually-hidden">Beiträge warten auf Freigabe</span>' in html


def test_one_waiting_contribution_is_named_in_the_singular(client, moderator):
    CommentFactory(moderation_state=PENDING)
    client.force_login(moderator)
    html = header(client.get("/"))
    assert '<span class="visually-hidden">Beitrag wartet auf Freigabe</span>' in html


def test_nothing_waiting_shows_the_link_without_a_number(client, moderator):
    client.force_login(moderator)
    html = header(client.get("/"))
    assert ADMIN_LINK in html
    assert "badge" not in html


def test_editors_who_do_not_moderate_see_the_link_without_a_number(client, editor):
    ProposalFactory(moderation_state=PENDING)
    client.force_login(editor)
    html = header(client.get("/"))
    assert ADMIN_LINK in html
    assert "badge" not in html
    assert "Freigabe" not in html


@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "citizen"])
def test_visitors_and_citizens_see_no_admin_link_and_pay_no_query_for_it(client, user, signed_in):
    ProposalFactory(moderation_state=PENDING)
    if signed_in:
        client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        html = header(client.get("/vorschlaege/"))
    assert "/admin/" not in html
    assert not [q["sql"] for q in queries if "UNION ALL" in q["sql"]]
    assert not [q["sql"] for q in queries if "auth_permission" in q["sql"]]


def test_the_number_waiting_costs_moderators_one_query_however_many_wait(client, moderator):
    def queries_for_the_page():
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/vorschlaege/")
        assert response.status_code == 200
        return [q["sql"] for q in queries]

    client.force_login(moderator)
    ProposalFactory(moderation_state=PENDING)
    few = queries_for_the_page()
    ProposalFactory.create_batch(5, moderation_state=PENDING)
    CommentFactory.create_batch(5, moderation_state=PENDING)
    many = queries_for_the_page()

    assert len(few) == len(many)
    counting = [sql for sql in many if "UNION ALL" in sql]
    assert len(counting) == 1
    assert '<span class="badge rounded-pill text-bg-warning">11</span>' in header(
        client.get("/vorschlaege/")
    )


def test_no_cached_page_carries_the_admin_link(moderator, page_cache):
    CommentFactory(moderation_state=PENDING)
    staff = Client()
    staff.force_login(moderator)
    assert ADMIN_LINK in header(staff.get("/"))

    first, second = Client().get("/"), Client().get("/")

    assert second.headers.get("X-Page-Cache") == "hit"
    for response in (first, second):
        assert "/admin/" not in header(response)
        assert "Freigabe" not in header(response)
    # And staff never get the page that visitors share.
    assert staff.get("/").headers.get("X-Page-Cache") is None
