"""Photos citizens upload, made safe before anything is stored.

A photo from a phone can say where someone lives (its GPS position), which camera took it
(a serial number) and when. A file can also be two formats at once, or a few kilobytes
that unpack into gigabytes of pixels. So an upload is read as an image only if its content
is JPEG, PNG or WebP (whatever its name says), refused above `MAX_BYTES` or `MAX_PIXELS`
before its pixels are decoded, turned upright as the camera meant, and then drawn anew into
a plain JPEG of at most `MAX_SIDE` pixels: only the pixels survive, no metadata, no colour
profile, no second format, under a random name. Every refusal says in the person's language
what to do.
"""

import io
import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

from .images import ALT_REQUIRED
from .text import clean_text

MAX_BYTES = 12 * 1024 * 1024
MAX_PIXELS = 40_000_000  # a 40-megapixel camera; far below what would exhaust memory
MAX_SIDE = 2560  # what is stored: more than any rendition needs
ACCEPTED = ("JPEG", "PNG", "WEBP")
ACCEPT_ATTRIBUTE = "image/jpeg,image/png,image/webp"
QUALITY = 88


def cleaned_photo(upload):
    """The upload as a new JPEG without metadata (a ContentFile with a random name), or a
    ValidationError saying why not."""
    if upload.size > MAX_BYTES:
        raise ValidationError(
            _(
                "The photo is %(size)s; at most %(limit)s are possible. Please choose a "
                "smaller photo, or send it in a lower resolution."
            ),
            code="too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_BYTES)},
        )
    upload.seek(0)
    data = upload.read()
    try:
        # `formats` decides by the content, never by the name; opening reads the header only.
        image = Image.open(io.BytesIO(data), formats=ACCEPTED)
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError) as error:
        raise ValidationError(
            _(
                "This file is not a photo we can take. Please upload a JPEG, PNG or WebP "
                "image (photos from a phone usually are JPEG)."
            ),
            code="not_an_image",
        ) from error
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise ValidationError(
            _(
                "The photo has %(pixels)s megapixels; at most %(limit)s are possible. Please "
                "choose a smaller photo."
            ),
            code="too_many_pixels",
            params={"pixels": round(width * height / 1_000_000), "limit": MAX_PIXELS // 1_000_000},
        )
    try:
        image.load()
        upright = ImageOps.exif_transpose(image)
        flat = _flattened(upright)
        flat.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
        # Only the pixels are carried over: a new image has no metadata to lose.
        clean = Image.new("RGB", flat.size)
        clean.paste(flat)
        buffer = io.BytesIO()
        clean.save(buffer, "JPEG", quality=QUALITY, optimize=True, progressive=True)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as error:
        raise ValidationError(
            _("The photo could not be read; it may be damaged. Please try another one."),
            code="unreadable",
        ) from error
    return ContentFile(buffer.getvalue(), name=f"{uuid.uuid4().hex}.jpg")


def _flattened(image):
    """RGB; transparent parts on white, the first frame of an animation."""
    if getattr(image, "n_frames", 1) > 1:
        image.seek(0)
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, "white")
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


class PhotoFields(forms.Form):
    """The photo a citizen may add to a contribution (a proposal, a map entry): the file,
    what it shows, the assurance that it may be published, and, for a contribution that
    has one, whether to remove it. The form calls `photo_setup` with the contribution it
    changes and `photo_errors` from its clean(); the service gets `photo_arguments()`."""

    photo = forms.FileField(
        label=_("Photo (optional)"),
        required=False,
        widget=forms.FileInput(attrs={"accept": ACCEPT_ATTRIBUTE}),
        help_text=_(
            "One photo of what it is about: JPEG, PNG or WebP, up to 12 MB. Before we keep "
            "it, we remove everything the file says besides the picture, such as the place "
            "where it was taken and the camera. It is published with your contribution."
        ),
    )
    photo_alt = forms.CharField(
        label=_("What the photo shows"),
        required=False,
        max_length=200,
        help_text=_(
            "For people who cannot see it, for example “The crossing at Stiftsplatz, with "
            "cars parked on the cycle lane”. Required with a photo."
        ),
    )
    photo_rights = forms.BooleanField(
        label=_(
            "I took this photo myself or may publish it, and nobody can be recognised on it "
            "who has not agreed."
        ),
        required=False,
    )
    remove_photo = forms.BooleanField(label=_("Remove the photo"), required=False)

    def photo_setup(self, current=None):
        """`current`: the contribution being changed (None for a new one)."""
        self.photo_current = current if current is not None and current.image else None
        if self.photo_current is not None:
            self.fields["photo"].label = _("Replace the photo (optional)")
            self.fields["photo_alt"].initial = self.photo_current.image_alt
        else:
            del self.fields["remove_photo"]

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        return cleaned_photo(upload) if upload else None

    def photo_errors(self, cleaned):
        new_photo = cleaned.get("photo")
        keeps_photo = self.photo_current is not None and not cleaned.get("remove_photo")
        if new_photo and not cleaned.get("photo_rights"):
            self.add_error(
                "photo_rights",
                ValidationError(
                    _("Please confirm that you may publish this photo."), code="rights"
                ),
            )
        if (new_photo or keeps_photo) and not cleaned.get("photo_alt", "").strip():
            self.add_error("photo_alt", ValidationError(ALT_REQUIRED, code="alt"))
        if self.errors.get("photo") is None and new_photo and self.errors:
            # A browser never sends a chosen file again: say so, rather than lose it quietly.
            self.add_error(
                "photo",
                ValidationError(
                    _(
                        "Your photo was fine, but please choose it once more: for your "
                        "safety, browsers do not keep a chosen file when a form comes back."
                    ),
                    code="choose_again",
                ),
            )

    def photo_arguments(self):
        """The new photo (or None) and its description, and for a contribution that has a
        photo, whether it is to go."""
        arguments = {
            "photo": self.cleaned_data.get("photo"),
            "photo_alt": self.cleaned_data.get("photo_alt", ""),
        }
        if self.photo_current is not None:
            arguments["remove_photo"] = bool(self.cleaned_data.get("remove_photo"))
        return arguments


def set_photo(contribution, photo, photo_alt, credit, remove=False):
    """What the services do with `PhotoFields`: a new photo (already cleaned) replaces the
    present one, `remove` takes it away; the description is the author's words, the credit
    names the author's role, never the person."""
    if photo is not None:
        contribution.image = photo
    elif remove:
        contribution.image = ""
    if contribution.image:
        contribution.image_alt = clean_text(photo_alt)
        contribution.image_credit = credit
    else:
        contribution.image_alt = contribution.image_credit = ""


def remove_photos(contributions):
    """Take the photos off these contributions (a queryset); their files go after the
    commit (core.images). For the deletion of an account, whose public words stay."""
    for contribution in contributions.exclude(image=""):
        contribution.image = ""
        contribution.image_alt = contribution.image_credit = ""
        contribution.save(update_fields=["image", "image_alt", "image_credit"])
