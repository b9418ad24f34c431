"""Written comments, the city's responses, „ausgewertet“ and the Abwägungstabelle."""

import csv
import datetime
import io

import docx
import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from comments.models import Comment, Received
from comments.services import enter_written_comment
from documents.models import Outcome, Paragraph, Response
from documents.services import mark_evaluated, respond
from moderation.models import Decision, ModerationState
from moderation.services import decide
from tests.accounts.factories import UserFactory
from tests.comments.factories import CommentFactory
from tests.documents.factories import published

pytestmark = pytest.mark.django_db


@pytest.fixture
def document():
    return published()


def first_paragraph(document):
    return Paragraph.objects.select_related("version__document__project").get(
        version=document.current_version, position=1
    )


def table_url(document, kind="table"):
    return reverse(f"documents:{kind}", args=[document.project.slug, document.slug])


def test_a_written_comment_has_no_account_and_a_second_person_releases_it(
    client, document, moderator
):
    second = UserFactory(is_staff=True, groups=["Moderation"])
    paragraph = first_paragraph(document)
    comment = enter_written_comment(
        entered_by=moderator,
        target=paragraph,
        text="Sehr geehrte Damen und Herren, bitte mehr Beteiligung vor Ort.",
        received_as=Received.LETTER,
    )
    assert comment.author is None and comment.entered_by == moderator
    assert comment.is_pending
    assert comment.refuses_decision(moderator)
    with pytest.raises(ValidationError):
        decide(
            contribution=comment, moderator=moderator, kind=Decision.Kind.RELEASED, seen_revision=1
        )
    decide(contribution=comment, moderator=second, kind=Decision.Kind.RELEASED, seen_revision=1)
    comment.refresh_from_db()
    assert comment.is_published
    html = client.get(paragraph.get_absolute_url()).text
    assert "bitte mehr Beteiligung vor Ort" in html
    assert "Schriftliche Stellungnahme" in html and "per Brief" in html
    assert moderator.username not in html


def test_only_staff_with_the_right_type_in_written_comments(document, user):
    with pytest.raises(PermissionDenied):
        enter_written_comment(
            entered_by=user,
            target=document,
            text="Brief",
            received_as=Received.EMAIL,
        )
    assert not Comment.objects.exists()


def test_responses_show_under_the_comment_and_are_mailed_once(client, document, editor, committed):
    author = UserFactory()
    comment = CommentFactory(target=first_paragraph(document), author=author)
    with committed():
        respond(comment=comment, outcome=Outcome.PARTLY, reason="Wir ergänzen Satz 2.", by=editor)
    [message] = mail.outbox
    assert message.to == [author.email]
    assert "Teilweise übernommen" in message.body and "Wir ergänzen Satz 2." in message.body
    assert f"#kommentar-{comment.pk}" in message.body
    with committed():  # saved again unchanged: no second mail
        respond(comment=comment, outcome=Outcome.PARTLY, reason="Wir ergänzen Satz 2.", by=editor)
    assert len(mail.outbox) == 1
    html = client.get(first_paragraph(document).get_absolute_url()).text
    assert "Abwägung der Stadt:" in html and "Wir ergänzen Satz 2." in html


def test_no_mail_for_who_switched_progress_mails_off(document, editor, committed):
    comment = CommentFactory(target=document, author=UserFactory(notify_progress=False))
    with committed():
        respond(comment=comment, outcome=Outcome.NOTED, reason="Danke.", by=editor)
    assert mail.outbox == []


def test_responses_need_the_right_and_a_reason_and_a_released_comment(document, editor, user):
    comment = CommentFactory(target=document)
    with pytest.raises(PermissionDenied):
        respond(comment=comment, outcome=Outcome.ADOPTED, reason="Ja.", by=user)
    with pytest.raises(ValidationError) as error:
        respond(comment=comment, outcome="vielleicht", reason=" ", by=editor)
    assert set(error.value.message_dict) == {"outcome", "reason"}
    waiting = CommentFactory(target=document, moderation_state=ModerationState.PENDING)
    elsewhere = CommentFactory()  # on a project, not on a document
    for other in (waiting, elsewhere):
        with pytest.raises(ValidationError):
            respond(comment=other, outcome=Outcome.ADOPTED, reason="Ja.", by=editor)
    assert not Response.objects.exists()


def test_evaluated_only_after_the_period_with_every_comment_answered(document, editor):
    comment = CommentFactory(target=first_paragraph(document))
    CommentFactory(target=document, is_official=True, author=editor)  # needs no response
    with pytest.raises(ValidationError, match="bis zum Ende der Frist"):
        mark_evaluated(document=document, by=editor)
    document.opens_at = timezone.now() - datetime.timedelta(days=20)
    document.closes_at = timezone.now() - datetime.timedelta(days=1)
    document.save()
    with pytest.raises(ValidationError, match="1 Kommentar hat noch keine Abwägung"):
        mark_evaluated(document=document, by=editor)
    respond(
        comment=comment, outcome=Outcome.NOT_ADOPTED, reason="Rechtlich nicht möglich.", by=editor
    )
    waiting = CommentFactory(target=document, moderation_state=ModerationState.PENDING)
    with pytest.raises(ValidationError, match="wartet noch auf die Freigabe"):
        mark_evaluated(document=document, by=editor)
    waiting.delete()
    mark_evaluated(document=document, by=editor)
    document.refresh_from_db()
    assert document.is_evaluated and document.evaluated_by == editor


