"""The pages that editors maintain: stable addresses, sanitised HTML, previews for staff."""

import pytest
from django.core.exceptions import ValidationError

from pages.models import Page

pytestmark = pytest.mark.django_db


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
