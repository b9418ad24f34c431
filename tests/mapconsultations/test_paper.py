"""Entries from a printed map at a stand: typed in by one staff member, released by another."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError

from mapconsultations.models import Entry
from mapconsultations.services import add_paper_entry
from moderation.services import release
from tests.accounts.factories import UserFactory
from tests.maps.factories import PlaceFactory

from .factories import CategoryFactory, ConsultationFactory

pytestmark = pytest.mark.django_db

ADD = "/admin/mapconsultations/entry/add/"


@pytest.fixture
def stand():
    consultation = ConsultationFactory(title="Hitzeorte", slug="hitzeorte")
    return consultation, CategoryFactory(consultation=consultation, name="Zu heiß")


def test_an_editor_types_in_a_pin_from_paper_and_it_waits(client, editor, stand):
    consultation, hot = stand
    place = PlaceFactory(name="Stiftsplatz")
    client.force_login(editor)
    assert client.get(ADD).status_code == 200
    response = client.post(
        ADD,
        {
            "consultation": consultation.pk,
            "category": hot.pk,
            "text": "Am Brunnen ist es mittags zu heiß.",
            "place": place.pk,
            "latitude": "",
            "longitude": "",
            "paper_note": "Stand am Stiftsplatz, 3. Juni",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = Entry.objects.get()
    assert entry.is_from_paper and entry.is_pending
    assert entry.author is None and entry.entered_by == editor
    assert entry.point == [49.4439, 7.7707]
    # Not public before a second person releases it.
    assert "mittags zu heiß" not in client.get(consultation.get_absolute_url()).text


def test_a_pin_without_place_or_point_is_refused_with_nothing_lost(client, editor, stand):
    consultation, hot = stand
    client.force_login(editor)
    response = client.post(
        ADD,
        {"consultation": consultation.pk, "category": hot.pk, "text": "Ohne Ort."},
    )
    assert response.status_code == 200
    assert "Bitte geben Sie einen benannten Ort" in response.content.decode()
    assert "Ohne Ort." in response.content.decode()
    assert not Entry.objects.exists()


def test_the_typist_cannot_release_it_and_a_second_person_can(editor, moderator, stand, client):
    consultation, hot = stand
    typist = UserFactory(is_staff=True, groups=["Moderation"])
    entry = add_paper_entry(
        entered_by=typist,
        consultation=consultation,
        category=hot,
        text="Zu heiß.",
        latitude="49.443900",
        longitude="7.770700",
        note="Markt",
    )
    with pytest.raises(ValidationError, match="zweite"):
        release(contribution=entry, moderator=typist, seen_revision=entry.revision)
    entry.refresh_from_db()
    assert entry.is_pending
    release(contribution=entry, moderator=moderator, seen_revision=entry.revision)
    entry.refresh_from_db()
    assert entry.is_published and entry.moderated_by == moderator
    page = client.get(consultation.get_absolute_url()).text
    assert "auf Papier, an einem Stand" in page


def test_the_database_refuses_a_paper_entry_released_by_its_typist(stand):
    consultation, hot = stand
    typist = UserFactory(is_staff=True, groups=["Moderation"])
    entry = add_paper_entry(
        entered_by=typist,
        consultation=consultation,
        category=hot,
        text="Zu heiß.",
        latitude="49.443900",
        longitude="7.770700",
    )
    with pytest.raises(IntegrityError):
        Entry.objects.filter(pk=entry.pk).update(moderated_by=typist)


def test_citizens_and_visitors_cannot_enter_paper_entries(client, user, stand):
    consultation, hot = stand
    with pytest.raises(PermissionDenied):
        add_paper_entry(
            entered_by=user,
            consultation=consultation,
            category=hot,
            text="x",
            latitude="49.443900",
            longitude="7.770700",
        )
    assert client.get(ADD).status_code == 302  # to the sign-in
    client.force_login(user)
    assert client.get(ADD).status_code == 302
