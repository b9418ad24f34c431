"""What every image editors upload carries: a description for people who cannot see it, and
a credit with its licence (German law expects a Bildnachweis). The models that hold an image
(projects, poll choices, milestones) take the fields from `CreditedImage` and its rules from
`image_constraints` and `image_errors`, so that the database and the forms say the same.

A `CreditedImage` also keeps its renditions (core/renditions.py): when its image changes,
the new one's are made after the commit, and the old file is deleted with its renditions,
as it is when the row is deleted."""

from django.core.exceptions import ValidationError
from django.db import models, transaction
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

    # What core/renditions.py made of the image, filled in after the commit; {} before.
    image_renditions = models.JSONField(default=dict, blank=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "image" not in update_fields:
            return super().save(*args, **kwargs)
        before = ""
        if not self._state.adding and self.pk is not None:
            before = (
                type(self)._base_manager.filter(pk=self.pk).values_list("image", flat=True).first()
                or ""
            )
        changed = (self.image.name or "") != before
        if changed:
            self.image_renditions = {}
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "image_renditions"}
        super().save(*args, **kwargs)
        if changed:
            image_replaced(self, before)
        return None

    @property
    def credit_line(self):
        """„Foto: Anna Muster (CC BY 4.0)“, or "" without an image."""
        if not self.image:
            return ""
        if self.image_licence:
            return f"{self.image_credit} ({self.image_licence})"
        return self.image_credit


def image_replaced(instance, before=""):
    """After the commit: make the renditions of `instance`'s image, and delete the file
    `before` it (with its renditions)."""
    from .tasks import forget_image, render_image

    label = instance._meta.label
    name = instance.image.name or ""
    if name:
        transaction.on_commit(lambda: render_image.enqueue(label, instance.pk, name))
    if before:
        transaction.on_commit(lambda: forget_image.enqueue(before))


def image_deleted(sender, instance, **kwargs):
    """post_delete of every `CreditedImage` (core/apps.py): its file goes after the commit."""
    if instance.image.name:
        from .tasks import forget_image

        name = instance.image.name
        transaction.on_commit(lambda: forget_image.enqueue(name))


def image_models():
    from django.apps import apps

    return [model for model in apps.get_models() if issubclass(model, CreditedImage)]


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
