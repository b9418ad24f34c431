"""Long threads in pages of 20 top-level comments; every link to a comment finds its page."""

import datetime
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.template import RequestContext, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from comments.models import Comment
from moderation.models import ModerationState, SiteSettings
from tests.accounts.factories import UserFactory
from tests.comments.factories import CommentFactory
from tests.comments.test_templatetags import build_thread
from tests.polls.factories import PollFactory
from tests.projects.factories import ProjectFactory
from tests.proposals.factories import ProposalFactory

pytestmark = pytest.mark.django_db

PENDING = ModerationState.PENDING
START = timezone.now() - datetime.timedelta(days=30)


def render_page(target, number=None, user=None, **params):
    """The thread as the page `target?kommentarseite=number&params` renders it."""
    if number is not None:
        params["kommentarseite"] = number
    request = RequestFactory().get(target.get_absolute_url(), params)
    request.user = user or AnonymousUser()
    template = Template("{% load comment_tags %}{% comment_thread object %}")
    return template.render(RequestContext(request, {"object": target}))


def shown(html):
    """The numbers of the comments and replies on the page, in their order."""
    return [int(pk) for pk in re.findall(r'<article id="kommentar-(\d+)"', html)]


def top_level(target, size, start=0, **fields):
    """`size` top-level comments on `target`, one minute apart, oldest first."""
    return [
        CommentFactory(
            target=target, created_at=START + datetime.timedelta(minutes=start + i), **fields
        )
        for i in range(size)
    ]


def pks(comments):
    return [comment.pk for comment in comments]


@pytest.fixture
def project():
    return ProjectFactory()


@pytest.fixture
def thread(project):
    return top_level(project, 45)


# Pages


def test_first_page_shows_the_20_oldest_comments(project, thread):
    assert shown(render_page(project)) == pks(thread[:20])
    assert shown(render_page(project, 1)) == pks(thread[:20])


def test_middle_and_last_page(project, thread):
    assert shown(render_page(project, 2)) == pks(thread[20:40])
    assert shown(render_page(project, 3)) == pks(thread[40:])


def test_replies_stay_with_their_comment_on_its_page(project, thread):
    late = START + datetime.timedelta(days=1)  # newer than every top-level comment
    reply = CommentFactory(parent=thread[25], created_at=late)
    other = CommentFactory(parent=thread[25], created_at=late + datetime.timedelta(minutes=1))
    on_second = shown(render_page(project, 2))
    position = on_second.index(thread[25].pk)
    assert on_second[position : position + 4] == [thread[25].pk, reply.pk, other.pk, thread[26].pk]
    assert reply.pk not in shown(render_page(project, 1))
    assert reply.pk not in shown(render_page(project, 3))


@pytest.mark.parametrize(("number", "expected"), [("abc", 1), ("", 1), ("99", 3), ("0", 3)])
def test_a_bad_page_number_shows_a_page_as_lists_do(project, thread, number, expected):
    pages = {1: thread[:20], 3: thread[40:]}
    assert shown(render_page(project, number)) == pks(pages[expected])


def test_count_names_the_whole_discussion_on_every_page(project, thread):
    CommentFactory(parent=thread[0])
    CommentFactory(parent=thread[44])
    CommentFactory(target=project, moderation_state=PENDING)
    for number in (1, 3):
        assert '<p class="text-body-secondary">47 Kommentare</p>' in render_page(project, number)


def test_form_stays_at_the_top_of_every_page(project, thread, user):
    html = render_page(project, 3, user)
    assert html.index('action="/kommentare/neu/"') < html.index('<ol class="list-unstyled')


def test_a_short_thread_has_no_page_links(project):
    top_level(project, 20)
    html = render_page(project)
    assert "kommentarseite" not in html
    assert "<nav" not in html


def test_an_empty_thread_says_so(project):
    assert 'class="empty-state"' in render_page(project, 2)


# Links between the pages


def page_links(html):
    return re.findall(r'class="page-link" href="([^"]*)"', html)


def test_links_lead_to_the_other_pages_and_back_to_the_discussion(project, thread):
    html = render_page(project, 2)
    links = page_links(html)
    assert "?kommentarseite=1#kommentare" in links  # previous
    assert "?kommentarseite=3#kommentare" in links  # next
    assert 'aria-current="page"><span class="visually-hidden">Seite </span>2' in html


