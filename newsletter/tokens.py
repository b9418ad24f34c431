"""The signed links in newsletter mails: confirm a subscription, or end it.

A link names the subscription by its id and binds it to the address with a keyed digest, so
it acts only on the address it was mailed to and never shows that address to anyone who
merely sees the link (web server logs, for example). The confirmation link expires; the
unsubscribe link does not (RFC 8058).
"""

from django.core import signing
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac

from core.notifications import absolute_url

from .models import CONFIRMATION_PERIOD, Subscriber, normalized

CONFIRM_SALT = "klmitwirkung.newsletter.confirm"
UNSUBSCRIBE_SALT = "klmitwirkung.newsletter.unsubscribe"
ADDRESS_SALT = "klmitwirkung.newsletter.address"

# Raised by read_confirm_token for a link older than CONFIRMATION_PERIOD.
Expired = signing.SignatureExpired
# Raised for a link that was changed, cut off or never signed by us.
Invalid = signing.BadSignature


def address_digest(email):
    return salted_hmac(ADDRESS_SALT, normalized(email), algorithm="sha256").hexdigest()[:24]


def _dumps(subscriber, salt):
    return signing.dumps({"s": subscriber.pk, "a": address_digest(subscriber.email)}, salt=salt)


def _subscriber(data):
    """The subscription a token names, if it still exists for the same address.

    Test mails to editors who do not subscribe carry a link without a subscription.
    """
    if not (isinstance(data, dict) and (data.get("s") is None or isinstance(data["s"], int))):
        raise Invalid("not a newsletter token")
    if data["s"] is None:
        return None
    subscriber = Subscriber.objects.filter(pk=data["s"]).first()
    if subscriber is None or not constant_time_compare(
        address_digest(subscriber.email), str(data.get("a", ""))
    ):
        return None
    return subscriber


def confirm_token(subscriber):
    return _dumps(subscriber, CONFIRM_SALT)


def read_confirm_token(token):
    """The subscription a confirmation link names; raises Expired, Invalid or DoesNotExist."""
    subscriber = _subscriber(signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRMATION_PERIOD))
    if subscriber is None:
        raise Subscriber.DoesNotExist
    return subscriber


def confirm_url(subscriber):
    return absolute_url(reverse("newsletter:confirm", kwargs={"token": confirm_token(subscriber)}))


def unsubscribe_token(subscriber):
    return _dumps(subscriber, UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token):
    """The subscription an unsubscribe link names, or None once it has ended; raises Invalid."""
    return _subscriber(signing.loads(token, salt=UNSUBSCRIBE_SALT))


def unsubscribe_url(subscriber):
    return absolute_url(
        reverse("newsletter:unsubscribe", kwargs={"token": unsubscribe_token(subscriber)})
    )
