"""The worker's part of images: renditions made and files deleted after the commit."""

import logging

from django.apps import apps
from django.tasks import task

from . import renditions
from .images import image_models
from .page_cache import CONTENT, changed

logger = logging.getLogger(__name__)


@task
def render_image(label, pk, name):
    """Make the renditions of the image `name` of the row `pk` of model `label`, if it
    still holds that image; True when they were stored."""
    model = apps.get_model(label)
    if model not in image_models():
        return False
    rows = model._base_manager.filter(pk=pk, image=name)
    row = rows.first()
    if row is None:  # deleted or given another image since: that one has its own task
        return False
    made = renditions.make(row.image)
    stored = rows.update(image_renditions=made) == 1
    if stored:
        # Cached pages showed the row without its image; the next visitor sees it.
        changed(CONTENT)
    return stored


@task
def forget_image(name):
    """Delete the image file `name` and its renditions, unless a row still holds it."""
    if any(model._base_manager.filter(image=name).exists() for model in image_models()):
        logger.info("Image %s is still in use; kept.", name)
        return False
    renditions.forget(name)
    return True
