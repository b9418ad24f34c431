"""The page for a database that is gone: 503, try again later, and the typed text kept.

No database fixture: a query while rendering the page would fail these tests, and the
page must render while the database is away.
"""

import pytest
from django.db import DatabaseError, InterfaceError, OperationalError
from django.urls import path

from klmitwirkung import urls as site_urls

TYPED = 'Mein langer Kommentar <script>alert("x")</script> zur Tram & zum Radweg.'


def lost_connection(request):
    request.POST  # noqa: B018 - read the form as a view does before it writes
    raise OperationalError("terminating connection due to administrator command")


def closed_connection(request):
    raise InterfaceError("connection already closed")


def broken_query(request):
    raise DatabaseError("syntax error at or near SELEKT")


# The site's own URLs and error handlers, with pages that fail as if the database were gone.
urlpatterns = [
    path("weg/", lost_connection),
    path("zu/", closed_connection),
    path("kaputt/", broken_query),
    *site_urls.urlpatterns,
]
handler500 = site_urls.handler500


class LoseDatabaseMiddleware:
    """Fails where the session is loaded for the second-factor check: before any view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        raise OperationalError('connection to server at "127.0.0.1", port 5432 failed')


def assert_retry_later(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    html = response.text
    assert '<html lang="de">' in html
    assert "<main" in html
    assert "<h1>KLmitWirkung ist kurz nicht erreichbar</h1>" in html
    assert "Bitte versuchen Sie es in einer Minute noch einmal." in html
    assert '<a href="/">Zurück zur Startseite</a>' in html
    assert "Traceback" not in html
    assert "administrator command" not in html
    assert "5432" not in html
    return html


@pytest.mark.urls(__name__)
def test_a_lost_connection_shows_the_typed_text_escaped_and_no_secrets(client, caplog):
    response = client.post(
        "/weg/",
        {
            "text": TYPED,
            "title": "Mehr Bäume am Stiftsplatz",
            "password": "mein geheimes Passwort",
            "new_password1": "noch ein geheimes Passwort",
            "csrfmiddlewaretoken": "abc def",
            "login_code": "123 456",
            "target": "projects.project",
            "object_id": "7",
            "official": "on",
        },
    )

    html = assert_retry_later(response)
    assert "Ihr Formular wurde höchstwahrscheinlich nicht gespeichert." in html
    assert (
        '<textarea class="form-control" id="typed-1" rows="6" readonly>'
        "Mein langer Kommentar &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; zur Tram "
        "&amp; zum Radweg.</textarea>"
    ) in html
    assert "<script>" not in html
    assert "Mehr Bäume am Stiftsplatz</textarea>" in html
    assert "Ihr Text 1 von 2" in html
    for hidden in ("Passwort", "abc def", "123 456", "projects.project", ">7<", ">on<"):
        assert hidden not in html
    # One error line for the operators, with the cause.
    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.levelname == "ERROR"
    assert record.status_code == 503
    assert record.getMessage() == "Database unavailable: /weg/"
    assert isinstance(record.exc_info[1], OperationalError)


@pytest.mark.urls(__name__)
def test_long_text_is_shortened_and_a_page_without_a_form_shows_none(client):
    response = client.post("/weg/", {"text": "Wort " * 5000})
    html = assert_retry_later(response)
    assert "Sehr lang: Nur der Anfang wird angezeigt." in html
    assert html.count("Wort") == 4000
    assert "Ihr Text</label>" in html

    html = assert_retry_later(client.get("/zu/?text=zwei+Worte"))
    assert "<textarea" not in html
    assert "nicht gespeichert" not in html


@pytest.mark.urls(__name__)
def test_a_database_lost_in_a_middleware_gets_the_same_page(client, settings, caplog):
    # Django turns a middleware's exception into a response on the spot; handler500 sees it.
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE,
        f"{__name__}.LoseDatabaseMiddleware",
    ]
    client.raise_request_exception = False
    html = assert_retry_later(client.post("/weg/", {"text": "Noch einmal bitte."}))
    assert "Noch einmal bitte.</textarea>" in html
    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert (record.getMessage(), record.status_code) == ("Database unavailable: /weg/", 503)


@pytest.mark.urls(__name__)
def test_other_database_errors_remain_crashes(client):
    client.raise_request_exception = False
    response = client.get("/kaputt/")
    assert response.status_code == 500
    assert "Retry-After" not in response
    assert "Ein technischer Fehler ist aufgetreten" in response.text
