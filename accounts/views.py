"""The signed-in person's own pages under /konto/."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.generic import TemplateView


class ProfileView(LoginRequiredMixin, TemplateView):
    template_name = "accounts/profile.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["email_addresses"] = self.request.user.emailaddress_set.order_by(
            "-primary", "email"
        )
        return context
