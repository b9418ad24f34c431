"""Rules for public names: short, plain, unique ignoring case, and not impersonating staff."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

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


@deconstructible
class NotReservedValidator:
    message = _("This name is reserved. Please choose another public name.")
    code = "reserved"

    def __call__(self, value):
        if value.strip().lower() in RESERVED_USERNAMES:
            raise ValidationError(self.message, code=self.code)

    def __eq__(self, other):
        return isinstance(other, NotReservedValidator)


not_reserved = NotReservedValidator()
