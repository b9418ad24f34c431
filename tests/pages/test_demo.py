"""Demo pages from `seed_demo`: every stable address exists and staff can work on them."""

import re

import pytest
from django.core.management import call_command

from pages.models import Page

STABLE_PATHS = [
    "/impressum/",
    "/datenschutz/",
    "/barrierefreiheit/",
    "/leichte-sprache/",
    "/gebaerdensprache/",
    "/so-funktionierts/",
    "/ueber-uns/",
]


@pytest.fixture
def demo(seeded_demo, db, settings):
    settings.DEBUG = True  # for tests that seed again


@pytest.mark.parametrize("path", STABLE_PATHS)
def test_every_stable_page_exists_after_seeding(client, demo, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response.text.count("<h1") == 1


def test_demo_impressum_is_marked_as_example(client, demo):
    assert "Beispielinhalt" in client.get("/impressum/").text


def test_demo_privacy_statement_names_exactly_the_cookies_we_set(client, demo):
    text = client.get("/datenschutz/").text
    assert "sessionid" in text
    assert "csrftoken" in text


def test_seed_demo_is_idempotent_and_keeps_staff_edits(demo):
    page = Page.objects.get(slug="impressum")
    page.title = "Impressum (geändert)"
    page.save()
    call_command("seed_demo", "--without-renditions", verbosity=0)
    assert Page.objects.count() == 7
    assert Page.objects.get(slug="impressum").title == "Impressum (geändert)"


def test_editor_edits_a_page_in_the_admin(client, editor, demo):
    page = Page.objects.get(slug="impressum")
    client.force_login(editor)
    url = f"/admin/pages/page/{page.pk}/change/"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "title_de": "Impressum",
            "title_en": "Legal notice",
            "slug": "impressum",
            "body_de": "<p>Neu</p><script>x</script>",
            "body_en": "<p>New</p><script>x</script>",
            "is_published": "on",
        },
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.body == "<p>Neu</p>"
    assert page.body_en == "<p>New</p>"


def test_moderator_cannot_edit_pages_in_the_admin(client, moderator, demo):
    page = Page.objects.get(slug="impressum")
    client.force_login(moderator)
    assert client.get(f"/admin/pages/page/{page.pk}/change/").status_code == 403


def page_text(client, path):
    """The main content of a page as text: tags removed, whitespace collapsed."""
    html = client.get(path).text
    main = re.search(r"<main\b.*?</main>", html, re.S).group(0)
    return " ".join(re.sub(r"<[^>]+>", " ", main).split()), main


# What an editor forgot to fill in; tolerated only where the text says it is an example.
PLACEHOLDERS = ["[", "XX", "TT.MM.", "JJJJ", "Musterstraße", "Platzhalter", "Monat 2026"]


@pytest.mark.parametrize("path", ["/barrierefreiheit/", "/leichte-sprache/"])
def test_accessibility_pages_have_no_leftover_placeholders(client, demo, path):
    text, _ = page_text(client, path)
    for placeholder in PLACEHOLDERS:
        assert placeholder not in text, placeholder


def test_accessibility_statement_has_every_part_the_model_asks_for(client, demo):
    text, html = page_text(client, "/barrierefreiheit/")
    # Status in the words of the EU model statement, and the barriers known today.
    assert "teilweise vereinbar" in text
    assert "Nicht barrierefreie Inhalte" in text
    # When and how it was assessed.
    assert "am 4. Dezember 2026 erstellt und zuletzt am 4. Dezember 2026 überprüft" in text
    for method in ("Selbstbewertung", "axe-core", "Tastatur", "320 Pixel", "Kontrastmodus"):
        assert method in text, method
    # Where to report a barrier: by e-mail, and by post to the address in the Impressum.
    assert 'href="mailto:info@klmitwirkung.de"' in html
    assert 'href="/impressum/"' in html
    # Conciliation and enforcement in Rheinland-Pfalz, with a way to reach them.
    assert "Schlichtungsverfahren" in text
    assert "Landesbeauftragte für die Belange von Menschen mit Behinderungen" in text
    assert "Durchsetzungsstelle" in text
    assert 'href="mailto:durchsetzungsstelle@mastd.rlp.de"' in html
    assert 'href="https://behindertenbeauftragte.rlp.de/"' in html
    assert "Überwachungsstelle für barrierefreie Informationstechnik" in text
    # Contact data of the Land is not ours: the operator confirms it before going live.
    assert "vom Betreiber vor dem Start zu bestätigen" in text
    assert 'href="/leichte-sprache/"' in html
    assert 'href="/gebaerdensprache/"' in html


