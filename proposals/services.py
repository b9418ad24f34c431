"""Writes of the proposals app: submitting and editing, supports, status and response.

Each function is one transaction and checks its own rules, whatever view or admin calls it.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from core import page_cache, ratelimit
from core.text import clean_text
from moderation.services import initial_state
from projects.models import Project

from .models import Proposal, StatusEntry, Support
from .permissions import can_edit_proposal, can_respond, can_submit_proposal, can_support
from .tasks import notify_about_proposal_news


def _check_project(project, *, current=None):
    """A proposal goes to a project only while it accepts them (or already belongs there)."""
    if project is None or (current is not None and project.pk == current):
        return
    if not Project.objects.published().accepting_proposals().filter(pk=project.pk).exists():
        raise ValidationError(
            {"project": _("This project does not accept proposals at the moment.")}
        )


def submit_proposal(*, author, title, description, topic, project=None):
    if not can_submit_proposal(author):
        raise PermissionDenied(_("Please sign in with a confirmed e-mail address to propose."))
    _check_project(project)
    proposal = Proposal(
        author=author,
        title=clean_text(title),
        description=clean_text(description),
        topic=topic,
        project=project,
        moderation_state=initial_state(author=author, project=project),
        language=Proposal.language_of_the_page(),
    )
    proposal.full_clean()
    if not ratelimit.consume("proposal", author):
        raise ratelimit.RateLimited(
            _(
                "You have submitted many proposals today. Please wait until tomorrow; "
                "your text is still here."
            )
        )
    if proposal.is_published:
        proposal.published_at = proposal.created_at
    with transaction.atomic():
        proposal.save()
        StatusEntry.objects.create(
            proposal=proposal,
            status=proposal.status,
            status_changed=True,
            changed_by=author,
            created_at=proposal.created_at,
        )
        if proposal.is_published:
            page_cache.changed(page_cache.CONTENT)
    return proposal


def update_proposal(*, proposal, user, title, description, topic, project=None):
    """The author corrects a proposal while it waits for release.

    Each change is a new version: a moderator's decision on an earlier one is refused
    (moderation.services.decide), and the proposal waits again from now on, at the end of
    the queue, so that nobody is pushed back by an author who keeps changing the text.
    """
    if not can_edit_proposal(user, proposal):
        raise PermissionDenied(_("Only a proposal waiting for release can be changed."))
    _check_project(project, current=proposal.project_id)
    with transaction.atomic():
        locked = Proposal.objects.select_for_update().get(pk=proposal.pk)
        if not can_edit_proposal(user, locked):
            raise PermissionDenied(_("Only a proposal waiting for release can be changed."))
        before = (locked.title, locked.description, locked.topic_id, locked.project_id)
        locked.title = clean_text(title)
        locked.description = clean_text(description)
        locked.topic = topic
        locked.project = project
        locked.full_clean()
        if before != (locked.title, locked.description, locked.topic_id, locked.project_id):
            locked.revision += 1
            locked.revised_at = timezone.now()
        locked.save()
    return locked


def support_proposal(*, proposal, user):
    """Support once; a second click (or a race) leaves exactly one support, counted once."""
    if not can_support(user, proposal):
        raise PermissionDenied(_("Only released proposals can be supported, when signed in."))
    try:
        with transaction.atomic():
            Support.objects.create(proposal=proposal, user=user)
            # Reached only when the row is new: the duplicate of a race fails above.
            _count_supports(proposal, +1)
            page_cache.changed(page_cache.CONTENT)
    except IntegrityError:
        return False
    return True


def withdraw_support(*, proposal, user):
    """Take back a support; counted down only if this call removed it (not a second click)."""
    with transaction.atomic():
        removed = Support.objects.filter(proposal=proposal, user=user).delete()[0] > 0
        if removed:
            _count_supports(proposal, -1)
            page_cache.changed(page_cache.CONTENT)
    return removed


def _count_supports(proposal, change):
    """Add `change` to the stored support count in the database, whatever this copy holds."""
    Proposal.objects.filter(pk=proposal.pk).update(support_count=F("support_count") + change)


def set_status(*, proposal, user, status, response):
    """Staff set the status and the response of the city; each change is a dated history entry.

    After the commit, the author and the supporters of a public proposal hear of it by mail.
    """
    if not can_respond(user):
        raise PermissionDenied(_("You may not change the status of proposals."))
    response = clean_text(response)
    if status not in Proposal.Status.values:
        raise ValidationError({"status": _("Please choose a status.")})
    with transaction.atomic():
        locked = Proposal.objects.select_for_update().get(pk=proposal.pk)
        status_changed = locked.status != status
        response_changed = locked.response != response
        if not (status_changed or response_changed):
            return locked
        now = timezone.now()
        locked.status = status
        if response_changed:
            locked.response = response
            locked.response_by = user if response else None
            locked.response_at = now if response else None
            locked.response_language = Proposal.language_of_the_page() if response else ""
        locked.full_clean()
        locked.save()
        entry = StatusEntry.objects.create(
            proposal=locked,
            status=status,
            status_changed=status_changed,
            response_changed=response_changed,
            changed_by=user,
            created_at=now,
        )
        page_cache.changed(page_cache.CONTENT)
        # News for the author and supporters of a public proposal; a withdrawn response
        # alone is none.
        if locked.is_published and (status_changed or response):
            news = response if response_changed else ""
            transaction.on_commit(lambda: notify_about_proposal_news.enqueue(entry.pk, news))
    return locked