def test_links_keep_the_other_parameters_of_the_page(project, thread):
    html = render_page(project, 2, aendern="1", sort="neu")
    links = page_links(html)
    assert "?aendern=1&amp;sort=neu&amp;kommentarseite=3#kommentare" in links
    assert all(link.count("kommentarseite") == 1 for link in links)


def test_page_links_are_a_labelled_navigation_with_a_hint_where_one_is(project, thread):
    html = render_page(project, 2)
    assert '<nav aria-label="Seiten der Diskussion"' in html
    assert "Seite 2 von 3" in html
    assert html.index("</ol>") < html.index("<nav")  # under the list


def test_sign_in_brings_the_visitor_back_to_the_same_page(project, thread):
    html = render_page(project, 2)
    assert f"next=/projekte/{project.slug}/%3Fkommentarseite%3D2%23kommentare" in html


def test_every_commentable_page_pages_its_thread(client):
    for target in (ProjectFactory(), PollFactory(), ProposalFactory()):
        comments = top_level(target, 21)
        html = client.get(target.get_absolute_url(), {"kommentarseite": "2"}).text
        assert shown(html) == [comments[20].pk]


# Who sees what


def test_pending_comments_take_a_place_only_for_their_author(project):
    thread = top_level(project, 20)
    waiting = CommentFactory(target=project, moderation_state=PENDING)
    assert waiting.pk not in shown(render_page(project, 2))
    assert shown(render_page(project, 2)) == pks(thread)  # no second page for the public
    assert shown(render_page(project, 2, waiting.author)) == [waiting.pk]


def test_moderators_see_every_comment_in_the_pages(project, moderator):
    top_level(project, 20, moderation_state=PENDING)
    visible = top_level(project, 1, start=20)
    assert shown(render_page(project, 2, moderator)) == pks(visible)


# Links to one comment


def test_link_to_a_comment_on_the_first_page_names_no_page(project, thread):
    assert thread[19].get_absolute_url() == f"/projekte/{project.slug}/#kommentar-{thread[19].pk}"


def test_link_to_a_comment_on_the_second_page(project, thread):
    comment = thread[20]
    url = f"/projekte/{project.slug}/?kommentarseite=2#kommentar-{comment.pk}"
    assert comment.get_absolute_url() == url
    assert comment.pk in shown(render_page(project, 2))


def test_link_to_a_reply_leads_to_the_page_of_its_comment(project, thread):
    reply = CommentFactory(parent=thread[44])
    assert reply.get_absolute_url() == (
        f"/projekte/{project.slug}/?kommentarseite=3#kommentar-{reply.pk}"
    )
    assert reply.pk in shown(render_page(project, 3))


def test_link_counts_what_the_public_sees(project):
    """Removed and deleted comments keep their places; waiting and rejected ones have none."""
    top_level(project, 18)
    top_level(project, 1, start=18, moderation_state=ModerationState.HIDDEN)
    top_level(project, 1, start=19, text="", deleted_at=timezone.now())
    top_level(project, 1, start=20, moderation_state=PENDING)
    top_level(project, 1, start=21, moderation_state=ModerationState.REJECTED)
    comment = top_level(project, 1, start=22)[0]
    assert "?kommentarseite=2#" in comment.get_absolute_url()
    assert comment.pk in shown(render_page(project, 2))


def test_link_to_a_comment_takes_one_query_once_its_page_is_known(
    project, thread, django_assert_num_queries
):
    reply = Comment.objects.prefetch_related("target").get(pk=CommentFactory(parent=thread[30]).pk)
    with django_assert_num_queries(1):
        assert "?kommentarseite=2#" in reply.get_absolute_url()


def test_moderation_lists_link_to_the_page_without_a_query_per_comment(
    project, thread, django_assert_num_queries
):
    CommentFactory(parent=thread[5])
    CommentFactory(parent=thread[25])
    CommentFactory(target=project, moderation_state=PENDING)
    CommentFactory(target=ProposalFactory())
    expected = {c.pk: c.get_absolute_url() for c in Comment.objects.all()}
    listed = list(Comment.objects.for_moderation())
    with django_assert_num_queries(0):
        urls = {c.pk: c.get_absolute_url() for c in listed}
        parent_urls = {c.parent.pk: c.parent.get_absolute_url() for c in listed if c.parent}
    assert urls == expected
    assert parent_urls == {pk: expected[pk] for pk in (thread[5].pk, thread[25].pk)}


