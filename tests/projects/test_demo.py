"""The demo content that `make run` loads: the eight Smart City projects, each current."""

import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from projects.models import Project, ProjectUpdate, Topic
from proposals.models import Proposal
from tests.images import with_renditions

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(seeded_demo, db, settings):
    settings.DEBUG = True  # for tests that seed again


def test_demo_has_eight_smart_city_projects_and_city_matters(demo):
    assert Project.objects.filter(kind=Project.Kind.SMART_CITY).count() == 8
    assert Project.objects.filter(kind=Project.Kind.CITY).count() >= 2
    assert Project.objects.filter(slug="stadt-raum-wir").exists()
    assert Topic.objects.count() == 10
    assert ProjectUpdate.objects.count() >= 15


def test_every_running_demo_project_has_exactly_one_current_phase(demo):
    today = timezone.localdate()
    for project in Project.objects.filter(status=Project.Status.RUNNING):
        current = project.phases.filter(start__lte=today, end__gte=today)
        assert current.count() == 1, project.title


def test_seeding_twice_changes_nothing(demo, settings):
    before = (Project.objects.count(), ProjectUpdate.objects.count())
    call_command("seed_demo", "--without-renditions", verbosity=0)
    assert (Project.objects.count(), ProjectUpdate.objects.count()) == before


def test_demo_project_pages_render(client, demo):
    for project in Project.objects.all():
        assert client.get(project.get_absolute_url()).status_code == 200
    response = client.get("/")
    assert "Stadt.Raum.Wir." in response.text


def test_every_demo_project_topic_phase_and_news_item_has_an_english_version(demo):
    for project in Project.objects.prefetch_related("phases", "updates"):
        assert project.title_en and project.teaser_en and project.body_en, project.slug
        assert project.body_en.startswith("<p><em>Example content for the demo.</em></p>")
        for phase in project.phases.all():
            assert phase.title_en and phase.description_en, (project.slug, phase.title_de)
        for update in project.updates.all():
            assert update.title_en and update.text_en, (project.slug, update.title_de)
    assert not Topic.objects.filter(name_en__isnull=True).exists()
    assert Topic.objects.get(name_de="Energie & Umwelt").name_en == "Energy & environment"


def test_english_project_page_shows_the_english_texts(client, demo):
    html = client.get("/en/projekte/digitaler-waermeatlas/").text
    assert "<h1>Digital Heat Atlas</h1>" in html
    assert "Example content for the demo." in html
    assert "Survey of the current situation" in html  # a phase
    assert "Heat demand map online" in html  # a news item
    assert "Energy &amp; environment" in html  # a topic
    assert "Only available in German" not in html
    assert "Wärmebedarf" not in html
    # German stays German.
    assert "<h1>Digitaler Wärmeatlas</h1>" in client.get("/projekte/digitaler-waermeatlas/").text


def test_seeding_under_english_still_writes_german_and_english_apart(demo):
    Project.objects.get(slug="digitale-lernorte").delete()
    proposal = Proposal.objects.filter(topic__name_de="Bildung").first()
    proposal.delete()
    with translation.override("en"):
        call_command("seed_demo", "--without-renditions", verbosity=0)
    project = Project.objects.get(slug="digitale-lernorte")
    assert (project.title_de, project.title_en) == ("Digitale Lernorte", "Digital Learning Spaces")
    assert list(project.topics.values_list("name_de", flat=True).order_by("name_de")) == [
        "Bildung",
        "Gesellschaft",
    ]
    assert Topic.objects.count() == 10
    # Demo proposals find their topic by its German name.
    assert Proposal.objects.get(title=proposal.title).topic.name_de == "Bildung"
    with translation.override("de"):
        assert Project.objects.get(slug="digitale-lernorte").title == "Digitale Lernorte"


def test_the_demo_has_a_heat_spot_map_with_released_and_waiting_entries(demo, client):
    from mapconsultations.models import Consultation

    consultation = Consultation.objects.get(slug="hitzeorte")
    assert consultation.is_open() and consultation.project.slug == "digitaler-waermeatlas"
    entries = consultation.entries.all()
    assert entries.published().count() == 7
    assert entries.pending().get().author.email == "buergerin@example.org"
    page = client.get(consultation.get_absolute_url()).text
    assert "7 Einträge" in page
    assert "Ein Trinkbrunnen in der Fußgängerzone" in page
    assert "Vor dem Rathaus fehlen Bäume." not in page
    english = client.get("/en" + consultation.get_absolute_url()).text
    assert "Heat spots downtown" in english


