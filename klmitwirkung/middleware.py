"""Middleware: input that no view may see, staff reach the admin only with a second factor,
a database that is gone gets a page of its own, and (as a diagnostic) what a request cost."""

import time

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import MiddlewareNotUsed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .views import DATABASE_UNAVAILABLE, database_unavailable


class ServerTimingMiddleware:
    """A `Server-Timing` header with the CPU time and the wall time the app spent on a request.

    For `make bench` (settings.SERVER_TIMING): a load tool measures a page from outside,
    where its own work, the network and the other processes on the machine blur what the
    app itself costs. The CPU time of the thread is the app's alone; gunicorn's sync
    workers run one request per thread. First in the chain, so that every middleware
    counts. Off, it takes itself out of the chain and costs nothing.
    """

    def __init__(self, get_response):
        if not settings.SERVER_TIMING:
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        cpu_started = time.thread_time()
        started = time.perf_counter()
        response = self.get_response(request)
        cpu_ms = (time.thread_time() - cpu_started) * 1000
        app_ms = (time.perf_counter() - started) * 1000
        response["Server-Timing"] = f"cpu;dur={cpu_ms:.2f}, app;dur={app_ms:.2f}"
        return response


class StaffSecondFactorMiddleware:
    """Send staff without an authenticator app to set one up before the admin opens.

    allauth then asks for the code at every sign-in, so a stolen password alone never
    opens the back office.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            request.path.startswith(reverse("admin:index"))
            and user.is_authenticated
            and user.is_staff
            and not is_mfa_enabled(user)
        ):
            messages.info(
                request,
                _(
                    "Before you can open the administration, please set up sign-in with an "
                    "authenticator app. You will then enter a code from the app every time "
                    "you sign in."
                ),
            )
            return redirect(
                f"{reverse('mfa_activate_totp')}?{urlencode({'next': request.get_full_path()})}"
            )
        return self.get_response(request)


NUL = "\x00"


def _has_nul(query_dict):
    return any(
        NUL in key or any(NUL in value for value in values) for key, values in query_dict.lists()
    )


class RejectNullCharactersMiddleware:
    """Answer 400 to a request with a NUL character in its address, query, form or cookies.

    No text typed into a page contains one, and PostgreSQL refuses it in every text value,
    so such input could only end as an error page deep inside a view. Uploaded files are
    not looked at: images are full of NUL bytes.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            NUL in request.path
            or _has_nul(request.GET)
            or any(NUL in key or NUL in value for key, value in request.COOKIES.items())
            or (request.method == "POST" and _has_nul(request.POST))
        ):
            return render(request, "400.html", status=400)
        return self.get_response(request)


class DatabaseUnavailableMiddleware:
    """Answer 503 with a page that says to try again when a view loses the database.

    PostgreSQL restarting or a cut connection surfaces in the view as OperationalError or
    InterfaceError. The person gets a calm page (with the text they sent, to copy), the
    broken connection is closed, and the next request connects anew: no restart of the app.
    A transaction the view had open was rolled back by the cut, so nothing is half-saved.

    process_exception sees only what views (and their template responses) raise. Django
    turns an exception from a middleware (the session loaded for the second factor, the
    session saved on the way out) into a response where it happens, before any outer
    middleware could catch it; the site's handler500 (klmitwirkung.views.server_error)
    answers those with the same page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_UNAVAILABLE):
            return database_unavailable(request, exception)
        return None
