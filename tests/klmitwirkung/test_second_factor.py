"""Staff open the admin only with a second factor; citizens may use one too."""

import json
import time

import pytest

from tests.accounts.factories import PASSWORD, UserFactory, totp_code

pytestmark = pytest.mark.django_db

ACTIVATE = "/konto/2fa/totp/activate/"


def test_staff_without_an_authenticator_app_are_sent_to_set_one_up(client):
    editor = UserFactory(is_staff=True, groups=["Redaktion"], second_factor=False)
    client.force_login(editor)
    for path in ["/admin/", "/admin/polls/poll/"]:
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith(f"{ACTIVATE}?next=")
    response = client.get("/admin/", follow=True)
    assert "Authenticator-App" in response.text


def test_staff_with_an_authenticator_app_open_the_admin(client, editor):
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200


def test_citizens_are_not_asked_for_a_second_factor(client, user):
    client.force_login(user)
    assert client.get("/vorschlaege/").status_code == 200
    response = client.get("/admin/")
    assert response.status_code == 302
    assert not response["Location"].startswith(ACTIVATE)


def test_staff_sign_in_needs_the_code_from_the_app(client, moderator):
    response = client.post(
        "/konto/login/?next=/admin/", {"login": moderator.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/2fa/authenticate/")
    # The password alone does not sign in.
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302

    wrong = client.post("/konto/2fa/authenticate/", {"code": "000000"})
    assert wrong.status_code == 200
    assert "_auth_user_id" not in client.session

    response = client.post("/konto/2fa/authenticate/", {"code": totp_code()})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_the_export_says_a_second_factor_is_set_up_but_never_its_secret(client, editor):
    client.force_login(editor)
    # Staff may export too; the secret of their app must not leave the server.
    response = client.get("/konto/daten/export.json")
    data = json.loads(response.content)
    assert [factor["type"] for factor in data["second_factors"]] == ["totp"]
    assert "JBSWY3DP" not in response.text


@pytest.mark.parametrize(("steps", "accepted"), [(-1, True), (-2, False), (1, True), (2, False)])
def test_a_code_of_the_next_step_still_counts(client, moderator, steps, accepted):
    # Typing takes time: the app may move on while the code is typed.
    client.post("/konto/login/?next=/admin/", {"login": moderator.email, "password": PASSWORD})
    while time.time() % 30 > 27:  # not at the edge of a step, where "now" moves on
        time.sleep(0.5)
    code = totp_code(at=time.time() + steps * 30)
    client.post("/konto/2fa/authenticate/", {"code": code})
    assert ("_auth_user_id" in client.session) is accepted


# Where sign-in leads: staff to the admin, citizens to their profile, a `next` first.


def test_staff_land_on_the_admin_after_signing_in(client, moderator):
    response = client.post("/konto/login/", {"login": moderator.email, "password": PASSWORD})
    assert response["Location"].startswith("/konto/2fa/authenticate/")
    response = client.post("/konto/2fa/authenticate/", {"code": totp_code()})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_page_asked_for_at_sign_in_still_comes_first_for_staff(client, editor):
    client.post("/konto/login/?next=/vorschlaege/", {"login": editor.email, "password": PASSWORD})
    response = client.post("/konto/2fa/authenticate/", {"code": totp_code()})
    assert response["Location"] == "/vorschlaege/"


def test_citizens_land_on_their_profile(client, user):
    response = client.post("/konto/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/konto/profil/"


def test_staff_without_an_authenticator_app_land_on_setting_it_up(client):
    staff = UserFactory(is_staff=True, groups=["Redaktion"], second_factor=False)
    response = client.post("/konto/login/", {"login": staff.email, "password": PASSWORD})
    assert response["Location"] == "/admin/"
    response = client.get(response["Location"])
    assert response["Location"].startswith(f"{ACTIVATE}?next=")
