"""Notifications in Chromium: a citizen's comment is answered, the answer waits for release,
then she hears of it by e-mail and follows the link; she chooses her mails in the profile,
and the link in a mail switches off only its own kind, without signing in."""

import re

import pytest
from django.core import mail
from django.db import transaction

from accounts.models import User
from comments.models import Comment
from moderation.services import release
from tests.accounts.factories import UserFactory
from tests.comments.factories import CommentFactory
from tests.e2e.test_proposals_journey import sign_in
from tests.projects.factories import ProjectFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def link_in(message, part):
    return re.search(rf"(https?://\S*{part}\S*)", message.body).group(1)


def local(url):
    return url[url.index("/", len("https://")) :]


def test_a_reply_is_told_by_mail_and_each_kind_of_mail_can_be_switched_off(new_tab):
    project = ProjectFactory(title="Smarte Parkplätze", slug="smarte-parkplaetze")
    anna = UserFactory(username="Anna", email="anna@example.org")
    bernd = UserFactory(username="Bernd", email="bernd@example.org")
    moderator = UserFactory(is_staff=True, groups=["Moderation"])
    comment = CommentFactory(target=project, author=anna, text="Wo sind die Sensoren?")

    # Bernd answers in the browser; with pre-moderation the answer waits, nobody is told.
    replier = new_tab()
    sign_in(replier, bernd.email, project.get_absolute_url())
    replier.page.locator(f"#kommentar-{comment.pk}").get_by_role("link", name="Antworten").click()
    replier.check_page()
    replier.page.get_by_label("Ihre Antwort").fill("Unter dem Asphalt am Pfaffplatz.")
    replier.page.get_by_role("button", name="Antwort absenden").click()
    replier.check_page()
    reply = Comment.objects.get(author=bernd)
    assert reply.is_pending and mail.outbox == []

    # Released: Bernd hears of the release, Anna of the answer.
    with transaction.atomic():
        release(contribution=reply, moderator=moderator, seen_revision=reply.revision)
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {anna.email, bernd.email}
    assert by_recipient[bernd.email].subject == "[KLmitWirkung] Ihr Beitrag wurde freigegeben"
    to_anna = by_recipient[anna.email]
    assert to_anna.subject == "[KLmitWirkung] Bernd hat auf Ihren Kommentar geantwortet"

    # The link in the mail leads to the answer.
    citizen = new_tab()
    sign_in(citizen, anna.email, "/konto/profil/")
    citizen.visit(local(link_in(to_anna, "#kommentar-")))
    assert (
        citizen.page.locator(f"#kommentar-{reply.pk}")
        .get_by_text("Unter dem Asphalt am Pfaffplatz.")
        .is_visible()
    )

    # In the profile she switches off the news on proposals, and keeps the rest.
    citizen.visit("/konto/profil/")
    citizen.page.get_by_label(
        "Neues zu Vorschlägen, die ich gemacht habe oder unterstütze"
    ).uncheck()
    citizen.page.get_by_role("button", name="Benachrichtigungen speichern").click()
    citizen.check_page()
    assert citizen.page.get_by_text("Ihre Benachrichtigungen wurden gespeichert.").is_visible()
    anna.refresh_from_db()
    assert not anna.notify_proposal_updates and anna.notify_replies

    # The unsubscribe link of the reply mail, opened without signing in, stops only replies.
    stranger = new_tab()
    stranger.visit(local(link_in(to_anna, "/konto/abbestellen/")))
    stranger.page.get_by_role("button", name="Abbestellen").click()
    stranger.check_page()
    assert stranger.page.get_by_text("E-Mails zu Antworten auf Ihre Kommentare").is_visible()
    anna = User.objects.get(pk=anna.pk)
    assert not anna.notify_replies
    assert anna.notify_moderation and anna.notify_followed_projects and anna.notify_poll_results

    citizen.visit("/konto/profil/")
    assert not citizen.page.get_by_label("Antworten auf meine Kommentare").is_checked()
    assert citizen.page.get_by_label("Freigabe meiner Beiträge").is_checked()
