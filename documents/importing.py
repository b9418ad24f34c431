"""Reading a draft from a Markdown or Word (.docx) file into chapters and paragraphs.

Headings (of any level) begin chapters; paragraphs stay paragraphs; each item of a list
becomes a paragraph of its own, so that it can be commented on, keeping its number as
printed (“3.”, “b)”) or its bullet. Text is kept plain: emphasis is dropped, a link keeps
its address in brackets. Text before the first heading forms an untitled first chapter.
A single top-level heading that opens the file is the document's title, not a chapter.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from markdown_it import MarkdownIt

# What a file may weigh before it is read at all: a long statute is a few hundred KB.
MAX_FILE_SIZE = 10 * 1024 * 1024


class ImportError_(ValueError):
    """The file cannot be read as a document; the message says why, in the user's words."""


@dataclass
class Block:
    text: str
    kind: str = "text"  # Paragraph.Kind
    marker: str = ""


@dataclass
class Section:
    title: str
    blocks: list = field(default_factory=list)


@dataclass
class Draft:
    """What a file holds: its title (if it names one) and its chapters."""

    title: str = ""
    sections: list = field(default_factory=list)

    def add_heading(self, text):
        # The platform numbers chapters itself: “2. Ziele” and “2 Ziele” become “Ziele”.
        title = re.sub(r"^(?:\d+[.)]?)+\s+(?=\S)", "", text)
        self.sections.append(Section(title=title))

    def add_block(self, block):
        if not block.text:
            return
        if not self.sections:
            self.sections.append(Section(title=""))
        self.sections[-1].blocks.append(block)

    @property
    def paragraph_count(self):
        return sum(len(section.blocks) for section in self.sections)

    def finished(self):
        """Drop chapters without text; refuse a file without any."""
        self.sections = [s for s in self.sections if s.blocks]
        if not self.sections:
            raise ImportError_(_("The file contains no text paragraphs."))
        return self


def squeeze(text):
    """Plain text on one line per line: runs of spaces and tabs become one space."""
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


# Markdown ------------------------------------------------------------------------------


def inline_text(token):
    """The plain text of an inline token: words, code, line breaks; links with address."""
    parts = []
    link = None
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "link_open":
            link = child.attrs.get("href", "")
        elif child.type == "link_close":
            text_so_far = "".join(parts)
            if link and link not in text_so_far[-len(link) :]:
                parts.append(f" ({link})")
            link = None
        elif child.type == "image":
            parts.append(child.content)
    return squeeze("".join(parts))


def from_markdown(text):
    """A Draft from Markdown text (CommonMark with tables left as text)."""
    tokens = MarkdownIt("commonmark").parse(text)
    draft = Draft()
    h1_count = sum(1 for t in tokens if t.type == "heading_open" and t.tag == "h1")
    lists = []  # the open lists, innermost last: [kind, next number]
    item_marker = None
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            heading = inline_text(tokens[index + 1])
            if index == 0 and token.tag == "h1" and h1_count == 1:
                draft.title = heading
            else:
                draft.add_heading(heading)
        elif token.type == "bullet_list_open":
            lists.append(["bullet", 0])
        elif token.type == "ordered_list_open":
            start = token.attrs.get("start", 1)
            lists.append(["numbered", int(start)])
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif token.type == "list_item_open":
            kind, number = lists[-1]
            if kind == "numbered":
                delimiter = token.markup if token.markup in (".", ")") else "."
                item_marker = f"{number}{delimiter}"
                lists[-1][1] = number + 1
            else:
                item_marker = ""
        elif token.type == "inline" and index and tokens[index - 1].type == "paragraph_open":
            text = inline_text(token)
            if lists:
                kind = lists[-1][0]
                if item_marker is not None:
                    draft.add_block(Block(text=text, kind=kind, marker=item_marker))
                    item_marker = None
                else:  # a second paragraph of the same item joins it
                    last = draft.sections[-1].blocks[-1] if draft.sections else None
                    if last is not None:
                        last.text = f"{last.text}\n{text}"
            else:
                draft.add_block(Block(text=text))
        elif token.type in ("code_block", "fence"):
            draft.add_block(Block(text=squeeze(token.content)))
        elif token.type == "html_block":
            draft.add_block(Block(text=squeeze(re.sub(r"<[^>]*>", " ", token.content))))
    return draft.finished()


# Word ----------------------------------------------------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def letters(number):
    """1 → a, 26 → z, 27 → aa: the letters Word numbers with."""
    result = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        result = chr(ord("a") + rest) + result
    return result


def roman(number):
    numerals = [
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ]  # fmt: skip
    result = ""
    for value, numeral in numerals:
        while number >= value:
            result += numeral
            number -= value
    return result


