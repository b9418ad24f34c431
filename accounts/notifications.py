"""Which mails a person gets, and the signed one-click links that switch one kind off."""

from django.contrib.auth import get_user_model
from django.core import signing
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

SALT = "klmitwirkung.unsubscribe"
# Kind of mail (in links) -> the switch on the user.
KINDS = {
    "followed-projects": "notify_followed_projects",
}
# What each kind is called on the unsubscribe page.
DESCRIPTIONS = {
    "followed-projects": _("e-mails about new polls in projects you follow"),
}


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
