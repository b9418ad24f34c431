"""The Vorhabenliste as visitors read it: the filterable list, one planned project, the list
as CSV for spreadsheets and as an Atom feed; and the rule that a plan without participation
says why."""

import csv
import io
import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from moderation.models import ModerationState
from plans.models import Plan
from tests.accounts.factories import UserFactory

from .factories import DepartmentFactory, ParticipationRequestFactory, PlanFactory

pytestmark = pytest.mark.django_db

LIST = "/vorhaben/"
CSV_URL = "/vorhaben/vorhabenliste.csv"
FEED = "/vorhaben/feed/"
ATOM = {"atom": "http://www.w3.org/2005/Atom"}
PARTICIPATION = Plan.Participation


def titles(response):
    return [plan.title for plan in response.context["plans"]]


# --- the list ------------------------------------------------------------------------------


def test_the_list_shows_published_plans_only(client):
    PlanFactory(title="Radweg Mannheimer Straße")
    PlanFactory(title="Neues Hallenbad")
    PlanFactory(title="Entwurf Stadtpark", is_published=False)
    response = client.get(LIST)
    assert response.status_code == 200
    assert titles(response) == ["Neues Hallenbad", "Radweg Mannheimer Straße"]
    assert "Entwurf Stadtpark" not in response.text


@pytest.mark.parametrize("who", ["anonymous", "user"])
def test_an_unpublished_plan_is_not_found_for_citizens(client, who, user):
    plan = PlanFactory(is_published=False)
    if who == "user":
        client.force_login(user)
    assert client.get(plan.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_staff_preview_an_unpublished_plan(client, request, role):
    plan = PlanFactory(title="Entwurf Stadtpark", is_published=False)
    published = PlanFactory()
    client.force_login(request.getfixturevalue(role))
    response = client.get(plan.get_absolute_url())
    assert response.status_code == 200
    assert response.context["plan"] == plan
    assert "alert-warning" in response.text  # marked as a preview
    assert "alert-warning" not in client.get(published.get_absolute_url()).text
    # The list stays the public one, for staff too.
    assert titles(client.get(LIST)) == [published.title]


@pytest.fixture
def three_plans():
    mobility = DepartmentFactory(name="Mobilität", slug="mobilitaet")
    culture = DepartmentFactory(name="Kultur", slug="kultur")
    PlanFactory(
        title="Radweg",
        department=mobility,
        status=Plan.Status.PLANNING,
        participation=PARTICIPATION.PLANNED,
    )
    PlanFactory(
        title="Busbahnhof",
        department=mobility,
        status=Plan.Status.BUILDING,
        participation=PARTICIPATION.NONE,
        participation_reason="Gesetzlich vorgegeben.",
    )
    PlanFactory(
        title="Museum",
        department=culture,
        status=Plan.Status.PLANNING,
        participation=PARTICIPATION.RUNNING,
    )


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"bereich": "mobilitaet"}, ["Busbahnhof", "Radweg"]),
        ({"bereich": "kultur"}, ["Museum"]),
        ({"status": "planning"}, ["Museum", "Radweg"]),
        ({"beteiligung": "none"}, ["Busbahnhof"]),
        ({"bereich": "mobilitaet", "status": "planning"}, ["Radweg"]),
        ({"bereich": "kultur", "beteiligung": "none"}, []),
    ],
)
def test_the_list_filters_by_department_status_and_participation(
    client, three_plans, query, expected
):
    response = client.get(LIST, query)
    assert response.status_code == 200
    assert titles(response) == expected


@pytest.mark.parametrize(
    "query", [{"bereich": "gibt-es-nicht"}, {"status": "verschollen"}, {"beteiligung": "1' OR 1"}]
)
def test_an_unknown_filter_value_is_ignored_without_a_crash(client, three_plans, query):
    response = client.get(LIST, query)
    assert response.status_code == 200
    assert titles(response) == ["Busbahnhof", "Museum", "Radweg"]
    [name] = query
    assert response.context["filter_form"].errors[name]


