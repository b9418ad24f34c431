"""Tell participants that the results of their poll are out, for polls that closed by themselves.

Polls whose results staff publish are announced at that moment (`publish_results`); results
shown live or after the close go public when the clock passes the close, with nobody
clicking, so this command runs every few minutes (the `scheduler` service in compose).
"""

from django.core.management.base import BaseCommand

from polls.services import announce_due_results


class Command(BaseCommand):
    help = (
        "Mails the participants of closed polls whose results are public and not announced "
        "yet. Safe to run again: each poll is announced once."
    )

    def handle(self, *args, **options):
        count = announce_due_results()
        self.stdout.write(f"Results announced for {count} poll(s).")
