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

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

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
