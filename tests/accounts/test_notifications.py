"""Notification settings and followed projects in the profile, and the one-click unsubscribe."""

import pytest
from django.contrib.auth import get_user_model
from django.core import signing
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from core.notifications import (
    DESCRIPTIONS,
    KINDS,
    SALT,
    unsubscribe_path,
    unsubscribe_token,
)
from klmitwirkung.privacy import delete_account, export_personal_data
from projects.models import Follow
from tests.accounts.factories import PASSWORD, UserFactory
from tests.projects.factories import ProjectFactory

pytestmark = pytest.mark.django_db

PROFILE = "/konto/profil/"
SETTINGS = "/konto/benachrichtigungen/"
KIND = "followed-projects"
DESCRIPTION = "E-Mails zu neuen Abstimmungen in Projekten, denen Sie folgen"


def follow(user, *projects):
    for project in projects:
        Follow.objects.create(project=project, user=user)


def setting(user):
    return get_user_model().objects.get(pk=user.pk).notify_followed_projects


# The profile


def test_profile_shows_the_setting_in_its_own_form(client, user):
    client.force_login(user)
    html = client.get(PROFILE).text
    assert 'id="benachrichtigungen"' in html
    assert 'aria-labelledby="notifications-heading"' in html
    assert f'action="{SETTINGS}"' in html
    assert 'name="notify_followed_projects"' in html
    assert "checked" in html.split('name="notify_followed_projects"')[1].split(">")[0]
    assert "Benachrichtigungen speichern" in html


def test_profile_lists_followed_projects_with_links_and_unfollow_buttons(client, user):
    garden = ProjectFactory(title="Stadtgarten", slug="stadtgarten")
    follow(user, garden, ProjectFactory(title="Busnetz", slug="busnetz"))
    follow(UserFactory(), ProjectFactory(title="Nur Bernd folgt"))
    follow(user, ProjectFactory(title="Zurückgezogen", is_published=False))
    client.force_login(user)
    html = client.get(PROFILE).text
    assert "Projekte, denen Sie folgen" in html
    assert 'href="/projekte/stadtgarten/"' in html
    assert 'action="/projekte/stadtgarten/nicht-mehr-folgen/"' in html
    assert 'action="/projekte/busnetz/nicht-mehr-folgen/"' in html
    assert html.index("Busnetz") < html.index("Stadtgarten")
    assert "Nur Bernd folgt" not in html
    assert "Zurückgezogen" not in html  # not public any more, so no page to link to


def test_unfollow_from_the_profile_comes_back_to_it(client, user):
    garden = ProjectFactory(title="Stadtgarten", slug="stadtgarten")
    follow(user, garden)
    client.force_login(user)
    response = client.post(
        "/projekte/stadtgarten/nicht-mehr-folgen/", {"next": "/konto/profil/#projekte"}
    )
    assert response["Location"] == "/konto/profil/#projekte"
    assert not Follow.objects.filter(user=user).exists()
    html = client.get(PROFILE).text
    assert 'action="/projekte/stadtgarten/nicht-mehr-folgen/"' not in html
    assert 'href="/projekte/"' in html  # the empty state points to the projects


def test_profile_says_when_mails_for_followed_projects_are_off(client):
    person = UserFactory(notify_followed_projects=False)
    follow(person, ProjectFactory())
    client.force_login(person)
    html = client.get(PROFILE).text
    assert "checked" not in html.split('name="notify_followed_projects"')[1].split(">")[0]
    assert "E-Mails zu neuen Abstimmungen in diesen Projekten sind ausgeschaltet" in html


def count_queries(client, path):
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


def test_profile_queries_do_not_grow_with_followed_projects(client, user):
    client.force_login(user)
    follow(user, *ProjectFactory.create_batch(3))
    few = count_queries(client, PROFILE)
    follow(user, *ProjectFactory.create_batch(27))
    assert count_queries(client, PROFILE) == few


