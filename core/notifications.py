"""Which mails a person gets, how each is built, and the signed links that switch one kind off.

Every app sends its notifications through `notification_message`, so each mail has the same
greeting, footer and one-click unsubscribe (RFC 8058). The switches live on the user model;
this module only knows their names, so apps that must not import accounts can use it.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.languages import known_language

SALT = "klmitwirkung.unsubscribe"
# Kind of mail (in links) -> the switch on the user.
KINDS = {
    "moderation": "notify_moderation",
    "replies": "notify_replies",
    "proposals": "notify_proposal_updates",
    "followed-projects": "notify_followed_projects",
    "poll-results": "notify_poll_results",
    "progress": "notify_progress",
}
# What each kind is called on the unsubscribe page and in the footer of its mails.
DESCRIPTIONS = {
    "moderation": _("e-mails about the release of your contributions"),
    "replies": _("e-mails about replies to your comments"),
    "proposals": _("e-mails about news on proposals you made or support"),
    "followed-projects": _("e-mails about new polls in projects you follow"),
    "poll-results": _("e-mails about the results of polls you took part in"),
    "progress": _(
        "e-mails about what became of polls, proposals and projects you took part in, and "
        "the city’s responses to your requests for participation"
    ),
}


def wants(user, kind):
    """Whether this person is to get this kind of mail now."""
    return bool(user is not None and user.is_active and user.email and getattr(user, KINDS[kind]))


def wanting(users, kind):
    """The people of a user queryset who are to get this kind of mail now, as `wants` says."""
    return users.filter(is_active=True, **{KINDS[kind]: True}).exclude(email="")


def unsubscribe_token(user, kind):
    """A token that switches off `kind` for `user`: no login, no expiry, nothing else."""
    if kind not in KINDS:
        raise ValueError(kind)
    return signing.dumps({"u": user.pk, "k": kind}, salt=SALT, compress=True)


def unsubscribe_path(user, kind):
    return reverse("accounts:unsubscribe", kwargs={"token": unsubscribe_token(user, kind)})


def read_unsubscribe_token(token):
    """(user, kind) for a valid token; raises signing.BadSignature or User.DoesNotExist."""
    data = signing.loads(token, salt=SALT)
    kind = data.get("k")
    if kind not in KINDS:
        raise signing.BadSignature("unknown kind")
    return get_user_model().objects.get(pk=data.get("u"), is_active=True), kind


def unsubscribe(*, user, kind):
    """Switch off one kind of mail; True if it was on."""
    field = KINDS[kind]
    was_on = getattr(user, field)
    if was_on:
        setattr(user, field, False)
        user.save(update_fields=[field])
    return was_on


def absolute_url(path):
    """A link for a mail: the site's public address in front of a path."""
    return settings.SITE_URL + path


def language_of(user):
    """Speak to this person in their language: mails and the links in them.

    Use it around everything that builds one person's mail, so that titles, dates and
    addresses (`/en/...` for English) come in the language the mail is written in.
    """
    return translation.override(known_language(getattr(user, "language", "")))


def render_mail(*, to, template, context, subject=None, unsubscribe_url=None, language=None):
    """One mail in `language` (German unless given): plain text with a simple HTML alternative.

    `template` names `<template>_subject.txt` (unless `subject` is given), `<template>.txt`
    and `<template>.html`. With `unsubscribe_url` the mail carries the one-click
    unsubscribe headers of RFC 8058, which mail programs offer as a button.
    """
    headers = {}
    if unsubscribe_url:
        headers = {
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
    with translation.override(language or settings.LANGUAGE_CODE):
        context = {
            "site_name": settings.SITE_NAME,
            "site_url": settings.SITE_URL,
            "contact_email": settings.CONTACT_EMAIL,
            **context,
        }
        if subject is None:
            subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        message = EmailMultiAlternatives(
            subject=f"[{settings.SITE_NAME}] {subject}",
            body=render_to_string(f"{template}.txt", context),
            to=[to],
            headers=headers,
        )
        message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    return message


def notification_message(*, user, kind, template, context):
    """One notification to one person, with the one-click link that stops this kind.

    The two bodies extend `email/notification.txt` / `.html`, which greet the person and
    explain why the mail came and how to stop it. The mail is in the person's language;
    build `context` inside `language_of(user)` so that its links and titles are too.
    """
    with language_of(user):
        unsubscribe_url = absolute_url(unsubscribe_path(user, kind))
        return render_mail(
            to=user.email,
            template=template,
            unsubscribe_url=unsubscribe_url,
            language=translation.get_language(),
            context={
                **context,
                "user": user,
                "kind_description": DESCRIPTIONS[kind],
                "unsubscribe_url": unsubscribe_url,
                "profile_url": absolute_url(reverse("accounts:profile") + "#benachrichtigungen"),
            },
        )
