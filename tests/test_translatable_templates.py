"""Every text a template shows goes through gettext, so English and German pages are whole."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.template.base import Lexer, TokenType

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = sorted(
    path
    for path in ROOT.glob("**/templates/**/*")
    if path.is_file() and ".venv" not in path.relative_to(ROOT).parts
)

# Words that stay as they are in every language, wherever they stand, each with the reason.
ALLOWED_WORDS = {
    "KLmitWirkung": "the platform's name",
}
# Texts of one template (by file name) that stay as they are, each with the reason.
ALLOWED = {
    ("_header.html", "KL"): "the platform's name, its first part styled apart",
    ("_header.html", "mitWirkung"): "the platform's name, its second part",
}
# Templates whose output no person reads, each with the reason.
ALLOWED_FILES = {
    "healthz_session.txt": "read by the scale-out check (signed in or anonymous), not by people",
}
# Blocks whose text goes into an attribute nobody sees (class names), each with the reason.
HIDDEN_BLOCKS = {
    "bodyclass": "the admin's class names of <body>",
    "main_class": "our class names of <main>",
}

# Attributes whose values people see or hear.
SHOWN_ATTRIBUTES = {"alt", "title", "aria-label", "aria-description", "placeholder"}

# What a template tag or variable prints: not literal text of the template.
HOLE = "\x00"

BLOCK_TRANSLATE = {"blocktranslate", "blocktrans"}
END_BLOCK_TRANSLATE = {"endblocktranslate", "endblocktrans"}
TRANSLATE = {"translate", "trans"}


def without_translations(source):
    """The template with translated texts, variables and tags replaced by holes.

    Newlines are kept, so that line numbers stay those of the template.
    """
    parts, inside = [], None  # inside: the end tag of a block whose text is skipped
    for token in Lexer(source).tokenize():
        contents = token.contents
        if token.token_type == TokenType.BLOCK:
            name = contents.split()[0] if contents else ""
            if inside:
                if name == inside or (
                    inside == "endblocktranslate" and name in END_BLOCK_TRANSLATE
                ):
                    inside = None
                continue
            if name in BLOCK_TRANSLATE:
                inside = "endblocktrans"
            elif name == "comment":
                inside = "endcomment"
            elif (
                name == "block" and contents.split()[1:2] and contents.split()[1] in HIDDEN_BLOCKS
            ):
                inside = "endblock"
            parts.append(HOLE)  # whatever a tag prints is not text of this template
            continue
        if inside:
            parts.append("\n" * contents.count("\n"))
        elif token.token_type == TokenType.TEXT:
            parts.append(contents)
        elif token.token_type == TokenType.VAR:
            parts.append(HOLE)
    # A variable or tag within a tag's name (<h{{ level }}>) leaves the name whole for the parser.
    return re.sub(r"(</?(?:[a-zA-Z][a-zA-Z0-9]*)?)" + HOLE, r"\1", "".join(parts))


def has_words(text):
    """Whether text has letters once holes, allowed words, numbers and punctuation are gone."""
    text = text.replace(HOLE, " ")
    for word in ALLOWED_WORDS:
        text = text.replace(word, " ")
    return re.search(r"[^\W\d_]", text) is not None


def tidy(text):
    return " ".join(text.replace(HOLE, "…").split())


class ShownTexts(HTMLParser):
    """The texts of an HTML template that people see or hear, with their line numbers."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts = []
        self.skipping = None  # inside <script> or <style>

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skipping = tag
        attrs = dict(attrs)
        shown = SHOWN_ATTRIBUTES & attrs.keys()
        if (tag == "input" and attrs.get("type") in ("submit", "button", "reset")) or (
            tag == "button" and "value" in attrs
        ):
            shown |= {"value"}
        if tag == "meta" and attrs.get("name") == "description":
            shown |= {"content"}
        for name in sorted(shown):
            self.found(f"{name}={attrs[name] or ''}", attrs[name] or "")

    def handle_endtag(self, tag):
        if tag == self.skipping:
            self.skipping = None

    def handle_data(self, data):
        if not self.skipping:
            self.found(data, data)

    def found(self, shown, text):
        if has_words(text):
            self.texts.append((self.getpos()[0], tidy(shown)))


def untranslated_texts(source, *, plain_text=False):
    """(line, text) for each text in a template source that is not translated."""
    masked = without_translations(source)
    if plain_text:
        masked = re.sub(r"https?://\S+", HOLE, masked)
        return [
            (number, tidy(line))
            for number, line in enumerate(masked.splitlines(), start=1)
            if has_words(line)
        ]
    parser = ShownTexts()
    parser.feed(masked)
    parser.close()
    return parser.texts


def allowed(path, text):
    return text in ALLOWED or (path.name, text) in ALLOWED


def untranslated_in(path):
    if path.name in ALLOWED_FILES:
        return []
    source = path.read_text(encoding="utf-8")
    found = untranslated_texts(source, plain_text=path.suffix == ".txt")
    return [f"{number}: {text}" for number, text in found if not allowed(path, text)]


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_template_texts_are_translated(path):
    assert untranslated_in(path) == []


