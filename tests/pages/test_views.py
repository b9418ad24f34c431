"""The pages that editors maintain: stable addresses, sanitised HTML, previews for staff."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from pages.models import Page

pytestmark = pytest.mark.django_db

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
def demo(settings):
    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)


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


def test_staff_html_is_sanitised_on_save_and_on_display(client):
    page = Page(
        slug="test",
        title="Test",
        body='<p onclick="x()">Hallo</p><script>alert(1)</script><img src=x>'
        '<a href="javascript:alert(1)">Link</a>',
    )
    page.full_clean()
    page.save()
    assert "<script" not in page.body
    assert "onclick" not in page.body
    assert "javascript:" not in page.body
    # Even HTML that reached the database some other way is cleaned on display.
    Page.objects.filter(pk=page.pk).update(body="<p>Hallo</p><script>alert(1)</script>")
    html = client.get("/test/").text
    assert "<p>Hallo</p>" in html
    assert "alert(1)" not in html


def test_title_is_escaped(client):
    Page.objects.create(slug="x", title="<b>Fett</b>", body="<p>Text</p>")
    html = client.get("/x/").text
    assert "&lt;b&gt;Fett&lt;/b&gt;" in html


def test_unpublished_page_is_404_for_everyone_but_staff(client, user, editor):
    Page.objects.create(
        slug="entwurf", title="Entwurf", body="<p>Noch nicht</p>", is_published=False
    )
    assert client.get("/entwurf/").status_code == 404
    client.force_login(user)
    assert client.get("/entwurf/").status_code == 404
    client.force_login(editor)
    response = client.get("/entwurf/")
    assert response.status_code == 200
    assert "Vorschau" in response.text


@pytest.mark.parametrize("slug", ["konto", "admin", "projekte", "abstimmungen", "vorschlaege"])
def test_pages_cannot_take_the_address_of_a_section(slug):
    with pytest.raises(ValidationError) as error:
        Page(slug=slug, title="X", body="<p>X</p>").full_clean()
    assert "gehört zu einem anderen Bereich" in str(error.value)


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
