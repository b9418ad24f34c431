"""Writing, answering, deleting and reporting comments through the pages, role by role."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from comments.models import Comment
from moderation.models import ModerationState, SiteSettings
from tests.accounts.factories import UserFactory
from tests.comments.factories import CommentFactory
from tests.polls.factories import PollFactory
from tests.projects.factories import ProjectFactory
from tests.proposals.factories import ProposalFactory

pytestmark = pytest.mark.django_db

CREATE_URL = "/kommentare/neu/"
PENDING = ModerationState.PENDING
PUBLISHED = ModerationState.PUBLISHED


def data(target, text="Gute Idee, aber bitte barrierefrei.", **extra):
    return {
        "target": target._meta.label_lower,
        "object_id": target.pk,
        "text": text,
        **extra,
    }


def premoderation(on):
    settings = SiteSettings.load()
    settings.premoderation = on
    settings.save()


@pytest.fixture
def project():
    return ProjectFactory()


# Writing a comment


def test_anonymous_post_is_sent_to_sign_in_and_creates_nothing(client, project):
    response = client.post(CREATE_URL, data(project))
    assert response.status_code == 302
    assert response.url.startswith("/konto/login/?next=")
    assert f"/projekte/{project.slug}/%23kommentare" in response.url
    assert not Comment.objects.exists()


def test_get_is_not_allowed(client, user):
    client.force_login(user)
    assert client.get(CREATE_URL).status_code == 405


def test_unconfirmed_person_is_told_to_confirm_and_keeps_the_text(client, project):
    client.force_login(UserFactory(confirmed=False))
    response = client.post(CREATE_URL, data(project, text="Mein wichtiger Gedanke"))
    assert response.status_code == 403
    html = response.text
    assert 'href="/konto/email/"' in html
    assert "Mein wichtiger Gedanke</textarea>" in html
    assert f'href="/projekte/{project.slug}/#kommentare"' in html
    assert not Comment.objects.exists()


def test_comment_waits_for_release_under_premoderation(client, user, project):
    client.force_login(user)
    response = client.post(CREATE_URL, data(project), follow=True)
    comment = Comment.objects.get()
    assert comment.is_pending
    assert comment.author == user
    assert comment.target == project
    assert comment.published_at is None
    assert response.redirect_chain[-1][0] == f"/projekte/{project.slug}/#kommentar-{comment.pk}"


def test_thanks_say_when_the_comment_appears(client, user):
    premoderation(True)
    poll = PollFactory()
    client.force_login(user)
    response = client.post(CREATE_URL, data(poll), follow=True)
    assert (
        "Vielen Dank! Ihr Kommentar erscheint, sobald die Moderation ihn freigegeben hat."
        in response.text
    )
    premoderation(False)
    response = client.post(CREATE_URL, data(poll), follow=True)
    assert "Vielen Dank! Ihr Kommentar ist veröffentlicht." in response.text


def test_comment_appears_at_once_without_premoderation(client, user):
    premoderation(False)
    poll = PollFactory()
    client.force_login(user)
    response = client.post(CREATE_URL, data(poll, text="Sofort sichtbar"), follow=True)
    comment = Comment.objects.get()
    assert comment.is_published and comment.published_at is not None
    assert response.redirect_chain[-1][0] == f"/abstimmungen/{poll.slug}/#kommentar-{comment.pk}"
    client.logout()
    assert "Sofort sichtbar" in client.get(poll.get_absolute_url()).text


def test_project_without_premoderation_overrides_the_site(client, user):
    premoderation(True)
    client.force_login(user)
    client.post(CREATE_URL, data(ProjectFactory(premoderation="off")))
    assert Comment.objects.get().is_published


def test_project_with_premoderation_waits_even_if_the_site_switch_is_off(client, user):
    premoderation(False)
    project = ProjectFactory(premoderation="on")
    client.force_login(user)
    client.post(CREATE_URL, data(project))
    client.post(CREATE_URL, data(PollFactory(project=project)))
    assert [c.moderation_state for c in Comment.objects.all()] == [PENDING, PENDING]


def test_moderator_comment_is_published_at_once_and_official_only_when_ticked(
    client, moderator, project
):
    premoderation(True)
    client.force_login(moderator)
    client.post(CREATE_URL, data(project, text="Ohne Haken"))
    client.post(CREATE_URL, data(project, text="Mit Haken", official="on"))
    plain, official = Comment.objects.order_by("pk")
    assert plain.is_published and not plain.is_official
    assert official.is_published and official.is_official


def test_editor_may_answer_as_the_city(client, editor, project):
    client.force_login(editor)
    client.post(CREATE_URL, data(project, official="on"))
    assert Comment.objects.get().is_official


def test_staff_without_a_second_factor_cannot_answer_as_the_city(client, project):
    client.force_login(UserFactory(is_staff=True, groups=["Redaktion"], second_factor=False))
    page = client.get(project.get_absolute_url())
    assert 'name="official"' not in page.text
    assert "/konto/2fa/totp/activate/" in page.text  # how to get there
    client.post(CREATE_URL, data(project, text="Die Stadt sagt …", official="on"))
    assert not Comment.objects.filter(is_official=True).exists()


def test_citizen_cannot_answer_as_the_city(client, user, project):
    client.force_login(user)
    client.post(CREATE_URL, data(project, official="on"))
    assert not Comment.objects.get().is_official


def test_official_answer_is_marked_on_the_page(client, moderator):
    poll = PollFactory()
    client.force_login(moderator)
    response = client.post(CREATE_URL, data(poll, official="on"), follow=True)
    comment = Comment.objects.get()
    assert f'id="kommentar-{comment.pk}" class="comment p-3 border rounded comment-official' in (
        response.text
    )


def test_empty_text_is_refused_and_the_error_leads_to_the_field(client, user, project):
    client.force_login(user)
    response = client.post(CREATE_URL, data(project, text="   "))
    assert response.status_code == 200
    assert 'role="alert"' in response.text
    assert 'href="#id_comment_text"' in response.text
    assert 'aria-invalid="true"' in response.text
    assert not Comment.objects.exists()


def test_empty_text_gets_a_clear_message(client, user, project):
    client.force_login(user)
    response = client.post(CREATE_URL, data(project, text=""))
    assert "Bitte schreiben Sie einen Kommentar." in response.text


def test_empty_text_is_not_said_to_be_kept(client, user, project):
    client.force_login(user)
    response = client.post(CREATE_URL, data(project, text="  "))
    assert "Ihr Kommentar ist noch nicht gespeichert" in response.text
    assert "noch da" not in response.text


def test_too_long_text_is_refused_and_kept(client, user, project):
    client.force_login(user)
    text = "a" * 2001
    response = client.post(CREATE_URL, data(project, text=text))
    assert response.status_code == 200
    assert 'href="#id_comment_text"' in response.text
    assert f">\n{text}</textarea>" in response.text
    assert f'href="/projekte/{project.slug}/#kommentare"' in response.text
    assert "Ihr Text ist noch da." in response.text
    assert not Comment.objects.exists()


def test_too_long_text_gets_a_clear_message(client, user, project):
    client.force_login(user)
    response = client.post(CREATE_URL, data(project, text="a" * 2001))
    assert "Bitte kürzen Sie Ihren Kommentar auf 2000 Zeichen; er hat 2001." in response.text


def test_rate_limit_keeps_the_text_and_creates_nothing(client, user, project, settings):
    settings.CONTRIBUTION_RATE_LIMITS = {"comment": "1/h", "proposal": "5/d", "report": "20/h"}
    client.force_login(user)
    client.post(CREATE_URL, data(project, text="Der erste"))
    response = client.post(CREATE_URL, data(project, text="Der zweite Gedanke"))
    assert response.status_code == 429
    assert 'role="alert"' in response.text
    assert "Der zweite Gedanke</textarea>" in response.text
    assert list(Comment.objects.values_list("text", flat=True)) == ["Der erste"]


def test_rate_limit_explains_itself(client, user, project, settings):
    settings.CONTRIBUTION_RATE_LIMITS = {"comment": "1/h", "proposal": "5/d", "report": "20/h"}
    client.force_login(user)
    client.post(CREATE_URL, data(project))
    response = client.post(CREATE_URL, data(project))
    assert "Sie haben in der letzten Stunde viele Kommentare geschrieben." in response.text
    # Said once, by the form, not a second time in the message.
    assert response.text.count("Ihr Text ist noch da.") == 1
    assert "bleibt hier erhalten" not in response.text


def test_comment_text_is_stored_as_written_and_shown_as_text(client, user):
    premoderation(False)
    poll = PollFactory()
    client.force_login(user)
    text = '<script>alert(1)</script> <a href="https://evil.example">x</a>'
    response = client.post(CREATE_URL, data(poll, text=text), follow=True)
    assert Comment.objects.get().text == text
    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    assert '<a href="https://evil.example">' not in response.text


@pytest.mark.parametrize(
    "label", ["accounts.user", "auth.group", "comments.comment", "nix.da", "projects", ""]
)
def test_foreign_or_unknown_kind_of_page_is_a_404(client, user, project, label):
    client.force_login(user)
    response = client.post(CREATE_URL, {**data(project), "target": label})
    assert response.status_code == 404
    assert not Comment.objects.exists()


def test_missing_kind_of_page_is_a_404(client, user, project):
    client.force_login(user)
    assert client.post(CREATE_URL, {"object_id": project.pk, "text": "x"}).status_code == 404


@pytest.mark.parametrize("object_id", ["999999", "abc", ""])
def test_unknown_page_is_a_404(client, user, project, object_id):
    client.force_login(user)
    assert client.post(CREATE_URL, {**data(project), "object_id": object_id}).status_code == 404


def test_page_the_person_cannot_see_is_a_404(client, user):
    client.force_login(user)
    for target in (
        ProjectFactory(is_published=False),
        PollFactory(is_published=False),
        ProposalFactory(moderation_state=PENDING),
    ):
        assert client.post(CREATE_URL, data(target)).status_code == 404
    assert not Comment.objects.exists()


def test_staff_cannot_comment_on_an_unpublished_page(client, editor):
    draft = ProjectFactory(is_published=False)
    client.force_login(editor)
    response = client.post(CREATE_URL, data(draft, text="Entwurf"))
    assert response.status_code == 403
    assert "Entwurf</textarea>" in response.text
    assert not Comment.objects.exists()


def test_comment_on_a_proposal(client, user):
    proposal = ProposalFactory()
    client.force_login(user)
    response = client.post(CREATE_URL, data(proposal))
    comment = Comment.objects.get()
    assert comment.target == proposal
    assert response.url == f"/vorschlaege/{proposal.pk}/#kommentar-{comment.pk}"


# Replies


def test_reply_is_attached_to_its_comment(client, user, project):
    premoderation(False)
    comment = CommentFactory(target=project)
    client.force_login(user)
    client.post(CREATE_URL, data(project, parent=comment.pk))
    reply = Comment.objects.get(parent=comment)
    assert reply.target == project


def test_reply_to_a_reply_joins_the_top_level_comment(client, user, project):
    comment = CommentFactory(target=project)
    reply = CommentFactory(parent=comment)
    client.force_login(user)
    client.post(CREATE_URL, data(project, parent=reply.pk, text="Antwort auf die Antwort"))
    assert Comment.objects.get(text="Antwort auf die Antwort").parent == comment


def test_parent_from_another_page_is_refused(client, user, project):
    elsewhere = CommentFactory(target=ProjectFactory())
    client.force_login(user)
    response = client.post(CREATE_URL, data(project, parent=elsewhere.pk))
    assert response.status_code == 404
    assert Comment.objects.count() == 1


def test_parent_the_person_cannot_see_is_refused(client, user, project):
    pending = CommentFactory(target=project, moderation_state=PENDING)
    client.force_login(user)
    assert client.post(CREATE_URL, data(project, parent=pending.pk)).status_code == 404
    assert Comment.objects.count() == 1


@pytest.mark.parametrize("state", ["pending", "hidden", "deleted"])
def test_comment_that_takes_no_replies_refuses_them_and_keeps_the_text(client, project, state):
    comment = CommentFactory(target=project)
    if state == "deleted":
        Comment.objects.filter(pk=comment.pk).update(text="", deleted_at=timezone.now())
    else:
        Comment.objects.filter(pk=comment.pk).update(moderation_state=state)
    client.force_login(comment.author)  # the author sees their own comment in every state
    response = client.post(CREATE_URL, data(project, parent=comment.pk, text="Meine Antwort"))
    assert response.status_code == 403
    assert "Meine Antwort</textarea>" in response.text
    assert Comment.objects.count() == 1


def test_reply_page_shows_the_comment_and_a_form_for_the_reply(client, user, project):
    comment = CommentFactory(target=project, text="Wo genau?")
    client.force_login(user)
    response = client.get(f"/kommentare/{comment.pk}/antworten/")
    assert response.status_code == 200
    html = response.text
    assert "Wo genau?" in html
    assert 'action="/kommentare/neu/"' in html
    assert f'name="parent" value="{comment.pk}"' in html
    assert 'name="target" value="projects.project"' in html


def test_reply_form_is_labelled_as_a_reply(client, user, project):
    comment = CommentFactory(target=project)
    client.force_login(user)
    html = client.get(f"/kommentare/{comment.pk}/antworten/").text
    assert "Ihre Antwort" in html


def test_reply_page_asks_anonymous_visitors_to_sign_in(client, project):
    comment = CommentFactory(target=project)
    url = f"/kommentare/{comment.pk}/antworten/"
    html = client.get(url).text
    assert f'href="/konto/login/?next={url}"' in html
    assert "<textarea" not in html


def test_reply_page_asks_unconfirmed_people_to_confirm(client, project):
    comment = CommentFactory(target=project)
    client.force_login(UserFactory(confirmed=False))
    html = client.get(f"/kommentare/{comment.pk}/antworten/").text
    assert 'href="/konto/email/"' in html
    assert "<textarea" not in html


def test_reply_page_of_a_removed_comment_offers_no_form(client, user, project):
    comment = CommentFactory(
        target=project, moderation_state=ModerationState.HIDDEN, moderation_reason="Spam"
    )
    client.force_login(user)
    html = client.get(f"/kommentare/{comment.pk}/antworten/").text
    assert "Spam" in html
    assert comment.text not in html
    assert "<textarea" not in html


def test_reply_page_of_what_one_cannot_see_is_a_404(client, user):
    pending = CommentFactory(moderation_state=PENDING)
    on_draft = CommentFactory(target=ProjectFactory(is_published=False))
    client.force_login(user)
    assert client.get(f"/kommentare/{pending.pk}/antworten/").status_code == 404
    assert client.get(f"/kommentare/{on_draft.pk}/antworten/").status_code == 404
    assert client.get("/kommentare/999999/antworten/").status_code == 404


# Deleting


def delete_url(comment):
    return f"/kommentare/{comment.pk}/loeschen/"


def test_anonymous_visitor_is_sent_to_sign_in_to_delete(client, project):
    comment = CommentFactory(target=project)
    for response in (client.get(delete_url(comment)), client.post(delete_url(comment))):
        assert response.status_code == 302
        assert response.url.startswith("/konto/login/")
    comment.refresh_from_db()
    assert not comment.is_deleted


@pytest.mark.parametrize("role", ["user", "moderator", "editor"])
def test_only_the_author_may_delete(client, project, role, request):
    comment = CommentFactory(target=project)
    client.force_login(request.getfixturevalue(role))
    assert client.get(delete_url(comment)).status_code == 403
    assert client.post(delete_url(comment)).status_code == 403
    comment.refresh_from_db()
    assert not comment.is_deleted


def test_others_pending_comment_is_a_404(client, user, project):
    comment = CommentFactory(target=project, moderation_state=PENDING)
    client.force_login(user)
    assert client.post(delete_url(comment)).status_code == 404


def test_author_confirms_and_deletes_and_the_replies_stay(client, project):
    comment = CommentFactory(target=project, text="Das nehme ich zurück")
    reply = CommentFactory(parent=comment)
    client.force_login(comment.author)
    page = client.get(delete_url(comment))
    assert page.status_code == 200
    assert "Das nehme ich zurück" in page.text
    assert 'name="csrfmiddlewaretoken"' in page.text
    response = client.post(delete_url(comment))
    assert response.status_code == 302
    assert response.url == f"/projekte/{project.slug}/#kommentar-{comment.pk}"
    comment.refresh_from_db()
    assert comment.is_deleted and comment.text == ""
    assert Comment.objects.filter(pk=reply.pk, parent=comment).exists()


def test_author_may_delete_a_comment_that_waits(client, project):
    comment = CommentFactory(target=project, moderation_state=PENDING)
    client.force_login(comment.author)
    client.post(delete_url(comment))
    comment.refresh_from_db()
    assert comment.is_deleted


def test_deleting_twice_only_says_so(client, project):
    comment = CommentFactory(target=project)
    client.force_login(comment.author)
    client.post(delete_url(comment))
    deleted_at = Comment.objects.get().deleted_at
    response = client.post(delete_url(comment))
    assert response.url == f"/projekte/{project.slug}/#kommentar-{comment.pk}"
    assert Comment.objects.get().deleted_at == deleted_at


def test_deleted_comment_shows_in_its_place_on_the_page(client):
    poll = PollFactory()
    comment = CommentFactory(target=poll, text="Weg damit")
    client.force_login(comment.author)
    response = client.post(delete_url(comment), follow=True)
    assert "Ihr Kommentar wurde gelöscht." in response.text
    assert "Weg damit" not in response.text
    assert f'id="kommentar-{comment.pk}"' in response.text


# Reporting (the view exists; these pin who may use it)


def report_url(comment):
    return f"/kommentare/{comment.pk}/melden/"


def test_anonymous_visitor_is_sent_to_sign_in_to_report(client, project):
    comment = CommentFactory(target=project)
    response = client.get(report_url(comment))
    assert response.status_code == 302
    assert response.url.startswith("/konto/login/")


def test_author_cannot_report_their_own_comment(client, project):
    comment = CommentFactory(target=project)
    client.force_login(comment.author)
    assert client.get(report_url(comment)).status_code == 403


@pytest.mark.parametrize("role", ["user", "moderator", "editor"])
def test_others_may_report_a_published_comment(client, project, role, request):
    comment = CommentFactory(target=project)
    client.force_login(request.getfixturevalue(role))
    assert client.get(report_url(comment)).status_code == 200
    response = client.post(report_url(comment), {"reason": "spam"})
    assert response.status_code == 302
    assert response.url == f"/projekte/{project.slug}/#kommentar-{comment.pk}"


def test_unconfirmed_person_may_report(client, project):
    comment = CommentFactory(target=project)
    client.force_login(UserFactory(confirmed=False))
    assert client.get(report_url(comment)).status_code == 200


@pytest.mark.parametrize("state", ["pending", "rejected", "hidden"])
def test_unpublished_comment_cannot_be_reported(client, user, project, state):
    comment = CommentFactory(target=project, moderation_state=state)
    client.force_login(user)
    assert client.get(report_url(comment)).status_code == 404


def test_comment_on_a_page_one_cannot_see_cannot_be_reported(client, user):
    comment = CommentFactory(target=ProjectFactory(is_published=False))
    client.force_login(user)
    assert client.get(report_url(comment)).status_code == 404


# A page with a thread


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def add_comments(poll, size, authors):
    states = [PUBLISHED, PENDING, ModerationState.REJECTED, ModerationState.HIDDEN]
    for i in range(size):
        comment = CommentFactory(
            target=poll,
            author=authors[i % len(authors)],
            moderation_state=states[i % len(states)],
            moderation_reason="Grund",
            is_official=i % 7 == 0,
        )
        if comment.is_published or comment.is_hidden:
            CommentFactory(parent=comment, author=authors[(i + 1) % len(authors)])
            CommentFactory(
                parent=comment, author=authors[(i + 2) % len(authors)], moderation_state=PENDING
            )


@pytest.mark.parametrize("viewer", ["anonymous", "author", "moderator"])
def test_poll_page_queries_do_not_grow_with_the_thread(client, moderator, viewer):
    poll = PollFactory()
    authors = [*UserFactory.create_batch(3), None]
    if viewer == "author":
        client.force_login(authors[0])
    elif viewer == "moderator":
        client.force_login(moderator)
    add_comments(poll, 3, authors)
    few = count_queries(client, poll.get_absolute_url())
    add_comments(poll, 97, authors)
    assert count_queries(client, poll.get_absolute_url()) == few


@pytest.mark.parametrize("factory", [ProjectFactory, PollFactory, ProposalFactory])
def test_every_commentable_page_shows_its_thread(client, factory):
    target = factory()
    comment = CommentFactory(target=target, text="Hier wird diskutiert.")
    CommentFactory(target=ProjectFactory(), text="Anderswo diskutiert.")
    html = client.get(target.get_absolute_url()).text
    assert '<section id="kommentare"' in html
    assert f'id="kommentar-{comment.pk}"' in html
    assert "Hier wird diskutiert." in html
    assert "Anderswo diskutiert." not in html
