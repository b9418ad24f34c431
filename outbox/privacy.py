"""The outbox's part of a person's data: mails to their addresses."""

from .models import Mail


def export_for(addresses):
    """Mails to these addresses that are still kept (their text only while waiting)."""
    mails = Mail.objects.to_addresses(addresses).order_by("created_at")
    return {
        "emails": [
            {
                "to": mail.recipient,
                "subject": mail.subject,
                "status": mail.status,
                "queued_at": mail.created_at,
                "sent_at": mail.sent_at,
            }
            for mail in mails
        ]
    }


def delete_for(addresses):
    """Every mail to these addresses, waiting, failed or sent; how many."""
    deleted, _ = Mail.objects.to_addresses(addresses).delete()
    return deleted
