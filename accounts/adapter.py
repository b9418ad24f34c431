"""How allauth treats our users: public names and German mail subjects."""

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings


class AccountAdapter(DefaultAccountAdapter):
    def format_email_subject(self, subject):
        return f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}"
