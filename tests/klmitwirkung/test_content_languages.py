"""What editors write in German and English, and what a reader of /en/ sees where they did not.

Texts come from django-modeltranslation's `<field>_de` / `<field>_en`; where the English is
missing the German is shown, marked `lang="de"` and with a note, never silently.
"""

import re

import pytest
from django.utils import translation

from pages.models import Page
from polls.models import Choice
from tests.polls.factories import PollFactory, QuestionFactory
from tests.projects.factories import PhaseFactory, ProjectFactory

pytestmark = pytest.mark.django_db

NOTE = "Only available in German"


def test_an_english_version_is_shown_under_en(client):
    project = ProjectFactory(
        title="Smarte Parkplätze",
        title_en="Smart parking",
        teaser="Freie Plätze sehen.",
        teaser_en="See free spaces.",
        body="<p>Sensoren zeigen freie Plätze.</p>",
        body_en="<p>Sensors show free spaces.</p>",
    )
    english = client.get(f"/en/projekte/{project.slug}/").content.decode()
    assert "<h1>Smart parking</h1>" in english
    assert "Sensors show free spaces." in english
    assert "Sensoren" not in english
    assert NOTE not in english
    german = client.get(f"/projekte/{project.slug}/").content.decode()
    assert "<h1>Smarte Parkplätze</h1>" in german
    assert "Sensoren zeigen freie Plätze." in german


def test_without_an_english_version_the_german_is_marked_and_explained(client):
    project = ProjectFactory(title="Gesundheitskiosk", body="<p>Beratung im Stadtteil.</p>")
    PhaseFactory(project=project, title="Beteiligung")
    english = client.get(f"/en/projekte/{project.slug}/").content.decode()
    assert '<h1 lang="de">Gesundheitskiosk</h1>' in english
    assert NOTE in english
    assert re.search(r'<div class="page-body" lang="de">\s*<p>Beratung im Stadtteil.</p>', english)
    assert '<h3 class="h6 mb-1" lang="de">Beteiligung</h3>' in english
    # German pages need neither.
    german = client.get(f"/projekte/{project.slug}/").content.decode()
    assert 'lang="de">Gesundheitskiosk' not in german
    assert "Nur auf Deutsch" not in german and NOTE not in german


def test_lists_mark_each_german_only_title(client):
    ProjectFactory(title="Nur deutsch")
    ProjectFactory(title="Zweisprachig", title_en="Bilingual")
    english = client.get("/en/projekte/").content.decode()
    assert 'class="stretched-link" lang="de">Nur deutsch</a>' in english
    assert 'class="stretched-link">Bilingual</a>' in english


def test_a_bilingual_ballot(client):
    poll = PollFactory(state="open", title="Was zuerst?", title_en="What first?")
    question = QuestionFactory(
        poll=poll, text="Welche Veranstaltung?", text_en="Which event?", kind="single"
    )
    Choice.objects.create(question=question, position=1, label="Lesung", label_en="Reading")
    Choice.objects.create(question=question, position=2, label="Roundnet")
    english = client.get(f"/en/abstimmungen/{poll.slug}/").content.decode()
    assert "<h1>What first?</h1>" in english
    assert "Which event?" in english
    assert "<li>Reading</li>" in english
    # A choice without English: in German, marked as such.
    assert '<li lang="de">Roundnet</li>' in english
    german = client.get(f"/abstimmungen/{poll.slug}/").content.decode()
    assert "Lesung" in german and "Reading" not in german


def test_a_page_without_english(client):
    Page.objects.create(
        slug="leichte-sprache",
        title="Leichte Sprache",
        body="<p>Hier ist alles einfach.</p>",
        is_published=True,
    )
    english = client.get("/en/leichte-sprache/").content.decode()
    assert '<h1 lang="de">Leichte Sprache</h1>' in english
    assert NOTE in english
    assert '<div lang="de"><p>Hier ist alles einfach.</p></div>' in english


def test_english_staff_html_is_sanitised_like_the_german(editor):
    project = ProjectFactory(
        body="<p>Gut</p><script>alert(1)</script>",
        body_en='<p onclick="x()">Good</p><script>alert(1)</script>',
    )
    with translation.override("de"):
        project.full_clean()
    assert project.body_de == "<p>Gut</p>"
    assert project.body_en == "<p>Good</p>"


