"""What changes map consultations: citizens add entries (pre-moderated like proposals)."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from core import page_cache, ratelimit
from core.text import clean_text
from moderation.services import initial_state

from .models import Entry
from .permissions import can_add_entry


def add_entry(*, author, consultation, category, text, latitude, longitude, place=None):
    """A citizen's point with its category and text; it waits for release where
    pre-moderation is on (the project's rule, or the site-wide switch)."""
    if not can_add_entry(author, consultation):
        raise PermissionDenied(_("This map takes no entries from you at the moment."))
    entry = Entry(
        author=author,
        consultation=consultation,
        category=category,
        text=clean_text(text),
        latitude=latitude,
        longitude=longitude,
        place=place,
        moderation_state=initial_state(author=author, project=consultation.project),
        language=Entry.language_of_the_page(),
    )
    entry.full_clean()
    if not ratelimit.consume("map_entry", author):
        raise ratelimit.RateLimited(
            _(
                "You have placed many entries in the last hour. Please wait a little; "
                "your text is still here."
            )
        )
    if entry.is_published:
        entry.published_at = entry.created_at
    with transaction.atomic():
        entry.save()
        if entry.is_published:
            page_cache.changed(page_cache.CONTENT)
    return entry
