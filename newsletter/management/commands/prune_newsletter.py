"""Delete newsletter subscriptions that were never confirmed in time (run daily)."""

from django.core.management.base import BaseCommand

from newsletter.services import prune_unconfirmed


class Command(BaseCommand):
    help = "Delete newsletter subscriptions whose confirmation link has expired."

    def handle(self, *args, **options):
        deleted = prune_unconfirmed()
        if options["verbosity"]:
            self.stdout.write(f"{deleted} unconfirmed newsletter subscription(s) deleted.")
