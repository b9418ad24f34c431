"""The filter form of /vorschlaege/: topic, project, status and the order, all kept in the URL."""

import django_filters
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from projects.models import Project, Topic

from .models import Proposal

NEWEST = "newest"
MOST_SUPPORTED = "supports"
MOST_DISCUSSED = "comments"

# Ties go to the newer proposal, so the order is stable from page to page.
ORDERINGS = {
    NEWEST: ["-created_at", "-pk"],
    # The column and its index (Proposal.Meta.indexes) make this an index scan.
    MOST_SUPPORTED: ["-support_count", "-created_at", "-pk"],
    MOST_DISCUSSED: [F("comment_count").desc(), "-created_at", "-pk"],
}


class ProposalFilter(django_filters.FilterSet):
    """Expects a queryset annotated with `comment_count` (`with_counts()`)."""

    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"),
        to_field_name="slug",
        queryset=Topic.objects.all(),
        empty_label=_("All topics"),
    )
    project = django_filters.ModelChoiceFilter(
        label=_("Project"),
        queryset=Project.objects.published(),
        empty_label=_("All projects"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Proposal.Status.choices, empty_label=_("Any status")
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"),
        choices=[
            (NEWEST, _("newest first")),
            (MOST_SUPPORTED, _("most supported")),
            (MOST_DISCUSSED, _("most discussed")),
        ],
        empty_label=None,
        method="sort_by",
    )

    class Meta:
        model = Proposal
        fields = ["topic", "project", "status"]

    def sort_by(self, queryset, name, value):
        return queryset.order_by(*ORDERINGS.get(value, ORDERINGS[NEWEST]))

    @property
    def is_filtered(self):
        """Whether the visitor narrowed the list (sorting alone does not count)."""
        return self.is_bound and any(
            self.form.data.get(name) for name in ("topic", "project", "status")
        )
