"""Pages in English show no German, and allauth's and Django's strings in our wording."""

import datetime
import re
from html.parser import HTMLParser

import pytest
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.core import mail
from django.utils import timezone

from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

# Words of German sentences that English pages never have.
GERMAN = re.compile(
    r"\b(und|oder|nicht|Sie|Ihre?|für|mit|Bitte|bitte|Konto|Anmelden|Abmelden|Registrieren"
    r"|Passwort|E-Mail-Adresse|Öffentlicher|vergessen|zurücksetzen|Startseite|Abstimmungen"
    r"|Vorschläge|Projekte|Datenschutz|Barrierefreiheit)\b|[äöüÄÖÜß]"
)

# allauth's and Django's English wording where ours differs (locale/overrides/en/).
NOT_OUR_WORDING = re.compile(
    r"\b[Ee]mails?\b|\busername\b|\b(Sign|Log) (In|Up|Out)\b|\blog ?in\b"
    r"|\b(Password|Email) (Reset|Addresses)\b|\b(Change|Current|New) Password\b"
    r"|Remember Me|Make Primary|Verify Your"
)


class VisibleText(HTMLParser):
    """The text people see or hear: element text and the attributes read out, no scripts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.hidden = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.hidden += 1
        for name, value in attrs:
            if name in ("alt", "title", "aria-label", "placeholder") and value:
                self.parts.append(value)
            if name == "value" and value and dict(attrs).get("type") == "submit":
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden and data.strip():
            self.parts.append(data.strip())


def visible_text(html):
    parser = VisibleText()
    parser.feed(html)
    return parser.parts


@pytest.fixture
def english_path(settings):
    """A path in English: under /en/ once the URLs have the prefix, else by the header."""
    settings.LANGUAGES = [("de", "Deutsch"), ("en", "English")]

    def english_path(path):
        if is_language_prefix_patterns_used(settings.ROOT_URLCONF)[0]:
            return "/en" + path
        return path

    return english_path


@pytest.fixture
def english(client, english_path):
    """The texts people see on a page in English."""

    def get(path):
        response = client.get(english_path(path), headers={"accept-language": "en"})
        assert response.status_code == 200, path
        assert response.headers["Content-Language"] == "en"
        return visible_text(response.text)

    return get


def without_addresses(text):
    return re.sub(r"https?://\S+|\S+@\S+", "", text)


def german_in(texts):
    return [text for text in texts if GERMAN.search(without_addresses(text))]


def not_our_wording(texts):
    return [text for text in texts if NOT_OUR_WORDING.search(without_addresses(text))]


ACCOUNT_PAGES = [
    "/konto/login/",
    "/konto/signup/",
    "/konto/password/reset/",
    "/konto/password/reset/done/",
    "/konto/login/code/",
    "/konto/confirm-email/",
]
SIGNED_IN_PAGES = ["/konto/email/", "/konto/password/change/", "/konto/logout/"]


@pytest.mark.parametrize("path", ACCOUNT_PAGES)
def test_account_pages_in_english_have_no_german_and_our_wording(english, path):
    texts = english(path)
    assert german_in(texts) == []
    assert not_our_wording(texts) == []


@pytest.mark.parametrize("path", SIGNED_IN_PAGES)
def test_signed_in_account_pages_in_english_have_no_german_and_our_wording(english, client, path):
    client.force_login(UserFactory())
    texts = english(path)
    assert german_in(texts) == []
    assert not_our_wording(texts) == []


def test_english_sign_in_and_password_pages_use_our_words(english, client):
    assert "Sign in" in english("/konto/login/")
    assert {"Password reset", "E-mail address", "Reset my password"} <= set(
        english("/konto/password/reset/")
    )
    client.force_login(UserFactory())
    assert {"Change password", "Current password", "New password (again)"} <= set(
        english("/konto/password/change/")
    )


def test_checks_find_german_and_their_wording():
    assert german_in(["Passwort vergessen?", "Forgot your password?"]) == ["Passwort vergessen?"]
    assert not_our_wording(["Sign In", "Email", "Sign in", "E-mail", "a@example.org"]) == [
        "Sign In",
        "Email",
    ]


def test_sign_up_in_english_sends_the_confirmation_in_english(client, english_path, committed):
    data = {
        "email": "new@example.org",
        "username": "New_Resident",
        "password1": "Palatinate-Forest-2026",
        "password2": "Palatinate-Forest-2026",
    }
    with committed():
        response = client.post(
            english_path("/konto/signup/"), data, headers={"accept-language": "en"}
        )
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.subject == "[KLmitWirkung] Please confirm your e-mail address"
    assert message.body.startswith("Hello,")
    assert german_in(message.body.splitlines()) == []
    assert not_our_wording(message.body.splitlines()) == []


def test_dates_read_in_the_pages_language(english, client):
    joined = timezone.make_aware(datetime.datetime(2026, 12, 4, 21, 40))
    client.force_login(UserFactory(date_joined=joined))
    assert "December 4, 2026" in english("/konto/profil/")
    assert "4. Dezember 2026" in client.get("/konto/profil/").text
