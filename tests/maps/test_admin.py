"""Editors keep the named places in the admin; moderators may look them up."""

import pytest

from maps.models import Place
from tests.polls.factories import ChoiceFactory

from .factories import PlaceFactory

pytestmark = pytest.mark.django_db

ADD = "/admin/maps/place/add/"


def place_data(**changes):
    return {
        "name": "Stiftsplatz",
        "kind": "square",
        "description": "vor der Stiftskirche",
        "latitude": "49.443900",
        "longitude": "7.770700",
        **changes,
    }


def test_an_editor_adds_a_place(client, editor):
    client.force_login(editor)
    response = client.post(ADD, place_data())
    assert response.status_code == 302
    assert Place.objects.get().name == "Stiftsplatz"


def test_a_place_outside_the_map_is_refused_with_what_was_typed_kept(client, editor):
    client.force_login(editor)
    response = client.post(ADD, place_data(latitude="52.516300", longitude="13.377700"))
    assert response.status_code == 200
    assert "außerhalb des Kartengebiets" in response.text
    assert 'value="52.516300"' in response.text
    assert not Place.objects.exists()


def test_moderators_see_places_but_do_not_change_them(client, moderator):
    place = PlaceFactory()
    client.force_login(moderator)
    assert client.get("/admin/maps/place/").status_code == 200
    assert client.get(ADD).status_code == 403
    assert client.post(f"/admin/maps/place/{place.pk}/delete/", {"post": "yes"}).status_code == 403


def test_citizens_and_visitors_have_no_admin_for_places(client, user):
    assert client.get("/admin/maps/place/").status_code == 302  # to the sign-in
    client.force_login(user)
    assert client.get("/admin/maps/place/").status_code == 302


def test_a_place_that_a_poll_choice_names_cannot_be_deleted(client, editor):
    place = PlaceFactory()
    ChoiceFactory(place=place)
    client.force_login(editor)
    response = client.post(f"/admin/maps/place/{place.pk}/delete/", {"post": "yes"})
    assert response.status_code == 200  # the admin lists what protects it
    assert Place.objects.filter(pk=place.pk).exists()
