"""What changed between two versions of a paragraph, word by word.

The texts are cut into words, spaces and punctuation marks and compared with difflib; the
result is HTML in which deleted words stand in `<del>` and inserted ones in `<ins>`, each
with a hidden „Streichung“ / „Einfügung“ at its start and end for screen readers (which do
not announce the elements themselves), and crossed out or underlined on screen: marked in
the text, not only by colour.
"""

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

TOKENS = re.compile(r"\s+|\w+|[^\w\s]")


def tokens(text):
    return TOKENS.findall(text)


@dataclass
class Change:
    """One paragraph in the comparison of two versions."""

    paragraph: object  # in the newer version, or None if it was deleted
    previous: object  # in the older version, or None if it is new
    html: str

    @property
    def kind(self):
        if self.previous is None:
            return "new"
        if self.paragraph is None:
            return "deleted"
        return "changed"


def marked(kind, words):
    """`words` as one deletion or insertion, marked for eyes and ears alike."""
    text = escape("".join(words))
    if kind == "del":
        start, end = _("deletion start"), _("deletion end")
    else:
        start, end = _("insertion start"), _("insertion end")
    return format_html(
        '<{kind}><span class="visually-hidden">[{start}] </span>{text}'
        '<span class="visually-hidden"> [{end}]</span></{kind}>',
        kind=kind,
        start=start,
        end=end,
        text=text,
    )


def opcodes(a, b):
    """difflib's opcodes, with a lone space between two changes joined to them: „zwei Mal“
    replaced by „vier Male“ reads as one change, not as two with a kept space between."""
    merged = []
    for op in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        merged.append(list(op))
        while (
            len(merged) >= 3
            and merged[-1][0] != "equal"
            and merged[-3][0] != "equal"
            and merged[-2][0] == "equal"
            and not "".join(a[merged[-2][1] : merged[-2][2]]).strip()
        ):
            last, _space, first = merged.pop(), merged.pop(), merged.pop()
            merged.append(["replace", first[1], last[2], first[3], last[4]])
    return merged


def word_diff(old, new):
    """HTML of `new` with what differs from `old` marked as deleted and inserted words."""
    a, b = tokens(old), tokens(new)
    parts = []
    for tag, a1, a2, b1, b2 in opcodes(a, b):
        if tag == "equal":
            parts.append(escape("".join(a[a1:a2])))
            continue
        if tag in ("delete", "replace"):
            parts.append(marked("del", a[a1:a2]))
        if tag in ("insert", "replace"):
            parts.append(marked("ins", b[b1:b2]))
    return mark_safe("".join(str(part) for part in parts))  # noqa: S308 - escaped above


def changes(paragraphs, previous_paragraphs):
    """The paragraphs that are new, changed or deleted in a version, in the order of the
    text: a deleted one after the paragraph that continues the last one kept before it.

    `paragraphs` and `previous_paragraphs` in the order of their texts; no query.
    """
    by_pk = {p.pk: p for p in previous_paragraphs}
    continued = {p.predecessor_id: p for p in paragraphs if p.predecessor_id in by_pk}
    deleted_after = defaultdict(list)  # position in the newer version -> deleted ones
    anchor = 0
    for old in previous_paragraphs:
        successor = continued.get(old.pk)
        if successor is None:
            deleted_after[anchor].append(old)
        else:
            anchor = successor.position

    def deleted(position):
        return [Change(None, old, escape(old.text)) for old in deleted_after[position]]

    result = deleted(0)
    for paragraph in paragraphs:
        old = by_pk.get(paragraph.predecessor_id)
        if old is None:
            result.append(Change(paragraph, None, escape(paragraph.text)))
        elif old.text != paragraph.text:
            result.append(Change(paragraph, old, word_diff(old.text, paragraph.text)))
        result += deleted(paragraph.position)
    return result
