"""What changes map consultations: citizens add entries (pre-moderated like proposals)."""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from core import page_cache, ratelimit
from core.photos import set_photo
from core.text import clean_text
from moderation.models import ModerationState
from moderation.services import initial_state

from .models import PHOTO_CREDIT, Entry, EntrySupport
from .permissions import can_add_entry, can_enter_paper_entries, can_support_entry


def add_entry(
    *,
    author,
    consultation,
    category,
    text,
    latitude,
    longitude,
    place=None,
    photo=None,
    photo_alt="",
):
    """A citizen's point with its category and text, and a photo if given (cleaned by
    core.photos); it waits for release where pre-moderation is on (the project's rule, or
    the site-wide switch)."""
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
    set_photo(entry, photo, photo_alt, PHOTO_CREDIT)
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


def support_entry(*, entry, user):
    """Support once; a second click (or a race) leaves exactly one support, counted once."""
    if not can_support_entry(user, entry):
        raise PermissionDenied(_("Only released entries of an open map can be supported."))
    try:
        with transaction.atomic():
            EntrySupport.objects.create(entry=entry, user=user)
            # Reached only when the row is new: the duplicate of a race fails above.
            _count_supports(entry, +1)
            page_cache.changed(page_cache.CONTENT)
    except IntegrityError:
        return False
    return True


def withdraw_entry_support(*, entry, user):
    """Take back a support; counted down only if this call removed it."""
    with transaction.atomic():
        removed = EntrySupport.objects.filter(entry=entry, user=user).delete()[0] > 0
        if removed:
            _count_supports(entry, -1)
            page_cache.changed(page_cache.CONTENT)
    return removed


def _count_supports(entry, change):
    """Add `change` to the stored count in the database, whatever this copy holds."""
    Entry.objects.filter(pk=entry.pk).update(support_count=F("support_count") + change)


def add_paper_entry(
    *, entered_by, consultation, category, text, latitude, longitude, place=None, note=""
):
    """An entry from a printed map at a stand, typed in by staff: it has no author, waits
    for release whatever the pre-moderation rule, and a second person must release it
    (Entry.refuses_decision, and a constraint in the database)."""
    if not can_enter_paper_entries(entered_by):
        raise PermissionDenied(_("You may not enter map entries from paper."))
    entry = Entry(
        consultation=consultation,
        category=category,
        text=clean_text(text),
        latitude=latitude,
        longitude=longitude,
        place=place,
        source=Entry.Source.PAPER,
        entered_by=entered_by,
        paper_note=clean_text(note),
        moderation_state=ModerationState.PENDING,
        language=Entry.language_of_the_page(),
    )
    entry.full_clean()
    entry.save()
    return entry
