"""A person's proposals and supports, for the data export and the deletion of the account."""

from django.contrib.auth import get_user_model
from django.db.models import F

from core.photos import remove_photos

from .models import Proposal, Support
from .permissions import can_read_proposal, can_view_proposal


def export_for(user):
    proposals = (
        Proposal.objects.filter(author=user)
        .with_counts()
        .select_related("topic", "project", "contest")
        .order_by("created_at", "pk")
    )
    supports = (
        Support.objects.filter(user=user).select_related("proposal").order_by("created_at", "pk")
    )
    return {
        "proposals": [_proposal(proposal) for proposal in proposals],
        "supports": [
            {"proposal": _supported(user, support.proposal), "supported_at": support.created_at}
            for support in supports
        ],
    }


def _proposal(proposal):
    return {
        "id": proposal.pk,
        "url": proposal.get_absolute_url(),
        "title": proposal.title,
        "description": proposal.description,
        # The photo as stored (without the metadata the uploaded file had).
        "photo": proposal.image.url if proposal.image else None,
        "photo_description": proposal.image_alt if proposal.image else None,
        "topic": proposal.topic.name,
        "project": proposal.project.title if proposal.project else None,
        "idea_contest": proposal.contest.title if proposal.contest else None,
        "admission": proposal.admission if proposal.contest else None,
        "admission_reason": proposal.admission_reason if proposal.contest else None,
        "submitted_at": proposal.created_at,
        "published_at": proposal.published_at,
        "last_changed_at": proposal.updated_at,
        "moderation_state": proposal.moderation_state,
        "moderation_state_display": proposal.get_moderation_state_display(),
        "moderation_reason": proposal.moderation_reason,
        "status": proposal.status,
        "status_display": proposal.get_status_display(),
        "city_response": proposal.response,
        "city_response_at": proposal.response_at,
        "support_count": proposal.support_count,
        "comment_count": proposal.comment_count,
    }


def _supported(user, proposal):
    """The supported proposal as its page shows it; never who wrote it."""
    readable = can_view_proposal(user, proposal) and can_read_proposal(user, proposal)
    return {
        "id": proposal.pk,
        "title": proposal.title if readable else None,
        "url": proposal.get_absolute_url(),
    }


def delete_for(user):
    """The person's photos and supports go, and each supported proposal counts one less;
    returns how many supports.

    Call it in the transaction that deletes the account: the cascade of the account would
    delete the supports without counting them down. The account is locked first, so that no
    support comes in before it is gone, then its supports, so that a withdrawal in another
    tab waits and then finds nothing to count down.
    """
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    # Published proposals stay, as of a deleted account; their photos go with the person.
    remove_photos(Proposal.objects.filter(author=user))
    supports = Support.objects.filter(user=user)
    supported = list(supports.select_for_update().values_list("proposal_id", flat=True))
    # One support per person and proposal: each of these proposals loses exactly one.
    Proposal.objects.filter(pk__in=supported).update(support_count=F("support_count") - 1)
    deleted, _ = supports.delete()
    return deleted