# Saving the setting


def test_switching_mails_off_and_on(client, user):
    other = UserFactory()
    client.force_login(user)
    response = client.post(SETTINGS, {})  # an unticked box sends nothing
    assert response.status_code == 302
    assert response["Location"] == "/konto/profil/#benachrichtigungen"
    assert setting(user) is False
    assert setting(other) is True
    assert "Ihre Benachrichtigungen wurden gespeichert." in client.get(PROFILE).text

    client.post(SETTINGS, {"notify_followed_projects": "on"})
    assert setting(user) is True


def test_settings_page_itself_is_the_profile(client, user):
    client.force_login(user)
    response = client.get(SETTINGS)
    assert response.status_code == 302
    assert response["Location"] == PROFILE
    assert setting(user) is True


@pytest.mark.parametrize("method", ["get", "post"])
def test_settings_need_sign_in(client, method):
    response = getattr(client, method)(SETTINGS)
    assert response.status_code == 302
    assert response["Location"] == f"/konto/login/?next={SETTINGS}"


def test_settings_need_the_csrf_token(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    assert client.post(SETTINGS, {}).status_code == 403
    assert setting(user) is True


# Unsubscribing from the link in a mail


def test_unsubscribe_path_is_under_konto():
    person = UserFactory()
    assert unsubscribe_path(person, KIND).startswith("/konto/abbestellen/")


def test_opening_the_link_asks_and_changes_nothing(client, user):
    # Once: a token made a second later differs (it carries the time it was made).
    path = unsubscribe_path(user, KIND)
    response = client.get(path)
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert '<meta name="robots" content="noindex">' in response.text
    assert DESCRIPTION in response.text
    assert f'<form method="post" action="{path}">' in response.text
    assert "Abbestellen" in response.text
    assert setting(user) is True


def test_the_button_switches_off_that_kind_for_that_person_only(client, user):
    other = UserFactory()
    response = client.post(unsubscribe_path(user, KIND))
    assert response.status_code == 200
    assert setting(user) is False
    assert setting(other) is True
    assert "Abbestellt" in response.text
    assert DESCRIPTION in response.text
    assert 'href="/konto/profil/#benachrichtigungen"' in response.text
    # The link again: nothing more to do, and it says so.
    assert "Bereits abbestellt" in client.get(unsubscribe_path(user, KIND)).text
    assert client.post(unsubscribe_path(user, KIND)).status_code == 200
    assert setting(user) is False


def test_the_token_decides_whose_mail_stops_not_who_is_signed_in(client, user):
    signed_in = UserFactory()
    client.force_login(signed_in)
    client.post(unsubscribe_path(user, KIND))
    assert setting(user) is False
    assert setting(signed_in) is True


def test_one_click_unsubscribe_of_mail_providers_needs_no_csrf_token(user):
    """RFC 8058: the provider POSTs `List-Unsubscribe=One-Click` without cookies."""
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        unsubscribe_path(user, KIND),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert setting(user) is False


def tampered(token):
    """The same token with one character of the signature changed."""
    last = "A" if token[-1] != "A" else "B"
    return token[:-1] + last


@pytest.mark.parametrize(
    "make_token",
    [
        pytest.param(lambda user: "abc", id="made up"),
        pytest.param(lambda user: tampered(unsubscribe_token(user, KIND)), id="tampered"),
        pytest.param(
            lambda user: signing.dumps({"u": user.pk, "k": KIND}, salt="other", compress=True),
            id="other salt",
        ),
        pytest.param(
            lambda user: signing.dumps({"u": user.pk, "k": "everything"}, salt=SALT),
            id="unknown kind",
        ),
        pytest.param(
            lambda user: signing.dumps({"u": user.pk + 1000, "k": KIND}, salt=SALT),
            id="no such person",
        ),
    ],
)
def test_a_bad_link_is_not_found_and_changes_nothing(client, user, make_token):
    path = f"/konto/abbestellen/{make_token(user)}/"
    for method in (client.get, client.post):
        response = method(path)
        assert response.status_code == 404
        assert "Dieser Abbestell-Link ist ungültig" in response.text
        assert "Es wurde nichts geändert." in response.text
    assert setting(user) is True


def test_the_token_of_another_person_cannot_be_turned_into_mine(client, user):
    other = UserFactory()
    token = unsubscribe_token(other, KIND)
    signature = token.rsplit(":", 1)[1]
    forged = signing.dumps({"u": user.pk, "k": KIND}, salt=SALT, compress=True).rsplit(":", 1)[0]
    response = client.post(f"/konto/abbestellen/{forged}:{signature}/")
    assert response.status_code == 404
    assert setting(user) is True
    assert setting(other) is True


# The person's data


def test_export_holds_follows_and_the_setting_and_nothing_of_others(user):
    garden = ProjectFactory(title="Stadtgarten")
    follow(user, garden)
    follow(UserFactory(), garden, ProjectFactory(title="Bernds Projekt"))
    user.notify_followed_projects = False
    user.save()

    data = export_personal_data(user)

    assert data["account"]["notification_settings"] == {
        "notify_followed_projects": False,
        "notify_moderation": True,
        "notify_poll_results": True,
        "notify_progress": True,
        "notify_proposal_updates": True,
        "notify_replies": True,
    }
    [followed] = data["follows"]
    assert followed["project"] == {
        "title": "Stadtgarten",
        "url": garden.get_absolute_url(),
        "published": True,
    }
    assert followed["following_since"]
    assert "Bernds Projekt" not in str(data)


def test_data_page_lists_followed_projects_and_the_setting(client, user):
    follow(user, ProjectFactory(title="Stadtgarten", slug="stadtgarten"))
    follow(UserFactory(), ProjectFactory(title="Bernds Projekt"))
    client.force_login(user)
    html = client.get("/konto/daten/").text
    assert 'aria-labelledby="follows-heading"' in html
    assert 'aria-labelledby="notifications-heading"' in html
    assert 'href="/projekte/stadtgarten/"' in html
    assert "Bernds Projekt" not in html
    assert "eingeschaltet" in html


def test_deleting_the_account_deletes_its_follows(user):
    garden = ProjectFactory()
    follow(user, garden)
    follow(UserFactory(username="Nachbarin"), garden)
    delete_account(user=user, password=PASSWORD)
    assert list(Follow.objects.values_list("user__username", flat=True)) == ["Nachbarin"]


def test_every_kind_of_mail_has_a_name_for_the_unsubscribe_page():
    from core.notifications import DESCRIPTIONS, KINDS

    assert set(DESCRIPTIONS) == set(KINDS)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_link_switches_off_its_own_kind_and_no_other(client, kind):
    person = UserFactory()
    response = client.post(unsubscribe_path(person, kind))
    assert response.status_code == 200
    assert str(DESCRIPTIONS[kind]) in response.text
    person = get_user_model().objects.get(pk=person.pk)
    assert {field: getattr(person, field) for field in KINDS.values()} == {
        field: field != KINDS[kind] for field in KINDS.values()
    }


def test_the_profile_offers_every_switch_with_its_explanation(client, user):
    client.force_login(user)
    html = client.get(PROFILE).text
    for field in KINDS.values():
        assert f'name="{field}"' in html
    assert "Freigabe meiner Beiträge" in html
    assert "Eine E-Mail, wenn jemand auf einen Ihrer Kommentare antwortet." in html

    client.post(SETTINGS, {"notify_replies": "on", "notify_poll_results": "on"})
    person = get_user_model().objects.get(pk=user.pk)
    assert (person.notify_replies, person.notify_poll_results) == (True, True)
    assert (person.notify_moderation, person.notify_proposal_updates) == (False, False)
    assert person.notify_followed_projects is False
