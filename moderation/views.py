"""The report form that proposals and comments share; each app names its contribution."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView

from core import ratelimit
from core.forms import show_service_error

from .forms import ReportForm
from .services import AlreadyReported, report_contribution


class ReportView(LoginRequiredMixin, FormView):
    """GET shows the reasons, POST files the report and leads back to the contribution.

    Subclasses implement `get_contribution()` (404 for what the user may not see) and
    `can_report(user, contribution)`.
    """

    form_class = ReportForm
    template_name = "moderation/report_form.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.contribution = self.get_contribution()
        if not self.can_report(request.user, self.contribution):
            raise PermissionDenied(_("This contribution cannot be reported."))
        return super().dispatch(request, *args, **kwargs)

    def get_contribution(self):
        raise NotImplementedError

    def can_report(self, user, contribution):
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        return super().get_context_data(contribution=self.contribution, **kwargs)

    def form_valid(self, form):
        try:
            report_contribution(
                contribution=self.contribution,
                reporter=self.request.user,
                reason=form.cleaned_data["reason"],
                text=form.cleaned_data["text"],
            )
        except AlreadyReported as error:
            messages.info(self.request, error.messages[0])
        except (ValidationError, ratelimit.RateLimited) as error:
            show_service_error(form, error)
            return self.form_invalid(form)
        else:
            messages.success(
                self.request,
                _("Thank you. The moderators will look at your report."),
            )
        return redirect(self.contribution.get_absolute_url())