# Back to the thread after writing


def premoderation(on):
    settings = SiteSettings.load()
    settings.premoderation = on
    settings.save()


def test_a_new_waiting_comment_leads_its_author_to_its_page(client, user, project):
    premoderation(True)
    top_level(project, 20)
    client.force_login(user)
    response = client.post(
        "/kommentare/neu/",
        {"target": "projects.project", "object_id": project.pk, "text": "Noch ein Gedanke"},
    )
    comment = Comment.objects.get(author=user)
    assert response.url == f"/projekte/{project.slug}/?kommentarseite=2#kommentar-{comment.pk}"
    assert comment.pk in shown(client.get(response.url).text)


def test_a_reply_leads_to_the_page_of_its_comment(client, user, project, thread):
    premoderation(False)
    client.force_login(user)
    response = client.post(
        "/kommentare/neu/",
        {
            "target": "projects.project",
            "object_id": project.pk,
            "text": "Eine Antwort",
            "parent": thread[42].pk,
        },
    )
    reply = Comment.objects.get(author=user)
    assert response.url == f"/projekte/{project.slug}/?kommentarseite=3#kommentar-{reply.pk}"


def test_reply_form_leads_back_to_the_answered_comment(client, user, project, thread):
    client.force_login(user)
    html = client.get(f"/kommentare/{thread[22].pk}/antworten/").text
    assert f'href="/projekte/{project.slug}/?kommentarseite=2#kommentar-{thread[22].pk}"' in html


def test_deleting_leads_back_to_the_place_of_the_comment(client, project, thread):
    comment = thread[41]
    client.force_login(comment.author)
    response = client.post(f"/kommentare/{comment.pk}/loeschen/")
    assert response.url == f"/projekte/{project.slug}/?kommentarseite=3#kommentar-{comment.pk}"


# Queries


def count_queries(project, number, user):
    if user.is_authenticated:
        user = type(user).objects.get(pk=user.pk)  # a fresh request: no cached permissions
    with CaptureQueriesContext(connection) as queries:
        html = render_page(project, number, user)
    assert shown(html)
    return len(queries)


@pytest.mark.parametrize("viewer", ["anonymous", "author", "moderator"])
def test_a_page_takes_the_same_queries_for_3_and_30_comments(project, moderator, viewer):
    authors = build_thread(project, 3)
    user = {"anonymous": AnonymousUser(), "author": authors[0], "moderator": moderator}[viewer]
    few = count_queries(project, 1, user)
    build_thread(project, 27)
    assert count_queries(project, 1, user) == few
    assert count_queries(project, 2, user) == few


def test_an_author_with_many_waiting_comments_takes_no_more_queries(project):
    author = UserFactory()
    CommentFactory(target=project, author=author, moderation_state=PENDING)
    few = count_queries(project, 1, author)
    for _ in range(30):
        CommentFactory(target=project, author=author, moderation_state=PENDING)
    assert count_queries(project, 2, author) == few


def test_a_reply_to_a_reply_says_whom_it_answers(client):
    project = ProjectFactory()
    top = CommentFactory(target=project, author=UserFactory(username="Anna"))
    bernd = CommentFactory(target=project, parent=top, author=UserFactory(username="Bernd"))
    answer = CommentFactory(target=project, parent=top, answered=bernd, text="Danke, Bernd!")
    direct = CommentFactory(target=project, parent=top, text="Direkt an Anna.")
    html = client.get(project.get_absolute_url()).text
    article = html.split(f'id="kommentar-{answer.pk}"')[1].split("</article>")[0]
    assert f'Antwort an <a href="#kommentar-{bernd.pk}">Bernd</a>' in article
    direct_article = html.split(f'id="kommentar-{direct.pk}"')[1].split("</article>")[0]
    assert "Antwort an" not in direct_article  # it answers the comment it stands under
    bernd.deleted_at, bernd.text = timezone.now(), ""
    bernd.save()
    html = client.get(project.get_absolute_url()).text
    assert "Antwort auf einen gelöschten Kommentar" in html
