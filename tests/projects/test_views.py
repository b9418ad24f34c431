"""/projekte/, one project, the news feed and the start page, as visitors and staff see them."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from projects.models import Project

from .factories import PhaseFactory, ProjectFactory, ProjectUpdateFactory, TopicFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def days(n):
    return TODAY + datetime.timedelta(days=n)


@pytest.fixture
def catalogue():
    mobility = TopicFactory(name="Verkehr", slug="verkehr")
    data = TopicFactory(name="Datenplattform", slug="datenplattform")
    return {
        "bus": ProjectFactory(title="Busnetz", kind=Project.Kind.CITY, topics=[mobility]),
        "twin": ProjectFactory(
            title="Digitaler Zwilling", topics=[data], status=Project.Status.RUNNING
        ),
        "sensors": ProjectFactory(
            title="Sensornetz", topics=[data, mobility], status=Project.Status.COMPLETED
        ),
        "draft": ProjectFactory(title="Entwurf", topics=[data], is_published=False),
    }


def titles(response):
    return sorted(project.title for project in response.context["projects"])


def test_list_shows_published_projects_only(client, catalogue):
    response = client.get("/projekte/")
    assert titles(response) == ["Busnetz", "Digitaler Zwilling", "Sensornetz"]
    assert "Entwurf" not in response.text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("topic=verkehr", ["Busnetz", "Sensornetz"]),
        ("topic=datenplattform", ["Digitaler Zwilling", "Sensornetz"]),
        ("kind=city", ["Busnetz"]),
        ("kind=smart_city", ["Digitaler Zwilling", "Sensornetz"]),
        ("status=completed", ["Sensornetz"]),
        ("topic=datenplattform&status=running", ["Digitaler Zwilling"]),
        ("topic=verkehr&kind=city&status=running", ["Busnetz"]),
        ("topic=verkehr&kind=smart_city&status=running", []),
    ],
)
def test_filters_and_their_combinations(client, catalogue, query, expected):
    response = client.get(f"/projekte/?{query}")
    assert response.status_code == 200
    assert titles(response) == expected
    if not expected:
        assert "Kein Projekt passt zu diesem Filter." in response.text


@pytest.mark.parametrize(
    "query", ["topic=gibtsnicht", "kind=ufo", "status=%3Cscript%3E", "page=x"]
)
def test_unknown_filter_values_never_fail(client, catalogue, query):
    response = client.get(f"/projekte/?{query}")
    assert response.status_code in {200, 404}
    assert "<script>" not in response.text


def test_unknown_filter_value_is_named_at_its_field_and_ignored(client, catalogue):
    response = client.get("/projekte/?topic=gibtsnicht&kind=city")
    assert titles(response) == ["Busnetz"]
    assert 'aria-invalid="true"' in response.text


def test_filter_form_keeps_its_values_and_pagination_keeps_the_filter(client):
    topic = TopicFactory(name="Verkehr", slug="verkehr")
    for n in range(14):
        ProjectFactory(title=f"Projekt {n:02}", topics=[topic])
    response = client.get("/projekte/?topic=verkehr")
    assert '<option value="verkehr" selected>' in response.text
    assert 'href="?topic=verkehr&amp;page=2"' in response.text
    second = client.get("/projekte/?topic=verkehr&page=2")
    assert len(second.context["projects"]) == 2


def test_empty_state_without_projects(client):
    response = client.get("/projekte/")
    assert "Es sind noch keine Projekte veröffentlicht." in response.text


def test_cards_say_what_one_can_do_now(client):
    ProjectFactory(title="Offen", accepts_proposals=True, proposals_until=days(10))
    ProjectFactory(title="Vorbei", accepts_proposals=True, proposals_until=days(-1))
    html = client.get("/projekte/").text
    assert html.count("Vorschläge willkommen bis") == 1


def project_page_counts(client, django_assert_num_queries, number_of_news):
    project = ProjectFactory(topics=[TopicFactory(), TopicFactory()])
    PhaseFactory.create_batch(3, project=project)
    ProjectUpdateFactory.create_batch(number_of_news, project=project)
    client.get(project.get_absolute_url())  # content types for the discussion get cached
    with CaptureQueriesContext(connection) as queries:
        response = client.get(project.get_absolute_url())
    assert response.status_code == 200
    assert response.text.count('class="news-item') == number_of_news
    return len(queries)


def test_project_page_queries_do_not_grow_with_news(client, django_assert_num_queries):
    few = project_page_counts(client, django_assert_num_queries, 3)
    many = project_page_counts(client, django_assert_num_queries, 30)
    assert few == many


def make_projects(count):
    topics = [TopicFactory(), TopicFactory()]
    for _ in range(count):
        project = ProjectFactory(topics=topics, accepts_proposals=True)
        PhaseFactory(project=project)
        ProjectUpdateFactory(project=project)


@pytest.mark.parametrize("path", ["/projekte/", "/"])
def test_list_pages_use_the_same_queries_for_3_or_30_projects(client, path):
    make_projects(3)
    with CaptureQueriesContext(connection) as few:
        assert client.get(path).status_code == 200
    make_projects(27)
    with CaptureQueriesContext(connection) as many:
        assert client.get(path).status_code == 200
    assert len(few) == len(many)


def test_unpublished_project_is_404_except_for_staff(client, user, editor):
    draft = ProjectFactory(is_published=False)
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(user)
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(editor)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "Vorschau" in response.text


def test_project_page_shows_timeline_with_current_phase_and_news_newest_first(client):
    project = ProjectFactory()
    PhaseFactory(project=project, title="Werkstätten", start=days(-60), end=days(-30))
    PhaseFactory(project=project, title="Abstimmung", start=days(-5), end=days(5))
    PhaseFactory(project=project, title="Umsetzung", start=days(30), end=days(90))
    ProjectUpdateFactory(project=project, title="Ältere Nachricht", published_on=days(-20))
    ProjectUpdateFactory(project=project, title="Neue Nachricht", published_on=days(-2))
    ProjectUpdateFactory(project=project, title="Geplante Nachricht", published_on=days(3))
    html = client.get(project.get_absolute_url()).text
    timeline = html.split('id="timeline-heading"', 1)[1]
    assert (
        timeline.index("Werkstätten") < timeline.index("Abstimmung") < timeline.index("Umsetzung")
    )
    current = timeline.split('aria-current="step"', 1)[1]
    assert current.index("Abstimmung") < current.index("Umsetzung")
    assert html.count('aria-current="step"') == 1
    assert html.index("Neue Nachricht") < html.index("Ältere Nachricht")
    assert "Geplante Nachricht" not in html


def test_user_text_is_escaped_and_staff_html_sanitised(client):
    project = ProjectFactory(title="<script>alert(1)</script>", body="<p>ok</p>")
    Project.objects.filter(pk=project.pk).update(body="<p>ok</p><script>alert(2)</script>")
    html = client.get(project.get_absolute_url()).text
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_news_feed_lists_public_news_newest_first(client):
    ProjectUpdateFactory(title="Alt", published_on=days(-10))
    ProjectUpdateFactory(title="Neu", published_on=days(-1))
    ProjectUpdateFactory(title="Zukunft", published_on=days(5))
    ProjectUpdateFactory(title="Geheim", project=ProjectFactory(is_published=False))
    response = client.get("/projekte/neuigkeiten.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    ns = {"atom": "http://www.w3.org/2005/Atom"}
    entries = ET.fromstring(response.content).findall("atom:entry", ns)
    names = [e.find("atom:title", ns).text.split(": ", 1)[1] for e in entries]
    assert names == ["Neu", "Alt"]


def test_start_page_invites_to_take_part(client):
    ProjectFactory(title="Stadt.Raum.Wir.", accepts_proposals=True, proposals_until=days(20))
    ProjectFactory(title="Fertig", status=Project.Status.COMPLETED)
    ProjectUpdateFactory(title="Tanzabend gewählt")
    html = client.get("/").text
    take_part = html.split('id="take-part-heading"', 1)[1].split("</section>", 1)[0]
    assert "Stadt.Raum.Wir." in take_part
    current = html.split('id="projects-heading"', 1)[1].split("</section>", 1)[0]
    assert "Fertig" not in current
    assert "Tanzabend gewählt" in html
    assert 'href="/leichte-sprache/"' in html
    assert 'href="/gebaerdensprache/"' in html


def test_smart_city_projects_come_first(client):
    ProjectFactory(title="A-Vorhaben", kind=Project.Kind.CITY)
    ProjectFactory(title="Z-Projekt", kind=Project.Kind.SMART_CITY)
    projects = list(client.get("/projekte/").context["projects"])
    assert [p.title for p in projects] == ["Z-Projekt", "A-Vorhaben"]
