"""The comment thread of any commentable object: `{% comment_thread object %}`."""

from dataclasses import dataclass, field

from django import template
from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Paginator

from ..forms import CommentForm
from ..models import COMMENTS_PER_PAGE, PAGE_PARAMETER, THREAD_ANCHOR, Comment, thread_url
from ..permissions import (
    can_comment,
    can_delete_comment,
    can_report_comment,
    can_view_comment_text,
    is_answerable,
    is_author,
)

register = template.Library()


@dataclass
class Entry:
    """One comment as the viewer sees it, and what the viewer may do with it.

    Worked out in Python from the prefetched thread, so that a long thread costs no
    query more than a short one.
    """

    comment: Comment
    show_text: bool
    own: bool
    answerable: bool
    can_delete: bool
    can_report: bool
    replies: list = field(default_factory=list)


def entry(comment, user, *, comments_allowed, top=None):
    answerable = comments_allowed and is_answerable(comment, top=top)
    return Entry(
        comment=comment,
        show_text=can_view_comment_text(user, comment),
        own=is_author(user, comment),
        answerable=answerable,
        can_delete=can_delete_comment(user, comment),
        can_report=can_report_comment(user, comment),
    )


def other_parameters(request):
    """The page's query string without the thread's page number, for the page links."""
    if request is None:
        return ""
    query = request.GET.copy()
    query.pop(PAGE_PARAMETER, None)
    return query.urlencode()


@register.inclusion_tag("comments/includes/_thread.html", takes_context=True)
def comment_thread(context, target):
    """One page of the thread: top-level comments, oldest first, each with its replies."""
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user") or AnonymousUser()
    comments_allowed = target.comments_allowed()
    paginator = Paginator(Comment.objects.thread(target, user), COMMENTS_PER_PAGE)
    page = paginator.get_page(request.GET.get(PAGE_PARAMETER) if request else None)
    entries = []
    for comment in page:
        top = entry(comment, user, comments_allowed=comments_allowed)
        for reply in comment.visible_replies:
            top.replies.append(entry(reply, user, comments_allowed=comments_allowed, top=comment))
        entries.append(top)
    may_comment = comments_allowed and can_comment(user, target)
    return {
        "target": target,
        "user": user,
        "request": request,
        "entries": entries,
        "count": Comment.objects.published_count(target, user),
        "page_obj": page,
        "page_parameter": PAGE_PARAMETER,
        "other_parameters": other_parameters(request),
        "anchor": THREAD_ANCHOR,
        "comments_allowed": comments_allowed,
        "form": CommentForm.for_target(target, user=user) if may_comment else None,
        "login_next": thread_url(target, page=page.number),
    }
