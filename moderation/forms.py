"""Forms of moderation shown to citizens: reporting a contribution."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Report


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong with this contribution?"),
        choices=Report.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose a reason.")},
    )
    text = forms.CharField(
        label=_("Explanation"),
        help_text=_("Required for “Something else”; up to 1,000 characters."),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("reason") == Report.Reason.OTHER and not cleaned.get("text", "").strip():
            self.add_error("text", _("Please explain what is wrong."))
        return cleaned
