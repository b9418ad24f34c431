"""A citizen in Chromium follows a project, hears about its new poll by e-mail, and turns
those mails off with the link in the mail, without signing in."""

import re

import pytest
from django.core import mail
from django.db import transaction

from accounts.models import User
from polls.services import announce_poll
from tests.accounts.factories import PASSWORD, UserFactory
from tests.polls.factories import PollFactory
from tests.projects.factories import ProjectFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_follow_a_project_get_a_mail_about_its_new_poll_and_unsubscribe(
    browser, journey, migration_data
):
    from tests.e2e.conftest import Journey

    project = ProjectFactory(title="Stadt.Raum.Wir.", slug="stadt-raum-wir")
    citizen = UserFactory(username="Lauterin", email="lauterin@example.org")
    page = journey.page
    journey.visit(f"/konto/login/?next={project.get_absolute_url()}")
    page.get_by_label("E-Mail-Adresse*", exact=True).fill(citizen.email)
    page.get_by_label("Passwort*", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(f"**{project.get_absolute_url()}")
    journey.check_page()
    page.get_by_role("button", name="Projekt folgen").click()
    journey.check_page()
    assert page.get_by_role("button", name="Nicht mehr folgen").is_visible()

    # Staff publish a poll in the project: the follower gets one mail.
    poll = PollFactory(project=project, title="Was kommt auf den Platz?")
    with transaction.atomic():
        announce_poll(poll=poll)
    assert [message.to for message in mail.outbox] == [[citizen.email]]
    link = re.search(r"(http\S+/konto/abbestellen/\S+/)", mail.outbox[0].body).group(1)
    path = link[link.index("/konto/") :]

    # The link in the mail works in another browser, without signing in.
    context = browser.new_context(locale="de-DE")
    stranger = Journey(context.new_page(), journey.base_url)
    stranger.visit(path)
    assert User.objects.get(pk=citizen.pk).notify_followed_projects  # opening changes nothing
    stranger.page.get_by_role("button", name="Abbestellen").click()
    stranger.check_page()
    assert not User.objects.get(pk=citizen.pk).notify_followed_projects
    context.close()
