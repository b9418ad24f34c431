"""Reading drafts from Markdown and Word: headings become chapters, paragraphs stay
paragraphs, list items keep their numbers."""

import io

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from documents.importing import ImportError_, from_docx, from_markdown, read_file

MARKDOWN = """# Leitlinien für Bürgerbeteiligung

Vorbemerkung: Diese Leitlinien gelten für alle Vorhaben.

## 1. Ziele

Beteiligung beginnt **früh**
und ist offen für alle.

3. Information
4. Mitwirkung

- Stadtteile
- Online, siehe [Plattform](https://mitwirkung.kaiserslautern.de)

## Verfahren

Zweiter Absatz.

Dritter Absatz.
"""


def blocks(draft):
    return [
        (section.title, block.kind, block.marker, block.text)
        for section in draft.sections
        for block in section.blocks
    ]


def test_markdown_headings_paragraphs_lists_and_numbers():
    draft = from_markdown(MARKDOWN)
    assert draft.title == "Leitlinien für Bürgerbeteiligung"
    assert [s.title for s in draft.sections] == ["", "Ziele", "Verfahren"]
    assert blocks(draft) == [
        ("", "text", "", "Vorbemerkung: Diese Leitlinien gelten für alle Vorhaben."),
        ("Ziele", "text", "", "Beteiligung beginnt früh und ist offen für alle."),
        ("Ziele", "numbered", "3.", "Information"),
        ("Ziele", "numbered", "4.", "Mitwirkung"),
        ("Ziele", "bullet", "", "Stadtteile"),
        ("Ziele", "bullet", "", "Online, siehe Plattform (https://mitwirkung.kaiserslautern.de)"),
        ("Verfahren", "text", "", "Zweiter Absatz."),
        ("Verfahren", "text", "", "Dritter Absatz."),
    ]
    assert draft.paragraph_count == 8


def test_markdown_with_several_top_headings_makes_each_a_chapter():
    draft = from_markdown("# Eins\n\nText.\n\n# Zwei\n\nMehr.\n")
    assert draft.title == ""
    assert [s.title for s in draft.sections] == ["Eins", "Zwei"]


def test_markdown_without_text_is_refused():
    with pytest.raises(ImportError_, match="keine Textabsätze"):
        from_markdown("# Nur eine Überschrift\n\n## Und noch eine\n")


def word_file():
    document = docx.Document()
    document.add_heading("Leitlinien", 0)
    document.add_paragraph("Vorwort vor dem ersten Kapitel.")
    document.add_heading("2. Ziele", 1)
    document.add_paragraph("Beteiligung   beginnt früh.")
    document.add_paragraph("")
    for text in ("Information", "Mitwirkung", "Mitentscheidung"):
        document.add_paragraph(text, style="List Number")
    document.add_paragraph("Stadtteile", style="List Bullet")
    document.add_heading("Unterkapitel", 2)
    document.add_paragraph("Letzter Absatz.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_word_headings_paragraphs_numbered_and_bulleted_lists():
    draft = from_docx(io.BytesIO(word_file()))
    assert draft.title == "Leitlinien"
    assert blocks(draft) == [
        ("", "text", "", "Vorwort vor dem ersten Kapitel."),
        ("Ziele", "text", "", "Beteiligung beginnt früh."),
        ("Ziele", "numbered", "1.", "Information"),
        ("Ziele", "numbered", "2.", "Mitwirkung"),
        ("Ziele", "numbered", "3.", "Mitentscheidung"),
        ("Ziele", "bullet", "", "Stadtteile"),
        ("Unterkapitel", "text", "", "Letzter Absatz."),
    ]


def test_read_file_by_its_ending_and_refusals():
    assert read_file(SimpleUploadedFile("entwurf.docx", word_file())).title == "Leitlinien"
    assert read_file(SimpleUploadedFile("entwurf.md", MARKDOWN.encode())).paragraph_count == 8
    with pytest.raises(ImportError_, match="keine lesbare Word-Datei"):
        read_file(SimpleUploadedFile("entwurf.docx", b"not a zip file"))
    with pytest.raises(ImportError_, match="Bitte wählen Sie"):
        read_file(SimpleUploadedFile("entwurf.pdf", b"%PDF-1.4"))
    with pytest.raises(ImportError_, match="UTF-8"):
        read_file(SimpleUploadedFile("entwurf.md", "Straße".encode("latin-1")))
