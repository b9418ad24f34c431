"""Background work of the polls app: telling followers of a project about a new poll."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from accounts.notifications import unsubscribe_path
from projects.models import Follow

from .models import Poll

KIND = "followed-projects"


def new_poll_message(poll, user):
    """The mail to one follower: plain text and simple HTML, with a one-click unsubscribe."""
    unsubscribe_url = settings.SITE_URL + unsubscribe_path(user, KIND)
    context = {
        "user": user,
        "poll": poll,
        "project": poll.project,
        "poll_url": settings.SITE_URL + poll.get_absolute_url(),
        "profile_url": settings.SITE_URL + reverse("accounts:profile"),
        "unsubscribe_url": unsubscribe_url,
        "site_name": settings.SITE_NAME,
    }
    subject = render_to_string("polls/email/new_poll_subject.txt", context).strip()
    message = EmailMultiAlternatives(
        subject=f"[{settings.SITE_NAME}] {subject}",
        body=render_to_string("polls/email/new_poll.txt", context),
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(render_to_string("polls/email/new_poll.html", context), "text/html")
    return message


@task
def notify_followers_of_new_poll(poll_id):
    """One mail to each follower of the poll's project who wants them; returns how many."""
    poll = Poll.objects.select_related("project").get(pk=poll_id)
    followers = (
        Follow.objects.filter(
            project=poll.project_id,
            user__is_active=True,
            user__notify_followed_projects=True,
        )
        .select_related("user")
        .order_by("pk")
    )
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        for follow in followers:
            new_poll_message(poll, follow.user).send()
            sent += 1
    return sent
