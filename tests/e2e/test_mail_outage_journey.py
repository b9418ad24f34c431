"""The mail server is down while a newcomer signs up: the newcomer sees the usual next
step, an administrator finds the waiting mail under „E-Mails“ and sends it again once the
server is back, and the link in it works. Real SMTP to a sink of the test's own."""

import email
import email.policy
import re

import pytest

from accounts.models import User
from outbox.models import Mail
from tests.accounts.factories import PASSWORD, UserFactory
from tests.e2e.conftest import enter_second_factor

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_mail_held_up_by_the_server_is_sent_again_from_the_admin(journey, new_tab, smtp_sink):
    page = journey.page
    journey.visit("/konto/signup/")
    page.get_by_label("E-Mail-Adresse*", exact=True).fill("neu@example.org")
    page.get_by_label("Öffentlicher Name*", exact=True).fill("Neue_Lauterin")
    page.get_by_label("Passwort*", exact=True).fill("Pfaelzerwald-2026")
    page.get_by_label("Passwort (wiederholen)*", exact=True).fill("Pfaelzerwald-2026")
    page.get_by_role("button", name="Registrieren").click()
    journey.check_page()
    assert page.get_by_role("heading", name="Bestätigen Sie Ihre E-Mail-Adresse").is_visible()
    assert User.objects.filter(email="neu@example.org").count() == 1
    assert smtp_sink.received == []

    admin = UserFactory(is_staff=True, is_superuser=True, email="admin@example.org")
    desk = new_tab()
    desk.visit("/konto/login/")
    desk.page.get_by_label("E-Mail-Adresse*", exact=True).fill(admin.email)
    desk.page.get_by_label("Passwort*", exact=True).fill(PASSWORD)
    desk.page.get_by_role("button", name="Anmelden").click()
    enter_second_factor(desk)
    desk.page.wait_for_url("**/admin/")
    desk.check_page()
    # The admin's start page lists them under „E-Mails“.
    desk.page.locator('a[href="/admin/outbox/mail/"]').filter(has_text="E-Mails").first.click()
    desk.check_page()
    row = desk.page.get_by_role("row").filter(has_text="neu@example.org")
    assert "wartet" in row.inner_text()

    smtp_sink.accepting = True
    row.get_by_role("checkbox").check()
    desk.page.get_by_label("Aktion:").select_option(label="Erneut senden")
    desk.page.get_by_role("button", name="Ausführen").click()
    desk.check_page()
    assert desk.page.get_by_text("1 E-Mail wird erneut gesendet.").is_visible()
    assert Mail.objects.get().status == Mail.Status.SENT

    [raw] = smtp_sink.received
    text = (
        email.message_from_string(raw, policy=email.policy.default)
        .get_body(preferencelist=("plain",))
        .get_content()
    )
    link = re.search(r"/konto/confirm-email/\S+/", text).group(0)
    journey.visit(link)
    page.get_by_role("button", name="Bestätigen").click()
    journey.check_page()
    assert User.objects.get(email="neu@example.org").emailaddress_set.get().verified
