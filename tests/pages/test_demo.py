"""Demo pages from `seed_demo`: every stable address exists and staff can work on them."""

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
    call_command("seed_demo", verbosity=0)
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
            "title": "Impressum",
            "slug": "impressum",
            "body": "<p>Neu</p><script>x</script>",
            "is_published": "on",
        },
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.body == "<p>Neu</p>"


def test_moderator_cannot_edit_pages_in_the_admin(client, moderator, demo):
    page = Page.objects.get(slug="impressum")
    client.force_login(moderator)
    assert client.get(f"/admin/pages/page/{page.pk}/change/").status_code == 403
