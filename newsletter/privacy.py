"""The newsletter's part of a person's data: the subscriptions of their confirmed addresses
(see SubscriberQuerySet.of_person for why only those)."""

from django.db.models.functions import Lower

from .models import Subscriber


def export_for(user):
    subscriptions = Subscriber.objects.of_person(user).order_by(Lower("email"))
    return {
        "newsletter": [
            {
                "email": subscriber.email,
                "confirmed": subscriber.is_confirmed,
                "consent_text": subscriber.consent_text,
                "consented_at": subscriber.consented_at,
                "confirmed_at": subscriber.confirmed_at,
                "language": subscriber.language,
            }
            for subscriber in subscriptions
        ]
    }


def delete_for(user):
    """With the account, the newsletter for its confirmed addresses ends; returns how many."""
    deleted, _ = Subscriber.objects.of_person(user).delete()
    return deleted
