"""The signed-in person's own pages under /konto/."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core import signing
from django.core.exceptions import ObjectDoesNotExist
from django.shortcuts import redirect, render
from django.urls import reverse, translate_url
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import TemplateView

from core.notifications import DESCRIPTIONS, KINDS, read_unsubscribe_token, unsubscribe
from core.views import NoStoreMixin

from .forms import LanguageForm, NotificationSettingsForm, PostalCodeForm
from .permissions import may_change_language
from .services import change_language, change_postal_code


class LanguageView(View):
    """The language switch for people who are signed in: the page in the other language,
    and the choice remembered for the pages after signing in and for their mails.

    Visitors switch by a plain link (the language lives in the address), so nothing is
    stored for them; a form sent after the session ended just shows the page.
    """

    http_method_names = ["post"]

    def post(self, request):
        form = LanguageForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Please choose one of the languages offered."))
            return redirect("home")
        language = form.cleaned_data["language"]
        if may_change_language(request.user):
            change_language(user=request.user, language=language)
        url = form.cleaned_data["next"]
        if not url_has_allowed_host_and_scheme(
            url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            url = reverse("home")
        # Resolved in the language of the page the form was on, reversed in the chosen one.
        return redirect(translate_url(url, language))


# What each kind of mail is called on the unsubscribe page ("You will no longer get ...").
class ProfileView(LoginRequiredMixin, TemplateView):
    template_name = "accounts/profile.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.setdefault("postal_code_form", PostalCodeForm(instance=user))
        context.setdefault("notification_form", NotificationSettingsForm(instance=user))
        context.setdefault("language_form", LanguageForm(initial={"language": user.language}))
        context.update(
            email_addresses=user.emailaddress_set.order_by("-primary", "email"),
            # Through the reverse relation: accounts imports no app above it.
            follows=user.follows.filter(project__is_published=True)
            .select_related("project")
            .order_by("project__title"),
            next_url=self.next_url(),
        )
        return context

    def next_url(self):
        url = self.request.POST.get("next") or self.request.GET.get("next", "")
        if url and url_has_allowed_host_and_scheme(
            url, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()
        ):
            return url
        return ""

    def post(self, request, *args, **kwargs):
        # Work on a copy so that a rejected value never shows up as the stored one.
        form = PostalCodeForm(
            request.POST, instance=get_user_model().objects.get(pk=request.user.pk)
        )
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(postal_code_form=form))
        change_postal_code(user=request.user, postal_code=form.cleaned_data["postal_code"])
        if form.cleaned_data["postal_code"]:
            messages.success(request, _("Your postal code has been saved."))
        else:
            messages.success(request, _("Your postal code has been removed."))
        return redirect(self.next_url() or "accounts:profile")


class NotificationSettingsView(ProfileView):
    """The switches for mails, saved from their own form on the profile."""

    def get(self, request, *args, **kwargs):
        return redirect("accounts:profile")

    def post(self, request, *args, **kwargs):
        # Work on a copy so that a rejected value never shows up as the stored one.
        form = NotificationSettingsForm(
            request.POST, instance=get_user_model().objects.get(pk=request.user.pk)
        )
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(notification_form=form))
        form.save()
        messages.success(request, _("Your notification settings have been saved."))
        return redirect(reverse("accounts:profile") + "#benachrichtigungen")


@method_decorator(csrf_exempt, name="dispatch")
class UnsubscribeView(NoStoreMixin, View):
    """Switching off one kind of mail from the link in it, without signing in.

    The signed token is the authorisation and names one person and one kind of mail. A GET
    only asks (mail scanners follow links); the POST switches off. The POST needs no CSRF
    token, because mail providers send the one-click unsubscribe of RFC 8058
    (`List-Unsubscribe=One-Click`) to this address, and all it can do is stop a mail.
    """

    template_name = "accounts/unsubscribe.html"

    def get(self, request, token):
        return self.respond(token, switch_off=False)

    def post(self, request, token):
        return self.respond(token, switch_off=True)

    def respond(self, token, *, switch_off):
        try:
            recipient, kind = read_unsubscribe_token(token)
        except (signing.BadSignature, ObjectDoesNotExist):
            return render(self.request, self.template_name, {"invalid": True}, status=404)
        if switch_off:
            unsubscribe(user=recipient, kind=kind)
        context = {
            "description": DESCRIPTIONS[kind],
            "is_on": getattr(recipient, KINDS[kind]),
            "done": switch_off,
            "token": token,
        }
        return render(self.request, self.template_name, context)
