"""Views that belong to the site as a whole: start page, health checks, error pages."""

import sys

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection, connections
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.utils.log import log_response
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from core.page_cache import CONTENT, every_citizen
from polls.models import Poll
from projects.models import Project, ProjectUpdate
from proposals.models import Proposal

from . import readiness


class HomeView(TemplateView):
    # Its participation figures may lag behind new ballots by up to PAGE_CACHE_SECONDS, so
    # that the start page stays fast while a vote is on.
    page_cache_shows = [CONTENT]
    page_cache_audience = staticmethod(every_citizen)  # nothing of the person but the header
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
def healthz_session(request):
    """Whether the visitor is signed in, as plain text: the least a personal page costs.

    The load benchmark's yardstick for signed-in pages, as /healthz is for the others: the
    session and the account are read and a template is rendered through the site's context
    processors, as on every page for a signed-in visitor; nothing else. Never cached.
    """
    return render(request, "healthz_session.txt", content_type="text/plain; charset=utf-8")


@never_cache
@require_GET
def readyz(request):
    """Each part the platform needs, as JSON; 503 when any is wrong (klmitwirkung/readiness.py)."""
    result = readiness.report()
    return JsonResponse(result, status=200 if result["status"] == "ok" else 503)


# What the database driver raises when PostgreSQL cannot be reached or the connection is
# cut (wrapped by Django from psycopg's errors). PostgreSQL's OperationalError also covers
# a few other passing troubles: too many connections, a server shutting down, a deadlock, a
# cancelled statement, a full disk. "Please try again in a moment" fits each of them.
# Mistakes in the code (ProgrammingError, IntegrityError, DataError) stay crashes: 500.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30
# What the page shows back of a form: free text only, never secrets, and not without end.
KEPT_FIELDS_MAX = 10
KEPT_TEXT_MAX_LENGTH = 20_000
SECRET_FIELD_WORDS = ("password", "csrf", "token", "secret", "code", "key")


def typed_text(request):
    """The free text of the form the request posted, for the person to copy.

    Only values of more than one word: a comment, a title, a description. Hidden fields,
    choices and numbers are single words, and a field whose name sounds secret (passwords,
    tokens, one-time codes) is never shown, whatever it holds.
    """
    if request.method != "POST":
        return []
    try:
        posted = list(request.POST.lists())
    except Exception:  # an unreadable form must not break the error page
        return []
    kept = []
    for name, values in posted:
        if any(word in name.lower() for word in SECRET_FIELD_WORDS):
            continue
        for value in values:
            value = value.strip()
            if len(value.split(maxsplit=1)) < 2:
                continue
            kept.append(
                {
                    "text": value[:KEPT_TEXT_MAX_LENGTH],
                    "shortened": len(value) > KEPT_TEXT_MAX_LENGTH,
                }
            )
    return kept[:KEPT_FIELDS_MAX]


def database_unavailable(request, exception):
    """The page for a database that cannot be reached: 503, try again, here is your text.

    Like the page for a crash, rendered without the request's context processors: it
    needs no database, session or user. The connections are closed first, so that whatever
    still runs in this request (saving the session) and the next request of this process
    connect anew instead of using a connection that is gone.
    """
    for conn in connections.all(initialized_only=True):
        conn.close()
    template = loader.get_template("503.html")
    response = HttpResponse(template.render({"typed": typed_text(request)}), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    # It may show what somebody typed: no cache, no proxy may keep it.
    add_never_cache_headers(response)
    # One error line with the traceback, as Django logs a crash (README, "Logs"); Django
    # then logs this response no more.
    log_response(
        "Database unavailable: %s",
        request.path,
        response=response,
        request=request,
        exception=exception,
    )
    return response


def server_error(request):
    """The page for a crash, with the configured contact address.

    Rendered without the request's context processors, so that it needs no database,
    session or user: the crash may be the database. If it is (the connection is gone, in a
    middleware or while the session was saved, where DatabaseUnavailableMiddleware does not
    see it), the page for a database that cannot be reached, 503, instead.
    """
    exception = sys.exception()
    if isinstance(exception, DATABASE_UNAVAILABLE):
        return database_unavailable(request, exception)
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"contact_email": settings.CONTACT_EMAIL}))
