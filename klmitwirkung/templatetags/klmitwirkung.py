"""Template filters shared by all apps."""

from django import template
from django.utils.safestring import mark_safe

from klmitwirkung.html import sanitize_html

register = template.Library()


@register.filter(name="sanitized")
def sanitized(value):
    """Render staff-written HTML after sanitising it with nh3."""
    return mark_safe(sanitize_html(value))  # noqa: S308 - nh3 has just cleaned it
