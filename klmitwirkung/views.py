"""Views that belong to the site as a whole: start page, health checks, error pages."""

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from polls.models import Poll
from projects.models import Project, ProjectUpdate
from proposals.models import Proposal

from . import readiness


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        projects = Project.objects.published()
        context.update(
            open_polls=list(
                Poll.objects.published()
                .open()
                .with_participation()
                .select_related("project")
                .order_by("closes_at", "title")[:3]
            ),
            open_for_proposals=list(
                projects.accepting_proposals().order_by("proposals_until", "title")[:3]
            ),
            current_projects=list(
                projects.current().for_cards().order_by("-status", "-updated_at")[:6]
            ),
            latest_proposals=list(Proposal.objects.listed().for_cards()[:3]),
            latest_news=list(ProjectUpdate.objects.public().select_related("project")[:4]),
        )
        return context


@never_cache
@require_GET
def healthz(request):
    """200 when the app and its database answer; 503 otherwise, for the load balancer."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


@never_cache
@require_GET
def readyz(request):
    """Each part the platform needs, as JSON; 503 when any is wrong (klmitwirkung/readiness.py)."""
    result = readiness.report()
    return JsonResponse(result, status=200 if result["status"] == "ok" else 503)


def server_error(request):
    """The page for a crash, with the configured contact address.

    Rendered without the request's context processors, so that it needs no database,
    session or user: the crash may be the database.
    """
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"contact_email": settings.CONTACT_EMAIL}))
