"""A map consultation: citizens place entries (on the map, from the list of named places, or
by typing a place's name), moderators release them, everyone reads them on the map and as a
list, and downloads them as open data without names."""

import csv
import datetime
import io
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mapconsultations.models import Entry
from mapconsultations.services import add_entry
from moderation.models import ModerationState, SiteSettings
from moderation.services import release
from tests.accounts.factories import UserFactory
from tests.maps.factories import PlaceFactory

from .factories import CategoryFactory, ConsultationFactory, EntryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def heat():
    consultation = ConsultationFactory(title="Hitzeorte", slug="hitzeorte")
    hot = CategoryFactory(consultation=consultation, name="Hier ist es im Sommer zu heiß")
    bench = CategoryFactory(consultation=consultation, name="Hier fehlt eine Bank")
    return consultation, hot, bench


@pytest.fixture
def premoderation():
    settings = SiteSettings.load()
    settings.premoderation = True
    settings.save()


def post_entry(client, consultation, **data):
    return client.post(consultation.get_absolute_url(), data)


def test_an_entry_placed_on_the_map_waits_for_release(client, user, heat, premoderation):
    consultation, hot, _bench = heat
    client.force_login(user)
    response = post_entry(
        client,
        consultation,
        category=hot.pk,
        text="Kein Schatten.",
        latitude="49.4439",
        longitude="7.7707",
    )
    assert response.status_code == 302
    entry = Entry.objects.get()
    assert entry.is_pending and entry.author == user and entry.place is None
    assert entry.point == [49.4439, 7.7707]
    page = client.get(consultation.get_absolute_url()).text
    assert "Ihre Einträge, die auf Freigabe warten" in page
    # Nobody else sees it before release: not in the list, not on the map, not in the data.
    client.logout()
    assert "Kein Schatten." not in client.get(consultation.get_absolute_url()).text
    assert "Kein Schatten." not in client.get(geojson_url(consultation)).text


def test_without_the_map_a_named_place_is_chosen_or_typed(client, user, heat):
    consultation, hot, bench = heat
    stiftsplatz = PlaceFactory(name="Stiftsplatz", latitude="49.443900", longitude="7.770700")
    PlaceFactory(name="Schillerplatz", latitude="49.442700", longitude="7.774500")
    client.force_login(user)
    post_entry(client, consultation, category=hot.pk, text="Heiß.", place=stiftsplatz.pk)
    post_entry(client, consultation, category=bench.pk, text="Bank!", address="schillerPLATZ")
    places = [entry.place.name for entry in Entry.objects.order_by("pk")]
    assert places == ["Stiftsplatz", "Schillerplatz"]
    assert Entry.objects.get(text="Bank!").point == [49.4427, 7.7745]


@pytest.mark.parametrize(
    "data, message",
    [
        ({"text": "Heiß."}, "Bitte sagen Sie, wo"),
        ({"text": "Heiß.", "address": "Atlantis"}, "Einen Ort namens „Atlantis“ kennen wir nicht"),
        ({"text": "Heiß.", "address": "platz"}, "Einen Ort namens „platz“ kennen wir nicht"),
        ({"text": "", "latitude": "49.4439", "longitude": "7.7707"}, "Bitte schreiben Sie"),
        (
            {"text": "In Berlin.", "latitude": "52.5163", "longitude": "13.3777"},
            "außerhalb des Gebiets dieser Karte",
        ),
    ],
)
def test_a_bad_entry_is_refused_with_a_message_and_nothing_lost(client, user, heat, data, message):
    consultation, hot, _bench = heat
    PlaceFactory(name="Stiftsplatz")
    PlaceFactory(name="Schillerplatz")
    client.force_login(user)
    response = post_entry(client, consultation, category=hot.pk, **data)
    assert response.status_code == 400
    # The message stands in the list of errors above the form.
    errors = response.text.split('role="alert"')[1].split("</div>")[0]
    assert message in errors
    assert "Noch ist nichts gespeichert" in errors
    if data["text"]:
        assert data["text"] in response.text
    assert not Entry.objects.exists()


def test_a_category_of_another_consultation_is_refused(client, user, heat):
    consultation, _hot, _bench = heat
    other = CategoryFactory()
    client.force_login(user)
    response = post_entry(
        client,
        consultation,
        category=other.pk,
        text="Heiß.",
        latitude="49.4439",
        longitude="7.7707",
    )
    assert response.status_code == 400
    assert not Entry.objects.exists()


