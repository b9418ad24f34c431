"""A citizen's photo on a proposal: stored without what the file tells besides the picture
(place, camera, serial number), re-encoded, limited in bytes and pixels, recognised by its
content, released with the text, and gone with the proposal or the account; every refusal
says why and keeps what the person typed."""

import io
import json
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from core import photos
from klmitwirkung.privacy import delete_account
from moderation.services import release
from proposals.models import PHOTO_CREDIT, Proposal
from tests.accounts.factories import PASSWORD, UserFactory
from tests.images import with_renditions
from tests.projects.factories import TopicFactory

from .factories import ProposalFactory

pytestmark = pytest.mark.django_db

CREATE = "/vorschlaege/neu/"
SERIAL = "SERIAL-4711-KL"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def topic():
    return TopicFactory(name="Verkehr")


@pytest.fixture
def author():
    return UserFactory(username="fotografin")


def stored_files(root):
    return sorted(str(p.relative_to(root)) for p in Path(root).rglob("*") if p.is_file())


def camera_photo(size=(40, 20), orientation=None, name="IMG_0815.jpg", trailer=b""):
    """A JPEG as a phone writes it: its place, the camera and its serial number."""
    image = Image.new("RGB", size, "#2a6")
    image.putpixel((0, 0), (255, 0, 0))  # the top left corner, to see the turn
    exif = Image.Exif()
    exif[0x010F] = "Phonemaker"
    exif[0xA431] = SERIAL
    exif[0x8825] = {1: "N", 2: (49.0, 26.0, 40.0), 3: "E", 4: (7.0, 46.0, 7.0)}
    if orientation:
        exif[0x0112] = orientation
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif, quality=95)
    return SimpleUploadedFile(name, buffer.getvalue() + trailer, content_type="image/jpeg")


def form_data(topic, **overrides):
    return {
        "title": "Radweg freihalten",
        "description": "Am Stiftsplatz parken Autos auf dem Radweg.",
        "topic": str(topic.pk),
        "project": "",
        "photo_alt": "Ein Auto auf dem Radweg am Stiftsplatz",
        "photo_rights": "on",
        **overrides,
    }


def submit(author, data):
    client = Client()
    client.force_login(author)
    return client, client.post(CREATE, data)


def test_the_stored_photo_keeps_the_picture_and_nothing_else(author, topic, media):
    _client, response = submit(author, form_data(topic, photo=camera_photo()))
    assert response.status_code == 302
    proposal = Proposal.objects.get()
    name = proposal.image.name
    # A random name: the file's own name can say who or where.
    assert name.startswith("proposals/") and name.endswith(".jpg") and "IMG_0815" not in name
    data = (media / name).read_bytes()
    with Image.open(media / name) as stored:
        assert stored.format == "JPEG"
        assert stored.size == (40, 20)
        assert not stored.getexif()  # no place, no camera
        assert "icc_profile" not in stored.info
    assert SERIAL.encode() not in data and b"Phonemaker" not in data
    assert proposal.image_alt == "Ein Auto auf dem Radweg am Stiftsplatz"
    assert proposal.image_credit == PHOTO_CREDIT
    assert proposal.is_pending


def test_the_photo_is_turned_upright_as_the_camera_meant(author, topic, media):
    # Orientation 6: the camera was turned; the picture is stored upright, without the tag.
    submit(author, form_data(topic, photo=camera_photo(orientation=6)))
    with Image.open(media / Proposal.objects.get().image.name) as stored:
        assert stored.size == (20, 40)
        assert not stored.getexif()


def test_a_file_that_is_two_formats_at_once_is_redrawn(author, topic, media):
    # A JPEG with a web page appended: the stored file is a new JPEG without the page.
    trailer = b"<html><script>alert(1)</script></html>"
    submit(author, form_data(topic, photo=camera_photo(trailer=trailer)))
    assert b"<script>" not in (media / Proposal.objects.get().image.name).read_bytes()


def bomb():
    """50 megapixels that pack into a few kilobytes."""
    buffer = io.BytesIO()
    Image.new("1", (10_000, 5_000)).save(buffer, "PNG")
    return SimpleUploadedFile("klein.png", buffer.getvalue(), content_type="image/png")


def gif():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buffer, "GIF")
    # Named and sent as a JPEG: the content decides.
    return SimpleUploadedFile("foto.jpg", buffer.getvalue(), content_type="image/jpeg")


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            lambda: SimpleUploadedFile("foto.jpg", b"<?php system($_GET['c']); ?>", "image/jpeg"),
            "Diese Datei ist kein Foto, das wir annehmen können.",
        ),
        (gif, "Diese Datei ist kein Foto, das wir annehmen können."),
        (bomb, "Das Foto hat 50 Megapixel; möglich sind höchstens 40."),
        (
            lambda: camera_photo(size=(400, 400)),
            "möglich sind höchstens 1,0\xa0KB",
        ),
    ],
    ids=["script", "gif-named-jpeg", "decompression-bomb", "too-many-bytes"],
)
def test_a_refused_photo_says_why_and_keeps_the_text(
    author, topic, media, monkeypatch, upload, message
):
    monkeypatch.setattr(photos, "MAX_BYTES", 1024 if "KB" in message else 12 * 1024 * 1024)
    _client, response = submit(author, form_data(topic, photo=upload()))
    assert response.status_code == 200
    html = response.text
    assert message in html
    assert 'value="Radweg freihalten"' in html
    assert "Am Stiftsplatz parken Autos auf dem Radweg." in html
    assert 'value="Ein Auto auf dem Radweg am Stiftsplatz"' in html
    assert not Proposal.objects.exists()
    assert stored_files(media) == []


