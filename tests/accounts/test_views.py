"""Sign-up, confirmation, login and the profile under /konto/, as a visitor uses them."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from accounts.models import User
from tests.accounts.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SIGNUP = "/konto/signup/"
LOGIN = "/konto/login/"


def signup_data(**overrides):
    data = {
        "email": "neu@example.org",
        "username": "Neue_Lauterin",
        "password1": "Pfaelzerwald-2026",
        "password2": "Pfaelzerwald-2026",
    }
    return {**data, **overrides}


def test_signup_page_asks_only_email_name_password_and_links_privacy(client):
    html = client.get(SIGNUP).text
    assert set(
        re.findall(r'name="(email|username|password1|password2|first_name|last_name)"', html)
    ) == {"email", "username", "password1", "password2"}
    assert 'href="/datenschutz/"' in html
    assert "Datenschutzerklärung" in html


def test_signup_creates_unconfirmed_account_and_sends_confirmation(client, committed):
    with committed():
        response = client.post(SIGNUP, signup_data())
    assert response.status_code == 302
    user = User.objects.get(email="neu@example.org")
    assert user.username == "Neue_Lauterin"
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["neu@example.org"]
    assert message.subject.startswith("[KLmitWirkung] ")
    assert "/konto/confirm-email/" in message.body
    assert message.body.startswith("Guten Tag,")
    assert "Ihr Team von KLmitWirkung" in message.body
    assert not re.search(r"\b(du|dein|deine|dich|dir)\b", message.body, re.IGNORECASE)


def test_unconfirmed_account_cannot_sign_in(client):
    user = UserFactory(confirmed=False)
    response = client.post(LOGIN, {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session


def test_confirmed_account_signs_in_by_email(client, user):
    response = client.post(LOGIN, {"login": user.email.upper(), "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:profile")
    assert client.session["_auth_user_id"] == str(user.pk)


def test_confirmation_link_confirms_the_address(client, committed):
    with committed():
        client.post(SIGNUP, signup_data())
    path = re.search(r"/konto/confirm-email/\S+/", mail.outbox[0].body).group(0)
    page = client.get(path)
    assert page.status_code == 200
    assert "Bestätigen" in page.text
    client.post(path)
    assert EmailAddress.objects.get(email="neu@example.org").verified


@pytest.mark.parametrize(
    ("field", "overrides", "message"),
    [
        ("email", {"email": "kein-at-zeichen"}, "gültige E-Mail-Adresse"),
        ("username", {"username": "ab"}, "3"),
        ("username", {"username": "admin"}, "Dieser Name ist reserviert."),
        ("username", {"username": "zwei worte"}, "ohne Leerzeichen"),
        ("password2", {"password2": "etwas-anderes-2026"}, "Passwort"),
        ("password1", {"password1": "12345", "password2": "12345"}, "Passwort"),
    ],
)
def test_bad_input_shows_linked_error_at_the_field_and_creates_nothing(
    client, field, overrides, message
):
    response = client.post(SIGNUP, signup_data(**overrides))
    assert response.status_code == 200
    html = response.text
    error_id = f"id_{field}_error"
    assert f'id="{error_id}"' in html
    assert re.search(rf'aria-describedby="[^"]*{error_id}[^"]*"', html)
    assert 'aria-invalid="true"' in html
    error_block = html.split(f'id="{error_id}"', 1)[1].split("</div>", 1)[0]
    assert message in error_block
    # What the person typed (but never a password) is kept.
    if field != "email":
        assert 'value="neu@example.org"' in html
    assert 'value="Pfaelzerwald-2026"' not in html
    assert not User.objects.exists()
    assert mail.outbox == []


def test_taken_public_name_ignoring_case_is_refused(client):
    UserFactory(username="Neue_Lauterin")
    response = client.post(SIGNUP, signup_data(username="neue_lauterin"))
    assert response.status_code == 200
    assert "bereits vergeben" in response.text
    assert User.objects.count() == 1


def test_signup_with_a_known_email_reveals_nothing(client, committed):
    existing = UserFactory(email="neu@example.org")
    with committed():
        response = client.post(SIGNUP, signup_data(username="Jemand_Anderes"))
    # The visitor sees the same "check your mail" step as for a new address ...
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert list(User.objects.all()) == [existing]
    # ... and the owner of the address is told by mail instead.
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["neu@example.org"]


@pytest.mark.parametrize("known", [False, True])
def test_signup_takes_the_same_work_for_a_known_and_a_new_address(
    client, settings, known, committed
):
    """Timing must not tell whether an address has an account: both ways hash once."""
    from tests.accounts.hashers import CountingHasher

    if known:
        UserFactory(email="neu@example.org")
    settings.PASSWORD_HASHERS = ["tests.accounts.hashers.CountingHasher"]
    CountingHasher.calls = 0

    with committed():
        response = client.post(SIGNUP, signup_data(username="Jemand_Anderes"))

    assert response["Location"] == reverse("account_email_verification_sent")
    assert CountingHasher.calls == 1
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    "look_alike", ["Rеdaktion-Demo", "Redaktion-Dem0", "\uff32\uff25\uff24\uff21KTION-DEMO"]
)
def test_signup_refuses_a_look_alike_of_a_taken_name(client, look_alike):
    UserFactory(username="Redaktion-Demo")

    response = client.post(SIGNUP, signup_data(username=look_alike))

    assert response.status_code == 200
    assert "username" in response.context["form"].errors
    assert User.objects.count() == 1
    assert response.context["form"]["email"].value() == "neu@example.org"  # nothing lost


def test_signup_stores_the_name_without_invisible_characters(client):
    client.post(SIGNUP, signup_data(username="Neue\u200b_Lauterin\u202e"))
    assert User.objects.get().username == "Neue_Lauterin"


def test_password_reset_for_unknown_address_reveals_nothing(client, user):
    known = client.post("/konto/password/reset/", {"email": user.email})
    unknown = client.post("/konto/password/reset/", {"email": "niemand@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]


def test_failed_logins_are_rate_limited(client, user):
    for _ in range(5):
        client.post(LOGIN, {"login": user.email, "password": "falsch"})
    response = client.post(LOGIN, {"login": user.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in response.text


def test_profile_needs_sign_in(client):
    response = client.get("/konto/profil/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_profile_shows_own_public_name_and_addresses(client, user):
    other = UserFactory()
    client.force_login(user)
    html = client.get("/konto/profil/").text
    assert user.username in html
    assert user.email in html
    assert other.email not in html
    assert 'href="/konto/email/"' in html
    assert 'href="/konto/password/change/"' in html


def test_sign_out_is_a_post(client, user):
    client.force_login(user)
    response = client.post("/konto/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    "path",
    [
        "/konto/login/",
        "/konto/signup/",
        "/konto/password/reset/",
        "/konto/confirm-email/",
        "/konto/email/",
        "/konto/password/change/",
    ],
)
def test_account_pages_speak_formal_german(client, user, path):
    if path in {"/konto/email/", "/konto/password/change/"}:
        client.force_login(user)
    html = client.get(path).text
    assert "KLmitWirkung" in html
    text = re.sub(r"<[^>]+>", " ", html)
    assert not re.search(r"\b(du|dein|deine|deinen|dich|dir)\b", text, re.IGNORECASE)
