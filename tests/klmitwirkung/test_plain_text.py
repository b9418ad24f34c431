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


def test_text_without_a_link_comes_out_exactly_as_urlize_would_give_it():
    # plain_text skips urlize where no word can become a link; the result must not differ.
    from django.utils.html import linebreaks, urlize

    texts = [
        "Gute Idee! Aber bitte barrierefrei & mit Bänken.",
        "<b>fett</b> \"zitiert\" 'einfach' 5 < 6 > 4",
        "Mehr unter kaiserslautern.de oder bei der Stadt: Montag 10:30 Uhr.",
        "Zeile eins\nZeile zwei\n\nNeuer Absatz; Ende.",
        "",
        "Seite https://www.kaiserslautern.de und mail@example.org",
        "WWW.KL.DIGITAL oder KL.ORG",
    ]
    for text in texts:
        expected = linebreaks(urlize(text, autoescape=True), autoescape=False).replace(
            "<a href=", '<a rel="nofollow ugc noopener" href='
        )
        assert render(text) == expected, text
