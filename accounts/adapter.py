"""How allauth treats our users: mails signed by the platform, not by a bare host name."""

from types import SimpleNamespace

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings


class AccountAdapter(DefaultAccountAdapter):
    def format_email_subject(self, subject):
        return f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}"

    def send_mail(self, template_prefix, email, context):
        # Without django.contrib.sites allauth would name the site by its host name.
        request = context.get("request") or self.request
        domain = request.get_host() if request is not None else "klmitwirkung.de"
        site = SimpleNamespace(name=settings.SITE_NAME, domain=domain)
        super().send_mail(template_prefix, email, {**context, "current_site": site})
