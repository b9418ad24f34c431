"""The comment thread as each person sees it: states, actions, escaping, queries."""

import datetime
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.template import RequestContext, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from moderation.models import ModerationState
from tests.accounts.factories import UserFactory
from tests.comments.factories import CommentFactory
from tests.projects.factories import ProjectFactory

pytestmark = pytest.mark.django_db

PENDING = ModerationState.PENDING
REJECTED = ModerationState.REJECTED
HIDDEN = ModerationState.HIDDEN


def render_thread(target, user=None):
    request = RequestFactory().get(target.get_absolute_url())
    request.user = user or AnonymousUser()
    template = Template("{% load comment_tags %}{% comment_thread object %}")
    return template.render(RequestContext(request, {"object": target}))


def article(html, comment):
    """The markup of one comment (without its replies), or None when it is not shown."""
    match = re.search(rf'<article id="kommentar-{comment.pk}".*?</article>', html, re.S)
    return match.group(0) if match else None


@pytest.fixture
def project():
    return ProjectFactory()


def test_section_is_labelled_and_counts_published_comments(project):
    CommentFactory.create_batch(2, target=project)
    CommentFactory(target=project, moderation_state=PENDING)
    html = render_thread(project)
    assert '<section id="kommentare"' in html
    assert 'aria-labelledby="kommentare-heading"' in html
    assert '<h2 id="kommentare-heading">Diskussion</h2>' in html
    assert "2 Kommentare" in html


def test_count_leaves_out_what_waits_was_rejected_removed_or_deleted(project):
    comment = CommentFactory(target=project)
    CommentFactory(parent=comment)
    for state in (PENDING, REJECTED, HIDDEN):
        CommentFactory(target=project, moderation_state=state)
    CommentFactory(target=project, text="", deleted_at=timezone.now())
    assert render_thread(project, comment.author).count('<p class="text-body-secondary">2 ') == 1


def test_comments_oldest_first_with_author_time_and_replies_below(project):
    now = timezone.now()
    author = UserFactory(username="laura_kl")
    older = CommentFactory(
        target=project, author=author, created_at=now - datetime.timedelta(hours=2)
    )
    newer = CommentFactory(target=project, created_at=now - datetime.timedelta(hours=1))
    reply = CommentFactory(parent=older, created_at=now)
    html = render_thread(project)
    assert html.index(f'id="kommentar-{older.pk}"') < html.index(f'id="kommentar-{reply.pk}"')
    assert html.index(f'id="kommentar-{reply.pk}"') < html.index(f'id="kommentar-{newer.pk}"')
    first = article(html, older)
    assert "laura_kl" in first
    local = timezone.localtime(older.created_at)
    assert f'<time class="small text-body-secondary" datetime="{local.isoformat()}' in first
    assert older.text in first


def test_anonymous_visitor_is_asked_to_sign_in_and_comes_back_to_the_thread(project):
    html = render_thread(project)
    assert f'href="/konto/login/?next=/projekte/{project.slug}/%23kommentare"' in html
    assert "<textarea" not in html


def test_unconfirmed_person_is_asked_to_confirm_the_email_address(project):
    html = render_thread(project, UserFactory(confirmed=False))
    assert "Bitte bestätigen Sie Ihre E-Mail-Adresse" in html
    assert 'href="/konto/email/"' in html
    assert "<textarea" not in html


def test_confirmed_citizen_gets_the_form_without_the_official_checkbox(project, user):
    html = render_thread(project, user)
    assert 'action="/kommentare/neu/"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'name="target" value="projects.project"' in html
    assert f'name="object_id" value="{project.pk}"' in html
    assert '<textarea name="text"' in html
    assert 'name="official"' not in html


@pytest.mark.parametrize("role", ["moderator", "editor"])
def test_staff_who_may_answer_as_the_city_get_the_checkbox(project, role, request):
    html = render_thread(project, request.getfixturevalue(role))
    assert 'type="checkbox" name="official"' in html


def test_official_checkbox_says_what_it_does(project, moderator):
    html = render_thread(project, moderator)
    assert "Als Antwort der Stadt veröffentlichen" in html


def test_page_that_takes_no_comments_shows_no_form_and_no_hint(editor):
    draft = ProjectFactory(is_published=False)
    html = render_thread(draft, editor)
    assert "<textarea" not in html
    assert "/konto/login/" not in html


def viewers(author):
    return {
        "anonymous": AnonymousUser(),
        "other": UserFactory(),
        "author": author,
    }


