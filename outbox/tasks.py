"""The worker's part: handing queued mails to the mail server."""

from django.tasks import task

from . import services


@task
def deliver_mails(mail_ids):
    """Send each of these queued mails that is still waiting and due; {status: count}."""
    counts = {}
    for mail_id in mail_ids:
        status = services.deliver(mail_id)
        if status is not None:
            counts[status] = counts.get(status, 0) + 1
    return counts
