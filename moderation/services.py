"""Writes of moderation: the state a new contribution starts in, decisions, reports.

Every decision is one transaction that changes the contribution and records who decided
what, when and why.
"""

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from core import page_cache, ratelimit
from core.text import clean_text

from .decisions import BY_KIND, RULES
from .models import Decision, ModerationState, Report, SiteSettings, can_moderate
from .tasks import notify_author_of_decision

PREMODERATION_ON = "on"
PREMODERATION_OFF = "off"

# What a decision changes on the contribution.
DECISION_FIELDS = [
    "moderation_state",
    "moderation_reason",
    "moderated_at",
    "moderated_by",
    "published_at",
]


class AlreadyReported(ValidationError):
    """The person has reported this contribution before."""


class ChangedSinceSeen(ValidationError):
    """The contribution is no longer the version the moderator saw."""


def premoderation_required(*, project=None):
    """The project's own rule where it has one, otherwise the site-wide switch."""
    override = getattr(project, "premoderation", "")
    if override == PREMODERATION_ON:
        return True
    if override == PREMODERATION_OFF:
        return False
    return SiteSettings.load().premoderation


def initial_state(*, author, project=None):
    """Moderators' own contributions need no release; others wait where pre-moderation is on."""
    if can_moderate(author) or not premoderation_required(project=project):
        return ModerationState.PUBLISHED
    return ModerationState.PENDING


def decide(*, contribution, moderator, kind, reason="", seen_revision=None, only_from=None):
    """Release, reject, remove or restore one contribution and record the decision
    (moderation/decisions.py says which decision goes from which states to which).

    `seen_revision` is the version of the contribution the moderator read before deciding.
    A decision applies to exactly that version: if the author has changed it since, nothing
    happens and `ChangedSinceSeen` says so. Decisions that make words public need it.
    `only_from` narrows the states the decision may be taken in (the queue: only what still
    waits, not what a colleague rejected meanwhile).
    """
    rule = BY_KIND[kind]
    if not can_moderate(moderator):
        raise PermissionDenied(_("Only moderators may release, reject or remove contributions."))
    reason = clean_text(reason)
    if rule.needs_reason and not reason:
        raise ValidationError(_("Please give a reason; the author will see it."))
    if rule.publishes and seen_revision is None:
        raise ChangedSinceSeen(
            _("Please open the contribution and read it before you release it."),
            code="not_seen",
        )
    sources = rule.sources if only_from is None else rule.sources & set(only_from)
    model = type(contribution)
    now = timezone.now()
    with transaction.atomic():
        locked = model._default_manager.select_for_update().get(pk=contribution.pk)
        if locked.moderation_state not in sources:
            raise ValidationError(
                _("This contribution is now “%(state)s”; please reload the page.")
                % {"state": locked.get_moderation_state_display()}
            )
        if seen_revision is not None and locked.revision != seen_revision:
            raise ChangedSinceSeen(
                _(
                    "Its author has changed it since you opened the page (it is now version "
                    "%(revision)d). Please read the new version before you decide."
                )
                % {"revision": locked.revision},
                code="changed",
            )
        refusal = locked.refuses_decision(moderator)
        if refusal:
            raise ValidationError(refusal)
        locked.moderation_state = rule.target
        locked.moderation_reason = reason if rule.needs_reason else ""
        locked.moderated_at = now
        locked.moderated_by = moderator
        first_publication = (
            rule.target == ModerationState.PUBLISHED and locked.published_at is None
        )
        if first_publication:
            locked.published_at = now
        locked.save(update_fields=DECISION_FIELDS)
        decision = Decision.objects.create(
            content_type=ContentType.objects.get_for_model(model),
            object_id=locked.pk,
            summary=Truncator(locked.moderation_title()).chars(200),
            author_id=locked.author_id,
            moderator=moderator,
            kind=kind,
            reason=locked.moderation_reason,
            revision=locked.revision,
            created_at=now,
        )
        # The author hears about every decision except their own (a moderator's own text).
        if locked.author_id is not None and locked.author_id != moderator.pk:
            transaction.on_commit(lambda: notify_author_of_decision.enqueue(decision.pk))
        if first_publication:
            transaction.on_commit(locked.after_first_publication)
        page_cache.changed(page_cache.CONTENT)
    for field in DECISION_FIELDS:
        setattr(contribution, field, getattr(locked, field))
    return contribution


