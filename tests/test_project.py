"""Checks over the whole code base: migrations committed, translations complete."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[1]
# Every catalogue of ours, German and English (the English ones hold our wording of
# allauth's and Django's messages), for Django and for JavaScript.
CATALOGUES = sorted((ROOT / "locale").glob("**/LC_MESSAGES/*.po"))
GERMAN_CATALOGUES = [path for path in CATALOGUES if path.parent.parent.name == "de"]


def test_catalogues_are_found():
    names = {str(path.relative_to(ROOT)) for path in CATALOGUES}
    assert {
        "locale/de/LC_MESSAGES/django.po",
        "locale/overrides/de/LC_MESSAGES/django.po",
        "locale/django/de/LC_MESSAGES/django.po",
        "locale/django/de/LC_MESSAGES/djangojs.po",
    } <= names


@pytest.mark.django_db
def test_no_missing_migrations():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_translations_are_complete(catalogue):
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(catalogue)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr
    assert "fuzzy" not in result.stderr
    assert "#, fuzzy" not in catalogue.read_text(encoding="utf-8")


# The options of `make messages`.
MESSAGES = ["--ignore=.venv", "--ignore=tests", "--ignore=locale", "--no-obsolete"]
MESSAGES += ["--add-location=file", "--no-wrap"]


def test_every_string_of_the_code_is_in_the_german_catalogue(tmp_path):
    """`make messages` on a copy finds nothing new: no string was left out of the catalogue."""
    copy = tmp_path / "copy"
    shutil.copytree(
        ROOT, copy, ignore=shutil.ignore_patterns(".git", ".venv", "__pycache__", "*.mo")
    )
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--locale=de", "--verbosity=0", *MESSAGES],
        cwd=copy,
        env={**os.environ, "DJANGO_DEBUG": "1"},
        check=True,
    )
    catalogue = "locale/de/LC_MESSAGES/django.po"
    assert msgids(copy / catalogue) - msgids(ROOT / catalogue) == set()


def msgids(catalogue):
    """(context, msgid) of every entry in a .po file."""
    entries, context, current = set(), None, None
    for line in [*catalogue.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("msgctxt "):
            context, current = [line[8:]], "context"
        elif line.startswith("msgid "):
            msgid, current = [line[6:]], "msgid"
        elif line.startswith('"') and current == "context":
            context.append(line)
        elif line.startswith('"') and current == "msgid":
            msgid.append(line)
        elif current == "msgid":
            entries.add((context and unquoted(context), unquoted(msgid)))
            context, current = None, None
    return entries


OVERRIDES = sorted((ROOT / "locale/overrides").glob("*/LC_MESSAGES/django.po"))


@pytest.mark.parametrize("catalogue", OVERRIDES, ids=lambda p: str(p.relative_to(ROOT)))
def test_overrides_are_messages_of_allauth_or_django(catalogue):
    """An override whose msgid allauth or Django no longer has would silently stop working."""
    import allauth
    import django

    theirs = set()
    for package in (allauth, django):
        for source in Path(package.__file__).parent.glob("**/locale/de/LC_MESSAGES/django.po"):
            theirs |= msgids(source)
    assert msgids(catalogue) - theirs == set()


def unquoted(parts):
    """The text of a .po string however it is wrapped: '"a "' and '"b"' give 'a b'."""
    return "".join(part.strip()[1:-1] for part in parts)


def translations(catalogue):
    """Every German text (msgstr, plural forms included) in a .po file."""
    texts, current = [], None
    for line in catalogue.read_text(encoding="utf-8").splitlines():
        if line.startswith("msgstr"):
            current = [line.split(" ", 1)[1]]
            texts.append(current)
        elif line.startswith('"') and current is not None:
            current.append(line)
        else:
            current = None
    return [
        "".join(part[1:-1] for part in parts).replace('\\"', '"').replace("\\n", "\n")
        for parts in texts
    ]


def typography_slips(text):
    """Straight or foreign quotes and ASCII apostrophes in German text, with HTML removed."""
    prose = re.sub(r"<[^>]*>", "", text)
    slips = [mark for mark in ('"', "'", "»", "«", "”") if mark in prose]
    for opening, closing in (("„", "“"), ("‚", "‘")):  # quotes, and quotes within quotes
        if prose.count(opening) != prose.count(closing):
            slips.append(f"{opening}…{closing} unbalanced")
    return slips


@pytest.mark.parametrize("catalogue", GERMAN_CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_german_translations_use_german_quotes_and_apostrophes(catalogue):
    slips = {text: typography_slips(text) for text in translations(catalogue)}
    assert {text: found for text, found in slips.items() if found} == {}


def demo_texts(value, english=False):
    """Every text of a demo file with whether it is English (under a key ending in "_en")."""
    if isinstance(value, str):
        yield value, english
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from demo_texts(item, english or key.endswith("_en"))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from demo_texts(item, english)


def english_typography_slips(text):
    """Straight or German quotes and ASCII apostrophes in English text, with HTML removed."""
    prose = re.sub(r"<[^>]*>", "", text)
    slips = [mark for mark in ('"', "'", "„", "‚", "»", "«") if mark in prose]
    if prose.count("“") != prose.count("”"):
        slips.append("“…” unbalanced")
    return slips


@pytest.mark.parametrize("name", ["pages", "projects", "polls", "proposals", "events", "plans"])
def test_demo_texts_use_german_quotes_and_apostrophes(name):
    from demo.content import load

    data = load(name)
    slips = {
        text[:80]: typography_slips(text) for text, english in demo_texts(data) if not english
    }
    assert {text: found for text, found in slips.items() if found} == {}


@pytest.mark.parametrize("name", ["pages", "projects", "polls", "proposals", "events", "plans"])
def test_english_demo_texts_use_english_quotes_and_apostrophes(name):
    from demo.content import load

    data = load(name)
    slips = {
        text[:80]: english_typography_slips(text) for text, english in demo_texts(data) if english
    }
    assert {text: found for text, found in slips.items() if found} == {}
