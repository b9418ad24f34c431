"""Editors in Chromium at 1280 × 800: from the public header into the admin, a project with a
phase and an image, a poll with a question and its choices, and the lists of both. Every
admin page is checked with axe-core and speaks German, its JavaScript widgets included."""

import io
import re

import pytest
from django.utils import timezone
from PIL import Image

from polls.models import Poll
from projects.models import Project
from tests.accounts.factories import PASSWORD, UserFactory
from tests.e2e.conftest import enter_second_factor
from tests.polls.factories import PaperBatchFactory, poll_with_questions
from tests.projects.factories import ProjectFactory, TopicFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# What Django's admin shows in English where its German catalogues lack a string.
ENGLISH = re.compile(
    r"\b(Today|Yesterday|Tomorrow|Choose|Remove|Note|Run|Filter by|Select an option|Search)\b"
)
MONTH = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
         "Oktober", "November", "Dezember"]  # fmt: skip


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 4), "teal").save(buffer, "PNG")
    return {"name": "platz.png", "mimeType": "image/png", "buffer": buffer.getvalue()}


def german_today():
    today = timezone.localdate()
    return f"{today.day}. {MONTH[today.month - 1]} {today.year}"


def assert_german(journey):
    """No English of Django's admin in the page's text nor in its accessible names."""
    page = journey.page
    text = page.locator("body").inner_text()
    names = page.evaluate(
        """() => [...document.querySelectorAll('[aria-label], img[alt]')]
              .map(e => e.getAttribute('aria-label') || e.getAttribute('alt'))"""
    )
    english = ENGLISH.findall(text) + [name for name in names if ENGLISH.search(name)]
    assert not english, f"English on {page.url}: {english}"


