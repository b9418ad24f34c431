"""Writes of the proposals app: submitting and editing, supports, status and response.

Each function is one transaction and checks its own rules, whatever view or admin calls it.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.permissions import staff_may
from core import page_cache, ratelimit
from core.photos import set_photo
from core.text import clean_text
from moderation.models import ModerationState
from moderation.services import initial_state
from projects.models import Project

from .models import (
    PHOTO_CREDIT,
    Admission,
    Contest,
    PaperSupport,
    Proposal,
    StatusEntry,
    Support,
)
from .permissions import (
    can_edit_proposal,
    can_enter_paper_supports,
    can_respond,
    can_review,
    can_submit_proposal,
    can_submit_to_contest,
    can_support,
    can_withdraw_support,
    may_be_reviewed,
    takes_paper_supports,
)
from .tasks import notify_about_contest_result, notify_about_proposal_news


def _check_project(project, *, current=None):
    """A proposal goes to a project only while it accepts them (or already belongs there)."""
    if project is None or (current is not None and project.pk == current):
        return
    if not Project.objects.published().accepting_proposals().filter(pk=project.pk).exists():
        raise ValidationError(
            {"project": _("This project does not accept proposals at the moment.")}
        )


def submit_proposal(
    *, author, title, description, topic, project=None, contest=None, photo=None, photo_alt=""
):
    """A new proposal, to a project or to an idea contest in its submission phase (the
    contest's project is the proposal's), with a photo if the author gave one (cleaned by
    core.photos: it is stored as given here)."""
    if not can_submit_proposal(author):
        raise PermissionDenied(_("Please sign in with a confirmed e-mail address to propose."))
    if contest is not None:
        if not can_submit_to_contest(author, contest):
            raise ValidationError(
                _("This idea contest does not take proposals at the moment."), code="closed"
            )
        project = contest.project
    else:
        _check_project(project)
    proposal = Proposal(
        author=author,
        title=clean_text(title),
        description=clean_text(description),
        topic=topic,
        project=project,
        contest=contest,
        moderation_state=initial_state(author=author, project=project),
        language=Proposal.language_of_the_page(),
    )
    set_photo(proposal, photo, photo_alt, PHOTO_CREDIT)
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


def update_proposal(
    *,
    proposal,
    user,
    title,
    description,
    topic,
    project=None,
    photo=None,
    photo_alt="",
    remove_photo=False,
):
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
        photo_before = (locked.image.name, locked.image_alt)
        locked.title = clean_text(title)
        locked.description = clean_text(description)
        locked.topic = topic
        locked.project = project
        set_photo(locked, photo, photo_alt, PHOTO_CREDIT, remove=remove_photo)
        locked.full_clean()
        if photo is not None or (locked.image.name, locked.image_alt) != photo_before:
            before = None  # a new or removed photo, or new words for it, is a new version
        if before != (locked.title, locked.description, locked.topic_id, locked.project_id):
            locked.revision += 1
            locked.revised_at = timezone.now()
        locked.save()
    return locked


def support_proposal(*, proposal, user):
    """Support once; a second click (or a race) leaves exactly one support, counted once.

    In an idea contest only admitted proposals, only while it votes, and no more of them
    per person than the contest allows.
    """
    if not can_support(user, proposal):
        if proposal.contest_id is not None and proposal.is_published:
            raise ValidationError(
                _("Proposals of this idea contest can be supported only while it votes."),
                code="not_voting",
            )
        raise PermissionDenied(_("Only released proposals can be supported, when signed in."))
    try:
        with transaction.atomic():
            if proposal.contest_id is not None and proposal.contest.max_supports:
                _check_support_limit(proposal, user)
            Support.objects.create(proposal=proposal, user=user)
            # Reached only when the row is new: the duplicate of a race fails above.
            _count_supports(proposal, +1)
            page_cache.changed(page_cache.CONTENT)
    except IntegrityError:
        return False
    return True


def _check_support_limit(proposal, user):
    """Inside the transaction of a support: the contest row locked, so that two supports
    sent at once by the same person cannot both slip under the limit. A second click on a
    proposal already supported is no new support (support_proposal says so)."""
    contest = proposal.contest
    Contest.objects.select_for_update().filter(pk=contest.pk).first()
    given = (
        Support.objects.filter(proposal__contest=contest, user=user)
        .exclude(proposal=proposal)
        .count()
    )
    if given >= contest.max_supports:
        raise ValidationError(
            ngettext(
                "You may support %(count)d proposal of this contest and have done so. To "
                "support another one, withdraw your support first.",
                "You may support %(count)d proposals of this contest and have used them all. "
                "To support another one, withdraw one of your supports first.",
                contest.max_supports,
            )
            % {"count": contest.max_supports},
            code="limit",
        )


def withdraw_support(*, proposal, user):
    """Take back a support; counted down only if this call removed it (not a second click).
    In an idea contest, supports stand once the vote has closed."""
    if not can_withdraw_support(user, proposal):
        raise ValidationError(
            _("The vote of this idea contest has closed; supports can no longer change."),
            code="closed",
        )
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


def decide_admission(*, proposal, user, admission, reason):
    """Staff admit a proposal of an idea contest to the vote, or not, with a published
    reason (required for not admitting), until the vote opens."""
    if not can_review(user):
        raise PermissionDenied(_("You may not review proposals of idea contests."))
    reason = clean_text(reason)
    if admission not in (Admission.ADMITTED, Admission.NOT_ADMITTED):
        raise ValidationError({"admission": _("Please choose: admitted or not admitted.")})
    if admission == Admission.NOT_ADMITTED and not reason:
        raise ValidationError(
            {"admission_reason": _("Please give the reason why it is not admitted.")}
        )
    with transaction.atomic():
        locked = (
            Proposal.objects.select_for_update(of=("self",))
            .select_related("contest")
            .get(pk=proposal.pk)
        )
        if not may_be_reviewed(locked):
            raise ValidationError(
                _(
                    "Only released proposals of an idea contest can be reviewed, and only "
                    "until its vote opens."
                ),
                code="not_reviewable",
            )
        if (locked.admission, locked.admission_reason) == (admission, reason):
            return locked
        locked.admission = admission
        locked.admission_reason = reason
        locked.admission_by = user
        locked.admission_at = timezone.now()
        locked.full_clean()
        locked.save()
        page_cache.changed(page_cache.CONTENT)
    return locked


def announce_winners(*, contest, by):
    """After the vote: the admitted ideas with the most supports win, as many as the contest
    names (equal supports at the last winning place: all of them; an idea without support
    never). Once: the winners are fixed and, after the commit, the authors and supporters
    of the contest's ideas hear of it by mail."""
    if not staff_may(by, "proposals.change_contest"):
        raise PermissionDenied(_("You may not announce the winners of idea contests."))
    with transaction.atomic():
        contest = Contest.objects.select_for_update().get(pk=contest.pk)
        if contest.winners_announced:
            raise ValidationError(_("The winners have already been announced."), code="done")
        if contest.phase() != Contest.Phase.RESULT:
            raise ValidationError(
                _("The winners can be announced once the vote has closed."), code="voting"
            )
        # Supports online and released ones from paper, together.
        candidates = [
            (idea.pk, idea.supports_in_total)
            for idea in contest.proposals.admitted_by_supports().only("pk", "support_count")
            if idea.supports_in_total > 0
        ]
        winners = [pk for pk, _count in candidates[: contest.winner_count]]
        if winners:
            last = candidates[len(winners) - 1][1]
            winners += [pk for pk, count in candidates[len(winners) :] if count == last]
        Proposal.objects.filter(pk__in=winners).update(is_winner=True)
        contest.winners_announced_at = timezone.now()
        contest.save(update_fields=["winners_announced_at"])
        page_cache.changed(page_cache.CONTENT)
        transaction.on_commit(lambda: notify_about_contest_result.enqueue(contest.pk))
    return winners


def add_paper_supports(*, entered_by, proposal, count, place, collected_on):
    """Supports of one idea collected on paper at a stand: they wait for a second staff
    member to release them in the moderation queue, and count from then on."""
    if not can_enter_paper_supports(entered_by):
        raise PermissionDenied(_("You may not enter supports collected on paper."))
    if not takes_paper_supports(proposal):
        raise ValidationError(
            {
                "proposal": _(
                    "Supports from paper are added to ideas admitted to the vote of a "
                    "contest, from the vote on until the winners are announced."
                )
            }
        )
    paper = PaperSupport(
        proposal=proposal,
        count=count,
        place=clean_text(place),
        collected_on=collected_on,
        entered_by=entered_by,
        moderation_state=ModerationState.PENDING,
    )
    paper.full_clean()
    paper.save()
    return paper
