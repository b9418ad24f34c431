"""A visitor searches from the header of the start page, reads the hits and narrows them."""

import pytest
from django.db import connection

from tests.comments.factories import CommentFactory
from tests.projects.factories import ProjectFactory
from tests.proposals.factories import ProposalFactory

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="stemming needs PostgreSQL"),
]


def test_search_from_the_header_and_filter_by_kind(journey):
    project = ProjectFactory(title="Radweg an der Lauter", teaser="Ein Radweg für alle.")
    ProposalFactory(title="Mehr Radwege in der Innenstadt")
    ProposalFactory(title="Radwege beleuchten", description="Abends ist es dunkel.")
    CommentFactory(target=project, text="Der Radweg sollte breiter werden.")

    page = journey.page
    journey.visit("/")
    header_search = page.get_by_role("search")
    header_search.get_by_label("Die Website durchsuchen").fill("Radwege")
    header_search.get_by_role("button", name="Suchen").click()
    journey.check_page()

    assert page.get_by_role("heading", level=1).inner_text() == "Suchen"
    assert page.get_by_role("status").inner_text() == "4 Ergebnisse für „Radwege“"
    hits = page.locator(".search-hit")
    assert hits.count() == 4
    assert page.locator(".search-hit mark").first.inner_text().lower().startswith("radweg")

    kinds = page.get_by_role("navigation", name="Ergebnisse nach Art")
    kinds.get_by_role("link", name="Vorschläge 2").click()
    journey.check_page()
    assert hits.count() == 2
    assert kinds.get_by_role("link", name="Vorschläge 2").get_attribute("aria-current") == "page"
    titles = page.locator(".search-hit h2").all_inner_texts()
    assert sorted(titles) == ["Mehr Radwege in der Innenstadt", "Radwege beleuchten"]

    page.get_by_role("link", name="Mehr Radwege in der Innenstadt").click()
    journey.check_page()
    assert page.get_by_role("heading", level=1).inner_text() == "Mehr Radwege in der Innenstadt"


def test_search_page_explains_itself_and_refuses_a_too_long_term(journey):
    page = journey.page
    journey.visit("/suche/")
    assert "Radwege" in page.locator("main").inner_text()
    # The field takes 200 characters; a longer term (from a link) is refused with a message.
    page.get_by_label("Suchbegriff").fill("Radweg " * 30)
    assert len(page.get_by_label("Suchbegriff").input_value()) == 200
    journey.visit("/suche/?q=" + "Radweg+" * 30)
    assert "höchstens 200 Zeichen" in page.locator("main").inner_text()
    assert page.get_by_label("Suchbegriff").get_attribute("aria-invalid") == "true"
