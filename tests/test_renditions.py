"""Visitors get renditions of an image, never the original: a few widths in AVIF, WebP and
JPEG, made once by the worker after the commit (not while a page is rendered), without the
original's metadata; the files go when the image is replaced or its row deleted."""

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image

from core.tasks import forget_image
from tests.images import png, with_renditions
from tests.polls.factories import ChoiceFactory
from tests.progress.factories import MilestoneFactory
from tests.projects.factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def files(root):
    return sorted(str(path.relative_to(root)) for path in Path(root).rglob("*") if path.is_file())


def photo(size=(2000, 1000), exif=True):
    """A JPEG as cameras write it: with its place (GPS) and the camera's serial number."""
    image = Image.new("RGB", size, "#c00")
    buffer = io.BytesIO()
    data = Image.Exif()
    if exif:
        data[0x010F] = "Kamerafirma"  # Make
        data[0xA431] = "SERIAL-123456"  # BodySerialNumber
        data[0x8825] = {1: "N", 2: (49.0, 26.0, 40.0), 3: "E", 4: (7.0, 46.0, 7.0)}  # GPS
    image.save(buffer, "JPEG", exif=data)
    return SimpleUploadedFile("stiftsplatz.jpg", buffer.getvalue(), content_type="image/jpeg")


def test_renditions_are_made_after_the_commit_in_three_formats_and_widths(
    media, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        project = ProjectFactory(image=photo(), image_alt="Der Stiftsplatz")
        assert project.image_renditions == {}  # not before the commit
    project.refresh_from_db()
    made = project.image_renditions
    assert (made["width"], made["height"]) == (1440, 720)
    for key, pillow_format in (("avif", "AVIF"), ("webp", "WEBP"), ("jpeg", "JPEG")):
        assert [(width, height) for _, width, height in made[key]] == [
            (480, 240),
            (960, 480),
            (1440, 720),
        ]
        for name, width, _height in made[key]:
            assert name.startswith("renditions/")
            with Image.open(media / name) as stored:
                assert stored.format == pillow_format
                assert stored.width == width
                # Nothing of the camera's metadata: no place, no serial number.
                assert not stored.getexif()
                assert b"SERIAL-123456" not in (media / name).read_bytes()


def test_a_small_image_is_not_enlarged(media):
    project = with_renditions(ProjectFactory(image=png(size=(600, 300)), image_alt="Klein"))
    assert [size[1:] for size in project.image_renditions["webp"]] == [[480, 240], [600, 300]]


def test_pages_read_the_renditions_and_never_make_or_link_the_original(client, media):
    project = ProjectFactory(image=photo(), image_alt="Der Stiftsplatz")
    # Before the worker made them: the page is as without an image, and makes none.
    page = client.get(project.get_absolute_url()).text
    assert "Der Stiftsplatz" not in page
    assert files(media) == [project.image.name]

    with_renditions(project)
    made = files(media)
    page = client.get(project.get_absolute_url()).text
    listing = client.get("/projekte/").text
    assert files(media) == made  # the pages made nothing
    for html in (page, listing):
        assert project.image.url not in html
        assert '<source type="image/avif" srcset="/media/renditions/' in html
        assert '<source type="image/webp" srcset="/media/renditions/' in html
        assert 'alt="Der Stiftsplatz"' in html
        assert 'width="1440" height="720"' in html
        assert " 480w, " in html and " 1440w" in html
    # The lead image of its page loads first; the cards load when they come into view.
    assert 'fetchpriority="high"' in page
    assert 'loading="lazy"' in listing


def test_a_replaced_image_and_a_deleted_row_leave_no_file_behind(
    media, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        project = ProjectFactory(image=png("alt.png", size=(1000, 500)), image_alt="Alt")
    first = files(media)
    assert len(first) == 1 + 3 * 3  # the original and three widths in three formats

    project.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        project.image = png("neu.png", size=(500, 250))
        project.save()
    project.refresh_from_db()
    now = files(media)
    assert not set(first) & set(now)  # the old image and its renditions are gone
    assert project.image.name in now
    assert len(project.image_renditions["jpeg"]) == 2

    with django_capture_on_commit_callbacks(execute=True):
        project.delete()
    assert files(media) == []


@pytest.mark.parametrize(
    "make",
    [
        lambda image: ChoiceFactory(image=image, image_alt="Eine Bank"),
        lambda image: MilestoneFactory(
            target=ProjectFactory(), image=image, image_alt="Ein Sensor"
        ),
    ],
    ids=["choice", "milestone"],
)
def test_choices_and_milestones_have_renditions_and_leave_nothing(
    media, make, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        row = make(png(size=(700, 350)))
    row.refresh_from_db()
    assert [size[1] for size in row.image_renditions["avif"]] == [480, 700]
    with django_capture_on_commit_callbacks(execute=True):
        row.delete()
    assert [name for name in files(media) if not name.startswith("projects/")] == []


def test_a_file_another_row_still_holds_is_kept(media):
    project = with_renditions(ProjectFactory(image=png(), image_alt="Geteilt"))
    ProjectFactory(image=project.image.name, image_alt="Geteilt")
    assert forget_image.call(project.image.name) is False
    assert project.image.name in files(media)


def test_the_command_makes_what_is_missing(media):
    project = ProjectFactory(image=png(size=(10, 5)), image_alt="Vor dem Update")
    assert project.image_renditions == {}
    out = io.StringIO()
    call_command("make_renditions", stdout=out)
    project.refresh_from_db()
    assert project.image_renditions["jpeg"][0][1:] == [10, 5]
    assert "1 images" in out.getvalue()
    call_command("make_renditions", stdout=out)
    assert "0 images" in out.getvalue()


@pytest.mark.parametrize("path", ["/", "/projekte/"])
def test_pictures_cost_no_query_per_image(client, media, path):
    def queries_with(count):
        with_renditions(
            *[ProjectFactory(image=png(), image_alt=f"Bild {n}") for n in range(count)]
        )
        client.get(path)  # warm: what the first request of a process reads once
        with CaptureQueriesContext(connection) as queries:
            page = client.get(path).text
        return len(queries), page.count("<picture>")

    few, few_pictures = queries_with(3)
    many, many_pictures = queries_with(27)
    assert few_pictures == 3 and many_pictures > few_pictures
    assert many == few