def comments_for_the_table(document, moderator):
    paragraph = first_paragraph(document)
    citizen = UserFactory(username="Laura_KL", email="laura@example.org")
    answered = CommentFactory(target=paragraph, author=citizen, text="Mehr Barrierefreiheit.")
    respond(comment=answered, outcome=Outcome.ADOPTED, reason="Ergänzt in Absatz 1.", by=moderator)
    CommentFactory(target=document, text="Zum Ganzen: gut.")
    CommentFactory(
        target=paragraph, text="Noch nicht frei.", moderation_state=ModerationState.PENDING
    )
    CommentFactory(target=paragraph, text="Abgelehnt.", moderation_state=ModerationState.REJECTED)
    CommentFactory(target=paragraph, text="Entfernt.", moderation_state=ModerationState.HIDDEN)
    written = enter_written_comment(
        entered_by=moderator, target=paragraph, text="=1+1 per Post", received_as=Received.LETTER
    )
    Comment.objects.filter(pk=written.pk).update(moderation_state=ModerationState.PUBLISHED)
    return citizen


def test_the_table_holds_exactly_the_released_comments_and_no_personal_data(
    client, document, moderator
):
    citizen = comments_for_the_table(document, moderator)
    html = client.get(table_url(document)).text
    assert "Mehr Barrierefreiheit." in html and "Ergänzt in Absatz 1." in html
    assert "Zum Ganzen: gut." in html and "=1+1 per Post" in html
    for hidden in (
        "Noch nicht frei.",
        "Abgelehnt.",
        "Entfernt.",
        citizen.email,
        moderator.username,
    ):
        assert hidden not in html
    assert "Laura_KL" in html  # the public name
    assert "3 Kommentare" in html and "noch keine Abwägung" in html

    rows = list(
        csv.reader(
            io.StringIO(client.get(table_url(document, "table_csv")).content.decode("utf-8-sig")),
            delimiter=";",
        )
    )
    assert rows[0][:4] == ["Nummer", "Fassung", "Stelle im Text", "Kommentar"]
    texts = [row[3] for row in rows[1:]]
    assert texts == ["Zum Ganzen: gut.", "Mehr Barrierefreiheit.", "'=1+1 per Post"]
    assert rows[2][6:] == ["übernommen", "Ergänzt in Absatz 1."]
    assert rows[3][4] == "Schriftliche Stellungnahme (per Brief)"
    assert not any(moderator.username in cell or "@" in cell for row in rows for cell in row)

    response = client.get(table_url(document, "table_docx"))
    assert response["Content-Disposition"].endswith('.docx"')
    word = docx.Document(io.BytesIO(response.content))
    [table] = word.tables
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    assert cells[0][3] == "Kommentar"
    assert [row[3] for row in cells[1:]] == [
        "Zum Ganzen: gut.",
        "Mehr Barrierefreiheit.",
        "=1+1 per Post",
    ]


def test_the_table_filters_by_chapter_and_response(client, document, moderator):
    comments_for_the_table(document, moderator)
    chapter = document.current_version.chapters.get(position=1)
    by_chapter = client.get(table_url(document), {"kapitel": chapter.pk}).text
    assert "Mehr Barrierefreiheit." in by_chapter and "Zum Ganzen: gut." not in by_chapter
    adopted = client.get(table_url(document), {"abwaegung": "adopted"}).text
    assert "Mehr Barrierefreiheit." in adopted and "per Post" not in adopted
    still_open = client.get(table_url(document), {"abwaegung": "offen"}).text
    assert "Mehr Barrierefreiheit." not in still_open and "per Post" in still_open
    nothing = client.get(table_url(document), {"abwaegung": "noted"}).text
    assert "Keine Kommentare passen zu diesem Filter." in nothing


# The admin pages ------------------------------------------------------------------------


