"""Template filters shared by all apps."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.html import (
    conditional_escape,
    format_html,
    format_html_join,
    linebreaks,
    urlize,
)
from django.utils.safestring import mark_safe

from core import renditions
from core.html import sanitize_html

register = template.Library()


@register.filter(name="sanitized")
def sanitized(value):
    """Render staff-written HTML after sanitising it with nh3."""
    return mark_safe(sanitize_html(value))  # noqa: S308 - nh3 has just cleaned it


LINK_REL = 'rel="nofollow ugc noopener"'
# What a word needs for Django's urlize to make a link of it: a scheme, "www.", an e-mail
# address or one of the top-level domains it knows. Without any of them its output is the
# escaped text, and skipping it saves about a seventh of rendering a page with a thread.
LINK_MARKERS = ("://", "www.", "@", ".com", ".edu", ".gov", ".int", ".mil", ".net", ".org")


def _may_hold_a_link(text):
    lowered = text.lower()
    return any(marker in lowered for marker in LINK_MARKERS)


@register.filter(name="plain_text", needs_autoescape=True)
def plain_text(value, autoescape=True):
    """Citizens' plain text: escaped, paragraphs kept, web addresses as links marked as theirs.

    Django's urlize escapes everything else; its anchors are the only markup in its output,
    so marking them up cannot touch anything the user wrote.
    """
    text = str(value)
    if not _may_hold_a_link(text):
        linked = conditional_escape(text) if autoescape else text
    else:
        linked = urlize(text, nofollow=False, autoescape=autoescape)
        linked = linked.replace("<a href=", f"<a {LINK_REL} href=")
    return mark_safe(linebreaks(linked, autoescape=False))  # noqa: S308 - escaped by urlize


@register.simple_tag
def page_links(page_obj):
    """The page numbers to link: both ends and two around the current page, gaps as "…".

    A long list would otherwise link every one of its pages on each of them.
    """
    return page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)


@register.simple_tag(takes_context=True)
def language_versions(context):
    """This page in each language: code, name in that language, address, whether current.

    For the switch in the header and the `hreflang` alternates: the address is the same
    page under the other language's prefix (German has none), query string included.
    """
    request = context.get("request")
    path = request.get_full_path() if request is not None else "/"
    current = translation.get_language()
    return [
        {
            "code": code,
            "name": translation.get_language_info(code)["name_local"],
            "path": translate_url(path, code),
            "url": request.build_absolute_uri(translate_url(path, code)) if request else "",
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]


def _shown_in_german(instance, field):
    language = translation.get_language() or settings.LANGUAGE_CODE
    default = settings.LANGUAGE_CODE
    if language == default or not hasattr(instance, f"{field}_{language}"):
        return False
    return not getattr(instance, f"{field}_{language}") and bool(
        getattr(instance, f"{field}_{default}", "")
    )


@register.filter
def german_only(instance, field):
    """Whether the page shows this text in German because editors gave no version in the
    page's language (django-modeltranslation falls back to German)."""
    return _shown_in_german(instance, field)


@register.simple_tag
def lang_of(instance, field):
    """` lang="de"` on an element whose text is shown in German on a page in another
    language, so that screen readers speak it in German; nothing otherwise."""
    if _shown_in_german(instance, field):
        return mark_safe(f' lang="{settings.LANGUAGE_CODE}"')  # noqa: S308 - a setting
    return ""


@register.simple_tag
def always_german():
    """` lang="de"` on an editor's text that has no English version yet (such as an image's
    alt text), on a page in another language; nothing on a German page."""
    if (translation.get_language() or settings.LANGUAGE_CODE) != settings.LANGUAGE_CODE:
        return mark_safe(f' lang="{settings.LANGUAGE_CODE}"')  # noqa: S308 - a setting
    return ""


@register.simple_tag
def written_in(contribution, field="language"):
    """` lang="de"` on a text written in another language than the page's, as far as it is
    known (`language` of a contribution, or the named `field`); nothing otherwise."""
    language = getattr(contribution, field, "")
    if language and language != translation.get_language():
        return format_html(' lang="{}"', language)
    return ""


@register.simple_tag
def picture(owner, sizes, css_class="", eager=False):
    """The renditions of `owner`'s image (core/renditions.py) as a `<picture>`: AVIF and WebP
    for browsers that take them, JPEG for all others, each in several widths for `sizes`
    (the CSS width the image takes, as in the `sizes` attribute). Lazy unless `eager` (an
    image at the top of the page, loaded first). Nothing while the renditions are not made
    yet, and never the original."""
    made = getattr(owner, "image_renditions", None) or {}
    if not owner.image or not made.get(renditions.FALLBACK):
        return ""
    *modern, (_key, _mime, fallback_srcset) = renditions.sources(made)
    loading = (
        mark_safe(' fetchpriority="high"')
        if eager
        else mark_safe(' loading="lazy" decoding="async"')
    )
    return format_html(
        '<picture>{}<img src="{}" srcset="{}" sizes="{}" alt="{}"{} width="{}" height="{}" '
        'class="{}"{}></picture>',
        format_html_join(
            "",
            '<source type="{}" srcset="{}" sizes="{}">',
            ((mime, srcset, sizes) for _k, mime, srcset in modern),
        ),
        renditions.chosen(made, at_least=960)[0],
        fallback_srcset,
        sizes,
        owner.image_alt,
        always_german(),
        made["width"],
        made["height"],
        css_class,
        loading,
    )


@register.simple_tag
def share_rendition(owner):
    """(address, width, height) of the rendition of `owner`'s image that previews on
    messengers and social networks show (JPEG, at least 1200 pixels wide where the image
    is), or None before it is made."""
    if not owner or not owner.image:
        return None
    return renditions.chosen(owner.image_renditions or {}, at_least=1200)
