"""Posting, deleting and reporting comments; the thread itself renders through a template tag."""

from django.shortcuts import get_object_or_404

from moderation.views import ReportView

from .models import Comment
from .permissions import can_report_comment


class ReportCommentView(ReportView):
    def get_contribution(self):
        return get_object_or_404(
            Comment.objects.published().filter(deleted_at__isnull=True), pk=self.kwargs["pk"]
        )

    def can_report(self, user, contribution):
        return can_report_comment(user, contribution)
