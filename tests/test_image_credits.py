"""Every image the public sees carries a description and a credit (German law expects a
Bildnachweis): the forms and the database require both with an image, the credit is shown
with the image, and /bildnachweis/ (linked from the Impressum) collects them all."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from PIL import Image

from pages.models import Page
from polls.models import Choice
from progress.models import Milestone
from projects.models import Project, ProjectUpdate
from tests.images import with_renditions
from tests.polls.factories import ChoiceFactory, PollFactory, QuestionFactory
from tests.progress.factories import MilestoneFactory
from tests.projects.factories import ProjectFactory, ProjectUpdateFactory

pytestmark = pytest.mark.django_db

CREDITS = "/bildnachweis/"


def png(name="bild.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (4, 2), "red").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.mark.parametrize(
    "build",
    [
        lambda: ProjectFactory.build(image=png(), image_alt="Ein Platz", image_credit=" "),
        lambda: ChoiceFactory.build(
            question=QuestionFactory(), image=png(), image_alt="Eine Bank", image_credit=""
        ),
        lambda: MilestoneFactory.build(
            target=ProjectFactory(), image=png(), image_alt="Ein Fest", image_credit=""
        ),
        lambda: ProjectUpdateFactory.build(
            project=ProjectFactory(), image=png(), image_alt="Ein Fest", image_credit=""
        ),
    ],
    ids=["project", "choice", "milestone", "news"],
)
def test_an_image_without_credit_is_refused_at_its_field(build):
    with pytest.raises(ValidationError) as refused:
        build().full_clean()
    assert list(refused.value.message_dict) == ["image_credit"]


@pytest.mark.parametrize(
    ("model", "make"),
    [
        (Project, ProjectFactory),
        (Choice, ChoiceFactory),
        (Milestone, MilestoneFactory),
        (ProjectUpdate, ProjectUpdateFactory),
    ],
    ids=["project", "choice", "milestone", "news"],
)
def test_the_database_refuses_an_image_without_credit(model, make):
    row = make(image_alt="Beschreibung", image_credit="")
    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.filter(pk=row.pk).update(image="bild.png")


def test_the_credit_is_shown_with_the_image(client):
    project = ProjectFactory(
        image=png(),
        image_alt="Der Stiftsplatz",
        image_credit="Foto: Anna Muster",
        image_licence="CC BY 4.0",
    )
    with_renditions(project)
    page = client.get(project.get_absolute_url()).text
    caption = '<figcaption class="image-credit small text-body-secondary">{}</figcaption>'
    assert caption.format("Foto: Anna Muster (CC BY 4.0)") in page
    assert "Foto: Anna Muster (CC BY 4.0)" in client.get("/projekte/").text


def test_the_credits_page_lists_the_images_of_published_pages_only(client):
    ProjectFactory(
        image=png(),
        image_alt="Der Stiftsplatz",
        image_credit="Foto: Anna Muster",
        image_licence="CC BY 4.0",
    )
    ProjectFactory(is_published=False, image=png(), image_alt="Entwurf", image_credit="Geheim")
    poll = PollFactory(title="Was kommt auf den Platz?")
    ChoiceFactory(
        question=QuestionFactory(poll=poll),
        image=png(),
        image_alt="Eine Bühne",
        image_credit="Illustration: KL.digital",
    )
    hidden_poll = PollFactory(is_published=False)
    ChoiceFactory(
        question=QuestionFactory(poll=hidden_poll),
        image=png(),
        image_alt="Intern",
        image_credit="Unveröffentlicht",
    )
    MilestoneFactory(
        title="Fest auf dem Platz",
        image=png(),
        image_alt="Ein Fest",
        image_credit="Foto: Berta Beispiel",
    )
    MilestoneFactory(
        is_published=False, image=png(), image_alt="Nicht öffentlich", image_credit="Auch nicht"
    )
    ProjectUpdateFactory(
        title="Bühne steht", image=png(), image_alt="Die Bühne", image_credit="Foto: Cem Test"
    )
    ProjectUpdateFactory(
        published_on=datetime.date.today() + datetime.timedelta(days=3),
        image=png(),
        image_alt="Morgen",
        image_credit="Noch nicht",
    )
    page = client.get(CREDITS).text
    for shown in (
        "Foto: Anna Muster",
        "CC BY 4.0",
        "Illustration: KL.digital",
        "Was kommt auf den Platz?",
        "Foto: Berta Beispiel",
        "Fest auf dem Platz",
        "Foto: Cem Test",
        "Bühne steht",
    ):
        assert shown in page
    for hidden in ("Geheim", "Unveröffentlicht", "Auch nicht", "Noch nicht"):
        assert hidden not in page


def test_the_credits_page_says_when_there_are_no_images(client):
    ProjectFactory()
    response = client.get(CREDITS)
    assert response.status_code == 200
    assert 'class="empty-state"' in response.text


def test_the_credits_page_needs_the_same_queries_for_3_and_30_images(client):
    def images(count):
        for number in range(count):
            ProjectFactory(image=png(), image_alt=f"Bild {number}", image_credit="Foto")
            ChoiceFactory(image=png(), image_alt=f"Wahl {number}", image_credit="Foto")
            MilestoneFactory(image=png(), image_alt=f"Schritt {number}", image_credit="Foto")
            ProjectUpdateFactory(image=png(), image_alt=f"News {number}", image_credit="Foto")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(CREDITS).status_code == 200
        return len(captured)

    images(3)
    few = queries()
    images(27)
    assert queries() == few


def test_the_impressum_links_to_the_image_credits(client):
    Page.objects.create(slug="impressum", title="Impressum", body="<p>Text</p>", is_published=True)
    assert f'href="{CREDITS}"' in client.get("/impressum/").text


def test_news_show_their_image_with_its_credit(client):
    update = ProjectUpdateFactory(
        title="Die Bühne steht",
        image=png(),
        image_alt="Die Bühne auf dem Stiftsplatz",
        image_credit="Foto: Cem Test",
        image_licence="CC BY 4.0",
    )
    page = client.get(update.project.get_absolute_url()).text
    assert "Die Bühne auf dem Stiftsplatz" not in page  # not before its renditions
    with_renditions(update)
    page = client.get(update.project.get_absolute_url()).text
    assert 'alt="Die Bühne auf dem Stiftsplatz"' in page
    assert "Foto: Cem Test (CC BY 4.0)" in page
