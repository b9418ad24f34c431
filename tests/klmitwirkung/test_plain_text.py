"""Citizens' text: escaped, with clickable links that carry no endorsement."""

from django.template import Context, Template


def render(text):
    return Template("{% load klmitwirkung %}{{ text|plain_text }}").render(Context({"text": text}))


def test_markup_comes_out_as_text():
    html = render('<script>alert("x")</script> <a href="https://evil.example">klick</a>')
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert '<a href="https://evil.example">' not in html
    assert "&lt;a href=" in html


def test_links_are_clickable_and_marked_as_user_content():
    html = render("Siehe https://www.kaiserslautern.de/stadtplan und www.kl.digital.")
    assert (
        '<a rel="nofollow ugc noopener" href="https://www.kaiserslautern.de/stadtplan">'
        "https://www.kaiserslautern.de/stadtplan</a>"
    ) in html
    assert '<a rel="nofollow ugc noopener" href="https://www.kl.digital">' in html


def test_paragraphs_and_line_breaks_are_kept():
    html = render("Erster Absatz\nzweite Zeile\n\nZweiter Absatz")
    assert html == "<p>Erster Absatz<br>zweite Zeile</p>\n\n<p>Zweiter Absatz</p>"
