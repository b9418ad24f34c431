"""Writes of the progress app: a milestone reached is told, once, to the people concerned."""

from django.db import transaction
from django.utils import timezone

from .models import Milestone
from .tasks import notify_of_milestone


def milestones_saved(*, milestones):
    """After staff saved milestones: those published as done for the first time are marked
    reached and, after the commit, mailed to whom their project, poll or proposal concerns."""
    told = []
    with transaction.atomic():
        for milestone in milestones:
            if not (milestone.is_published and milestone.status == Milestone.Status.DONE):
                continue
            claimed = Milestone.objects.filter(pk=milestone.pk, reached_at__isnull=True).update(
                reached_at=timezone.now()
            )
            if claimed:
                told.append(milestone.pk)
                transaction.on_commit(lambda pk=milestone.pk: notify_of_milestone.enqueue(pk))
    return told
