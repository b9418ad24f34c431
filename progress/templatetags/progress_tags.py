"""„Was daraus wurde“: the milestones of a poll or a proposal, with the progress made."""

from django import template

from progress.models import Milestone

register = template.Library()


@register.inclusion_tag("progress/_timeline.html")
def what_became_of(target, heading_level=2):
    """The published milestones of `target` in date order: one query."""
    milestones = list(Milestone.objects.published().of(target))
    done = sum(1 for milestone in milestones if milestone.status == Milestone.Status.DONE)
    return {
        "milestones": milestones,
        "done": done,
        "total": len(milestones),
        "percent": round(done * 100 / len(milestones)) if milestones else 0,
        "heading_level": heading_level,
        "target": target,
    }
