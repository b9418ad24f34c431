"""A person's map entries, for the data export (deleting the account: klmitwirkung.privacy
deletes what was never public, like every contribution; the rest stays without the name)."""

from django.db.models import F

from core.photos import remove_photos

from .models import Entry, EntrySupport


def export_for(user):
    entries = (
        Entry.objects.filter(author=user)
        .select_related("consultation__project", "category", "place")
        .order_by("created_at", "pk")
    )
    return {
        "map_entries": [
            {
                "id": entry.pk,
                "url": entry.get_absolute_url(),
                "map_consultation": entry.consultation.title,
                "category": entry.category.name,
                "text": entry.text,
                # The photo as stored (without the metadata the uploaded file had).
                "photo": entry.image.url if entry.image else None,
                "photo_description": entry.image_alt if entry.image else None,
                "place": entry.place.name if entry.place_id else None,
                "latitude": str(entry.latitude),
                "longitude": str(entry.longitude),
                "submitted_at": entry.created_at,
                "published_at": entry.published_at,
                "moderation_state": entry.moderation_state,
                "moderation_state_display": entry.get_moderation_state_display(),
                "moderation_reason": entry.moderation_reason,
            }
            for entry in entries
        ],
        "map_entry_supports": [
            {
                "entry": support.entry_id,
                "url": support.entry.get_absolute_url(),
                "supported_at": support.created_at,
            }
            for support in EntrySupport.objects.filter(user=user)
            .select_related("entry__consultation__project")
            .order_by("created_at", "pk")
        ],
    }


def delete_for(user):
    """The person's photos and supports go with the account (supports counted down on
    their entries first); the public entries stay, as of a deleted account."""
    remove_photos(Entry.objects.filter(author=user))
    supported = EntrySupport.objects.filter(user=user).values_list("entry_id", flat=True)
    Entry.objects.filter(pk__in=list(supported)).update(support_count=F("support_count") - 1)