def release(*, contribution, moderator, seen_revision, only_from=None):
    return decide(
        contribution=contribution,
        moderator=moderator,
        kind=RULES["release"].kind,
        seen_revision=seen_revision,
        only_from=only_from,
    )


def reject(*, contribution, moderator, reason, seen_revision=None, only_from=None):
    return decide(
        contribution=contribution,
        moderator=moderator,
        kind=RULES["reject"].kind,
        reason=reason,
        seen_revision=seen_revision,
        only_from=only_from,
    )


def hide(*, contribution, moderator, reason, seen_revision=None, only_from=None):
    return decide(
        contribution=contribution,
        moderator=moderator,
        kind=RULES["hide"].kind,
        reason=reason,
        seen_revision=seen_revision,
        only_from=only_from,
    )


def restore(*, contribution, moderator, seen_revision, only_from=None):
    return decide(
        contribution=contribution,
        moderator=moderator,
        kind=RULES["restore"].kind,
        seen_revision=seen_revision,
        only_from=only_from,
    )


def report_contribution(*, contribution, reporter, reason, text=""):
    """File a report; a second report of the same contribution by the same person is refused."""
    if not reporter.is_authenticated:
        raise PermissionDenied(_("Please sign in to report a contribution."))
    if not contribution.is_published:
        raise ValidationError(_("Only published contributions can be reported."))
    report = Report(
        content_type=ContentType.objects.get_for_model(contribution),
        object_id=contribution.pk,
        reporter=reporter,
        reason=reason,
        text=clean_text(text),
    )
    report.full_clean(validate_constraints=False)
    if report.reason == Report.Reason.OTHER and not report.text:
        raise ValidationError({"text": _("Please explain what is wrong.")})
    if not ratelimit.consume("report", reporter):
        raise ratelimit.RateLimited(
            _("You have sent many reports in the last hour. Please try again later.")
        )
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError:
        raise AlreadyReported(_("You have already reported this contribution.")) from None
    return report


def resolve_reports(*, contribution, moderator, remove, reason=""):
    """Handle every open report of one contribution: remove it with a reason, or dismiss them."""
    if not can_moderate(moderator):
        raise PermissionDenied(_("Only moderators may handle reports."))
    with transaction.atomic():
        if remove and contribution.is_published:
            hide(contribution=contribution, moderator=moderator, reason=reason)
        resolution = Report.Resolution.REMOVED if remove else Report.Resolution.DISMISSED
        return (
            Report.objects.open()
            .filter(
                content_type=ContentType.objects.get_for_model(contribution),
                object_id=contribution.pk,
            )
            .update(resolved_at=timezone.now(), resolved_by=moderator, resolution=resolution)
        )


def forget_words(*, model, pks):
    """Clear the copies of these contributions' words kept outside them.

    The decision log names each contribution by a line of its words (`Decision.summary`),
    the admin history by `str()` of it (`LogEntry.object_repr`). When the words go (the
    author deletes a comment, an account and what it never got published are deleted),
    these go too; that a decision was taken, by whom and why, stays.
    """
    pks = list(pks)
    if not pks:
        return
    content_type = ContentType.objects.get_for_model(model)
    Decision.objects.filter(content_type=content_type, object_id__in=pks).update(summary="")
    LogEntry.objects.filter(
        content_type=content_type, object_id__in=[str(pk) for pk in pks]
    ).update(object_repr="")
