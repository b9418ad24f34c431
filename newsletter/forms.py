"""The subscription form: an address and an explicit consent, stored in the words shown."""

from django import forms
from django.utils.translation import gettext_lazy as _

# Stored with each subscription exactly as the person saw it (in German).
CONSENT_TEXT = _(
    "I would like to receive the KLmitWirkung newsletter at this e-mail address. I can "
    "unsubscribe at any time with the link in every newsletter."
)


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Please enter the e-mail address for the newsletter."),
            "invalid": _("Please enter a valid e-mail address, for example name@example.org."),
        },
    )
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={
            "required": _("Please tick the box to confirm that you want the newsletter."),
        },
    )

    @property
    def consent_text(self):
        """The wording of the consent in the language of the page, as stored."""
        return str(self.fields["consent"].label)


class EndSubscriptionForm(forms.Form):
    """Which of the person's subscriptions to end (looked up among their own)."""

    subscriber = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
