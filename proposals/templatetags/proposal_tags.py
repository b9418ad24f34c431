"""Template helpers for proposals: the status badge, and a project's proposals."""

from django import template
from django.utils import timezone

from proposals.models import Contest, Proposal

register = template.Library()

# The colour only repeats what the badge says in words.
STATUS_BADGE_CLASSES = {
    Proposal.Status.SUBMITTED: "text-bg-light border",
    Proposal.Status.UNDER_REVIEW: "text-bg-info",
    Proposal.Status.ACCEPTED: "text-bg-success",
    Proposal.Status.REJECTED: "text-bg-secondary",
    Proposal.Status.IMPLEMENTED: "text-bg-dark",
}

PROJECT_PROPOSALS_SHOWN = 5


@register.filter
def status_badge_class(proposal):
    return STATUS_BADGE_CLASSES.get(proposal.status, "text-bg-light border")


@register.inclusion_tag("proposals/includes/_project_proposals.html", takes_context=True)
def project_proposals(context, project):
    """The newest published proposals of one project and their number: two queries at most."""
    proposals = Proposal.objects.listed().filter(project=project)
    newest = list(proposals.for_cards().order_by("-created_at", "-pk")[:PROJECT_PROPOSALS_SHOWN])
    return {
        "project": project,
        "proposals": newest,
        "total": proposals.count() if newest else 0,
        "request": context.get("request"),
    }


@register.inclusion_tag("proposals/includes/_project_contests.html")
def project_contests(project):
    """The published idea contests of one project, with their phase: one query."""
    contests = list(Contest.objects.published().filter(project=project).select_related("project"))
    now = timezone.now()
    return {"contests": [(contest, contest.phase(now)) for contest in contests]}
