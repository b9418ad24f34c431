"""German at every address without a prefix, English under /en/, chosen without a cookie.

The language lives in the address, so a shared link shows the page in the language it was
shared in. Visitors switch by a link; people who are signed in switch by a small form that
also remembers the choice for the pages after signing in and for their mails.
"""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from core.notifications import language_of
from polls.tasks import new_poll_message
from tests.accounts.factories import UserFactory
from tests.polls.factories import poll_with_questions
from tests.projects.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def html_lang(response):
    return re.search(r'<html lang="([a-z-]+)"', response.content.decode()).group(1)


@pytest.mark.parametrize("path", ["/", "/projekte/", "/abstimmungen/", "/vorschlaege/"])
def test_german_without_prefix_and_english_under_en(client, path):
    german = client.get(path)
    english = client.get("/en" + path)
    assert german.status_code == english.status_code == 200
    assert html_lang(german) == "de"
    assert html_lang(english) == "en"
    assert ">Abstimmungen</a>" in german.content.decode()
    assert ">Polls</a>" in english.content.decode()


def test_the_browser_language_never_moves_a_german_address(client):
    response = client.get("/projekte/", headers={"accept-language": "en-US,en;q=0.9"})
    assert response.status_code == 200
    assert html_lang(response) == "de"


def test_visitors_get_no_cookie_for_their_language(client):
    for path in ("/", "/en/", "/en/projekte/"):
        response = client.get(path)
        assert response.cookies == {} or set(response.cookies) <= {"csrftoken"}
        assert "django_language" not in response.cookies


def test_the_switch_is_a_link_to_the_same_page_in_the_other_language(client):
    project = ProjectFactory(slug="smarte-parkplaetze")
    german = client.get(f"/projekte/{project.slug}/").content.decode()
    assert f'href="/en/projekte/{project.slug}/" hreflang="en" lang="en">English</a>' in german
    assert '<span class="nav-link active" aria-current="true" lang="de">Deutsch</span>' in german

    english = client.get("/en/projekte/?status=running").content.decode()
    assert 'href="/projekte/?status=running" hreflang="de" lang="de">Deutsch</a>' in english


def test_every_page_names_its_versions_for_search_engines(client):
    content = client.get("/en/abstimmungen/").content.decode()
    assert '<link rel="alternate" hreflang="de" href="http://testserver/abstimmungen/">' in content
    assert (
        '<link rel="alternate" hreflang="en" href="http://testserver/en/abstimmungen/">' in content
    )
    assert (
        '<link rel="alternate" hreflang="x-default" href="http://testserver/abstimmungen/">'
        in content
    )


def test_addresses_for_machines_have_no_language():
    assert reverse("healthz") == "/healthz"
    with translation.override("en"):
        assert reverse("healthz") == "/healthz"
        assert reverse("projects:list") == "/en/projekte/"
    assert reverse("projects:list") == "/projekte/"


def test_english_admin_for_staff_who_prefer_it(client, editor):
    client.force_login(editor)
    english = client.get("/en/admin/projects/project/")
    german = client.get("/admin/projects/project/")
    assert english.status_code == german.status_code == 200
    assert "Select project to change" in english.content.decode()
    assert "Projekt zur Änderung auswählen" in german.content.decode()


# The switch for people who are signed in.


def switch(client, language, next_url, prefix=""):
    return client.post(f"{prefix}/konto/sprache/", {"language": language, "next": next_url})


def test_signed_in_switch_remembers_the_choice_and_shows_the_page(client):
    person = UserFactory(language="de")
    client.force_login(person)
    response = switch(client, "en", "/abstimmungen/?page=2")
    assert response.status_code == 302
    assert response["Location"] == "/en/abstimmungen/?page=2"
    person.refresh_from_db()
    assert person.language == "en"

    response = switch(client, "de", "/en/abstimmungen/", prefix="/en")
    assert response["Location"] == "/abstimmungen/"
    person.refresh_from_db()
    assert person.language == "de"


def test_the_switch_for_signed_in_people_is_a_form_in_the_header(client):
    client.force_login(UserFactory())
    content = client.get("/projekte/").content.decode()
    assert 'action="/konto/sprache/"' in content
    assert '<input type="hidden" name="language" value="en">' in content
    assert '<input type="hidden" name="next" value="/projekte/">' in content


def test_a_visitor_whose_session_ended_just_gets_the_page(client):
    response = switch(client, "en", "/projekte/")
    assert response["Location"] == "/en/projekte/"


def test_another_site_as_next_is_not_followed(client):
    client.force_login(UserFactory())
    response = switch(client, "en", "https://evil.example/")
    assert response["Location"] == "/en/"


def test_an_unknown_language_changes_nothing(client):
    person = UserFactory(language="de")
    client.force_login(person)
    response = switch(client, "fr", "/projekte/")
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.language == "de"
    assert "Bitte wählen Sie eine der angebotenen Sprachen" in client.get("/").content.decode()


def test_the_switch_needs_a_post_with_the_csrf_token():
    person = UserFactory(language="de")
    client = Client(enforce_csrf_checks=True)
    client.force_login(person)
    assert client.get("/konto/sprache/").status_code == 405
    assert switch(client, "en", "/").status_code == 403
    person.refresh_from_db()
    assert person.language == "de"


def test_the_switch_only_changes_the_own_account(client):
    other = UserFactory(language="de")
    staff = UserFactory(is_staff=True, language="de")
    client.force_login(staff)
    switch(client, "en", "/")
    other.refresh_from_db()
    staff.refresh_from_db()
    assert other.language == "de"
    assert staff.language == "en"


def test_the_profile_offers_the_language(client):
    person = UserFactory(language="en")
    client.force_login(person)
    content = client.get("/en/konto/profil/").content.decode()
    assert '<option value="en" selected>English</option>' in content
    response = switch(client, "de", "/en/konto/profil/#sprache", prefix="/en")
    assert response["Location"] == "/konto/profil/#sprache"


def test_signing_up_in_english_keeps_english(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/en/konto/signup/",
            {
                "email": "resident@example.org",
                "username": "Resident",
                "password1": "a long and safe passphrase",
                "password2": "a long and safe passphrase",
            },
        )
    from django.contrib.auth import get_user_model

    person = get_user_model().objects.get(email="resident@example.org")
    assert person.language == "en"
    # The confirmation mail came in English, with an English address.
    assert mail.outbox
    assert "/en/konto/" in mail.outbox[-1].body


def test_signing_in_leads_to_the_own_language():
    from allauth.account.adapter import get_adapter
    from django.test import RequestFactory

    person = UserFactory(language="en")
    request = RequestFactory().get("/konto/login/")
    request.user = person
    assert get_adapter(request).get_login_redirect_url(request) == "/en/konto/profil/"


def test_mails_come_in_the_language_of_the_person():
    poll = poll_with_questions(project=ProjectFactory(title="Stadt.Raum.Wir."))
    english = new_poll_message(poll, UserFactory(language="en"))
    german = new_poll_message(poll, UserFactory(language="de"))
    assert "/en/abstimmungen/" in english.body
    assert "/en/konto/abbestellen/" in english.body
    assert "/en/" not in german.body
    assert english.subject != german.subject


def test_an_account_without_a_known_language_gets_german():
    person = UserFactory.build(language="xx")
    with language_of(person):
        assert translation.get_language() == "de"
