"""Background work of moderation: telling authors what the moderators decided."""

from django.tasks import task

from core.notifications import absolute_url, language_of, notification_message, wants
from outbox.services import queue_mail

from .models import Decision

KIND = "moderation"


def decision_message(decision, contribution):
    """The mail to the author of a contribution about one decision."""
    with language_of(decision.author):
        url = contribution.get_absolute_url()
        return notification_message(
            user=decision.author,
            kind=KIND,
            template="moderation/email/decision",
            context={
                "decision": decision,
                "title": contribution.moderation_title(),
                "kind_of_contribution": contribution._meta.verbose_name,
                "url": absolute_url(url) if url else "",
            },
        )


@task
def notify_author_of_decision(decision_id):
    """One mail to the author if they want it; False when nobody is to be told."""
    decision = Decision.objects.select_related("author", "content_type").get(pk=decision_id)
    if not wants(decision.author, KIND):
        return False
    contribution = decision.contribution
    if contribution is None:  # deleted since the decision
        return False
    queue_mail(decision_message(decision, contribution), purpose="moderation/email/decision")
    return True
