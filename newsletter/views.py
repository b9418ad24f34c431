"""The public newsletter pages: subscribe, confirm (double opt-in), unsubscribe."""

from allauth.account.adapter import get_adapter
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models.functions import Lower
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import FormView, TemplateView

from core import ratelimit
from core.forms import show_service_error

from . import services, tokens
from .forms import EndSubscriptionForm, SubscribeForm
from .models import CONFIRMATION_PERIOD, Subscriber


@method_decorator(never_cache, name="dispatch")
class SubscribeView(FormView):
    """What the newsletter is, the form, and for signed-in people their subscriptions."""

    template_name = "newsletter/subscribe.html"
    form_class = SubscribeForm

    def get_initial(self):
        if self.request.user.is_authenticated:
            return {"email": self.request.user.email}
        return {}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.request.user.is_authenticated:
            context["subscriptions"] = list(
                Subscriber.objects.of_person(self.request.user).order_by(Lower("email"))
            )
        context["confirmation_days"] = CONFIRMATION_PERIOD.days
        return context

    def form_valid(self, form):
        try:
            services.subscribe(
                email=form.cleaned_data["email"],
                consent_text=form.consent_text,
                client=get_adapter(self.request).get_client_ip(self.request),
            )
        except ratelimit.RateLimited as error:
            show_service_error(form, error)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        # The same answer for every address: the page never tells who is subscribed.
        return redirect("newsletter:requested")


class RequestedView(TemplateView):
    template_name = "newsletter/requested.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(confirmation_days=CONFIRMATION_PERIOD.days, **kwargs)


@method_decorator(never_cache, name="dispatch")
class ConfirmView(View):
    """The link in the confirmation mail: a GET only asks (mail scanners open links), a POST
    confirms."""

    template_name = "newsletter/confirm.html"

    def get(self, request, token):
        return self.respond(token, confirm=False)

    def post(self, request, token):
        return self.respond(token, confirm=True)

    def respond(self, token, *, confirm):
        try:
            subscriber = tokens.read_confirm_token(token)
        except tokens.Expired:
            return render(self.request, self.template_name, {"expired": True}, status=410)
        except (tokens.Invalid, Subscriber.DoesNotExist):
            return render(self.request, self.template_name, {"invalid": True}, status=404)
        was_confirmed = subscriber.is_confirmed
        if confirm:
            services.confirm_subscription(subscriber=subscriber)
        context = {
            "subscriber": subscriber,
            "token": token,
            "done": confirm,
            "was_confirmed": was_confirmed,
        }
        return render(self.request, self.template_name, context)


@method_decorator([csrf_exempt, never_cache], name="dispatch")
class UnsubscribeView(View):
    """The link in every issue, without signing in.

    The signed token is the authorisation and names one address. A GET only asks; the POST
    ends the subscription. It needs no CSRF token because mail providers send the one-click
    unsubscribe of RFC 8058 (`List-Unsubscribe=One-Click`) here, and all it can do is stop
    the newsletter.
    """

    template_name = "newsletter/unsubscribe.html"

    def get(self, request, token):
        return self.respond(token, unsubscribe=False)

    def post(self, request, token):
        return self.respond(token, unsubscribe=True)

    def respond(self, token, *, unsubscribe):
        try:
            subscriber = tokens.read_unsubscribe_token(token)
        except tokens.Invalid:
            return render(self.request, self.template_name, {"invalid": True}, status=404)
        if unsubscribe and subscriber is not None:
            services.unsubscribe(subscriber=subscriber)
        context = {
            "subscriber": subscriber,
            "done": unsubscribe and subscriber is not None,
            "token": token,
        }
        return render(self.request, self.template_name, context)


class EndSubscriptionView(LoginRequiredMixin, View):
    """Signed-in people end a subscription of one of their addresses from /newsletter/."""

    http_method_names = ["post"]

    def post(self, request):
        form = EndSubscriptionForm(request.POST)
        if not form.is_valid():
            raise Http404
        subscriber = (
            Subscriber.objects.of_person(request.user)
            .filter(pk=form.cleaned_data["subscriber"])
            .first()
        )
        if subscriber is None:
            raise Http404
        services.end_subscription(subscriber=subscriber, by=request.user)
        messages.success(
            request,
            _("The newsletter for %(email)s has been unsubscribed.") % {"email": subscriber.email},
        )
        return redirect("newsletter:subscribe")
