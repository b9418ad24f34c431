"""Checks that every browser journey runs on every page besides axe-core: reflow at 320 CSS px
(WCAG 1.4.10) and a focus indicator of 3:1 on every focusable element (WCAG 1.4.11, 2.4.7).

The work happens in the page (page_checks.js), one `page.evaluate` per check, so that it costs
milliseconds per page. Both leave focus, selection and scroll position as they found them: a
journey may be in the middle of a form.
"""

from pathlib import Path
from urllib.parse import urlsplit

REFLOW_WIDTH = 320
# Our outline is 3 px; 2 px is the least that a keyboard user can be expected to see.
MIN_OUTLINE_PX = 2
MIN_FOCUS_CONTRAST = 3.0

CHECKS = Path(__file__).with_name("page_checks.js").read_text(encoding="utf-8")
RUN = f"([check, args]) => ({CHECKS})[check](...args)"


def is_admin(url):
    return urlsplit(url).path.startswith("/admin/")


def check_reflow(page, width=REFLOW_WIDTH):
    """No sideways scrolling at 320 CSS px (1280 px at 400 % zoom), and every part that scrolls
    by itself there can be reached with the keyboard. The journey's viewport comes back."""
    viewport = page.viewport_size
    scroll = page.evaluate("[window.scrollX, window.scrollY]")
    page.set_viewport_size({"width": width, "height": viewport["height"]})
    try:
        findings = page.evaluate(RUN, ["reflow", []])
    finally:
        page.set_viewport_size(viewport)
        page.evaluate("([x, y]) => window.scrollTo(x, y)", scroll)
    if findings is None:
        return
    assert findings["scrollWidth"] <= findings["width"], (
        f"{page.url} scrolls sideways at {width} px: {findings['scrollWidth']} px wide for "
        f"{findings['width']} px; sticking out: " + "; ".join(findings["culprits"])
    )
    assert not findings["unreachable"], (
        f"on {page.url} at {width} px, these scroll sideways but the keyboard cannot reach them: "
        + "; ".join(findings["unreachable"])
    )


def check_focus_visible(page):
    """Every focusable element shows an outline of 3:1 when the keyboard focuses it.

    Returns the elements checked, named as in the failure messages.
    """
    # A key press makes script focus count as keyboard focus (:focus-visible) in Chromium;
    # Shift alone moves nothing and types nothing.
    page.keyboard.press("Shift")
    result = page.evaluate(RUN, ["focus", [MIN_OUTLINE_PX, MIN_FOCUS_CONTRAST]])
    assert not result["failures"], (
        f"focus not visible at {MIN_FOCUS_CONTRAST}:1 on {page.url}:\n  "
        + "\n  ".join(result["failures"])
    )
    return result["checked"]