@pytest.mark.parametrize("viewer", ["anonymous", "other", "author", "moderator"])
def test_published_comment_is_shown_to_everyone(project, viewer, moderator):
    comment = CommentFactory(target=project, text="Mehr Bäume am Stiftsplatz!")
    user = moderator if viewer == "moderator" else viewers(comment.author)[viewer]
    shown = article(render_thread(project, user), comment)
    assert "Mehr Bäume am Stiftsplatz!" in shown
    assert "Wartet auf Freigabe" not in shown


@pytest.mark.parametrize(
    ("viewer", "visible"),
    [("anonymous", False), ("other", False), ("author", True), ("moderator", True)],
)
def test_pending_comment_only_for_its_author_and_the_moderators(
    project, viewer, visible, moderator
):
    comment = CommentFactory(target=project, moderation_state=PENDING, text="Noch geheim")
    user = moderator if viewer == "moderator" else viewers(comment.author)[viewer]
    html = render_thread(project, user)
    shown = article(html, comment)
    if visible:
        assert "Noch geheim" in shown
    else:
        assert shown is None
        assert "Noch geheim" not in html


@pytest.mark.parametrize("viewer", ["author", "moderator"])
def test_pending_comment_is_marked_as_waiting(project, viewer, moderator):
    comment = CommentFactory(target=project, moderation_state=PENDING)
    user = moderator if viewer == "moderator" else comment.author
    assert "Wartet auf Freigabe" in article(render_thread(project, user), comment)


@pytest.mark.parametrize(
    ("viewer", "visible"),
    [("anonymous", False), ("other", False), ("author", True), ("moderator", True)],
)
def test_rejected_comment_only_for_its_author_with_the_reason(project, viewer, visible, moderator):
    comment = CommentFactory(
        target=project,
        moderation_state=REJECTED,
        moderation_reason="Bitte bleiben Sie sachlich.",
        text="Unsachlicher Text",
    )
    user = moderator if viewer == "moderator" else viewers(comment.author)[viewer]
    shown = article(render_thread(project, user), comment)
    if visible:
        assert "Bitte bleiben Sie sachlich." in shown
        assert "Unsachlicher Text" in shown
    else:
        assert shown is None


def test_rejected_comment_tells_its_author_why(project):
    comment = CommentFactory(
        target=project, moderation_state=REJECTED, moderation_reason="Bitte sachlich bleiben."
    )
    shown = article(render_thread(project, comment.author), comment)
    assert "Nicht freigegeben: Bitte sachlich bleiben." in shown


@pytest.mark.parametrize(
    ("viewer", "sees_text"),
    [("anonymous", False), ("other", False), ("author", True), ("moderator", True)],
)
def test_hidden_comment_keeps_its_place_and_replies_with_the_reason_instead_of_the_text(
    project, viewer, sees_text, moderator
):
    comment = CommentFactory(
        target=project,
        moderation_state=HIDDEN,
        moderation_reason="Enthält persönliche Daten.",
        text="Meine Nachbarin Frau M. wohnt in der Pfaffstraße 3",
    )
    reply = CommentFactory(parent=comment, text="Eine Antwort bleibt stehen.")
    user = moderator if viewer == "moderator" else viewers(comment.author)[viewer]
    html = render_thread(project, user)
    shown = article(html, comment)
    assert "Enthält persönliche Daten." in shown
    assert ("Pfaffstraße" in html) is sees_text
    assert "Eine Antwort bleibt stehen." in article(html, reply)
    assert "/antworten/" not in shown  # a removed comment takes no replies


def test_hidden_comment_says_the_moderators_removed_it(project):
    comment = CommentFactory(target=project, moderation_state=HIDDEN, moderation_reason="Werbung.")
    shown = article(render_thread(project), comment)
    assert "Von der Moderation entfernt: Werbung." in shown


@pytest.mark.parametrize("viewer", ["anonymous", "other", "author", "moderator"])
def test_deleted_comment_keeps_its_place_and_replies_without_words_or_name(
    project, viewer, moderator
):
    author = UserFactory(username="geloescht_hat")
    comment = CommentFactory(target=project, author=author, text="x")
    reply = CommentFactory(parent=comment, text="Die Antwort bleibt.")
    comment.text = ""
    comment.deleted_at = timezone.now()
    comment.save()
    user = moderator if viewer == "moderator" else viewers(author)[viewer]
    html = render_thread(project, user)
    shown = article(html, comment)
    assert "geloescht_hat" not in shown
    assert "/loeschen/" not in shown and "/melden/" not in shown and "/antworten/" not in shown
    assert "Die Antwort bleibt." in article(html, reply)


