"""Pictures in Chromium: the start page, a project and a poll show credited pictures in a
modern format at the size the page needs, and never an original; a citizen adds a photo to
a proposal, a wrong file is refused with the text kept, and the photo arrives without its
place. axe on every page."""

import io
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.conf import settings
from PIL import Image

from demo.illustrations import png as illustration
from proposals.models import Proposal
from tests.accounts.factories import UserFactory
from tests.e2e.test_proposals_journey import sign_in
from tests.polls.factories import ChoiceFactory, PollFactory, QuestionFactory
from tests.projects.factories import ProjectFactory, ProjectUpdateFactory, TopicFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SERIAL = "SERIAL-0631-KL"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def uploaded(name, seed):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, illustration(seed), content_type="image/png")


def loaded_pictures(page):
    """Each uploaded picture in the page's main part (not the start page's drawn lead
    image): the address the browser chose, and whether it loaded (scrolled into view
    first, so that lazy ones load)."""
    return page.evaluate(
        """async () => {
            const images = [...document.querySelectorAll("main picture:not(.hero-image) img")];
            for (const image of images) {
                image.scrollIntoView();
                if (!image.complete) {
                    await new Promise((done) => { image.onload = image.onerror = done; });
                }
            }
            return images.map((image) => ({
                alt: image.alt,
                src: image.currentSrc,
                loaded: image.naturalWidth > 0,
            }));
        }"""
    )


def test_the_city_in_pictures(journey, media):
    page = journey.page
    # Created outside a request: each commits at once, and its renditions are made then.
    project = ProjectFactory(
        title="Stadt.Raum.Wir.",
        image=uploaded("platz.png", "platz"),
        image_alt="Illustration: der leere Platz vor der Stiftskirche",
        image_credit="Illustration: KL.digital",
        image_licence="CC0 1.0",
    )
    ProjectUpdateFactory(
        project=project,
        title="Die Bühne steht",
        image=uploaded("buehne.png", "buehne"),
        image_alt="Illustration: eine Bühne",
        image_credit="Illustration: KL.digital",
    )
    poll = PollFactory(project=project, title="Was kommt auf den Platz?")
    question = QuestionFactory(poll=poll, text="Welche Veranstaltung zuerst?")
    for label in ("Tanzabend", "Straßenmalerei"):
        ChoiceFactory(
            question=question,
            label=label,
            image=uploaded(f"{label}.png", label),
            image_alt=f"Illustration: {label}",
            image_credit="Illustration: KL.digital",
        )
    originals = {f"/media/{name}" for name in _originals(media)}

    for path in ("/", project.get_absolute_url(), poll.get_absolute_url()):
        journey.visit(path)
        pictures = loaded_pictures(page)
        assert pictures, path
        for picture in pictures:
            assert picture["loaded"], (path, picture)
            # Chromium takes AVIF, the first format offered; never an original.
            assert picture["src"].endswith(".avif"), (path, picture)
            assert "/media/renditions/" in picture["src"]
            assert not any(picture["src"].endswith(original) for original in originals)
        html = page.content()
        assert "Illustration: KL.digital" in html  # credited where shown
    # The poll's card on the start page shows its project's picture; the ballot its choices.
    assert {p["alt"] for p in pictures} == {
        "Illustration: Tanzabend",
        "Illustration: Straßenmalerei",
    }

    # The size the page needs: 960 pixels for the lead image on a desktop, 480 on a phone.
    project.refresh_from_db()
    width_of = {f"/media/{name}": width for name, width, _ in project.image_renditions["avif"]}
    journey.visit(project.get_absolute_url())
    assert width_of[urlparse(loaded_pictures(page)[0]["src"]).path] == 960
    # A phone that has not loaded the larger one before (a browser reuses what it has).
    page.context.new_cdp_session(page).send("Network.clearBrowserCache")
    page.set_viewport_size({"width": 390, "height": 844})
    journey.visit(project.get_absolute_url())
    assert width_of[urlparse(loaded_pictures(page)[0]["src"]).path] == 480


def _originals(root):
    return [
        str(path.relative_to(root))
        for path in Path(root).rglob("*")
        if path.is_file() and not str(path.relative_to(root)).startswith("renditions")
    ]


def camera_photo(path):
    image = Image.new("RGB", (800, 600), "#2a6")
    exif = Image.Exif()
    exif[0xA431] = SERIAL
    exif[0x8825] = {1: "N", 2: (49.0, 26.0, 40.0), 3: "E", 4: (7.0, 46.0, 7.0)}
    image.save(path, "JPEG", exif=exif)
    return path


def test_a_citizen_adds_a_photo_to_a_proposal(journey, media, tmp_path_factory):
    page = journey.page
    folder = tmp_path_factory.mktemp("phone")
    citizen = UserFactory(username="Radlerin", email="radlerin@example.org")
    TopicFactory(name="Verkehr")
    sign_in(journey, citizen.email, "/vorschlaege/neu/")

    page.get_by_label("Titel").fill("Radweg freihalten")
    page.get_by_label("Beschreibung").fill("Am Stiftsplatz parken Autos auf dem Radweg.")
    page.get_by_label("Themenfeld").select_option(label="Verkehr")
    # First a file that only pretends to be a photo.
    fake = folder / "foto.jpg"
    fake.write_text("<?php echo 'kein Foto'; ?>")
    page.get_by_label("Foto (optional)").set_input_files(fake)
    page.get_by_label("Was das Foto zeigt").fill("Ein Auto auf dem Radweg")
    page.get_by_label("Ich habe das Foto selbst aufgenommen").check()
    page.get_by_role("button", name="Vorschlag einreichen").click()
    journey.check_page()
    assert page.get_by_text("Diese Datei ist kein Foto, das wir annehmen können.").is_visible()
    # Nothing typed is lost.
    assert page.get_by_label("Titel").input_value() == "Radweg freihalten"
    assert page.get_by_label("Was das Foto zeigt").input_value() == "Ein Auto auf dem Radweg"
    assert not Proposal.objects.exists()

    page.get_by_label("Foto (optional)").set_input_files(camera_photo(folder / "IMG_1234.jpg"))
    page.get_by_label("Ich habe das Foto selbst aufgenommen").check()
    page.get_by_role("button", name="Vorschlag einreichen").click()
    page.wait_for_url("**/vorschlaege/*/")
    journey.check_page()
    proposal = Proposal.objects.get()
    [picture] = loaded_pictures(page)
    assert picture["loaded"] and picture["alt"] == "Ein Auto auf dem Radweg"
    assert page.get_by_text("Foto: Verfasser:in des Vorschlags").is_visible()

    # The stored photo has lost its place and the camera's serial number.
    stored = Path(settings.MEDIA_ROOT) / proposal.image.name
    assert SERIAL.encode() not in stored.read_bytes()
    with Image.open(io.BytesIO(stored.read_bytes())) as image:
        assert not image.getexif()
