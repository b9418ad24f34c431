"""A person's requests for participation, for the data export (deleting the account:
klmitwirkung.privacy deletes what was never public, like every contribution; the rest
stays without the name)."""

from .models import ParticipationRequest


def export_for(user):
    requests = (
        ParticipationRequest.objects.filter(author=user)
        .select_related("plan")
        .order_by("created_at", "pk")
    )
    return {
        "participation_requests": [
            {
                "id": participation_request.pk,
                "url": participation_request.get_absolute_url(),
                "planned_project": participation_request.plan.title,
                "reason": participation_request.reason,
                "submitted_at": participation_request.created_at,
                "published_at": participation_request.published_at,
                "moderation_state": participation_request.moderation_state,
                "moderation_state_display": participation_request.get_moderation_state_display(),
                "moderation_reason": participation_request.moderation_reason,
                "response": participation_request.response,
                "response_at": participation_request.response_at,
            }
            for participation_request in requests
        ]
    }
