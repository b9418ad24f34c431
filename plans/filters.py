"""The filter form of /vorhaben/: department, status and participation, all kept in the URL."""

import django_filters
from django.utils.translation import gettext_lazy as _

from .models import Department, Plan


class PlanFilter(django_filters.FilterSet):
    bereich = django_filters.ModelChoiceFilter(
        label=_("Department"),
        field_name="department",
        to_field_name="slug",
        queryset=Department.objects.all(),
        empty_label=_("All departments"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Plan.Status.choices, empty_label=_("Any status")
    )
    beteiligung = django_filters.ChoiceFilter(
        label=_("Participation"),
        field_name="participation",
        choices=Plan.Participation.choices,
        empty_label=_("Any"),
    )

    class Meta:
        model = Plan
        fields = ["bereich", "status", "beteiligung"]