@pytest.fixture
def editors_desk(migration_data, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    editor = UserFactory(
        username="Redakteurin", email="redaktion@example.org", is_staff=True, groups=["Redaktion"]
    )
    TopicFactory(name="Mobilität", slug="mobilitaet")
    society = TopicFactory(name="Gesellschaft", slug="gesellschaft")
    ProjectFactory(title="Stadt.Raum.Wir.", slug="stadt-raum-wir", topics=[society])
    poll = poll_with_questions(title="Was kommt auf den Platz?", slug="platz")
    PaperBatchFactory(poll=poll, entered_by=UserFactory(is_staff=True, groups=["Redaktion"]))
    return editor


@pytest.fixture
def desk(browser, live_server):
    from tests.e2e.conftest import Journey

    # An editor whose computer runs on UTC: the admin's note on time zones shows.
    context = browser.new_context(
        locale="de-DE", timezone_id="UTC", viewport={"width": 1280, "height": 800}
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield Journey(page, live_server.url)
    context.close()


def test_editor_walks_the_project_and_poll_forms_in_german(desk, editors_desk):
    page = desk.page

    # Signing in, staff land on the admin; the public header leads back to it.
    desk.visit("/konto/login/")
    page.get_by_label("E-Mail-Adresse*", exact=True).fill(editors_desk.email)
    page.get_by_label("Passwort*", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    enter_second_factor(desk)
    page.wait_for_url("**/admin/")
    desk.check_page()
    desk.visit("/projekte/")
    page.get_by_role("link", name="Verwaltung", exact=True).click()
    page.wait_for_url("**/admin/")
    desk.check_page()

    # The project list: the action bar and the filters in German.
    desk.visit("/admin/projects/project/")
    assert_german(desk)
    assert page.get_by_role("button", name="Ausführen").is_visible()
    assert page.get_by_label("Aktion:").locator("option").first.inner_text() == "– bitte wählen –"
    assert page.get_by_text("Nach Themenfelder", exact=True).is_visible()

    # A new project: topics as checkboxes, an image, a phase of the timeline.
    page.get_by_role("link", name="Projekt hinzufügen").click()
    desk.check_page()
    assert_german(desk)
    page.locator("#id_title_de").fill("Neue Mitte")
    page.locator("#id_title_en").fill("New centre")
    page.get_by_label("Mobilität").check()
    page.get_by_label("Kurzbeschreibung [de]:").fill("Ein Platz für alle.")
    page.get_by_label("Kurzbeschreibung [en]:").fill("A square for everyone.")
    # The project's own image: its milestones below have image fields of their own.
    image = page.get_by_role("group", name="Bild", exact=True)
    image.get_by_label("Bild:", exact=True).set_input_files(png())
    image.get_by_label("Bildbeschreibung:").fill("Ein leerer Platz in der Innenstadt")
    image.get_by_label("Bildnachweis:").fill("Foto: Stadt Kaiserslautern")
    page.get_by_role("button", name="Phase hinzufügen").click()
    desk.check_page()
    phase = page.locator("#phases-0")
    phase.get_by_label("Titel [de]").fill("Bürgerwerkstatt")
    # One „Heute“ for the start and one for the end, each with the date in German.
    today = phase.get_by_role("button", name=f"Heute ({german_today()})")
    assert today.count() == 2
    today.first.click()
    phase.get_by_label("Ende").fill("31.12.2099")
    # The editor's computer is an hour or two behind Kaiserslautern: told so in German.
    assert page.get_by_text(
        "Hinweis: Bitte geben Sie Uhrzeiten in der Zeitzone Europe/Berlin ein."
    ).first.is_visible()
    page.get_by_role("button", name="Sichern und weiter bearbeiten").click()
    desk.check_page()
    assert_german(desk)
    project = Project.objects.get(title="Neue Mitte")
    assert [p.title for p in project.phases.all()] == ["Bürgerwerkstatt"]
    assert project.phases.get().start == timezone.localdate()
    assert [t.name for t in project.topics.all()] == ["Mobilität"]
    assert project.image.name.startswith("projects/platz")
    assert project.credit_line == "Foto: Stadt Kaiserslautern"
    assert page.get_by_text("Derzeit:").is_visible()

    # A new poll with a question, then its choices (with their images).
    desk.visit("/admin/polls/poll/add/")
    assert_german(desk)
    page.get_by_label("Titel [de]:", exact=True).fill("Neue Mitte: Was zuerst?")
    page.get_by_label("Titel [en]:", exact=True).fill("New centre: what first?")
    opens = page.locator(".field-opens_at")
    opens.get_by_role("button", name=f"Heute ({german_today()})").click()
    opens.get_by_role("button", name="Jetzt").click()
    page.locator("#id_closes_at_0").fill("31.12.2099")
    page.locator("#id_closes_at_1").fill("18:00")
    questions = page.locator("#questions-group")
    questions.get_by_label("Frage [de]", exact=True).first.fill("Was soll zuerst kommen?")
    questions.get_by_label("Frage [en]", exact=True).first.fill("What should come first?")
    page.get_by_role("button", name="Sichern und weiter bearbeiten").click()
    desk.check_page()
    assert_german(desk)
    poll = Poll.objects.get(title="Neue Mitte: Was zuerst?")
    assert poll.questions.get().text == "Was soll zuerst kommen?"
    page.get_by_role("link", name="Antwortmöglichkeiten bearbeiten (0)").click()
    desk.check_page()
    assert_german(desk)
    choices = page.locator("#choices-group")
    choices.get_by_label("Bezeichnung [de]", exact=True).first.fill("Ein Brunnen")
    choices.get_by_label("Bezeichnung [en]", exact=True).first.fill("A fountain")
    choices.get_by_label("Bild", exact=True).first.set_input_files(png())
    choices.get_by_label("Bildbeschreibung", exact=True).first.fill("Ein Brunnen aus Sandstein")
    choices.get_by_label("Bildnachweis", exact=True).first.fill("Foto: Stadt Kaiserslautern")
    page.get_by_role("button", name="Sichern", exact=True).click()
    page.wait_for_url(f"**/admin/polls/poll/{poll.pk}/change/")
    desk.check_page()
    assert [c.label for c in poll.questions.get().choices.all()] == ["Ein Brunnen"]
    assert [c.label_en for c in poll.questions.get().choices.all()] == ["A fountain"]
    assert poll.questions.get().choices.get().image_credit == "Foto: Stadt Kaiserslautern"
    assert poll.title_en == "New centre: what first?"

    # The poll list and the paper batches with their filters.
    desk.visit("/admin/polls/poll/")
    assert_german(desk)
    assert page.get_by_role("button", name="Ausführen").is_visible()
    assert page.get_by_text("Nach Status", exact=True).is_visible()
    desk.visit("/admin/polls/paperbatch/")
    assert_german(desk)
    assert page.get_by_role("navigation", name="Nach „gesammelt am“ filtern").is_visible()
