"""„Was daraus wurde“: the milestones of a project, a poll or a proposal, with the progress
made, and the latest steps done for the start page."""

from django import template

from progress.models import Milestone

register = template.Library()

LATEST_SHOWN = 3


def timeline(milestones, target, heading_level, with_targets=False):
    done = sum(1 for milestone in milestones if milestone.status == Milestone.Status.DONE)
    return {
        "milestones": milestones,
        "done": done,
        "total": len(milestones),
        "percent": round(done * 100 / len(milestones)) if milestones else 0,
        "heading_level": heading_level,
        "target": target,
        # Each milestone of another page says which, with a link to it (its target is fetched).
        "with_targets": with_targets,
    }


@register.inclusion_tag("progress/_timeline.html")
def what_became_of(target, heading_level=2):
    """The published milestones of `target` in date order: one query."""
    return timeline(list(Milestone.objects.published().of(target)), target, heading_level)


@register.inclusion_tag("progress/_timeline.html")
def project_progress(project, heading_level=2):
    """What became of the whole project: the published milestones of the project and of
    its polls and proposals in date order, those of pages the public may not see left out.
    One query for the milestones and one per kind of page, however many there are."""
    milestones = Milestone.objects.published().filter(project=project).with_public_targets()
    return timeline(milestones, project, heading_level, with_targets=True)


@register.inclusion_tag("progress/_latest_milestones.html")
def latest_milestones(heading_level=2):
    """The newest steps done, of pages the public may see: a fixed number of queries."""
    milestones = (
        Milestone.objects.published()
        .done()
        .of_public_targets()
        .order_by("-date", "-pk")[:LATEST_SHOWN]
        .with_public_targets()
    )
    return {"milestones": milestones, "heading_level": heading_level}
