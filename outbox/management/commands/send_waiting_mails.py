from django.core.management.base import BaseCommand

from outbox import services


class Command(BaseCommand):
    help = (
        "Send every waiting mail that is due (after an outage of the mail server or the "
        "worker) and delete records of mails sent more than 30 days ago. Safe to repeat."
    )

    def handle(self, **options):
        counts = services.send_due_mails()
        forgotten = services.forget_sent_mails()
        self.stdout.write(
            f"sent {counts.get('sent', 0)}, still waiting {counts.get('waiting', 0)}, "
            f"failed {counts.get('failed', 0)}; forgot {forgotten} old records"
        )