class WordNumbering:
    """How Word numbers list paragraphs: the format and start of each list level, and the
    running counters that turn a paragraph's list into its printed number."""

    def __init__(self, document):
        self.levels = {}  # (numId, ilvl) -> (format, start, text pattern)
        self.counters = {}  # numId -> [count per level]
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return
        abstract = {}
        for node in numbering.findall(f"{W}abstractNum"):
            levels = {}
            for level in node.findall(f"{W}lvl"):
                fmt = level.find(f"{W}numFmt")
                start = level.find(f"{W}start")
                pattern = level.find(f"{W}lvlText")
                levels[int(level.get(f"{W}ilvl"))] = (
                    fmt.get(f"{W}val") if fmt is not None else "decimal",
                    int(start.get(f"{W}val")) if start is not None else 1,
                    pattern.get(f"{W}val") if pattern is not None else "",
                )
            abstract[node.get(f"{W}abstractNumId")] = levels
        for node in numbering.findall(f"{W}num"):
            ref = node.find(f"{W}abstractNumId")
            if ref is None:
                continue
            for ilvl, spec in abstract.get(ref.get(f"{W}val"), {}).items():
                self.levels[(node.get(f"{W}numId"), ilvl)] = spec

    def marker(self, num_id, ilvl):
        """(kind, marker) of the next paragraph of list `num_id` at level `ilvl`."""
        fmt, start, pattern = self.levels.get((num_id, ilvl), ("bullet", 1, ""))
        if fmt in ("bullet", "none"):
            return "bullet", ""
        counts = self.counters.setdefault(num_id, [0] * 9)
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else start
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0
        number = counts[ilvl]
        shown = {
            "lowerLetter": letters(number),
            "upperLetter": letters(number).upper(),
            "lowerRoman": roman(number),
            "upperRoman": roman(number).upper(),
        }.get(fmt, str(number))
        # Word's pattern is like "%1." or "%2)"; the number of this level replaces its own
        # placeholder, and a pattern naming upper levels ("%1.%2") gets theirs.
        if pattern:
            marker = pattern
            for level in range(ilvl + 1):
                value = shown if level == ilvl else str(counts[level] or 1)
                marker = marker.replace(f"%{level + 1}", value)
        else:
            marker = f"{shown}."
        return "numbered", marker.strip()


def list_properties(paragraph):
    """(numId, ilvl) of a Word paragraph in a list, from itself or its style; else None."""
    for element in (paragraph._p, getattr(paragraph.style, "element", None)):
        if element is None:
            continue
        properties = element.find(f"{W}pPr")
        numbering = properties.find(f"{W}numPr") if properties is not None else None
        if numbering is None:
            continue
        num_id = numbering.find(f"{W}numId")
        ilvl = numbering.find(f"{W}ilvl")
        if num_id is not None and num_id.get(f"{W}val") != "0":
            return num_id.get(f"{W}val"), int(ilvl.get(f"{W}val")) if ilvl is not None else 0
    return None


def heading_level(paragraph):
    """1–9 for a heading (by style or outline level), 0 for the title, None otherwise."""
    style = paragraph.style
    name = (style.name or "") if style is not None else ""
    if name == "Title":
        return 0
    match = re.fullmatch(r"Heading (\d)", name)
    if match:
        return int(match.group(1))
    properties = paragraph._p.find(f"{W}pPr")
    outline = properties.find(f"{W}outlineLvl") if properties is not None else None
    if outline is not None and outline.get(f"{W}val", "9").isdigit():
        level = int(outline.get(f"{W}val"))
        return level + 1 if level < 9 else None
    return None


def from_docx(file):
    """A Draft from a Word file (.docx): headings, paragraphs and list items in order.

    Tables, images and footnotes are not read; the editors are told to check the result.
    """
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(file)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ImportError_(_("This is not a Word file (.docx) that can be read.")) from error
    numbering = WordNumbering(document)
    draft = Draft()
    for paragraph in document.paragraphs:
        text = squeeze(paragraph.text)
        if not text:
            continue
        level = heading_level(paragraph)
        if level == 0:
            if not draft.title and not draft.sections:
                draft.title = text
            else:
                draft.add_heading(text)
            continue
        if level is not None:
            draft.add_heading(text)
            continue
        listed = list_properties(paragraph)
        if listed is None:
            draft.add_block(Block(text=text))
        else:
            kind, marker = numbering.marker(*listed)
            draft.add_block(Block(text=text, kind=kind, marker=marker))
    return draft.finished()


def read_file(upload):
    """A Draft from an uploaded file, by its ending: .docx, or .md / .txt as Markdown."""
    name = (upload.name or "").lower()
    if upload.size > MAX_FILE_SIZE:
        raise ImportError_(_("The file is larger than 10 MB."))
    if name.endswith(".docx"):
        return from_docx(upload)
    if name.endswith((".md", ".markdown", ".txt")):
        raw = upload.read()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ImportError_(_("Please save the Markdown file as UTF-8.")) from error
        return from_markdown(text)
    raise ImportError_(_("Please choose a Word file (.docx) or a Markdown file (.md)."))
