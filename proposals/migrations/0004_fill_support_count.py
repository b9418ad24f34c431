"""Counts the supports given so far into the new `Proposal.support_count`, in one UPDATE."""

from django.db import migrations
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce


def fill_support_count(apps, schema_editor):
    Proposal = apps.get_model("proposals", "Proposal")
    Support = apps.get_model("proposals", "Support")
    supports = (
        Support.objects.filter(proposal=OuterRef("pk"))
        .order_by()
        .values("proposal")
        .annotate(n=Count("pk"))
        .values("n")
    )
    Proposal.objects.update(
        support_count=Coalesce(Subquery(supports, output_field=IntegerField()), Value(0))
    )


class Migration(migrations.Migration):
    dependencies = [
        ("proposals", "0003_proposal_support_count"),
    ]

    # Going back drops the column in 0003; nothing to undo here.
    operations = [
        migrations.RunPython(fill_support_count, migrations.RunPython.noop, elidable=True),
    ]
