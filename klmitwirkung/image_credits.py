"""The Bildnachweis: every image the public sees, with whose it is and under which licence,
gathered from the apps that hold images (projects and their news, poll choices,
milestones). Citizens' photos on proposals are credited at the photo itself ("Foto:
Verfasser:in des Vorschlags") and not listed here."""

from django.views.generic import TemplateView

from core.page_cache import CONTENT, every_citizen
from polls.models import Choice, Poll
from progress.models import Milestone
from projects.models import Project, ProjectUpdate


class ImageCreditsView(TemplateView):
    """Images of published pages only, in a fixed number of queries: one per kind of image,
    and one per kind of page a milestone belongs to."""

    page_cache_shows = [CONTENT]
    page_cache_audience = staticmethod(every_citizen)
    template_name = "image_credits.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            projects=list(Project.objects.published().exclude(image="").order_by("title")),
            news=list(
                ProjectUpdate.objects.public()
                .exclude(image="")
                .select_related("project")
                .order_by("-published_on", "-pk")
            ),
            choices=list(
                Choice.objects.filter(question__poll__in=Poll.objects.published())
                .exclude(image="")
                .select_related("question__poll")
                .order_by("question__poll__title", "question__position", "position", "pk")
            ),
            milestones=Milestone.objects.published()
            .exclude(image="")
            .order_by("-date", "-pk")
            .with_public_targets(),
        )
        return context