def count_queries(client, django_assert_max_num_queries, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_english_costs_no_extra_query(client, django_assert_max_num_queries):
    for number in range(5):
        ProjectFactory(title=f"Projekt {number}", title_en=f"Project {number}" * (number % 2))
    german = count_queries(client, django_assert_max_num_queries, "/projekte/")
    english = count_queries(client, django_assert_max_num_queries, "/en/projekte/")
    assert german == english


# Citizens' contributions stay in the language they were written in.


def test_a_contribution_keeps_the_language_of_the_page_it_was_written_on(client, user):
    from comments.services import post_comment
    from proposals.services import submit_proposal
    from tests.projects.factories import TopicFactory

    project = ProjectFactory()
    with translation.override("en"):
        proposal = submit_proposal(
            author=user, title="More benches", description="Please.", topic=TopicFactory()
        )
        comment = post_comment(author=user, target=project, text="Good idea.")
    assert proposal.language == comment.language == "en"
    with translation.override("de"):
        german = post_comment(author=user, target=project, text="Gute Idee.")
    assert german.language == "de"


def test_pages_mark_a_contribution_in_another_language(client):
    from moderation.models import ModerationState
    from tests.comments.factories import CommentFactory
    from tests.proposals.factories import ProposalFactory

    proposal = ProposalFactory(
        title="Mehr Bänke", language="de", moderation_state=ModerationState.PUBLISHED
    )
    CommentFactory(
        target=proposal,
        text="Good idea.",
        language="en",
        moderation_state=ModerationState.PUBLISHED,
    )
    english = client.get(f"/en/vorschlaege/{proposal.pk}/").content.decode()
    assert '<h1 lang="de">Mehr Bänke</h1>' in english
    assert '<div class="comment-text">' in english  # English on an English page
    german = client.get(f"/vorschlaege/{proposal.pk}/").content.decode()
    assert "<h1>Mehr Bänke</h1>" in german
    assert '<div class="comment-text" lang="en">' in german
    listing = client.get("/en/vorschlaege/").content.decode()
    assert 'class="stretched-link" lang="de">Mehr Bänke</a>' in listing


def test_the_city_s_response_is_marked_with_the_language_it_was_written_in(client):
    from moderation.models import ModerationState
    from proposals.services import set_status
    from tests.accounts.factories import UserFactory
    from tests.proposals.factories import ProposalFactory

    staff = UserFactory(is_staff=True, is_superuser=True)
    proposal = ProposalFactory(moderation_state=ModerationState.PUBLISHED)
    with translation.override("en"):  # the admin under /en/admin/
        proposal = set_status(
            proposal=proposal, user=staff, status="under_review", response="We will check it."
        )
    assert proposal.response_language == "en"
    german = client.get(f"/vorschlaege/{proposal.pk}/").content.decode()
    assert re.search(r'<div class="page-body" lang="en">(<p>)?We will check it.', german)
    english = client.get(f"/en/vorschlaege/{proposal.pk}/").content.decode()
    assert re.search(r'<div class="page-body">(<p>)?We will check it.', english)
    # Withdrawn, the response has no language any more.
    proposal = set_status(proposal=proposal, user=staff, status="under_review", response="")
    assert proposal.response_language == ""


def test_an_image_s_german_alt_text_is_marked_german_on_english_pages(client, settings, tmp_path):
    from tests.images import png, with_renditions

    settings.MEDIA_ROOT = tmp_path
    project = with_renditions(ProjectFactory(image=png(), image_alt="Ein rotes Bild"))
    for path in ["/en/projekte/", f"/en/projekte/{project.slug}/"]:
        assert 'alt="Ein rotes Bild" lang="de"' in client.get(path).content.decode(), path
    for path in ["/projekte/", f"/projekte/{project.slug}/"]:
        html = client.get(path).content.decode()
        assert 'alt="Ein rotes Bild" width=' in html, path


# Results and feeds exist in both languages.


def test_the_results_csv_in_english(client, editor):
    import csv
    import io

    from tests.polls.test_views import poll_with_results

    poll = poll_with_results(editor)
    question = poll.questions.get(position=1)
    question.text_en = "Which event first?"
    question.save()
    response = client.get(f"/en/abstimmungen/{poll.slug}/ergebnisse.csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8"))))
    assert rows[0] == ["Question", "Answer", "Online", "Paper", "Total", "Share in percent"]
    assert rows[1][0] == "Participants"
    # Choices without English keep their German label; the question has its English text.
    assert ["Which event first?", "Lautern tanzt", "1", "2", "3", "75.0"] in rows


def test_the_news_feed_in_english(client):
    import xml.etree.ElementTree as ET

    from tests.projects.factories import ProjectUpdateFactory

    update = ProjectUpdateFactory(title="Tanzabend gewählt", title_en="Dance evening chosen")
    ProjectUpdateFactory(title="Nur deutsch")
    response = client.get("/en/projekte/neuigkeiten.xml")
    assert response.status_code == 200
    feed = ET.fromstring(response.content)
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    ns = {"atom": "http://www.w3.org/2005/Atom"}
    assert feed.find("atom:title", ns).text == "KLmitWirkung – news from the projects"
    titles = [entry.find("atom:title", ns).text for entry in feed.findall("atom:entry", ns)]
    assert f"{update.project.title}: Dance evening chosen" in titles
    assert any(title.endswith(": Nur deutsch") for title in titles)
    links = [entry.find("atom:link", ns).get("href") for entry in feed.findall("atom:entry", ns)]
    assert all("/en/projekte/" in link for link in links)
    german = ET.fromstring(client.get("/projekte/neuigkeiten.xml").content)
    assert german.get("{http://www.w3.org/XML/1998/namespace}lang") == "de"
