"""Who may do what with the newsletter: predicates used by views, admin and services."""

from .models import Subscriber

SEND_PERMISSION = "newsletter.send_issue"


def can_manage_subscription(user, subscriber):
    """Signed-in people may end the subscription of one of their confirmed addresses."""
    return Subscriber.objects.of_person(user).filter(pk=subscriber.pk).exists()


def can_edit_issue(user, issue):
    """Editors change an issue until it is sent; then it is a record."""
    return user.is_active and user.has_perm("newsletter.change_issue") and not issue.is_sent


def can_send_test(user):
    """A test mail goes only to the editor's own address."""
    return user.is_active and user.has_perm(SEND_PERMISSION) and bool(user.email)


def can_send_issue(user, issue):
    """An issue goes out once, sent by someone with the permission to send."""
    return user.is_active and user.has_perm(SEND_PERMISSION) and not issue.is_sent
