"""The person's data across all apps, on their own pages under /konto/: what is stored,
the JSON download and deleting the account (klmitwirkung/privacy.py gathers the parts)."""

from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import ProtectedError
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from accounts.forms import DeleteAccountForm
from accounts.permissions import can_delete_account
from core.notifications import KINDS
from core.views import NoStoreMixin

from .privacy import delete_account, export_personal_data, personal_data


class DataView(LoginRequiredMixin, NoStoreMixin, TemplateView):
    """What is stored about the person, readable, before the JSON download."""

    template_name = "privacy/data.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        # Each switch of the profile with its label there, on or off.
        switches = [
            (user._meta.get_field(field).verbose_name, getattr(user, field))
            for field in KINDS.values()
        ]
        return super().get_context_data(
            data=personal_data(user), notification_switches=switches, **kwargs
        )


class DataExportView(LoginRequiredMixin, NoStoreMixin, View):
    """Everything stored about the person as one JSON file (DSGVO Art. 15 and 20)."""

    def get(self, request):
        response = JsonResponse(
            export_personal_data(request.user),
            json_dumps_params={"ensure_ascii": False, "indent": 2},
        )
        filename = f"klmitwirkung-daten-{timezone.localdate():%Y-%m-%d}.json"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class DeleteAccountView(LoginRequiredMixin, FormView):
    """Deleting one's own account after the password and an explicit confirmation."""

    template_name = "privacy/delete.html"
    form_class = DeleteAccountForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(can_delete=can_delete_account(self.request.user), **kwargs)

    def post(self, request, *args, **kwargs):
        if not can_delete_account(request.user):
            raise PermissionDenied
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        # allauth's limit on password re-entry, so the form cannot be used to guess it.
        if not ratelimit.consume(self.request, action="reauthenticate", user=self.request.user):
            form.add_error(None, _("Too many attempts. Please wait a minute and try again."))
            return self.form_invalid(form)
        try:
            delete_account(user=self.request.user, password=form.cleaned_data["password"])
        except ValidationError as error:
            form.add_error("password", error)
            return self.form_invalid(form)
        except ProtectedError:
            form.add_error(
                None,
                _(
                    "Your account is linked to work done as staff and cannot be deleted "
                    "here. Please contact us; an administrator will remove it."
                ),
            )
            return self.form_invalid(form)
        logout(self.request)
        messages.success(
            self.request,
            _("Your account has been deleted. Thank you for taking part in KLmitWirkung."),
        )
        return redirect("home")
