"""The text of a document with comment counts in the margin, a page per paragraph and
chapter with its discussion, versions, and who sees what."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from comments.models import Comment
from documents.models import Paragraph, Version
from moderation.models import ModerationState
from tests.accounts.factories import UserFactory
from tests.comments.factories import CommentFactory
from tests.documents.factories import DocumentFactory, draft_of, published

pytestmark = pytest.mark.django_db


def paragraph(document, position, version=None):
    return Paragraph.objects.select_related("version__document__project", "chapter").get(
        version=version or document.current_version, position=position
    )


def test_the_text_shows_numbered_chapters_and_paragraphs_with_counts(client):
    document = published()
    first = paragraph(document, 1)
    CommentFactory(target=first)
    CommentFactory(target=first)
    CommentFactory(target=first, moderation_state=ModerationState.PENDING)
    CommentFactory(target=first, moderation_state=ModerationState.REJECTED)
    response = client.get(document.get_absolute_url())
    assert response.status_code == 200
    html = response.text
    assert "Grundsatz 1" in html and "Grundsatz 2" in html
    assert 'id="absatz-1"' in html and 'id="absatz-6"' in html
    assert "Kapitel 2: Punkt eins." in html
    # Only released comments count; the margin links to the paragraph's discussion.
    assert "2 Kommentare" in html
    assert 'href="fassung-1/absatz-1/#kommentare"' in html
    assert "1. Grundsatz 1" not in html  # the number stands apart from the title
    assert 'lang="de"' in html


def test_a_paragraph_has_its_own_page_with_its_thread(client, user):
    document = published()
    second = paragraph(document, 2)
    CommentFactory(target=second, text="Bitte auch in Leichter Sprache.")
    CommentFactory(target=paragraph(document, 3), text="Woanders.")
    response = client.get(second.get_absolute_url())
    assert response.status_code == 200
    assert second.get_absolute_url() == (
        f"/projekte/{document.project.slug}/dokumente/{document.slug}/fassung-1/absatz-2/"
    )
    assert "Kapitel 1, Absatz 2" in response.text
    assert "Bitte auch in Leichter Sprache." in response.text
    assert "Woanders." not in response.text
    assert "absatz-1/" in response.text and "absatz-3/" in response.text  # neighbours
    client.force_login(user)
    response = client.get(second.get_absolute_url())
    assert 'name="object_id"' in response.text  # the comment form, on this paragraph


def test_citizens_comment_on_a_paragraph_a_chapter_and_the_whole(client, user):
    document = published()
    client.force_login(user)
    first = paragraph(document, 1)
    targets = [first, first.chapter, document]
    for target in targets:
        response = client.post(
            reverse("comments:create"),
            {
                "target": f"documents.{target._meta.model_name}",
                "object_id": target.pk,
                "text": f"Zu {target}",
            },
        )
        assert response.status_code == 302
        where = getattr(target, "get_discussion_url", target.get_absolute_url)()
        assert response.url.startswith(where)
    for target in targets:
        comment = Comment.objects.on(target).get()
        assert comment.author == user
        assert comment.is_pending  # pre-moderation, as everywhere


def test_no_comments_outside_the_period_or_on_an_old_version(client, user):
    document = published()
    old = paragraph(document, 1)
    published(document, number=2)
    old = paragraph(document, 1, version=old.version)  # as a new request reads it
    new = paragraph(document, 1)
    assert new.predecessor == old
    assert not old.comments_allowed() and new.comments_allowed()
    client.force_login(user)
    response = client.post(
        reverse("comments:create"),
        {"target": "documents.paragraph", "object_id": old.pk, "text": "Zu spät"},
    )
    assert response.status_code == 403
    assert "Zu spät" in response.text  # the text is kept
    document.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    document.opens_at = timezone.now() - datetime.timedelta(days=10)
    document.save()
    new = paragraph(document, 1)
    assert not new.comments_allowed()
    assert client.get(new.get_absolute_url()).status_code == 200


def test_versions_can_be_read_and_switched(client):
    document = published()
    published(document, number=2, draft=draft_of(chapters=1, paragraphs=2))
    response = client.get(document.get_absolute_url())
    assert "Fassung 2" in response.text and "(aktuell)" in response.text
    old = client.get(reverse("documents:version", args=[document.project.slug, document.slug, 1]))
    assert old.status_code == 200
    assert "ersetzt" in old.text


@pytest.mark.parametrize("who", ["anonymous", "citizen", "staff"])
def test_unpublished_documents_and_drafts_only_for_staff(client, who):
    document = published(is_published=False)
    Version.objects.create(document=document, number=2)
    if who != "anonymous":
        client.force_login(UserFactory(is_staff=who == "staff"))
    expected = 200 if who == "staff" else 404
    assert client.get(document.get_absolute_url()).status_code == expected
    draft = reverse("documents:version", args=[document.project.slug, document.slug, 2])
    assert client.get(draft).status_code == expected
    document.is_published = True
    document.save()
    assert client.get(document.get_absolute_url()).status_code == 200
    assert client.get(draft).status_code == expected


def test_a_document_without_published_version_is_not_public(client):
    document = DocumentFactory()
    assert client.get(document.get_absolute_url()).status_code == 404


def test_the_project_page_lists_its_documents(client):
    document = published()
    response = client.get(document.project.get_absolute_url())
    assert document.title in response.text
    assert "Texte zum Kommentieren" in response.text


def many_comments(document, count):
    """`count` released comments spread over the paragraphs, chapters and the whole."""
    version = document.current_version
    targets = [document, *version.chapters.all(), *version.paragraphs.all()]
    author = UserFactory()
    types = {type(t): ContentType.objects.get_for_model(t) for t in targets}
    Comment.objects.bulk_create(
        Comment(
            content_type=types[type(target)],
            object_id=target.pk,
            author=author,
            text=f"Kommentar {n}",
            moderation_state=ModerationState.PUBLISHED,
            published_at=timezone.now(),
        )
        for n, target in ((n, targets[n % len(targets)]) for n in range(count))
    )


def count_queries(client, path):
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize("page", ["document", "discussion", "chapter", "paragraph", "table"])
def test_queries_do_not_grow_with_paragraphs_and_comments(client, user, page):
    def path(document):
        return {
            "document": lambda: document.get_absolute_url(),
            "discussion": lambda: document.get_discussion_url(),
            "chapter": lambda: document.current_version.chapters.get(
                position=1
            ).get_absolute_url(),
            "paragraph": lambda: paragraph(document, 1).get_absolute_url(),
            "table": lambda: reverse(
                "documents:table", args=[document.project.slug, document.slug]
            ),
        }[page]()

    client.force_login(user)
    small = published(draft=draft_of(chapters=2, paragraphs=5))
    many_comments(small, 10)
    large = published(draft=draft_of(chapters=20, paragraphs=10))
    many_comments(large, 2000)
    assert large.current_version.paragraphs.count() == 200
    assert count_queries(client, path(small)) == count_queries(client, path(large))


def test_the_pages_read_in_english_with_the_text_marked_as_german(client, settings):
    settings.LANGUAGES = [("de", "Deutsch"), ("en", "English")]
    document = published(title_en="Guidelines for citizen participation")
    CommentFactory(target=paragraph(document, 1))
    pages = {
        document.get_absolute_url(): ["Guidelines for citizen participation", "1 comment"],
        paragraph(document, 1).get_absolute_url(): ["Paragraph 1", "Discussion"],
        document.url("table"): ["Place in the text", "Download as CSV"],
    }
    for path, words in pages.items():
        response = client.get("/en" + path, headers={"accept-language": "en"})
        assert response.status_code == 200, path
        for word in words:
            assert word in response.text, (path, word)
        assert 'lang="de"' in response.text


def test_the_whole_document_is_discussed_on_a_page_of_its_own(client):
    document = published()
    CommentFactory(target=document, text="Zum Ganzen.")
    text_page = client.get(document.get_absolute_url()).text
    assert "Zum Ganzen." not in text_page
    assert "1 Kommentar zum gesamten Dokument" in text_page
    assert f'href="{document.get_discussion_url()}#kommentare"' in text_page
    assert "Zum Ganzen." in client.get(document.get_discussion_url()).text
