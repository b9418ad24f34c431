"""The checks that every journey runs on every page find what they are for, name it, and leave
the page as a journey left it."""

import pytest

from tests.e2e import page_checks

pytestmark = pytest.mark.e2e

# Bootstrap 5.3's focus rings, as they were before our stylesheet outranked them.
BOOTSTRAP_RINGS = """
<style>
  body { margin: 0; background: #fff; }
  a:focus-visible, button:focus-visible { outline: 3px solid #1d1d1f; outline-offset: 2px; }
  .nav-link:focus-visible { outline: 0; box-shadow: 0 0 0 .25rem rgba(13, 110, 253, .25); }
  .form-control:focus { outline: 0; box-shadow: 0 0 0 .25rem rgba(13, 110, 253, .25); }
  .grey:focus-visible { outline: 3px solid #999; }
  footer { background: #1d1d1f; color: #fff; }
</style>
"""


@pytest.fixture
def blank(browser):
    context = browser.new_context(locale="de-DE")
    yield context.new_page()
    context.close()


def test_focus_check_names_each_element_whose_ring_is_missing_or_too_faint(blank):
    blank.set_content(
        BOOTSTRAP_RINGS
        + """
        <a href="#">Impressum</a>
        <a class="nav-link" href="#">Projekte</a>
        <label for="name">Name</label><input id="name" class="form-control">
        <button class="grey">Filter anwenden</button>
        <footer><a href="#">Kontakt</a></footer>
        """
    )
    with pytest.raises(AssertionError) as failure:
        page_checks.check_focus_visible(blank)
    message = str(failure.value)
    assert "a.nav-link „Projekte“: no outline of 2 px or more" in message
    assert "input#name.form-control „Name“: no outline" in message
    assert "button.grey „Filter anwenden“: outline #999999 on #ffffff is 2.85:1" in message
    assert "a „Kontakt“: outline #1d1d1f on #1d1d1f is 1.00:1" in message
    assert "Impressum" not in message


def test_focus_check_passes_rings_of_3_to_1_and_returns_what_it_checked(blank):
    blank.set_content(
        """
        <style>
          :focus-visible { outline: 3px solid #1d1d1f; outline-offset: 2px; }
          footer { background: #1d1d1f; }
          footer :focus-visible { outline-color: #fff; }
        </style>
        <a href="#">Impressum</a><button hidden>Versteckt</button>
        <footer><a href="#">Kontakt</a></footer>
        """
    )
    assert page_checks.check_focus_visible(blank) == ["a „Impressum“", "a „Kontakt“"]


def test_focus_check_leaves_focus_selection_and_tab_order_as_they_were(blank):
    form = """
        <style>:focus-visible { outline: 3px solid #1d1d1f; }</style>
        <a href="#">Zum Inhalt</a>
        <input type="radio" name="where" id="r1"><label for="r1">Hauptbahnhof</label>
        <input type="radio" name="where" id="r2"><label for="r2">Stadtpark</label>
        <label for="text">Text</label><input id="text">
        <a href="#">Weiter</a>
    """
    blank.set_content(form)
    blank.get_by_label("Text").fill("Lautern")
    blank.get_by_label("Text").evaluate("el => el.setSelectionRange(2, 4)")
    page_checks.check_focus_visible(blank)
    assert blank.evaluate("document.activeElement.id") == "text"
    assert blank.evaluate(
        "[document.activeElement.selectionStart, document.activeElement.selectionEnd]"
    ) == [2, 4]

    # With nothing focused, Tab starts at the top again and enters the radio group at its first.
    blank.set_content(form)
    page_checks.check_focus_visible(blank)
    assert blank.evaluate("document.activeElement === document.body")
    blank.keyboard.press("Tab")
    assert blank.evaluate("document.activeElement.textContent") == "Zum Inhalt"
    blank.keyboard.press("Tab")
    assert blank.evaluate("document.activeElement.id") == "r1"


def test_reflow_check_names_what_sticks_out_at_320_px_and_restores_the_viewport(blank):
    blank.set_viewport_size({"width": 1280, "height": 720})
    blank.set_content(
        '<body style="margin: 0"><div class="row" style="width: 332px">Projekt</div></body>'
    )
    with pytest.raises(AssertionError) as failure:
        page_checks.check_reflow(blank)
    assert "scrolls sideways at 320 px: 332 px wide for 320 px" in str(failure.value)
    assert "div.row „Projekt“ reaches 332 px" in str(failure.value)
    assert blank.viewport_size == {"width": 1280, "height": 720}

    blank.set_content(
        "<p>https://www.kaiserslautern.de/stadtgruen/baeume-auf-dem-schillerplatz</p>"
    )
    with pytest.raises(
        AssertionError, match=r"the text „https://www\.kaiserslautern\.de/stadtgruen"
    ):
        page_checks.check_reflow(blank)


def test_reflow_check_allows_a_wide_table_in_a_region_the_keyboard_can_scroll(blank):
    table = '<table style="width: 600px"><tr><th>Antwort</th><td>3</td></tr></table>'
    blank.set_content(f'<div style="overflow-x: auto" tabindex="0">{table}</div>')
    page_checks.check_reflow(blank)

    blank.set_content(f'<div class="wrapper" style="overflow-x: auto">{table}</div>')
    with pytest.raises(AssertionError, match=r"the keyboard cannot reach them: div\.wrapper"):
        page_checks.check_reflow(blank)