def test_a_photo_needs_its_description_and_the_rights(author, topic, media):
    data = form_data(topic, photo=camera_photo(), photo_alt=" ")
    del data["photo_rights"]
    _client, response = submit(author, data)
    html = response.text
    assert "Bitte beschreiben Sie das Bild für Menschen, die es nicht sehen können." in html
    assert "Bitte bestätigen Sie, dass Sie dieses Foto veröffentlichen dürfen." in html
    # The photo itself was fine: the person learns to choose it again.
    assert "Ihr Foto war in Ordnung, bitte wählen Sie es noch einmal aus" in html
    assert not Proposal.objects.exists() and stored_files(media) == []


def test_the_photo_appears_with_the_released_proposal_only(author, topic, media, moderator):
    submit(author, form_data(topic, photo=camera_photo()))
    proposal = with_renditions(Proposal.objects.get())
    page = proposal.get_absolute_url()
    visitor, neighbour = Client(), Client()
    neighbour.force_login(UserFactory())
    for client in (visitor, neighbour):
        assert "Ein Auto auf dem Radweg" not in client.get(page).text
    owner = Client()
    owner.force_login(author)
    assert 'alt="Ein Auto auf dem Radweg am Stiftsplatz"' in owner.get(page).text
    # The moderators judge the photo with the words, in the queue.
    staff = Client()
    staff.force_login(moderator)
    queue = staff.get("/admin/moderation/decision/queue/").text
    assert '<figure class="queue-photo">' in queue
    assert "Ein Auto auf dem Radweg am Stiftsplatz" in queue

    release(contribution=proposal, moderator=moderator, seen_revision=proposal.revision)
    html = visitor.get(page).text
    assert 'alt="Ein Auto auf dem Radweg am Stiftsplatz"' in html
    assert f'<figcaption class="image-credit small text-body-secondary">{PHOTO_CREDIT}' in html
    assert proposal.image.url not in html  # renditions only
    assert 'property="og:image" content="http' in html and "/media/renditions/" in html


def test_the_author_replaces_and_removes_the_photo_while_it_waits(
    author, topic, media, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submit(author, form_data(topic, photo=camera_photo()))
    proposal = Proposal.objects.get()
    first = stored_files(media)
    client = Client()
    client.force_login(author)
    edit = f"/vorschlaege/{proposal.pk}/bearbeiten/"
    page = client.get(edit).text
    assert "Foto ersetzen (optional)" in page and "Foto entfernen" in page

    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit, form_data(topic, photo=camera_photo(size=(30, 30))))
    proposal.refresh_from_db()
    assert proposal.revision == 2  # checked anew
    assert not set(first) & set(stored_files(media))  # the first photo and its renditions

    data = form_data(topic, remove_photo="on")
    del data["photo_rights"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit, data)
    proposal.refresh_from_db()
    assert not proposal.image and proposal.image_alt == "" and proposal.revision == 3
    assert stored_files(media) == []


def test_only_the_author_may_change_the_photo(author, topic, media, moderator):
    proposal = ProposalFactory(author=author, moderation_state="pending")
    edit = f"/vorschlaege/{proposal.pk}/bearbeiten/"
    data = form_data(topic, photo=camera_photo())
    assert Client().post(edit, data).status_code == 302  # to sign in
    # Another citizen does not even see a proposal waiting for release; a moderator does.
    for person, status in ((UserFactory(), 404), (moderator, 403)):
        client = Client()
        client.force_login(person)
        assert client.post(edit, data).status_code == status
    proposal.refresh_from_db()
    assert not proposal.image and stored_files(media) == []


def test_the_export_has_the_photo_and_deleting_the_account_deletes_it(
    author, topic, media, moderator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submit(author, form_data(topic, photo=camera_photo()))
    proposal = Proposal.objects.get()
    release(contribution=proposal, moderator=moderator, seen_revision=proposal.revision)
    client = Client()
    client.force_login(author)
    export = json.loads(client.get("/konto/daten/export.json").content)
    [exported] = export["proposals"]
    assert exported["photo"] == proposal.image.url
    assert exported["photo_description"] == "Ein Auto auf dem Radweg am Stiftsplatz"
    assert stored_files(media)

    author.set_password(PASSWORD)
    author.save()
    with django_capture_on_commit_callbacks(execute=True):
        delete_account(user=author, password=PASSWORD)
    proposal.refresh_from_db()
    assert proposal.author is None and not proposal.image  # the words stay, the photo not
    assert stored_files(media) == []