def test_the_list_has_pages_of_twenty(client):
    for number in range(21):
        PlanFactory(title=f"Vorhaben {number:02}")
    first = client.get(LIST)
    assert len(first.context["plans"]) == 20
    assert first.context["paginator"].num_pages == 2
    assert 'rel="next"' in first.text
    second = client.get(LIST, {"page": 2})
    assert titles(second) == ["Vorhaben 20"]
    assert client.get(LIST, {"page": 3}).status_code == 404


def test_the_page_links_keep_the_filter(client):
    department = DepartmentFactory(slug="mobilitaet")
    for _ in range(21):
        PlanFactory(department=department)
    PlanFactory()
    response = client.get(LIST, {"bereich": "mobilitaet"})
    assert response.context["paginator"].count == 21
    assert "?bereich=mobilitaet&amp;page=2" in response.text
    assert 'href="/vorhaben/vorhabenliste.csv?bereich=mobilitaet"' in response.text


def test_the_empty_list_says_so(client):
    PlanFactory(is_published=False)
    response = client.get(LIST)
    assert response.status_code == 200
    assert list(response.context["plans"]) == []
    assert 'class="empty-state"' in response.text
    assert response.context["is_filtered"] is False
    filtered = client.get(LIST, {"status": "done"})
    assert 'class="empty-state"' in filtered.text
    assert filtered.context["is_filtered"] is True


def test_the_list_counts_only_released_requests(client):
    plan = PlanFactory()
    ParticipationRequestFactory.create_batch(2, plan=plan)
    for state in [ModerationState.PENDING, ModerationState.REJECTED, ModerationState.HIDDEN]:
        ParticipationRequestFactory(plan=plan, moderation_state=state)
    other = ParticipationRequestFactory().plan
    counts = {listed: listed.request_count for listed in client.get(LIST).context["plans"]}
    assert counts == {plan: 2, other: 1}
    assert client.get(plan.get_absolute_url()).context["plan"].request_count == 2


def count_queries(client, path):
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def plans_with_requests(count):
    for _ in range(count):
        plan = PlanFactory()
        ParticipationRequestFactory(plan=plan, response="Danke.")
        ParticipationRequestFactory(plan=plan, moderation_state=ModerationState.PENDING)


@pytest.mark.parametrize("signed_in", [False, True])
def test_the_list_needs_the_same_queries_for_3_and_30_plans(client, user, signed_in):
    if signed_in:
        client.force_login(user)
    plans_with_requests(3)
    few = count_queries(client, LIST)
    plans_with_requests(27)
    assert count_queries(client, LIST) == few


def released_requests(plan, count):
    moderator = UserFactory(is_staff=True, groups=["Moderation"])
    for number in range(count):
        ParticipationRequestFactory(
            plan=plan,
            reason=f"Grund {number}",
            response="Wir melden uns." if number % 2 else "",
            response_by=moderator if number % 2 else None,
        )


@pytest.mark.parametrize("signed_in", [False, True])
def test_a_plan_page_needs_the_same_queries_for_3_and_30_requests(client, user, signed_in):
    if signed_in:
        client.force_login(user)
    plan = PlanFactory()
    released_requests(plan, 3)
    few = count_queries(client, plan.get_absolute_url())
    released_requests(plan, 27)
    assert count_queries(client, plan.get_absolute_url()) == few


def test_the_requests_of_a_plan_come_twenty_a_page_newest_first(client):
    plan = PlanFactory()
    released_requests(plan, 25)
    newest_first = list(plan.participation_requests.order_by("-created_at", "-pk"))
    first = client.get(plan.get_absolute_url())
    assert list(first.context["requests"]) == newest_first[:20]
    assert first.context["plan"].request_count == 25
    assert 'href="?page=2#anfragen"' in first.text
    second = client.get(plan.get_absolute_url(), {"page": 2})
    assert list(second.context["requests"]) == newest_first[20:]


