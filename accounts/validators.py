"""Rules for public names: short, plain, unique ignoring case and look-alikes, and not
impersonating staff (see accounts/names.py)."""

import functools

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from .names import name_key, normalise, scripts

# Names that would let someone pose as the city, its staff or the platform itself.
RESERVED_USERNAMES = frozenset(
    {
        "admin",
        "administrator",
        "root",
        "system",
        "staff",
        "support",
        "moderation",
        "moderator",
        "moderatorin",
        "redaktion",
        "stadt",
        "stadtverwaltung",
        "rathaus",
        "kaiserslautern",
        "oberbuergermeisterin",
        "oberbürgermeisterin",
        "buergermeister",
        "bürgermeister",
        "klmitwirkung",
        "kl.digital",
        "kldigital",
        "smartcity",
        "gelöschtes-konto",
        "geloeschtes-konto",
        "anonym",
        "anonymous",
        "info",
        "noreply",
    }
)

username_characters = RegexValidator(
    regex=r"^[\w.-]{3,30}\Z",
    message=_(
        "Use 3 to 30 characters: letters, digits, dots, hyphens and underscores, without spaces."
    ),
    code="invalid",
)

german_postal_code = RegexValidator(
    regex=r"^[0-9]{5}\Z",
    message=_("Please enter a postal code of five digits, for example 67655."),
    code="invalid",
)


@functools.cache
def reserved_keys():
    return frozenset(name_key(name) for name in RESERVED_USERNAMES)


@deconstructible
class NotReservedValidator:
    """Refuses reserved names, also when written with look-alike letters."""

    message = _("This name is reserved. Please choose another public name.")
    code = "reserved"

    def __call__(self, value):
        if name_key(value) in reserved_keys():
            raise ValidationError(self.message, code=self.code)

    def __eq__(self, other):
        return isinstance(other, NotReservedValidator)


not_reserved = NotReservedValidator()


@deconstructible
class SingleScriptValidator:
    """Refuses names that mix the letters of several scripts, such as Latin and Cyrillic."""

    message = _(
        "Please use the letters of one script only, for example only Latin or only Cyrillic "
        "letters: mixed, they can imitate other names."
    )
    code = "mixed_scripts"

    def __call__(self, value):
        if len(scripts(normalise(value))) > 1:
            raise ValidationError(self.message, code=self.code)

    def __eq__(self, other):
        return isinstance(other, SingleScriptValidator)


single_script = SingleScriptValidator()
