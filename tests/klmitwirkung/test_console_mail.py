"""Mails printed to the terminal in development read as sent: whole links, real umlauts."""

import io
import os
import re
import subprocess
import sys

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings as django_settings
from django.core.mail import EmailMultiAlternatives

pytestmark = pytest.mark.django_db


@pytest.fixture
def terminal(settings):
    """What the development mailer prints, as `make run` shows it."""
    stream = io.StringIO()
    settings.MAILERS = {
        "default": {
            "BACKEND": "core.console_mail.EmailBackend",
            "OPTIONS": {"stream": stream},
        }
    }
    return stream


def test_the_printed_confirmation_link_is_whole_and_works(client, terminal, committed):
    with committed():
        client.post(
            "/konto/signup/",
            {
                "email": "neu@example.org",
                "username": "Neue_Lauterin",
                "password1": "Pfaelzerwald-2026",
                "password2": "Pfaelzerwald-2026",
            },
        )
    printed = terminal.getvalue()

    assert "Subject: [KLmitWirkung] Bitte bestätigen Sie Ihre E-Mail-Adresse" in printed
    assert "Mit freundlichen Grüßen" in printed
    assert "quoted-printable" not in printed
    # The whole link on the line where the sentence asks to open it.
    [link] = re.findall(r"Link: https?://testserver(/konto/confirm-email/\S+/)$", printed, re.M)
    client.post(link)
    assert EmailAddress.objects.get(email="neu@example.org").verified


def test_a_long_link_and_umlauts_in_both_parts_and_headers_are_printed_as_written(terminal):
    link = "http://127.0.0.1:8000/konto/abbestellen/" + "eyJ1IjozLCJrIjoicHJvcG9zYWxzIn0" * 4
    message = EmailMultiAlternatives(
        subject="Neuigkeiten zum Vorschlag „Überdachte Fahrradbügel“",
        body=f"Grüße aus Kaiserslautern\n{link}\n",
        to=["Jürgen Müller <buergerin@example.org>"],
        headers={"List-Unsubscribe": f"<{link}>"},
    )
    message.attach_alternative(f'<p>Grüße <a href="{link}">Abbestellen</a></p>', "text/html")
    message.send()
    printed = terminal.getvalue()

    assert "Subject: Neuigkeiten zum Vorschlag „Überdachte Fahrradbügel“" in printed
    assert "To: Jürgen Müller <buergerin@example.org>" in printed
    assert f"List-Unsubscribe: <{link}>" in printed
    assert f"\nGrüße aus Kaiserslautern\n{link}\n" in printed
    assert f'<p>Grüße <a href="{link}">Abbestellen</a></p>' in printed
    assert "=C3=BC" not in printed


def test_mails_over_smtp_keep_their_seven_bit_encoding(terminal):
    """Only the terminal gets 8 bits; what a mail server gets stays as Django builds it."""
    message = EmailMultiAlternatives(subject="Grüße", body="Grüße " + "x" * 100, to=["a@b.de"])
    message.send()

    assert "Grüße " + "x" * 100 in terminal.getvalue()
    assert message.message().as_bytes().isascii()


def site_url(**env):
    """SITE_URL as the settings module works it out in a process of its own."""
    clean = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "EMAIL_", "SITE_URL"))
    }
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.SITE_URL)",
        ],
        env={**clean, "DJANGO_SETTINGS_MODULE": "klmitwirkung.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        cwd=django_settings.BASE_DIR,
    )
    return result.stdout.strip()


def test_in_development_links_in_background_mails_point_to_the_port_served():
    assert site_url(DJANGO_DEBUG="1", DJANGO_PORT="8123") == "http://127.0.0.1:8123"
    assert site_url(DJANGO_DEBUG="1") == "http://127.0.0.1:8000"


def test_an_explicit_site_url_wins():
    assert (
        site_url(DJANGO_DEBUG="1", DJANGO_PORT="8123", SITE_URL="https://test.example.org/")
        == "https://test.example.org"
    )
