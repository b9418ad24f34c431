"""Signing in with a one-time code by e-mail instead of the password."""

import re

import pytest
from django.core import mail

from tests.accounts.factories import UserFactory, totp_code

pytestmark = pytest.mark.django_db

REQUEST = "/konto/login/code/"
CONFIRM = "/konto/login/code/confirm/"


def mailed_code():
    body = mail.outbox[-1].body
    return re.search(r"^([A-Z0-9]{4}-[A-Z0-9]{4})$", body, re.MULTILINE).group(1)


def test_login_page_offers_a_code_by_mail(client):
    html = client.get("/konto/login/").text
    assert f'href="{REQUEST}' in html


def test_citizen_signs_in_with_the_mailed_code(client, user, committed):
    with committed():
        response = client.post(REQUEST, {"email": user.email})
    assert response.status_code == 302
    assert response["Location"].startswith(CONFIRM)
    assert mail.outbox[-1].to == [user.email]
    assert "Ihr Anmeldecode steht unten" in mail.outbox[-1].body  # formal German
    assert mail.outbox[-1].subject.startswith("[KLmitWirkung]")

    wrong = client.post(CONFIRM, {"code": "FALSCH"})
    assert wrong.status_code == 200
    assert "_auth_user_id" not in client.session

    response = client.post(CONFIRM, {"code": mailed_code()})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_an_unknown_address_reveals_nothing(client):
    response = client.post(REQUEST, {"email": "niemand@example.org"})
    # The same next step as for a real account, so that nobody can probe for accounts.
    assert response.status_code == 302
    assert response["Location"].startswith(CONFIRM)


def test_staff_still_need_their_app_after_the_code(client, committed):
    staff = UserFactory(is_staff=True, groups=["Moderation"])
    with committed():
        client.post(REQUEST, {"email": staff.email})
    response = client.post(CONFIRM, {"code": mailed_code()})
    assert response["Location"].startswith("/konto/2fa/authenticate/")
    assert "_auth_user_id" not in client.session
    client.post("/konto/2fa/authenticate/", {"code": totp_code()})
    assert client.session["_auth_user_id"] == str(staff.pk)
