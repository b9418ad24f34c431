"""The filter form of /projekte/: topic, kind and status, all kept in the URL."""

import django_filters
from django.utils.translation import gettext_lazy as _

from .models import Project, Topic


class ProjectFilter(django_filters.FilterSet):
    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"),
        field_name="topics",
        to_field_name="slug",
        queryset=Topic.objects.all(),
        empty_label=_("All topics"),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=Project.Kind.choices, empty_label=_("All kinds")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Project.Status.choices, empty_label=_("Any status")
    )

    class Meta:
        model = Project
        fields = ["topic", "kind", "status"]
