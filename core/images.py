"""What every image editors upload carries: a description for people who cannot see it, and
a credit with its licence (German law expects a Bildnachweis). The models that hold an image
(projects, poll choices, milestones) take the fields from `CreditedImage` and its rules from
`image_constraints` and `image_errors`, so that the database and the forms say the same."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

ALT_REQUIRED = _("Please describe the image for people who cannot see it.")
CREDIT_REQUIRED = _("Please say whose image it is: the credit is shown with it.")


class CreditedImage(models.Model):
    """The description, credit and licence of a model's `image`; the model names the image
    field itself (where its files go)."""

    image_alt = models.CharField(
        _("image description"),
        max_length=200,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it. Required with an image."),
    )
    image_credit = models.CharField(
        _("image credit"),
        max_length=200,
        blank=True,
        help_text=_(
            "Who made the image, as it is to be named, for example “Foto: Stadt "
            "Kaiserslautern / Anna Muster” or “Illustration: KL.digital”. Required with an "
            "image."
        ),
    )
    image_licence = models.CharField(
        _("image licence"),
        max_length=120,
        blank=True,
        help_text=_("For example “CC BY 4.0” or “all rights reserved, used with permission”."),
    )

    class Meta:
        abstract = True

    @property
    def credit_line(self):
        """„Foto: Anna Muster (CC BY 4.0)“, or "" without an image."""
        if not self.image:
            return ""
        if self.image_licence:
            return f"{self.image_credit} ({self.image_licence})"
        return self.image_credit


def image_constraints(prefix):
    """The database's side of `image_errors`, named `<prefix>_image_has_…`."""
    return [
        models.CheckConstraint(
            condition=Q(image="") | ~Q(image_alt=""),
            name=f"{prefix}_image_has_alt_text",
            violation_error_message=ALT_REQUIRED,
        ),
        models.CheckConstraint(
            condition=Q(image="") | ~Q(image_credit=""),
            name=f"{prefix}_image_has_credit",
            violation_error_message=CREDIT_REQUIRED,
        ),
    ]


def image_errors(instance):
    """Raise the errors of an image without its description or credit, at their fields."""
    if not instance.image:
        return
    errors = {}
    if not instance.image_alt.strip():
        errors["image_alt"] = ALT_REQUIRED
    if not instance.image_credit.strip():
        errors["image_credit"] = CREDIT_REQUIRED
    if errors:
        raise ValidationError(errors)