def test_the_demo_calendar_has_stands_a_workshop_and_an_evening_ahead(demo, client):
    from events.models import Event
    from polls.models import PaperBatch

    upcoming = Event.objects.published().upcoming()
    assert upcoming.filter(kind=Event.Kind.STAND).count() == 3
    assert upcoming.filter(kind=Event.Kind.WORKSHOP).count() == 1
    assert upcoming.filter(kind=Event.Kind.INFORMATION).count() == 1
    for event in upcoming:
        assert event.title_en and event.venue_en and event.accessibility_en, event.slug
        assert client.get(event.get_absolute_url()).status_code == 200
    # Every stand names the polls one can vote in on paper there, each of them open then.
    for stand in upcoming.filter(kind=Event.Kind.STAND):
        assert "abstimmen" in stand.what_to_do_de, stand.slug
    # The paper ballots of a stand name it, so the results link it.
    batch = PaperBatch.objects.get(poll__slug="stadt-raum-wir-2022")
    assert batch.event.slug == "lautern-blueht-auf-2022"
    assert PaperBatch.objects.get(poll__slug="ausprobierbox").event.is_over()
    page = client.get("/termine/").text
    assert "Werkstatt: Sicher mit dem Rad in die Innenstadt" in page
    assert client.get("/termine/kalender.ics").text.count("BEGIN:VEVENT") >= 6
    results = client.get(batch.poll.get_results_url()).text
    assert batch.event.get_absolute_url() in results


def test_the_demo_vorhabenliste_has_twelve_plans_and_requests(demo, client):
    from moderation.models import ModerationState
    from plans.models import ParticipationRequest, Plan

    plans = Plan.objects.published()
    assert plans.count() == 12
    assert set(plans.values_list("participation", flat=True)) == set(Plan.Participation.values)
    for plan in plans:
        assert plan.title_en and plan.summary_en and plan.timeframe_en, plan.slug
        assert client.get(plan.get_absolute_url()).status_code == 200
    assert plans.filter(participation="running", project__isnull=False).count() >= 2
    requests = ParticipationRequest.objects.all()
    assert requests.published().count() == 3
    answered = requests.exclude(response="").get()
    assert answered.response_by.email == "moderation@example.org" and answered.response_at
    waiting = requests.get(moderation_state=ModerationState.PENDING)
    assert waiting.author.email == "buergerin@example.org"
    assert client.get("/vorhaben/").context["paginator"].count == 12
    page = client.get(answered.plan.get_absolute_url()).text
    assert f'id="anfrage-{answered.pk}"' in page and f'id="anfrage-{waiting.pk}"' not in page


def test_seeding_events_and_plans_twice_changes_nothing(demo):
    from events.models import Event
    from plans.models import Department, ParticipationRequest, Plan

    models = (Event, Department, Plan, ParticipationRequest)
    before = [model.objects.count() for model in models]
    call_command("seed_demo", "--without-renditions", verbosity=0)
    assert [model.objects.count() for model in models] == before


def test_every_demo_project_and_stadt_raum_wir_choice_has_an_illustration(demo):
    from polls.models import Choice

    choices = Choice.objects.filter(question__poll__slug__startswith="stadt-raum-wir")
    rows = [*Project.objects.all(), *choices]
    assert len(rows) >= 11 + 10
    for row in rows:
        assert row.image and row.image_alt.startswith("Illustration zu „"), row
        # Marked as an illustration, never passed off as a photo.
        assert row.image_credit == "Illustration: KL.digital (generiert, keine Fotografie)"
        assert row.image_licence == "CC0 1.0"
    assert len({row.image.name for row in rows}) == len(rows)  # a picture of its own each
    # Through the same pipeline as uploads (make run makes them; the tests' seed leaves them
    # to the worker): renditions, not the drawn PNG.
    project, choice = with_renditions(rows[0], rows[-1])
    for row in (project, choice):
        assert [size[1] for size in row.image_renditions["jpeg"]] == [480, 960, 1200]
