"""Account forms: allauth's sign-up with our public-name rules and German labels."""

from allauth.account.forms import ConfirmLoginCodeForm as AllauthConfirmLoginCodeForm
from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import RequestLoginCodeForm as AllauthRequestLoginCodeForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _


class SignupForm(AllauthSignupForm):
    """E-mail, public name and password twice; nothing else is asked."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        username = get_user_model()._meta.get_field("username")
        self.fields["email"].label = _("E-mail address")
        self.fields["email"].help_text = _(
            "For signing in and for messages from the platform. It is never shown to others."
        )
        self.fields["username"].label = _("Public name")
        self.fields["username"].help_text = username.help_text
        self.fields["username"].max_length = username.max_length
        self.fields["username"].widget.attrs["maxlength"] = username.max_length
        for name in ("email", "username", "password1", "password2"):
            if name in self.fields:
                self.fields[name].widget.attrs.pop("placeholder", None)
        self.fields["password2"].label = _("Password (again)")

    def try_save(self, request):
        """Sign up, or tell the owner of a known address by mail (allauth).

        Both ways hash the password, so that the time of the answer does not tell whether
        an address already has an account, as Django does for an unknown login.
        """
        if self.account_already_exists:
            make_password(self.cleaned_data.get("password1"))
        return super().try_save(request)


class LoginForm(AllauthLoginForm):
    """allauth's login with the same labels as the sign-up, and labels instead of placeholders."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = _("E-mail address")
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)


def label_instead_of_placeholder(form, name, label):
    """A visible label, and no placeholder that vanishes while typing."""
    form.fields[name].label = label
    form.fields[name].widget.attrs.pop("placeholder", None)


class RequestLoginCodeForm(AllauthRequestLoginCodeForm):
    """Sign in without the password: the address that gets the one-time code."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        label_instead_of_placeholder(self, "email", _("E-mail address"))


class ConfirmLoginCodeForm(AllauthConfirmLoginCodeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        label_instead_of_placeholder(self, "code", _("Code from the e-mail"))


class PostalCodeForm(forms.ModelForm):
    """The postal code a citizen declares for polls open only to residents."""

    class Meta:
        model = get_user_model()
        fields = ["postal_code"]
        widgets = {
            "postal_code": forms.TextInput(
                attrs={"inputmode": "numeric", "autocomplete": "postal-code", "size": 6}
            )
        }

    def clean_postal_code(self):
        return self.cleaned_data["postal_code"].strip()


class NotificationSettingsForm(forms.ModelForm):
    """Which mails a person wants; labels and explanations come from the model."""

    class Meta:
        model = get_user_model()
        fields = [
            "notify_moderation",
            "notify_replies",
            "notify_proposal_updates",
            "notify_followed_projects",
            "notify_poll_results",
            "notify_progress",
        ]


class DeleteAccountForm(forms.Form):
    """The current password and an explicit yes before an account is deleted."""

    password = forms.CharField(
        label=_("Current password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account will be deleted and cannot be restored."),
        error_messages={"required": _("Please confirm that you want to delete your account.")},
    )


class LanguageForm(forms.Form):
    """The language switch: which language, and the page to show in it."""

    # Each language by its own name: "Deutsch", "English", whatever the page's language.
    language = forms.ChoiceField(
        label=_("Language of the pages and of our e-mails"),
        choices=[
            (code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES
        ],
    )
    next = forms.CharField(required=False, widget=forms.HiddenInput)
