"""Sanitising of formatted text that staff write: only harmless tags and attributes survive."""

import nh3
from django.conf import settings
from django.utils.translation import gettext_lazy as _

FORMATTED_TEXT_HELP = _(
    "Formatted text (HTML). Headings start at h2; scripts, styles and images "
    "are removed when saving."
)

ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "code",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "footer",
    "h2",
    "h3",
    "h4",
    "hr",
    "i",
    "li",
    "ol",
    "p",
    "pre",
    "s",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "caption",
    "u",
    "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang", "lang"},
    "abbr": {"title"},
    "div": {"class", "role"},
    "p": {"lang"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}


def sanitize_html(html):
    """Return staff-written HTML with scripts, styles, event handlers and foreign tags removed."""
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer",
    )


def sanitize_fields(instance, *names):
    """Sanitise staff HTML in place, in every language the model keeps it in.

    A field that editors write in German and English (`body_de`, `body_en`) is cleaned in
    each version, whatever language the admin is in; a field in one language, as it is.
    """
    for name in names:
        versions = [
            f"{name}_{code}"
            for code, _name in settings.LANGUAGES
            if hasattr(instance, f"{name}_{code}")
        ] or [name]
        for attribute in versions:
            value = getattr(instance, attribute)
            if value:
                setattr(instance, attribute, sanitize_html(value))
