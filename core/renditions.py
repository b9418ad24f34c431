"""Renditions of uploaded images: what visitors get instead of the original.

An editor's photo may be 6,000 pixels wide and 8 MB; a phone needs 480 pixels in a modern
format. After an image is saved and the transaction has committed, a task
(`core.tasks.render_image`) asks sorl-thumbnail for a few widths in AVIF, WebP and JPEG,
re-encoded without the original's metadata, and stores their names and sizes on the row
itself (`image_renditions`). Pages read only that field: no rendition is ever made while a
page is rendered, no query is spent per image, and the original is never linked. Until the
renditions exist, a page shows no image (as without one); the task takes about a second.

sorl-thumbnail was chosen over easy-thumbnails (which declares Django only up to 5.2) and
django-imagekit (its renditions are made on the first request by default, and it needs a
cache strategy of its own to avoid that): sorl is tested with Django 6.1, writes AVIF and
WebP through Pillow, names its files after source and options (so a second run finds them)
and keeps a key-value store of each source's thumbnails, which `forget` uses to delete them.
"""

from django.core.files.storage import default_storage
from sorl import thumbnail

# Widths to choose from with `srcset`; an image narrower than one is not enlarged.
WIDTHS = (480, 960, 1440)
# The most widely understood format last: it is the `<img>` itself.
FORMATS = (
    ("avif", "AVIF", "image/avif", 60),
    ("webp", "WEBP", "image/webp", 78),
    ("jpeg", "JPEG", "image/jpeg", 82),
)
FALLBACK = "jpeg"


def make(image):
    """Make the renditions of `image` (a saved FieldFile) and return what pages need: the
    intrinsic size of the widest, and per format a list of (name, width, height)."""
    renditions = {}
    for key, sorl_format, _mime, quality in FORMATS:
        sizes = []
        for width in WIDTHS:
            made = thumbnail.get_thumbnail(
                image, str(width), format=sorl_format, quality=quality, upscale=False
            )
            sizes.append([made.name, made.width, made.height])
            if made.width < width:  # the original is narrower: no wider rendition
                break
        renditions[key] = sizes
    widest = renditions[FALLBACK][-1]
    return {"width": widest[1], "height": widest[2], **renditions}


def forget(name):
    """Delete the original `name` and every rendition made of it (files and the key-value
    store's entries)."""
    if name:
        thumbnail.delete(name)


def sources(renditions):
    """[(key, mime type, "url 480w, url 960w")] per format made, the fallback last."""
    result = []
    for key, _sorl_format, mime, _quality in FORMATS:
        sizes = renditions.get(key) or []
        if sizes:
            srcset = ", ".join(f"{default_storage.url(name)} {width}w" for name, width, _ in sizes)
            result.append((key, mime, srcset))
    return result


def chosen(renditions, at_least, key=FALLBACK):
    """(address, width, height) of the narrowest rendition of `key` at least `at_least`
    pixels wide (the widest if none is), or None before the renditions are made."""
    sizes = renditions.get(key) or []
    if not sizes:
        return None
    name, width, height = next((size for size in sizes if size[1] >= at_least), sizes[-1])
    return (default_storage.url(name), width, height)
