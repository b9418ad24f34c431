"""The page for a crash names the configured contact, even when the database is down."""

import pytest
from django.db import DatabaseError
from django.urls import path

from klmitwirkung import urls as site_urls


def broken_view(request):
    raise DatabaseError("could not connect to server")


# The site's own error handlers, with one page that fails as if the database were down.
urlpatterns = [path("kaputt/", broken_view), *site_urls.urlpatterns]
handler500 = getattr(site_urls, "handler500", "django.views.defaults.server_error")


@pytest.mark.urls(__name__)
def test_server_error_page_shows_the_configured_contact_without_the_database(client, settings):
    # No database fixture: a query while rendering the error page would fail this test.
    settings.CONTACT_EMAIL = "beteiligung@example.org"
    client.raise_request_exception = False
    response = client.get("/kaputt/")
    assert response.status_code == 500
    html = response.text
    assert "Ein technischer Fehler ist aufgetreten" in html
    assert '<a href="mailto:beteiligung@example.org">beteiligung@example.org</a>' in html
    assert "info@klmitwirkung.de" not in html