def test_who_may_add_an_entry(client, heat):
    consultation, hot, _bench = heat
    data = {"category": hot.pk, "text": "Heiß.", "latitude": "49.4439", "longitude": "7.7707"}
    # Anonymous: sent to sign in, nothing stored.
    response = client.post(consultation.get_absolute_url(), data)
    assert response.status_code == 302 and "/konto/login/" in response["Location"]
    # Signed in without a confirmed address: refused.
    client.force_login(UserFactory(confirmed=False))
    assert client.post(consultation.get_absolute_url(), data).status_code == 403
    # A closed consultation takes nothing, not even from staff.
    consultation.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    consultation.save()
    client.force_login(UserFactory(is_staff=True, groups=["Moderation"]))
    assert client.post(consultation.get_absolute_url(), data).status_code == 403
    assert not Entry.objects.exists()


def test_a_moderator_releases_an_entry_and_it_shows_on_map_list_and_data(
    client, user, moderator, heat, premoderation
):
    consultation, hot, _bench = heat
    entry = add_entry(
        author=user,
        consultation=consultation,
        category=hot,
        text="Kein <b>Schatten</b>.",
        latitude="49.443900",
        longitude="7.770700",
    )
    release(contribution=entry, moderator=moderator, seen_revision=entry.revision)
    page = client.get(consultation.get_absolute_url()).text
    assert "Kein &lt;b&gt;Schatten&lt;/b&gt;." in page
    markers = json.loads(
        re.search(
            r'id="eintraege-\d+-karte-markers" type="application/json">(.*?)</script>', page
        ).group(1)
    )
    assert markers[0]["name"].startswith("Hier ist es im Sommer zu heiß")
    assert markers[0]["point"] == [49.4439, 7.7707]
    data = json.loads(client.get(geojson_url(consultation)).content)
    assert data["license"].startswith("Datenlizenz Deutschland")
    [feature] = data["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [7.7707, 49.4439]}
    assert feature["properties"]["text"] == "Kein <b>Schatten</b>."
    assert user.get_username() not in client.get(geojson_url(consultation)).text
    rows = list(csv.reader(io.StringIO(client.get(csv_url(consultation)).content.decode())))
    assert rows[0] == [
        "Nummer",
        "Kategorie",
        "Text",
        "Ort",
        "Breitengrad",
        "Längengrad",
        "Veröffentlicht",
        "Quelle",
    ]
    assert rows[1][-1] == "Online"
    assert rows[1][1:3] == ["Hier ist es im Sommer zu heiß", "Kein <b>Schatten</b>."]
    assert user.get_username() not in client.get(csv_url(consultation)).text


def geojson_url(consultation):
    return consultation.get_absolute_url() + "eintraege.geojson"


def csv_url(consultation):
    return consultation.get_absolute_url() + "eintraege.csv"


def test_the_list_filters_by_category(client, heat):
    consultation, hot, bench = heat
    EntryFactory(consultation=consultation, category=hot, text="Heiß am Markt.")
    EntryFactory(consultation=consultation, category=bench, text="Keine Bank am Markt.")
    page = client.get(consultation.get_absolute_url(), {"kategorie": bench.pk}).text
    assert "Keine Bank am Markt." in page and "Heiß am Markt." not in page
    assert "1 Eintrag" in page
    assert 'aria-current="page">Hier fehlt eine Bank' in page


def test_an_unpublished_consultation_is_not_found(client, heat):
    consultation, _hot, _bench = heat
    consultation.is_published = False
    consultation.save()
    assert client.get(consultation.get_absolute_url()).status_code == 404
    assert client.get(geojson_url(consultation)).status_code == 404


def test_the_project_page_links_its_map_consultations(client, heat):
    consultation, _hot, _bench = heat
    page = client.get(consultation.project.get_absolute_url()).text
    assert f'href="{consultation.get_absolute_url()}"' in page


def count_queries(client, path):
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def many_entries(consultation, category, count, place=None):
    """Released entries, inserted at once (as a busy consultation would have them)."""
    authors = UserFactory.create_batch(3)
    Entry.objects.bulk_create(
        Entry(
            consultation=consultation,
            category=category,
            author=authors[number % 3],
            text=f"Eintrag {number}",
            latitude="49.443900",
            longitude="7.770700",
            place=place,
            moderation_state=ModerationState.PUBLISHED,
            published_at=timezone.now(),
        )
        for number in range(count)
    )


@pytest.mark.parametrize("path", ["page", "geojson", "csv"])
def test_queries_do_not_grow_with_the_entries(client, user, heat, path):
    consultation, hot, _bench = heat
    url = {
        "page": consultation.get_absolute_url(),
        "geojson": geojson_url(consultation),
        "csv": csv_url(consultation),
    }[path]
    client.force_login(user)
    many_entries(consultation, hot, 10)
    few = count_queries(client, url)
    many_entries(consultation, hot, 990, place=PlaceFactory())
    assert count_queries(client, url) == few


def test_a_deleted_account_s_released_entries_stay_without_name_and_waiting_ones_go(client, heat):
    from klmitwirkung.privacy import delete_account
    from tests.accounts.factories import PASSWORD

    consultation, hot, _bench = heat
    author = UserFactory()
    kept = EntryFactory(consultation=consultation, category=hot, author=author)
    EntryFactory(
        consultation=consultation,
        category=hot,
        author=author,
        moderation_state=ModerationState.PENDING,
        published_at=None,
    )
    delete_account(user=author, password=PASSWORD)
    assert list(Entry.objects.all()) == [kept]
    kept.refresh_from_db()
    assert kept.author is None


# The page of one entry, with its discussion.


@pytest.mark.parametrize(
    "who, pending_status",
    [("anonymous", 404), ("other", 404), ("author", 200), ("moderator", 200)],
)
def test_who_sees_an_entry_waiting_for_release(client, heat, who, pending_status, moderator):
    consultation, hot, _bench = heat
    author = UserFactory()
    entry = EntryFactory(
        consultation=consultation,
        category=hot,
        author=author,
        moderation_state=ModerationState.PENDING,
        published_at=None,
    )
    viewer = {"anonymous": None, "other": UserFactory(), "author": author, "moderator": moderator}
    if viewer[who] is not None:
        client.force_login(viewer[who])
    assert client.get(entry.get_absolute_url()).status_code == pending_status


def test_a_released_entry_is_discussed_on_its_own_page(client, user, heat):
    from comments.services import post_comment

    consultation, hot, _bench = heat
    entry = EntryFactory(consultation=consultation, category=hot, text="Kein Baum hier.")
    post_comment(
        author=UserFactory(is_staff=True, groups=["Moderation"]),
        target=entry,
        text="Wir nehmen das in den Wärmeatlas auf.",
    )
    page = client.get(entry.get_absolute_url()).text
    assert "Kein Baum hier." in page
    assert "Wir nehmen das in den Wärmeatlas auf." in page
    assert f'id="eintrag-{entry.pk}-karte"' in page
    listing = client.get(consultation.get_absolute_url()).text
    assert f'href="{entry.get_absolute_url()}">1 Kommentar' in listing
    # A citizen comments through the shared comment form; it waits for release.
    client.force_login(user)
    form = client.get(entry.get_absolute_url()).text
    assert 'name="text"' in form


def test_the_consultation_in_english(client, heat):
    consultation, hot, _bench = heat
    consultation.title_en = "Heat spots"
    consultation.save()
    hot.name_en = "It gets too hot here"
    hot.save()
    EntryFactory(consultation=consultation, category=hot, text="Kein Schatten.", language="de")
    page = client.get("/en" + consultation.get_absolute_url()).text
    assert "<h1>Heat spots</h1>" in page
    assert "It gets too hot here" in page
    assert '<div lang="de">Kein Schatten.</div>' in page  # a citizen's German, marked
    assert "Mark a place" in page


def test_a_consultation_about_part_of_the_city_takes_points_only_there(client, user, heat):
    consultation, hot, _bench = heat
    # The inner city only.
    consultation.south, consultation.west = "49.440000", "7.764000"
    consultation.north, consultation.east = "49.448000", "7.778000"
    consultation.full_clean()
    consultation.save()
    PlaceFactory(name="Stiftsplatz", latitude="49.443900", longitude="7.770700")
    PlaceFactory(name="Uni-Campus", latitude="49.423900", longitude="7.753300")
    client.force_login(user)
    page = client.get(consultation.get_absolute_url()).text
    assert "Stiftsplatz</option>" in page and "Uni-Campus</option>" not in page
    assert "[49.44, 7.764, 49.448, 7.778]" in page  # the map shows the area
    outside = post_entry(
        client,
        consultation,
        category=hot.pk,
        text="Am Campus.",
        latitude="49.4239",
        longitude="7.7533",
    )
    assert outside.status_code == 400
    errors = outside.text.split('role="alert"')[1].split("</div>")[0]
    assert "außerhalb des Gebiets dieser Karte" in errors
    typed = post_entry(client, consultation, category=hot.pk, text="Campus.", address="Uni-Campus")
    assert "Einen Ort namens „Uni-Campus“ kennen wir nicht" in typed.text
    inside = post_entry(
        client,
        consultation,
        category=hot.pk,
        text="Am Markt.",
        latitude="49.4439",
        longitude="7.7707",
    )
    assert inside.status_code == 302
    assert Entry.objects.get().text == "Am Markt."


@pytest.mark.parametrize(
    "edges, message",
    [
        (("49.440000", None, None, None), "alle vier Ränder"),
        (("49.448000", "7.764000", "49.440000", "7.778000"), "südlich"),
        (("49.440000", "7.764000", "52.520000", "13.400000"), "innerhalb der Karte"),
    ],
)
def test_an_area_that_makes_no_sense_is_refused(heat, edges, message):
    from django.core.exceptions import ValidationError

    consultation, _hot, _bench = heat
    consultation.south, consultation.west, consultation.north, consultation.east = edges
    with pytest.raises(ValidationError, match=message):
        consultation.full_clean()
