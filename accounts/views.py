"""The signed-in person's own pages under /konto/."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from .forms import PostalCodeForm
from .services import change_postal_code


class ProfileView(LoginRequiredMixin, TemplateView):
    template_name = "accounts/profile.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("postal_code_form", PostalCodeForm(instance=self.request.user))
        context.update(
            email_addresses=self.request.user.emailaddress_set.order_by("-primary", "email"),
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