# Dates for people take the language's format by name; machines get ISO 8601.
DATE_FORMATS = {
    "DATE_FORMAT",
    "DATETIME_FORMAT",
    "TIME_FORMAT",
    "MONTH_DAY_FORMAT",
    "YEAR_MONTH_FORMAT",
    "SHORT_DATE_FORMAT",
    "SHORT_DATETIME_FORMAT",
    "c",
    "Y-m-d",
    "U",
}


def fixed_date_formats(source):
    """Date formats written out in a template ("j. F Y"), which read wrong in another language."""
    return [
        found
        for found in re.findall(r"\|(?:date|time):[\"']([^\"']*)[\"']", source)
        if found not in DATE_FORMATS
    ]


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_template_dates_use_the_languages_format(path):
    assert fixed_date_formats(path.read_text(encoding="utf-8")) == []


def test_fixed_date_formats_are_found():
    source = (
        '{{ a|date:"j. F Y" }}{{ b|date:"DATE_FORMAT" }}{{ c|date:\'c\' }}'
        '{% blocktranslate with d=e|time:"H:i" %}{{ d }}{% endblocktranslate %}'
    )
    assert fixed_date_formats(source) == ["j. F Y", "H:i"]


def test_templates_are_found():
    names = {str(path.relative_to(ROOT)) for path in TEMPLATES}
    assert {"templates/base.html", "templates/account/email/base_message.txt"} <= names


# The checker itself, on small templates.


def test_plain_text_in_html_is_found():
    assert untranslated_texts("<p>Hallo Welt</p>") == [(1, "Hallo Welt")]


def test_translated_text_passes():
    source = (
        '{% load i18n %}<p>{% translate "Hello" %}</p>\n'
        "<p>{% blocktranslate trimmed with name=user.name %}\n"
        "Hello {{ name }}{% endblocktranslate %}</p>"
    )
    assert untranslated_texts(source) == []


def test_text_beside_a_translation_is_found_with_its_line():
    source = '{% load i18n %}<p>{% translate "Hello" %}</p>\n\n<p>{% translate "Hi" %} Welt</p>'
    assert untranslated_texts(source) == [(3, "… Welt")]


def test_variables_punctuation_numbers_and_entities_pass():
    source = "<p>{{ poll.title }}: {{ count }} – 3 &middot; (12) &nbsp;</p><!-- Hinweis -->"
    assert untranslated_texts(source) == []


def test_comments_scripts_and_styles_pass():
    source = (
        "{# Hinweis #}{% comment %}<p>Alter Text</p>{% endcomment %}"
        "<script>let text = 'Hallo';</script><style>p::after { content: 'x'; }</style>"
    )
    assert untranslated_texts(source) == []


def test_shown_attributes_are_found():
    source = (
        '<img src="a.png" alt="Ein Bild">'
        '<a href="/" title="Start" class="btn nav-link">{{ x }}</a>'
        '<nav aria-label="Seitennavigation"></nav>'
        '<input type="search" placeholder="Suchbegriff" name="q" value="{{ q }}">'
        '<input type="submit" value="Senden">'
        '<meta name="description" content="Beteiligung">'
    )
    assert [text for _, text in untranslated_texts(source)] == [
        "alt=Ein Bild",
        "title=Start",
        "aria-label=Seitennavigation",
        "placeholder=Suchbegriff",
        "value=Senden",
        "content=Beteiligung",
    ]


def test_attributes_from_variables_and_translations_pass():
    source = (
        '{% load i18n %}<img src="a.png" alt="{{ project.image_alt }}">'
        '<nav aria-label="{% translate "Pages" %}"></nav>'
        '<input type="hidden" name="next" value="/konto/">'
        '<meta name="viewport" content="width=device-width">'
    )
    assert untranslated_texts(source) == []


def test_plain_text_mail_lines_are_found_but_addresses_pass():
    source = (
        '{% load i18n %}{% translate "Hello," %}\nhttps://kl-mitwirkung.de/konto/\nViele Grüße\n'
    )
    assert untranslated_texts(source, plain_text=True) == [(3, "Viele Grüße")]


def test_the_allow_list_names_its_entries(tmp_path):
    template = tmp_path / "brand.html"
    template.write_text("<span>KLmitWirkung</span><span>Mitmachen</span>", encoding="utf-8")
    assert untranslated_in(template) == ["1: Mitmachen"]


def test_class_blocks_and_computed_tag_names_pass_but_their_text_is_read():
    source = (
        "{% block main_class %}account-page{% endblock main_class %}"
        '<h{{ level|default:"2" }} class="h5">Titel</h{{ level|default:"2" }}>'
    )
    assert untranslated_texts(source) == [(1, "Titel")]


def test_attributes_from_tags_after_a_tag_name_pass_but_the_text_is_read():
    source = (
        '<h1{% lang_of page "title" %}>{{ page.title }}</h1>'
        '<div{% lang_of page "body" %}>Text</div>'
    )
    assert untranslated_texts(source) == [(1, "Text")]