def test_easy_language_page_covers_what_bitv_asks_for(client, demo):
    text, html = page_text(client, "/leichte-sprache/")
    headings = re.findall(r"<h2[^>]*>(.*?)</h2>", html)
    assert headings == [
        "Was ist KLmitWirkung?",
        "Was können Sie hier machen?",
        "So finden Sie sich zurecht",
        "So bekommen Sie ein Konto",
        "So melden Sie sich an",
        "So stimmen Sie ab",
        "So machen Sie einen Vorschlag",
        "Wer liest Ihre Vorschläge?",
        "Ist die Internet-Seite barriere-frei?",
        "Sie finden eine Barriere?",
        "Gebärden-Sprache",
        "Haben Sie Fragen?",
    ]
    # The words on the screen that the explanations point to.
    for label in ("Projekte", "Abstimmungen", "Vorschläge", "Anmelden", "Registrieren"):
        assert label in text, label
    assert "Stimme abgeben" in text
    assert "Antworten absenden" in text
    assert "Vorschlag einreichen" in text
    assert 'href="/barrierefreiheit/"' in html
    assert 'href="/gebaerdensprache/"' in html
    assert 'href="mailto:info@klmitwirkung.de"' in html


def test_easy_language_page_keeps_its_sentences_short(client, demo):
    text, _ = page_text(client, "/leichte-sprache/")
    body = text.split("Leichte Sprache", 1)[1]
    sentences = [s for s in re.split(r"(?<=[.?!:])\s+", body) if s.strip()]
    long_ones = [s for s in sentences if len(s.split()) > 12]
    assert long_ones == []


GERMAN_ONLY = "Only available in German"
ENGLISH_TITLES = {
    "/en/impressum/": "Legal notice (Impressum)",
    "/en/datenschutz/": "Privacy statement",
    "/en/barrierefreiheit/": "Accessibility statement",
    "/en/gebaerdensprache/": "Sign language",
    "/en/so-funktionierts/": "How it works",
    "/en/ueber-uns/": "About us",
}


@pytest.mark.parametrize(("path", "title"), ENGLISH_TITLES.items())
def test_key_pages_are_in_english_under_en(client, demo, path, title):
    text, html = page_text(client, path)
    assert f"<h1>{title}</h1>" in html
    assert GERMAN_ONLY not in text
    assert ' lang="de"' not in html
    # Links in the English text stay in English.
    links = re.findall(r'href="(/[^"]*)"', html.split("<h1", 1)[1].split("Last changed on")[0])
    assert links and all(link.startswith("/en/") for link in links), links


def test_english_demo_pages_say_example_content_where_german_does(client, demo):
    text, _ = page_text(client, "/en/impressum/")
    assert "Example content" in text
    assert "Beispielinhalt" not in text


@pytest.mark.parametrize("path", ["/datenschutz/", "/en/datenschutz/"])
def test_privacy_statement_says_what_is_stored_about_the_language(client, demo, path):
    text, _ = page_text(client, path)
    if path.startswith("/en/"):
        assert "English pages start with /en/" in text
        assert "We set no cookie for your choice of language" in text
        assert "Your language – German or English" in text
        assert "for the pages you see after signing in and for our e-mails to you" in text
        assert "your ZIP code (if given), your chosen language" in text  # the data export
        assert "This deletes your account with your chosen language" in text
    else:
        assert "Englische Seiten beginnen mit /en/" in text
        assert "Für die Wahl der Sprache setzen wir kein Cookie" in text
        assert "Ihre Sprache – Deutsch oder Englisch" in text
        assert "für die Seiten nach der Anmeldung und für unsere E-Mails an Sie" in text
        assert "Ihre Postleitzahl (falls angegeben), Ihre gewählte Sprache" in text
        assert "Dabei werden Ihr Konto mit Ihrer gewählten Sprache" in text
    # Still exactly the two cookies, in both languages.
    assert "sessionid" in text and "csrftoken" in text


def test_easy_language_stays_german_under_en_and_says_so(client, demo):
    text, html = page_text(client, "/en/leichte-sprache/")
    assert GERMAN_ONLY in text
    assert '<h1 lang="de">Leichte Sprache</h1>' in html
    assert '<div lang="de">' in html
    assert "Was ist KLmitWirkung?" in text
    assert not Page.objects.get(slug="leichte-sprache").body_en


def test_every_other_demo_page_has_an_english_version(demo):
    pages = Page.objects.exclude(slug="leichte-sprache")
    assert pages.count() == 6
    for page in pages:
        assert page.title_en and page.body_en, page.slug
        assert page.title_de != page.title_en, page.slug


def test_the_demo_citizens_texts_are_marked_german_on_english_pages(client, demo):
    from proposals.models import Proposal

    assert not Proposal.objects.filter(language="").exists()
    listing = client.get("/en/vorschlaege/").text
    assert listing.count('class="stretched-link" lang="de">') >= 3
