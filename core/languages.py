"""The languages the platform speaks (settings.LANGUAGES), asked in one place."""

from django.conf import settings


def known_language(code, default=None):
    """`code` if the platform speaks it; otherwise `default` (German unless given)."""
    if code in dict(settings.LANGUAGES):
        return code
    return settings.LANGUAGE_CODE if default is None else default
