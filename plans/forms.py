"""The form a citizen asks with to be involved in a planned project."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import REASON_MAX_LENGTH


class ParticipationRequestForm(forms.Form):
    reason = forms.CharField(
        label=_("Why should citizens be involved in this?"),
        help_text=_(
            "Your request and your public name appear here once the moderators have "
            "released it; the city responds to it here."
        ),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Please give a reason for your request.")},
    )
