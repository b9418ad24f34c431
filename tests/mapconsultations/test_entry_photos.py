"""A map entry may carry one photo, as a proposal may: stored without its metadata, released
with the text, refused with a message and the text kept, gone with the account."""

import json
from pathlib import Path

import pytest
from django.test import Client
from PIL import Image

from klmitwirkung.privacy import delete_account
from mapconsultations.models import PHOTO_CREDIT, Entry
from moderation.models import SiteSettings
from moderation.services import release
from tests.accounts.factories import PASSWORD, UserFactory
from tests.images import with_renditions
from tests.proposals.test_photos import SERIAL, camera_photo

from .factories import CategoryFactory, ConsultationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def heat():
    site = SiteSettings.load()
    site.premoderation = True
    site.save()
    consultation = ConsultationFactory(title="Hitzeorte", slug="hitzeorte")
    return consultation, CategoryFactory(consultation=consultation, name="Zu heiß")


def entry_data(category, **overrides):
    return {
        "category": category.pk,
        "text": "Kein Schatten an der Haltestelle.",
        "latitude": "49.4439",
        "longitude": "7.7707",
        "photo_alt": "Die Haltestelle in der Mittagssonne",
        "photo_rights": "on",
        **overrides,
    }


def files(root):
    return [p for p in Path(root).rglob("*") if p.is_file()]


def test_an_entry_with_a_photo_keeps_the_picture_only_and_waits_for_release(
    heat, media, moderator
):
    consultation, hot = heat
    author = UserFactory()
    client = Client()
    client.force_login(author)
    response = client.post(
        consultation.get_absolute_url(), entry_data(hot, photo=camera_photo(size=(60, 30)))
    )
    assert response.status_code == 302
    entry = Entry.objects.get()
    assert entry.is_pending and entry.image_credit == PHOTO_CREDIT
    stored = media / entry.image.name
    assert SERIAL.encode() not in stored.read_bytes()
    with Image.open(stored) as image:
        assert not image.getexif() and image.size == (60, 30)

    entry = with_renditions(entry)
    assert "Die Haltestelle" not in Client().get(consultation.get_absolute_url()).text
    release(contribution=entry, moderator=moderator, seen_revision=entry.revision)
    for path in (consultation.get_absolute_url(), entry.get_absolute_url()):
        html = Client().get(path).text
        assert 'alt="Die Haltestelle in der Mittagssonne"' in html, path
        assert PHOTO_CREDIT in html
        assert entry.image.url not in html


def test_a_refused_photo_keeps_the_entry_s_words(heat, media, user):
    consultation, hot = heat
    client = Client()
    client.force_login(user)
    data = entry_data(hot, photo=camera_photo(name="foto.jpg", trailer=b""))
    data["photo"] = type(data["photo"])("foto.jpg", b"GIF89a kein Foto", "image/jpeg")
    response = client.post(consultation.get_absolute_url(), data)
    assert response.status_code == 400
    assert "Diese Datei ist kein Foto, das wir annehmen können." in response.text
    assert "Kein Schatten an der Haltestelle." in response.text
    assert not Entry.objects.exists() and files(media) == []


def test_the_export_has_the_photo_and_the_deleted_account_takes_it_along(
    heat, media, moderator, django_capture_on_commit_callbacks
):
    consultation, hot = heat
    author = UserFactory()
    client = Client()
    client.force_login(author)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(consultation.get_absolute_url(), entry_data(hot, photo=camera_photo()))
    entry = Entry.objects.get()
    release(contribution=entry, moderator=moderator, seen_revision=entry.revision)
    export = json.loads(client.get("/konto/daten/export.json").content)
    [exported] = export["map_entries"]
    assert exported["photo"] == entry.image.url
    assert exported["photo_description"] == "Die Haltestelle in der Mittagssonne"

    with django_capture_on_commit_callbacks(execute=True):
        delete_account(user=author, password=PASSWORD)
    entry.refresh_from_db()
    assert entry.author is None and not entry.image
    assert files(media) == []