def test_the_plan_page_shows_what_the_city_plans(client):
    plan = PlanFactory(
        title="Radweg Mannheimer Straße",
        department=DepartmentFactory(name="Referat Mobilität"),
        timeframe="2027 bis 2029",
        participation=PARTICIPATION.NONE,
        participation_reason="Eine reine Sanierung.",
    )
    page = client.get(plan.get_absolute_url()).text
    assert "<h1>Radweg Mannheimer Straße</h1>" in page
    assert "Referat Mobilität" in page and "2027 bis 2029" in page
    assert "Eine reine Sanierung." in page


# --- CSV and Atom --------------------------------------------------------------------------


def read_csv(response):
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="vorhabenliste.csv"'
    assert response.content.startswith("\ufeff".encode())
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def test_the_csv_has_the_filtered_plans_for_german_spreadsheets(client, three_plans):
    PlanFactory(title="Entwurf", is_published=False)
    header, *rows = read_csv(client.get(CSV_URL, {"bereich": "mobilitaet"}))
    assert len(header) == 10
    assert [row[0] for row in rows] == ["Busbahnhof", "Radweg"]
    busbahnhof = rows[0]
    assert busbahnhof[1:3] == ["Mobilität", "2027 bis 2028"]
    assert busbahnhof[7] == "Gesetzlich vorgegeben."
    assert busbahnhof[8] == "0"
    url = Plan.objects.get(title="Busbahnhof").get_absolute_url()
    assert busbahnhof[9] == f"http://testserver{url}"
    # Without a filter: every published plan, not only the first page.
    for _ in range(20):
        PlanFactory()
    _header, *everything = read_csv(client.get(CSV_URL))
    assert len(everything) == 23


def test_the_csv_cannot_run_formulas(client):
    PlanFactory(title='=HYPERLINK("http://example.com")', timeframe="+2027")
    _header, row = read_csv(client.get(CSV_URL))
    assert row[0] == '\'=HYPERLINK("http://example.com")'
    assert row[2] == "'+2027"


def test_the_csv_is_open_data_without_personal_data(client):
    plan = PlanFactory(title="Radweg")
    author = UserFactory(username="MariaMusterfrau")
    ParticipationRequestFactory(plan=plan, author=author, reason="Mein geheimer Grund.")
    ParticipationRequestFactory(
        plan=plan, moderation_state=ModerationState.PENDING, reason="Noch nicht frei."
    )
    response = client.get(CSV_URL)
    text = response.content.decode("utf-8-sig")
    assert "MariaMusterfrau" not in text and author.email not in text
    assert "Mein geheimer Grund." not in text and "Noch nicht frei." not in text
    _header, row = read_csv(response)
    assert row[8] == "1"  # counted, released only


def test_the_feed_lists_published_plans(client):
    PlanFactory(title="Radweg", summary="Ein neuer Radweg.")
    PlanFactory(title="Hallenbad")
    PlanFactory(title="Entwurf", is_published=False)
    response = client.get(FEED)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall("atom:entry", ATOM)
    assert sorted(entry.find("atom:title", ATOM).text for entry in entries) == [
        "Hallenbad",
        "Radweg",
    ]
    radweg = next(e for e in entries if e.find("atom:title", ATOM).text == "Radweg")
    link = radweg.find("atom:link", ATOM).get("href")
    assert link == "http://testserver" + Plan.objects.get(title="Radweg").get_absolute_url()
    assert radweg.find("atom:summary", ATOM).text.startswith("Ein neuer Radweg.")


# --- the rule: no participation needs a reason ---------------------------------------------


def test_a_plan_without_participation_must_say_why():
    plan = PlanFactory.build(
        department=DepartmentFactory(), participation=PARTICIPATION.NONE, participation_reason=""
    )
    with pytest.raises(ValidationError) as error:
        plan.full_clean()
    assert list(error.value.message_dict) == ["participation_reason"]
    plan.participation_reason = "   "
    with pytest.raises(ValidationError):
        plan.full_clean()
    plan.participation_reason = "Eine reine Sanierung."
    plan.full_clean()


def test_the_database_refuses_a_plan_without_participation_and_reason():
    with pytest.raises(IntegrityError), transaction.atomic():
        PlanFactory(participation=PARTICIPATION.NONE, participation_reason="")
    assert not Plan.objects.exists()
