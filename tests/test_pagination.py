"""Long lists link both ends and the pages around the current one, not every page."""

import re

from django.core.paginator import Paginator
from django.template.loader import render_to_string


def render(page_number, pages=226, **context):
    page_obj = Paginator(range(pages * 20), 20).page(page_number)
    return render_to_string(
        "includes/_pagination.html",
        {"page_obj": page_obj, "filter_query": "sort=supports", **context},
    )


def linked_pages(html):
    return [int(number) for number in re.findall(r"page=(\d+)\"><span", html)]


def test_a_long_list_links_the_ends_and_the_neighbours_of_the_current_page():
    html = render(100)
    assert linked_pages(html) == [1, 98, 99, 101, 102, 226]
    assert 'aria-current="page"><span class="visually-hidden">Seite </span>100' in html
    assert html.count("…") == 2
    assert 'rel="prev"' in html and 'rel="next"' in html
    assert "?sort=supports&amp;page=99" in html


def test_a_short_list_links_every_page():
    html = render(2, pages=5)
    assert linked_pages(html) == [1, 3, 4, 5]
    assert "…" not in html


def test_the_first_page_links_its_neighbours_and_the_last_page():
    assert linked_pages(render(1)) == [2, 3, 226]


def test_lists_name_the_page_parameter_page_and_scroll_nowhere():
    html = render(2, pages=3)
    assert re.findall(r'href="([^"]*)"', html) == [
        "?sort=supports&amp;page=1",
        "?sort=supports&amp;page=1",
        "?sort=supports&amp;page=3",
        "?sort=supports&amp;page=3",
    ]
    assert '<nav aria-label="Seiten"' in html


def test_a_list_inside_a_page_names_its_own_parameter_fragment_and_navigation():
    html = render(
        2, pages=3, page_parameter="kommentarseite", fragment="kommentare", nav_label="Diskussion"
    )
    assert re.findall(r'href="([^"]*)"', html) == [
        "?sort=supports&amp;kommentarseite=1#kommentare",
        "?sort=supports&amp;kommentarseite=1#kommentare",
        "?sort=supports&amp;kommentarseite=3#kommentare",
        "?sort=supports&amp;kommentarseite=3#kommentare",
    ]
    assert '<nav aria-label="Diskussion"' in html
    assert 'aria-current="page"><span class="visually-hidden">Seite </span>2' in html
