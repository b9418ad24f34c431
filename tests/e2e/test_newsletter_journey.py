"""A visitor without an account subscribes to the newsletter and confirms by the link in the
mail; an editor writes and sends an issue in the admin; the subscriber gets it and leaves
with the link in it, without signing in."""

import re

import pytest
from django.core import mail

from newsletter.models import Issue, Subscriber
from tests.accounts.factories import PASSWORD, UserFactory
from tests.e2e.conftest import enter_second_factor

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SUBJECT = "Neues aus KLmitWirkung im Mai"


def path_of(link):
    return link[link.index("/newsletter/") :]


def test_subscribe_confirm_receive_an_issue_and_unsubscribe(browser, journey, live_server):
    from tests.e2e.conftest import Journey

    # A visitor subscribes.
    page = journey.page
    journey.visit("/")
    page.get_by_role("link", name="Newsletter", exact=True).click()
    journey.check_page()
    page.get_by_label("E-Mail-Adresse*", exact=True).fill("leserin@example.org")
    page.get_by_role("button", name="Abonnieren").click()
    journey.check_page()  # the form asks for the consent first
    assert not Subscriber.objects.exists()
    page.get_by_label("Ich möchte den Newsletter von KLmitWirkung").check()
    page.get_by_role("button", name="Abonnieren").click()
    page.wait_for_url("**/newsletter/bitte-bestaetigen/")
    journey.check_page()
    assert Subscriber.objects.get().confirmed_at is None

    # The link from the mail: opening only asks; the button confirms.
    [confirmation] = mail.outbox
    assert confirmation.to == ["leserin@example.org"]
    link = re.search(r"(http\S+/newsletter/bestaetigen/\S+/)", confirmation.body).group(1)
    journey.visit(path_of(link))
    assert Subscriber.objects.get().confirmed_at is None
    page.get_by_role("button", name="Abonnement bestätigen").click()
    journey.check_page()
    assert page.get_by_role(
        "heading", name="Vielen Dank! Ihr Abonnement ist bestätigt"
    ).is_visible()
    assert Subscriber.objects.get().confirmed_at is not None

    # An editor writes the issue, previews it and sends it.
    editor = UserFactory(
        username="Redakteurin", email="redaktion@example.org", is_staff=True, groups=["Redaktion"]
    )
    context = browser.new_context(locale="de-DE")
    staff = Journey(context.new_page(), live_server.url)
    staff.page.set_default_timeout(10_000)
    admin = staff.page
    staff.visit("/konto/login/?next=/admin/")
    admin.get_by_label("E-Mail-Adresse*", exact=True).fill(editor.email)
    admin.get_by_label("Passwort*", exact=True).fill(PASSWORD)
    admin.get_by_role("button", name="Anmelden").click()
    enter_second_factor(staff)
    admin.wait_for_url("**/admin/")
    staff.check_page()
    admin.get_by_role("link", name="Newsletter-Ausgaben").click()
    staff.check_page()
    admin.get_by_role("link", name="Newsletter-Ausgabe hinzufügen").click()
    staff.check_page()
    admin.get_by_label("Betreff [de]:").fill(SUBJECT)
    admin.get_by_label("Text [de]:", exact=True).fill(
        "Liebe Leser:innen,\n\ndie zweite Runde von Stadt.Raum.Wir. hat begonnen."
    )
    admin.get_by_role("button", name="Sichern", exact=True).click()
    staff.check_page()
    issue = Issue.objects.get(subject=SUBJECT)
    admin.get_by_role("link", name="Vorschau").click()
    staff.check_page()
    assert admin.get_by_text(
        "die zweite Runde von Stadt.Raum.Wir. hat begonnen."
    ).first.is_visible()
    admin.go_back()
    admin.get_by_role("link", name="An 1 Abonnent:in senden").click()
    staff.check_page()
    assert mail.outbox == [confirmation]
    admin.get_by_role("button", name="Jetzt an 1 Abonnent:in senden").click()
    staff.check_page()
    issue.refresh_from_db()
    assert issue.sent_by == editor
    assert issue.recipient_count == 1
    assert admin.get_by_role("link", name="An 1 Abonnent:in senden").count() == 0
    context.close()

    # The subscriber gets the issue and unsubscribes with its link, without signing in.
    newsletter = mail.outbox[-1]
    assert newsletter.to == ["leserin@example.org"]
    assert newsletter.subject == f"[KLmitWirkung] {SUBJECT}"
    link = re.search(r"(http\S+/newsletter/abbestellen/\S+/)", newsletter.body).group(1)
    assert newsletter.extra_headers["List-Unsubscribe"] == f"<{link}>"
    journey.visit(path_of(link))
    assert Subscriber.objects.exists()
    page.get_by_role("button", name="Abbestellen").click()
    journey.check_page()
    assert page.get_by_role("heading", name="Abbestellt").is_visible()
    assert not Subscriber.objects.exists()
