"""A document to comment on in Chromium: a citizen comments on a paragraph by keyboard,
another on a chapter without JavaScript; the moderators release both, the city responds;
the citizen reads the response under the comment; the Abwägungstabelle is filtered and
downloaded as a Word table."""

import docx
import pytest

from comments.models import Comment
from documents.importing import Block, Draft, Section
from documents.models import Outcome
from documents.services import respond
from moderation.models import Decision
from moderation.services import decide
from tests.accounts.factories import UserFactory
from tests.documents.factories import published
from tests.e2e.conftest import Journey

from .test_polls_journey import focus_next
from .test_proposals_journey import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def document(migration_data):
    return published(title="Leitlinien für Bürgerbeteiligung", slug="leitlinien")


def test_comment_by_keyboard_and_without_javascript_then_read_the_responses(
    new_tab, browser, live_server, document
):
    UserFactory(email="tastatur@example.org", username="Tastatur")
    UserFactory(email="ohne-js@example.org", username="OhneJS")
    moderator = UserFactory(is_staff=True, groups=["Moderation"])
    path = document.get_absolute_url()

    # By keyboard: from the text to the margin link of paragraph 2, then the comment form.
    citizen = new_tab()
    sign_in(citizen, "tastatur@example.org", path)
    page = citizen.page
    focus_next(page, "document.activeElement.closest('#absatz-2 .document-margin') !== null")
    page.keyboard.press("Enter")
    page.wait_for_url("**/fassung-1/absatz-2/#kommentare")
    citizen.check_page()
    assert page.get_by_role("heading", name="Absatz 2", level=1).is_visible()
    focus_next(page, "document.activeElement.tagName === 'TEXTAREA'")
    page.keyboard.type("Bitte auch Menschen ohne Internet erreichen.")
    focus_next(page, "document.activeElement.textContent.trim() === 'Kommentar absenden'")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_text("sobald die Moderation ihn freigegeben hat").is_visible()
    citizen.check_page()

    # Without JavaScript: a comment on the first chapter.
    context = browser.new_context(locale="de-DE", java_script_enabled=False)
    try:
        plain_page = context.new_page()
        plain_page.set_default_timeout(10_000)
        plain = Journey(plain_page, live_server.url, run_axe=False)
        chapter = document.current_version.chapters.get(position=1)
        chapter.version.document = document
        sign_in(plain, "ohne-js@example.org", chapter.get_absolute_url())
        plain_page.get_by_label("Ihr Kommentar").fill("Das Kapitel ist zu allgemein.")
        plain_page.get_by_role("button", name="Kommentar absenden").click()
        plain.check_page()
        assert plain_page.get_by_text("Das Kapitel ist zu allgemein.").is_visible()
    finally:
        context.close()

    # The moderators release both, the city responds to each.
    editor = UserFactory(is_staff=True, groups=["Redaktion"])
    for comment, outcome in zip(
        Comment.objects.order_by("pk"), [Outcome.ADOPTED, Outcome.NOT_ADOPTED], strict=True
    ):
        decide(
            contribution=comment,
            moderator=moderator,
            kind=Decision.Kind.RELEASED,
            seen_revision=comment.revision,
        )
        respond(comment=comment, outcome=outcome, reason=f"Begründung {outcome}.", by=editor)

    # The citizen reads the response under the comment; the margin counts it.
    citizen.visit(path)
    assert page.locator("#absatz-2 .document-margin").inner_text().startswith("1 Kommentar")
    page.locator("#absatz-2 .document-margin a").click()
    citizen.check_page()
    response = page.locator(".comment-response")
    assert "Übernommen" in response.inner_text() or "übernommen" in response.inner_text()
    assert "Begründung adopted." in response.inner_text()

    # The Abwägungstabelle: filtered by response, downloaded as a Word table.
    page.get_by_role("link", name="Leitlinien für Bürgerbeteiligung").first.click()
    page.get_by_role("link", name="Alle Kommentare mit der Abwägung der Stadt").click()
    citizen.check_page()
    assert page.get_by_role("table").get_by_text("Das Kapitel ist zu allgemein.").is_visible()
    page.get_by_label("Abwägung").select_option(label="Nicht übernommen")
    page.get_by_role("button", name="Anzeigen").click()
    citizen.check_page()
    table = page.get_by_role("table")
    assert table.get_by_text("Das Kapitel ist zu allgemein.").is_visible()
    assert table.get_by_text("Bitte auch Menschen ohne Internet erreichen.").count() == 0
    with page.expect_download() as download:
        page.get_by_role("link", name="Als Word-Tabelle herunterladen (.docx)").click()
    word = docx.Document(str(download.value.path()))
    texts = [cell.text for row in word.tables[0].rows for cell in row.cells]
    assert "Bitte auch Menschen ohne Internet erreichen." in texts
    assert "Das Kapitel ist zu allgemein." in texts
    assert "tastatur@example.org" not in " ".join(texts)


def test_the_next_version_shows_what_changed_and_why(journey, document):
    paragraph = document.current_version.paragraphs.get(position=1)
    comment = Comment.objects.create(
        target=paragraph,
        author=UserFactory(),
        text="Früher anfangen!",
        moderation_state="published",
    )
    respond(
        comment=comment,
        outcome=Outcome.ADOPTED,
        reason="Ja.",
        by=UserFactory(is_staff=True, groups=["Redaktion"]),
    )
    sections = [
        Section(
            title=section.title,
            blocks=[
                Block(text=p.text, kind=p.kind, marker=p.marker) for p in section.paragraphs.all()
            ],
        )
        for section in document.current_version.chapters.all()
    ]
    sections[0].blocks[0].text = sections[0].blocks[0].text.replace("früh", "sehr früh")
    published(document, number=2, draft=Draft(sections=sections))
    new = document.current_version.paragraphs.get(position=1)
    new.prompted_by.add(comment)

    journey.visit(document.get_absolute_url())
    page = journey.page
    page.get_by_role("link", name="Alle Änderungen in Fassung 2").click()
    journey.check_page()
    change = page.locator("#absatz-1")
    assert "sehr" in change.locator("ins").inner_text()
    assert change.locator("del").count() == 0
    assert "Früher anfangen!" in change.inner_text()
    change.get_by_role("link", name=f"Kommentar Nr. {comment.pk} zu Absatz 1").click()
    journey.check_page()
    assert page.get_by_text("Früher anfangen!").is_visible()
