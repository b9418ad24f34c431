"""What the admin start page tells moderators: how much is waiting for them."""

from django import template

from moderation.models import Report, can_moderate, moderated_models

register = template.Library()


@register.simple_tag(takes_context=True)
def moderation_summary(context):
    """Pending contributions and open reports for moderators, None for everyone else."""
    request = context.get("request")
    if request is None or not can_moderate(request.user):
        return None
    return {
        "pending": sum(model.objects.pending().count() for model in moderated_models()),
        "open_reports": Report.objects.open().count(),
    }


@register.filter
def verbose_name_of(obj):
    """The kind of a contribution, as its model names it ("proposal", "comment")."""
    return obj._meta.verbose_name


@register.filter
def public_url(contribution):
    """The public page of a contribution; "" for a comment whose page has been deleted."""
    if getattr(contribution, "target", True) is None:
        return ""
    return contribution.get_absolute_url()


@register.filter
def seen_key(contribution):
    """The contribution as this page shows it, "app.model:pk:version", for the decision."""
    return f"{contribution._meta.label_lower}:{contribution.pk}:{contribution.revision}"
