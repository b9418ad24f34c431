"""Changes to an account that carry a record beside the value itself."""

from django.db import transaction
from django.utils import timezone


@transaction.atomic
def change_postal_code(*, user, postal_code):
    """Store the declared postal code and when it changed; an unchanged code keeps its date."""
    if user.postal_code == postal_code:
        return user
    user.postal_code = postal_code
    user.postal_code_changed_at = timezone.now()
    user.full_clean(validate_unique=False, validate_constraints=False)
    user.save(update_fields=["postal_code", "postal_code_changed_at"])
    return user


def change_language(*, user, language):
    """Remember the language of the pages after signing in and of the person's mails."""
    if user.language == language:
        return user
    user.language = language
    user.full_clean(validate_unique=False, validate_constraints=False)
    user.save(update_fields=["language"])
    return user
