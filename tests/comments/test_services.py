"""Posting and deleting comments through the services: pre-moderation, replies, limits."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError

from comments.models import Comment
from comments.services import delete_comment, post_comment
from core.ratelimit import RateLimited
from moderation.models import ModerationState, SiteSettings
from tests.accounts.factories import UserFactory
from tests.comments.factories import CommentFactory
from tests.polls.factories import PollFactory
from tests.projects.factories import ProjectFactory
from tests.proposals.factories import ProposalFactory

pytestmark = pytest.mark.django_db

PENDING = ModerationState.PENDING
TEXT = "Bitte auch an Sitzbänke denken."


def premoderation(on):
    settings = SiteSettings.load()
    settings.premoderation = on
    settings.save()


def post(author, target, **kwargs):
    return post_comment(author=author, target=target, text=kwargs.pop("text", TEXT), **kwargs)


# Pre-moderation


def test_comment_waits_while_the_site_premoderates(user):
    premoderation(True)
    comment = post(user, ProjectFactory())
    assert comment.is_pending and comment.published_at is None


def test_comment_is_published_at_once_without_premoderation(user):
    premoderation(False)
    comment = post(user, ProjectFactory())
    assert comment.is_published and comment.published_at == comment.created_at


@pytest.mark.parametrize(
    ("site", "project", "published"),
    [(True, "off", True), (False, "on", False), (True, "", False), (False, "", True)],
)
def test_project_rule_overrides_the_site_switch_for_all_its_pages(user, site, project, published):
    premoderation(site)
    project = ProjectFactory(premoderation=project)
    for target in (project, PollFactory(project=project), ProposalFactory(project=project)):
        assert post(user, target).is_published is published


def test_moderator_comment_needs_no_release(moderator):
    premoderation(True)
    assert post(moderator, ProjectFactory(premoderation="on")).is_published


# Who may write


def test_anonymous_and_unconfirmed_people_cannot_comment():
    project = ProjectFactory()
    for author in (AnonymousUser(), UserFactory(confirmed=False)):
        with pytest.raises(PermissionDenied):
            post(author, project)
    assert not Comment.objects.exists()


def test_page_that_takes_no_comments_refuses_them(editor):
    with pytest.raises(PermissionDenied):
        post(editor, ProjectFactory(is_published=False))
    with pytest.raises(PermissionDenied):
        post(editor, ProposalFactory(moderation_state=PENDING))
    assert not Comment.objects.exists()


@pytest.mark.parametrize("role", ["moderator", "editor"])
def test_staff_with_the_permission_answer_as_the_city(role, request):
    assert post(request.getfixturevalue(role), ProjectFactory(), official=True).is_official


def test_staff_without_a_second_factor_cannot_answer_as_the_city():
    editor = UserFactory(is_staff=True, groups=["Redaktion"], second_factor=False)
    with pytest.raises(PermissionDenied):
        post(editor, ProjectFactory(), official=True)
    assert not Comment.objects.exists()


def test_staff_without_a_second_factor_wait_for_release_like_citizens():
    premoderation(True)
    editor = UserFactory(is_staff=True, groups=["Redaktion"], second_factor=False)
    assert post(editor, ProjectFactory()).is_pending


def test_citizen_cannot_answer_as_the_city(user):
    with pytest.raises(PermissionDenied):
        post(user, ProjectFactory(), official=True)
    assert not Comment.objects.exists()


# The text


def test_text_is_stripped_and_stored_as_written(user):
    comment = post(user, ProjectFactory(), text="  <b>fett</b>?  \n")
    assert Comment.objects.get(pk=comment.pk).text == "<b>fett</b>?"


@pytest.mark.parametrize("text", ["", "   \n  ", "a" * 2001])
def test_empty_or_too_long_text_is_refused(user, text):
    with pytest.raises(ValidationError) as error:
        post(user, ProjectFactory(), text=text)
    assert "text" in error.value.message_dict
    assert not Comment.objects.exists()


def test_text_of_2000_characters_is_fine(user):
    assert len(post(user, ProjectFactory(), text="a" * 2000).text) == 2000


def test_rate_limit_refuses_the_next_comment_and_saves_nothing(user, settings):
    settings.CONTRIBUTION_RATE_LIMITS = {"comment": "2/h", "proposal": "5/d", "report": "20/h"}
    project = ProjectFactory()
    with pytest.raises(ValidationError):
        post(user, project, text="")  # a refused comment does not count
    post(user, project)
    post(user, project)
    with pytest.raises(RateLimited):
        post(user, project)
    assert Comment.objects.count() == 2
    post(UserFactory(), project)  # the limit is per person


# Replies


def test_reply_belongs_to_the_comment_and_its_page(user):
    comment = CommentFactory()
    reply = post(user, comment.target, parent=comment)
    assert reply.parent == comment
    assert reply.target == comment.target


def test_reply_to_a_reply_joins_the_top_level_comment(user):
    comment = CommentFactory()
    reply = CommentFactory(parent=comment)
    assert post(user, comment.target, parent=reply).parent == comment


def test_reply_to_a_comment_on_another_page_is_refused(user):
    comment = CommentFactory()
    with pytest.raises(ValidationError):
        post(user, ProjectFactory(), parent=comment)
    assert Comment.objects.count() == 1


@pytest.mark.parametrize("state", ["pending", "rejected", "hidden"])
def test_only_published_comments_take_replies(user, state):
    comment = CommentFactory(moderation_state=state)
    with pytest.raises(PermissionDenied):
        post(user, comment.target, parent=comment)


def test_deleted_comment_takes_no_replies(user):
    comment = CommentFactory()
    delete_comment(comment=comment, user=comment.author)
    with pytest.raises(PermissionDenied):
        post(user, comment.target, parent=comment)


# Deleting


def test_author_deletes_the_words_and_the_place_and_replies_stay():
    comment = CommentFactory()
    reply = CommentFactory(parent=comment)
    assert delete_comment(comment=comment, user=comment.author) is True
    comment.refresh_from_db()
    assert comment.is_deleted and comment.text == ""
    assert list(comment.replies.all()) == [reply]


@pytest.mark.parametrize("role", ["user", "moderator", "editor"])
def test_nobody_else_deletes_a_comment(role, request):
    comment = CommentFactory()
    with pytest.raises(PermissionDenied):
        delete_comment(comment=comment, user=request.getfixturevalue(role))
    comment.refresh_from_db()
    assert not comment.is_deleted


def test_deleting_twice_is_refused():
    comment = CommentFactory()
    delete_comment(comment=comment, user=comment.author)
    with pytest.raises(PermissionDenied):
        delete_comment(comment=comment, user=comment.author)


def test_staff_who_answer_for_the_city_need_no_release(editor):
    project = ProjectFactory()
    comment = post_comment(author=editor, target=project, text="Danke für den Hinweis!")
    assert comment.is_published
    assert not comment.is_official


def test_deleting_a_page_deletes_its_discussion():
    project = ProjectFactory()
    comment = CommentFactory(target=project)
    CommentFactory(parent=comment)
    other = CommentFactory()
    project.delete()
    assert list(Comment.objects.all()) == [other]
