"""Writes of the Vorhabenliste: citizens ask to be involved in a plan (pre-moderated like
every contribution), and staff answer officially."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import page_cache, ratelimit
from core.text import clean_text
from moderation.services import initial_state

from .models import ParticipationRequest
from .permissions import can_request_participation, can_respond
from .tasks import notify_of_response


def request_participation(*, author, plan, reason):
    """A citizen's request to be involved, with a reason; once per person and plan. It
    waits for release where pre-moderation is on (the plan's project's rule, or the site's)."""
    if not can_request_participation(author, plan):
        raise PermissionDenied(_("This planned project takes no requests from you."))
    participation_request = ParticipationRequest(
        author=author,
        plan=plan,
        reason=clean_text(reason),
        moderation_state=initial_state(author=author, project=plan.project),
        language=ParticipationRequest.language_of_the_page(),
    )
    # Also checks the one request per person (the constraint's message, on the form).
    participation_request.full_clean()
    if not ratelimit.consume("participation_request", author):
        raise ratelimit.RateLimited(
            _("You have sent many requests today. Please wait a little; your text is still here.")
        )
    if participation_request.is_published:
        participation_request.published_at = participation_request.created_at
    with transaction.atomic():
        participation_request.save()
        if participation_request.is_published:
            page_cache.changed(page_cache.CONTENT)
    return participation_request


def respond(*, participation_request, user, response):
    """Staff answer a request officially. The person is told once the words of a response
    change (after the commit, if the request is public and they want such mails);
    returns whether anything changed."""
    if not can_respond(user):
        raise PermissionDenied(_("You may not respond to requests for participation."))
    response = clean_text(response)
    with transaction.atomic():
        locked = ParticipationRequest.objects.select_for_update().get(pk=participation_request.pk)
        if locked.response == response:
            return False
        locked.response = response
        locked.response_by = user if response else None
        locked.response_at = timezone.now() if response else None
        locked.full_clean()
        locked.save(update_fields=["response", "response_by", "response_at"])
        page_cache.changed(page_cache.CONTENT)
        if response and locked.is_published and locked.author_id:
            transaction.on_commit(lambda: notify_of_response.enqueue(locked.pk))
    participation_request.refresh_from_db()
    return True
