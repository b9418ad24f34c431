"""Versions: the word diff on hand-made examples, the order of changed, new and deleted
paragraphs, the page of changes with the comments that led to them."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from comments.models import Comment
from documents.diff import Change, changes, word_diff
from documents.importing import from_markdown
from documents.models import Outcome, Paragraph
from documents.services import match_paragraphs, respond
from tests.comments.factories import CommentFactory
from tests.documents.factories import draft_of, published


def visible(html):
    """The diff as sighted readers see it: the hidden words for screen readers left out."""
    return re.sub(r'<span class="visually-hidden">[^<]*</span>', "", str(html))


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("Die Liste wird zweimal aktualisiert.", "Die Liste wird viermal aktualisiert.",
         "Die Liste wird <del>zweimal</del><ins>viermal</ins> aktualisiert."),
        ("Wir treffen uns zwei Mal im Jahr.", "Wir treffen uns vier Male im Jahr.",
         "Wir treffen uns <del>zwei Mal</del><ins>vier Male</ins> im Jahr."),
        ("Offen für alle.", "Offen für alle, auch barrierefrei.",
         "Offen für alle<ins>, auch barrierefrei</ins>."),
        ("Erstens, zweitens.", "Erstens.", "Erstens<del>, zweitens</del>."),
        ("Gleich.", "Gleich.", "Gleich."),
        ("a < b & c", "a > b & c", "a <del>&lt;</del><ins>&gt;</ins> b &amp; c"),
    ],
)  # fmt: skip
def test_word_diff_marks_deleted_and_inserted_words(old, new, expected):
    assert visible(word_diff(old, new)) == expected


def test_the_marks_are_read_out_too():
    html = str(word_diff("zweimal", "viermal"))
    assert "[Streichung Anfang] </span>zweimal" in html
    assert "[Einfügung Ende]</span></ins>" in html
    assert "<del>" in html and "<ins>" in html


def test_paragraphs_are_matched_by_order_and_likeness():
    old = ["Erster Absatz.", "Zweiter Absatz, lang und ausführlich.", "Dritter."]
    new = [
        "Erster Absatz.",
        "Ganz neu hier.",
        "Zweiter Absatz, lang und sehr ausführlich.",
        "Dritter.",
    ]
    assert match_paragraphs(old, new) == [0, None, 1, 2]
    assert match_paragraphs(old, ["Dritter."]) == [2]


class P:
    def __init__(self, pk, position, text, predecessor_id=None):
        self.pk, self.position, self.text, self.predecessor_id = pk, position, text, predecessor_id


def test_changes_in_the_order_of_the_text():
    old = [P(1, 1, "Eins."), P(2, 2, "Zwei."), P(3, 3, "Drei."), P(4, 4, "Vier.")]
    new = [P(11, 1, "Eins!", 1), P(12, 2, "Neu."), P(13, 3, "Drei.", 3), P(14, 4, "Vier.", 4)]
    found = changes(new, old)
    assert [
        (c.kind, getattr(c.paragraph, "pk", None), getattr(c.previous, "pk", None)) for c in found
    ] == [
        ("changed", 11, 1),
        ("deleted", None, 2),  # where it stood, before what replaced it
        ("new", 12, None),
    ]
    assert isinstance(found[0], Change)
    assert changes([P(21, 1, "Zwei.", 2)], old)[0].previous.pk == 1  # the first deleted first


@pytest.mark.django_db
def test_the_page_of_changes_links_the_comments_that_led_to_them(client, editor):
    first = from_markdown(
        "## Ziele\n\nDie Liste wird zweimal im Jahr aktualisiert.\n\nGestrichen.\n"
    )
    second = from_markdown(
        "## Ziele\n\nDie Liste wird viermal im Jahr aktualisiert.\n\nGanz neu.\n"
    )
    document = published(draft=first)
    old = Paragraph.objects.get(version=document.current_version, position=1)
    comment = CommentFactory(target=old, text="Zweimal ist zu selten.")
    respond(comment=comment, outcome=Outcome.ADOPTED, reason="Jetzt viermal.", by=editor)
    published(document, number=2, draft=second)
    new = Paragraph.objects.get(version=document.current_version, position=1)
    assert new.predecessor == old
    new.prompted_by.add(comment)
    response = client.get(document.url("changes", number=2))
    assert response.status_code == 200
    html = visible(response.text)
    assert "<del>zweimal</del><ins>viermal</ins>" in html
    assert "Absatz 1: geändert" in html and "Absatz 2: neu" in html
    assert f"Kommentar Nr. {comment.pk} zu Absatz 1" in html and "übernommen" in html
    assert f"#kommentar-{comment.pk}" in html
    assert "<del>Gestrichen.</del>" in html
    # The paragraph's page says it changed, the old one where it went.
    assert "Geändert gegenüber Fassung 1" in client.get(new.get_absolute_url()).text
    old_page = client.get(document.url("paragraph", number=1, paragraph=1)).text
    assert "Dieser Absatz in Fassung 2" in old_page
    assert client.get(document.url("changes", number=1)).status_code == 404


@pytest.mark.django_db
def test_the_changes_page_costs_the_same_for_10_and_200_paragraphs(client, editor):
    def build(chapters):
        document = published(draft=draft_of(chapters=chapters, paragraphs=10))
        old = list(document.current_version.paragraphs.all())
        for paragraph in old:
            comment = CommentFactory(target=paragraph)
            respond(comment=comment, outcome=Outcome.ADOPTED, reason="Ja.", by=editor)
        changed = draft_of(chapters=chapters, paragraphs=10)
        for section in changed.sections:
            section.blocks[0].text += " Geändert."
        published(document, number=2, draft=changed)
        # Each changed paragraph names the comment on the paragraph it replaces.
        for new in document.current_version.paragraphs.select_related("predecessor"):
            if new.predecessor and new.predecessor.text != new.text:
                new.prompted_by.add(*Comment.objects.on(new.predecessor))
        return document.url("changes", number=2)

    def count(path):
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    assert count(build(1)) == count(build(20))
