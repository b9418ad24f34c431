"""How allauth treats our users: public names without look-alikes, mails signed by the
platform (not by a bare host name) and sent through the outbox, staff signed in to the admin."""

from types import SimpleNamespace

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from core.languages import known_language
from core.notifications import language_of
from outbox.services import queue_mail

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
        """Into the outbox, sent after the commit and retried while the mail server is
        down: the person sees "we have sent you an e-mail", never an error page."""
        request = context.get("request") or self.request
        # Without django.contrib.sites allauth would name the site by its host name.
        domain = request.get_host() if request is not None else "klmitwirkung.de"
        site = SimpleNamespace(name=settings.SITE_NAME, domain=domain)
        context = {"request": request, "email": email, **context, "current_site": site}
        queue_mail(self.render_mail(template_prefix, email, context), purpose=template_prefix)

    def save_user(self, request, user, form, commit=True):
        # Mails come in the language the person signed up in (they can change it later).
        user.language = known_language(translation.get_language())
        return super().save_user(request, user, form, commit=commit)

    def get_login_redirect_url(self, request):
        # Staff sign in to work in the admin; a `next` given with the sign-in still wins
        # (allauth asks the adapter only without one). Both in the person's language.
        with language_of(request.user):
            if request.user.is_staff:
                return reverse("admin:index")
            return resolve_url(settings.LOGIN_REDIRECT_URL)
