"""The admin speaks German throughout: Django's own German catalogues lack strings that are
new in Django, and locale/django/ fills them in (also for the admin's JavaScript)."""

import ast
import subprocess
from pathlib import Path

import django
import pytest
from django.utils import translation
from django.utils.translation import trans_real
from django.utils.translation.template import templatize

pytestmark = pytest.mark.django_db

DJANGO = Path(django.__file__).parent
ADMIN = DJANGO / "contrib" / "admin"
# What the admin pages show: the admin, the user admin, forms and model fields.
PYTHON_SOURCES = [ADMIN, DJANGO / "contrib" / "auth", DJANGO / "forms", DJANGO / "db" / "models"]
KEYWORDS = [
    "--keyword=gettext_noop",
    "--keyword=gettext_lazy",
    "--keyword=ngettext_lazy:1,2",
    "--keyword=pgettext:1c,2",
    "--keyword=npgettext:1c,2,3",
    "--keyword=pgettext_lazy:1c,2",
    "--keyword=npgettext_lazy:1c,2,3",
]


def message_ids(files, language, tmp_path):
    """(context, msgid, plural) of every translatable string in `files`, as makemessages
    finds them."""
    pot = tmp_path / "messages.pot"
    subprocess.run(
        ["xgettext", f"--language={language}", "--from-code=UTF-8", *KEYWORDS, "-o", str(pot)]
        + [str(file) for file in files],
        check=True,
    )
    entries, entry, field = [], {}, None
    for line in pot.read_text(encoding="utf-8").splitlines():
        if line.startswith(("msgctxt ", "msgid ", "msgid_plural ")):
            field, _, text = line.partition(" ")
            if field != "msgid_plural" and "msgid" in entry:
                entries.append(entry)
                entry = {}
            entry[field] = ast.literal_eval(text)
        elif line.startswith('"') and field:
            entry[field] += ast.literal_eval(line)
        else:  # msgstr, a comment or the end of an entry
            field = None
    entries.append(entry)
    return {
        (e.get("msgctxt"), e["msgid"], e.get("msgid_plural")) for e in entries if e.get("msgid")
    }


def untranslated(messages, catalog):
    missing = []
    for context, msgid, plural in messages:
        key = f"{context}\x04{msgid}" if context else msgid
        if (key, 0) not in catalog if plural else key not in catalog:
            missing.append(msgid)
    return sorted(missing)


def test_every_string_of_the_admin_pages_has_german(tmp_path):
    templates = []
    for number, template in enumerate((ADMIN / "templates").rglob("*.html")):
        python = tmp_path / f"template{number}.py"
        python.write_text(templatize(template.read_text(encoding="utf-8")), encoding="utf-8")
        templates.append(python)
    python_files = [file for source in PYTHON_SOURCES for file in source.rglob("*.py")]
    messages = message_ids(python_files + templates, "Python", tmp_path)

    catalog = trans_real.translation("de")._catalog

    assert untranslated(messages, catalog) == []


def test_every_string_of_the_admin_javascript_has_german(tmp_path):
    scripts = [
        script
        for script in (ADMIN / "static" / "admin" / "js").rglob("*.js")
        if "vendor" not in script.parts and not script.name.endswith(".min.js")
    ]
    messages = message_ids(scripts, "JavaScript", tmp_path)

    # As the admin's JavaScript catalogue (/admin/jsi18n/) puts it together.
    catalog = trans_real.DjangoTranslation(
        "de", domain="djangojs", localedirs=[str(ADMIN / "locale")]
    )._catalog

    assert untranslated(messages, catalog) == []


def test_the_admin_javascript_catalogue_writes_dates_the_german_way(client, editor):
    client.force_login(editor)
    script = client.get("/admin/jsi18n/").text
    assert '"%(month)s %(day)s, %(year)s": "%(day)s. %(month)s %(year)s"' in script
    assert '"Today (%(date)s)": "Heute (%(date)s)"' in script
    assert '"Choose all %s": "Alle %s ausw\\u00e4hlen"' in script


def test_an_empty_choice_reads_german():
    from django.db.models.fields import BLANK_CHOICE_LABEL

    with translation.override("de"):
        assert str(BLANK_CHOICE_LABEL) == "– bitte wählen –"