def admin_client(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize("who", ["anonymous", "citizen", "editor", "moderator"])
def test_who_may_respond_in_the_admin(document, who, committed):
    users = {
        "anonymous": None,
        "citizen": UserFactory(),
        "editor": UserFactory(is_staff=True, groups=["Redaktion"]),
        "moderator": UserFactory(is_staff=True, groups=["Moderation"]),
    }
    comment = CommentFactory(target=first_paragraph(document))
    url = reverse("admin:documents_document_respond", args=[document.pk, comment.pk])
    data = {f"c{comment.pk}-outcome": "noted", f"c{comment.pk}-reason": "Wird geprüft."}
    with committed():
        response = admin_client(users[who]).post(url, data)
    if who in ("editor", "moderator"):
        assert response.status_code == 302
        assert comment.document_response.reason == "Wird geprüft."
    else:
        assert response.status_code in (302, 403)
        assert not Response.objects.exists()


def test_the_response_page_keeps_what_was_typed_when_a_field_is_missing(document, moderator):
    comment = CommentFactory(target=first_paragraph(document))
    client = admin_client(moderator)
    url = reverse("admin:documents_document_respond", args=[document.pk, comment.pk])
    response = client.post(url, {f"c{comment.pk}-outcome": "", f"c{comment.pk}-reason": "Halb"})
    assert response.status_code == 200
    assert "Halb" in response.text
    assert not Response.objects.exists()
    page = client.get(reverse("admin:documents_document_responses", args=[document.pk]))
    assert comment.text in page.text


def test_a_written_comment_typed_in_the_admin(document, moderator):
    client = admin_client(moderator)
    url = reverse("admin:documents_document_written", args=[document.pk])
    page = client.get(url)
    assert page.status_code == 200 and "Absatz 1" in page.text
    paragraph = first_paragraph(document)
    response = client.post(
        url,
        {"place": f"paragraph-{paragraph.pk}", "received_as": "email", "text": "Per Mail: gut."},
    )
    assert response.status_code == 302
    comment = Comment.objects.on(paragraph).get()
    assert comment.received_as == Received.EMAIL and comment.is_pending
    assert admin_client(UserFactory()).get(url).status_code == 302  # to the login


def test_an_editor_imports_publishes_and_copies_a_version(document, editor):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = admin_client(editor)
    change = reverse("admin:documents_document_change", args=[document.pk])
    page = client.get(change)
    assert page.status_code == 200
    data = {
        "project": document.project.pk,
        "title_de": document.title,
        "title_en": "",
        "slug": document.slug,
        "intro_de": document.intro,
        "intro_en": "",
        "opens_at_0": "01.12.2026",
        "opens_at_1": "08:00:00",
        "closes_at_0": "31.12.2026",
        "closes_at_1": "18:00:00",
        "is_published": "on",
        "version_note": "Absatz 1 gekürzt.",
        "import_file": SimpleUploadedFile(
            "entwurf.md", "## Ziele\n\nBeteiligung beginnt früh.\n\nNeu.\n".encode()
        ),
        "_continue": "1",
    }
    response = client.post(change, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    version = document.versions.get(number=2)
    assert not version.is_published and version.note == "Absatz 1 gekürzt."
    assert [p.text for p in version.paragraphs.order_by("position")] == [
        "Beteiligung beginnt früh.",
        "Neu.",
    ]
    publish = reverse("admin:documents_document_publish", args=[document.pk, 2])
    assert client.post(publish).status_code == 302
    document.refresh_from_db()
    assert document.current_version == version
    copy = reverse("admin:documents_document_copy", args=[document.pk])
    assert client.post(copy).status_code == 302
    third = document.versions.get(number=3)
    assert [p.predecessor_id for p in third.paragraphs.order_by("position")] == list(
        version.paragraphs.order_by("position").values_list("pk", flat=True)
    )


def test_an_editor_writes_the_text_in_the_admin(editor):
    from documents.models import Document

    client = admin_client(editor)
    project = published().project
    data = {
        "project": project.pk,
        "title_de": "Klimaschutzkonzept",
        "title_en": "",
        "slug": "klimaschutz",
        "intro_de": "<p>Entwurf</p><script>alert(1)</script>",
        "intro_en": "",
        "opens_at_0": "01.12.2026",
        "opens_at_1": "08:00:00",
        "closes_at_0": "31.12.2026",
        "closes_at_1": "18:00:00",
        "is_published": "on",
        "import_text": "## Ziele\n\nKlimaneutral bis 2040.\n\n- Wärme\n- Verkehr\n",
        "version_note": "",
    }
    response = client.post(reverse("admin:documents_document_add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    document = Document.objects.get(slug="klimaschutz")
    assert "<script>" not in document.intro_de  # staff HTML is sanitised
    version = document.versions.get()
    assert [(p.kind, p.text) for p in version.paragraphs.order_by("position")] == [
        ("text", "Klimaneutral bis 2040."),
        ("bullet", "Wärme"),
        ("bullet", "Verkehr"),
    ]
    # A file and a text at once: refused, with what was typed kept.
    from django.core.files.uploadedfile import SimpleUploadedFile

    data.update(slug="klimaschutz-2", import_file=SimpleUploadedFile("a.md", b"Text"))
    response = client.post(reverse("admin:documents_document_add"), data)
    assert response.status_code == 200
    assert "Klimaneutral bis 2040." in response.text
    assert not Document.objects.filter(slug="klimaschutz-2").exists()
