"""Writes on projects that citizens make: following and unfollowing."""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from .models import Follow
from .permissions import can_follow


def follow_project(*, project, user):
    """Follow once; a second click (or a race) leaves exactly one row. True if it is new."""
    if not can_follow(user, project):
        raise PermissionDenied(
            _("Only published projects can be followed, with a confirmed e-mail address.")
        )
    try:
        with transaction.atomic():
            Follow.objects.create(project=project, user=user)
    except IntegrityError:
        return False
    return True


@transaction.atomic
def unfollow_project(*, project, user):
    """Stop following; True if the person was following."""
    return Follow.objects.filter(project=project, user=user).delete()[0] > 0
