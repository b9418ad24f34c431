"""The site as a whole: health check, error pages, cookies, headers and self-hosting."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from klmitwirkung.settings import mailer_from_url

pytestmark = pytest.mark.django_db

PUBLIC_PATHS = [
    "/",
    "/konto/login/",
    "/konto/signup/",
    "/konto/password/reset/",
    "/projekte/",
    "/abstimmungen/",
    "/vorschlaege/",
]


class AssetCollector(HTMLParser):
    """Collects every URL that a browser would load or follow from a page."""

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in {"src", "href", "action", "srcset", "poster", "data"} and value:
                self.urls.append(value)


def test_healthz_answers_when_the_database_does(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-cache" in response["Cache-Control"]


def test_start_page_is_german(client):
    response = client.get("/")
    assert response.status_code == 200
    assert '<html lang="de">' in response.text
    assert "Willkommen bei KLmitWirkung" in response.text


def test_unknown_page_gives_german_404(client):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.text


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_anonymous_visit_sets_no_cookie_beyond_csrf_and_session(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert set(response.cookies) <= {"csrftoken", "sessionid"}


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_pages_load_nothing_from_other_hosts(client, path):
    parser = AssetCollector()
    parser.feed(client.get(path).text)
    foreign = [
        url
        for url in parser.urls
        if re.match(r"^(https?:)?//", url) and not url.startswith("http://testserver/")
    ]
    assert foreign == []


def test_security_headers(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_every_page_has_skip_link_landmarks_and_footer(client):
    html = client.get("/").text
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html
    for path in [
        "/impressum/",
        "/datenschutz/",
        "/barrierefreiheit/",
        "/leichte-sprache/",
        "/gebaerdensprache/",
        "mailto:info@klmitwirkung.de",
    ]:
        assert f'href="{path}"' in html


def test_main_navigation(client):
    html = client.get("/").text
    for name, path in [
        ("Projekte", "/projekte/"),
        ("Abstimmungen", "/abstimmungen/"),
        ("Vorschläge", "/vorschlaege/"),
        ("So funktioniert’s", "/so-funktionierts/"),
    ]:
        assert f'href="{path}"' in html, path
        assert name in html, name


def test_admin_is_german_and_signs_in_through_allauth(client, editor):
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0] == reverse("account_login") + "?next=%2Fadmin%2F"
    assert "Anmelden" in response.text

    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "KLmitWirkung – Verwaltung" in response.text


def test_admin_refuses_signed_in_citizens(client, user):
    client.force_login(user)
    response = client.get("/admin/", follow=True)
    assert response.status_code == 403
    assert "Zugriff verweigert" in response.text


@pytest.mark.parametrize(
    ("url", "options"),
    [
        (
            "smtp://mail.example.org",
            {"host": "mail.example.org", "use_ssl": False, "use_tls": False, "timeout": 10},
        ),
        (
            "smtp://user%40kl:p%2Fw@mail.example.org:587/?tls=1",
            {
                "host": "mail.example.org",
                "port": 587,
                "use_ssl": False,
                "use_tls": True,
                "timeout": 10,
                "username": "user@kl",
                "password": "p/w",
            },
        ),
        (
            "smtps://mail.example.org:465",
            {
                "host": "mail.example.org",
                "port": 465,
                "use_ssl": True,
                "use_tls": False,
                "timeout": 10,
            },
        ),
    ],
)
def test_mail_is_configured_from_an_smtp_url(url, options):
    mailer = mailer_from_url(url)
    assert mailer["BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert mailer["OPTIONS"] == options
