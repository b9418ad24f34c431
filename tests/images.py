"""Images for tests: small uploads, and their renditions made as the worker makes them."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from core.tasks import render_image


def png(name="bild.png", size=(4, 2), color="red"):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def with_renditions(*rows):
    """Make the renditions of each row's image, as the task does after the commit (which a
    test's transaction never reaches), and return the rows read again."""
    for row in rows:
        render_image.call(row._meta.label, row.pk, row.image.name)
        row.refresh_from_db()
    return rows[0] if len(rows) == 1 else rows
