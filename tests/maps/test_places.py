"""Named places: within the map's area, on the ballot of a location poll, listed as text."""

import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext

from maps.models import Place
from polls.models import Question
from tests.polls.factories import ChoiceFactory, PollFactory, QuestionFactory

from .factories import PlaceFactory

pytestmark = pytest.mark.django_db


def test_a_place_outside_the_map_is_refused():
    place = PlaceFactory.build(
        name="Brandenburger Tor", latitude="52.516300", longitude="13.377700"
    )
    with pytest.raises(ValidationError) as error:
        place.full_clean()
    assert "außerhalb" in str(error.value)


def test_the_database_refuses_a_point_that_is_not_on_earth():
    with pytest.raises(IntegrityError):
        PlaceFactory(latitude="91.000000")


def location_poll(count=3, prefix="Ort"):
    poll = PollFactory(title="Wo soll die Ausprobierbox stehen?")
    question = QuestionFactory(
        poll=poll, position=1, text="Welcher Ort?", kind=Question.Kind.PLACE
    )
    for number in range(count):
        place = PlaceFactory(
            name=f"{prefix} {number}",
            latitude=f"49.44{number % 10}000",
            longitude="7.770000",
            description=f"vor Haus {number}",
        )
        ChoiceFactory(question=question, label=f"Standort {number}", place=place)
    return poll, question


def markers_of(html, question):
    found = re.search(
        rf'<script id="frage-{question.pk}-karte-markers" type="application/json">(.*?)</script>',
        html,
        re.S,
    )
    return json.loads(found.group(1)) if found else None


def test_the_ballot_of_a_location_poll_shows_its_places_on_a_map_and_as_text(client):
    poll, question = location_poll()
    html = client.get(poll.get_absolute_url()).text
    # The map library is loaded in the head, from our own origin.
    head = html.split("</head>")[0]
    assert "/static/vendor/leaflet-1.9.4/leaflet.js" in head
    assert "/static/js/maps.js" in head
    # The map: hidden until the script shows it, named, pointing to the list.
    figure = html.split(f'id="frage-{question.pk}-karte-figure"')[1].split("</figure>")[0]
    assert " hidden>" in figure.split("\n")[0] + ">"
    assert 'role="region" aria-label="Karte der Orte von Frage 1"' in figure
    assert f'href="#frage-{question.pk}-antworten"' in figure
    assert "Schematische Karte: KLmitWirkung" in figure
    assert [marker["name"] for marker in markers_of(html, question)] == ["Ort 0", "Ort 1", "Ort 2"]
    # Every place is also written out with its choice.
    assert f'id="frage-{question.pk}-antworten"' in html
    assert "Ort: Ort 1, vor Haus 1" in html


def test_a_poll_without_places_loads_no_map(client):
    poll = PollFactory()
    QuestionFactory(poll=poll, position=1)
    html = client.get(poll.get_absolute_url()).text
    assert "leaflet" not in html
    assert "data-map" not in html


def test_a_place_s_name_is_data_never_markup(client):
    poll, question = location_poll(1)
    Place.objects.update(name="</script><script>alert(1)</script>")
    html = client.get(poll.get_absolute_url()).text
    assert "<script>alert(1)" not in html
    assert markers_of(html, question)[0]["name"] == "</script><script>alert(1)</script>"


def count_queries(client, path):
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_the_places_cost_no_query_however_many(client):
    few, _question = location_poll(3, prefix="Wenige")
    many, _question = location_poll(30, prefix="Viele")
    assert count_queries(client, few.get_absolute_url()) == count_queries(
        client, many.get_absolute_url()
    )


def test_the_results_of_a_location_poll_are_on_a_map_and_in_the_table(client):
    from tests.polls.factories import BallotFactory

    poll, question = location_poll(2)
    first, second = question.choices.order_by("position")
    BallotFactory(poll=poll, choices=[first])
    BallotFactory(poll=poll, choices=[first])
    BallotFactory(poll=poll, choices=[second])
    html = client.get(poll.get_results_url()).text
    assert "/static/vendor/leaflet-1.9.4/leaflet.js" in html.split("</head>")[0]
    markers_id = f"ergebnis-{question.pk}-karte-markers"
    found = re.search(
        rf'<script id="{markers_id}" type="application/json">(.*?)</script>', html, re.S
    )
    markers = json.loads(found.group(1))
    assert [(m["name"], m["description"]) for m in markers] == [
        ("Standort 0 (Ort 0)", "2 Stimmen, 66,7 %"),
        ("Standort 1 (Ort 1)", "1 Stimme, 33,3 %"),
    ]
    assert f'id="ergebnis-{question.pk}-antworten"' in html  # the table the map points to


def test_a_choice_of_a_location_question_needs_its_place():
    _poll, question = location_poll(1)
    choice = ChoiceFactory.build(question=question, label="Irgendwo", position=9)
    with pytest.raises(ValidationError) as error:
        choice.full_clean()
    assert "place" in error.value.error_dict


def test_a_location_question_takes_one_place_per_ballot(user):
    from polls.services import cast_ballot

    poll, question = location_poll(2)
    first, second = question.choices.order_by("position")
    with pytest.raises(ValidationError):
        cast_ballot(poll=poll, user=user, answers={question: [first, second]})
    ballot = cast_ballot(poll=poll, user=user, answers={question: [second]})
    assert [selection.choice for selection in ballot.selections.all()] == [second]
