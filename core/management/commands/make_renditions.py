"""Make the renditions of every image that has none yet (core/renditions.py).

Uploads get theirs from the worker after the commit; this is for images that arrived
otherwise: those uploaded before renditions existed, a restored media folder, or a task
that failed. Run it after such a deploy or restore; it is safe to run again.
"""

from django.core.management.base import BaseCommand

from core.images import image_models
from core.tasks import render_image


class Command(BaseCommand):
    help = "Make the renditions of every image that has none yet."

    def add_arguments(self, parser):
        parser.add_argument(
            "--all",
            action="store_true",
            help="Every image, also those with renditions (after WIDTHS or FORMATS changed).",
        )

    def handle(self, *args, **options):
        made = 0
        for model in image_models():
            rows = model._base_manager.exclude(image="")
            if not options["all"]:
                rows = rows.filter(image_renditions={})
            for pk, name in rows.values_list("pk", "image").order_by("pk").iterator():
                if render_image.call(model._meta.label, pk, name):
                    made += 1
        self.stdout.write(f"Renditions made for {made} images.")
