"""How allauth treats our users: public names without look-alikes, mails signed by the
platform (not by a bare host name), staff signed in to the admin."""

from types import SimpleNamespace

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext as _

from .names import name_key, normalise


class AccountAdapter(DefaultAccountAdapter):
    def clean_username(self, username, shallow=False):
        """The name as it will be stored, refused if it looks like a name already taken."""
        username = super().clean_username(normalise(username), shallow=shallow)
        if not shallow and get_user_model().objects.filter(name_key=name_key(username)).exists():
            raise ValidationError(
                _(
                    "This public name is taken, or looks too much like one that is. "
                    "Please choose another."
                ),
                code="taken",
            )
        return username

    def format_email_subject(self, subject):
        return f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}"

    def send_mail(self, template_prefix, email, context):
        # Without django.contrib.sites allauth would name the site by its host name.
        request = context.get("request") or self.request
        domain = request.get_host() if request is not None else "klmitwirkung.de"
        site = SimpleNamespace(name=settings.SITE_NAME, domain=domain)
        super().send_mail(template_prefix, email, {**context, "current_site": site})

    def get_login_redirect_url(self, request):
        # Staff sign in to work in the admin; a `next` given with the sign-in still wins
        # (allauth asks the adapter only without one).
        if request.user.is_staff:
            return reverse("admin:index")
        return super().get_login_redirect_url(request)