def test_deleted_comment_says_its_author_deleted_it(project):
    comment = CommentFactory(target=project, text="", deleted_at=timezone.now())
    shown = article(render_thread(project), comment)
    assert "Dieser Kommentar wurde von der Verfasserin oder dem Verfasser gelöscht." in shown


def test_comment_of_a_deleted_account_is_signed_as_such(project):
    comment = CommentFactory(target=project, author=None)
    assert "gelöschtes Konto" in article(render_thread(project), comment)


def test_official_answer_is_marked_in_words(project, moderator):
    official = CommentFactory(target=project, author=moderator, is_official=True)
    plain = CommentFactory(target=project, author=moderator)
    html = render_thread(project)
    assert "Antwort der Stadt" in article(html, official)
    assert "Antwort der Stadt" not in article(html, plain)


def test_actions_follow_the_permissions(project, user):
    comment = CommentFactory(target=project)
    reply_url = f'href="/kommentare/{comment.pk}/antworten/"'
    delete_url = f'href="/kommentare/{comment.pk}/loeschen/"'
    report_url = f'href="/kommentare/{comment.pk}/melden/"'

    anonymous = article(render_thread(project), comment)
    assert reply_url in anonymous  # leads to the sign-in
    assert delete_url not in anonymous and report_url not in anonymous

    other = article(render_thread(project, user), comment)
    assert reply_url in other and report_url in other
    assert delete_url not in other

    own = article(render_thread(project, comment.author), comment)
    assert reply_url in own and delete_url in own
    assert report_url not in own


def test_own_pending_comment_can_be_deleted_but_not_answered_or_reported(project):
    comment = CommentFactory(target=project, moderation_state=PENDING)
    own = article(render_thread(project, comment.author), comment)
    assert f"/kommentare/{comment.pk}/loeschen/" in own
    assert "/antworten/" not in own and "/melden/" not in own


def test_replies_are_answered_in_the_thread_of_their_comment(project, user):
    comment = CommentFactory(target=project)
    reply = CommentFactory(parent=comment)
    shown = article(render_thread(project, user), reply)
    assert f'href="/kommentare/{reply.pk}/antworten/"' in shown


def test_markup_comes_out_as_text_and_web_addresses_as_marked_links(project):
    comment = CommentFactory(
        target=project,
        text='<script>alert(1)</script> <a href="https://evil.example">klick</a> '
        "Mehr unter https://www.kaiserslautern.de/stadtplan",
    )
    shown = article(render_thread(project), comment)
    assert "<script>" not in shown
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in shown
    assert '<a href="https://evil.example">' not in shown
    assert "&lt;a href=" in shown
    assert (
        '<a rel="nofollow ugc noopener" href="https://www.kaiserslautern.de/stadtplan">'
    ) in shown


def test_names_and_reasons_are_escaped(project, moderator):
    comment = CommentFactory(
        target=project,
        author=UserFactory(username="a_b"),
        moderation_state=HIDDEN,
        moderation_reason="<b>Grund</b>",
    )
    shown = article(render_thread(project), comment)
    assert "<b>Grund</b>" not in shown
    assert "&lt;b&gt;Grund&lt;/b&gt;" in shown


def build_thread(project, size):
    """`size` top-level comments in every state by several authors, each with replies."""
    authors = UserFactory.create_batch(3)
    states = [ModerationState.PUBLISHED, PENDING, REJECTED, HIDDEN]
    for i in range(size):
        comment = CommentFactory(
            target=project,
            author=authors[i % 3],
            moderation_state=states[i % 4],
            moderation_reason="Grund",
            is_official=i % 5 == 0,
        )
        if comment.is_published or comment.is_hidden:
            CommentFactory(parent=comment, author=authors[(i + 1) % 3])
            CommentFactory(parent=comment, author=authors[(i + 2) % 3], moderation_state=PENDING)
    return authors


def count_queries(project, user):
    if user.is_authenticated:
        user = type(user).objects.get(pk=user.pk)  # a fresh request: no cached permissions
    with CaptureQueriesContext(connection) as queries:
        render_thread(project, user)
    return len(queries)


@pytest.mark.parametrize("viewer", ["anonymous", "author", "moderator"])
def test_queries_do_not_grow_with_the_thread(project, moderator, viewer):
    authors = build_thread(project, 3)
    user = {"anonymous": AnonymousUser(), "author": authors[0], "moderator": moderator}[viewer]
    few = count_queries(project, user)
    build_thread(project, 97)
    assert count_queries(project, user) == few
