"""The comment thread of any commentable object: `{% comment_thread object %}`.

Signed-in citizens who have written nothing on the page and have no staff rights see the
same thread as each other: for them it is rendered once per change of the content and
page of the thread, and shared (core.page_cache.fragment). Everyone else gets it
rendered for them: their own comments, the moderators' view, the city's answer form.
"""

from dataclasses import dataclass, field

from django import template
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from core import page_cache
from moderation.models import can_moderate

from ..forms import CommentForm
from ..models import COMMENTS_PER_PAGE, PAGE_PARAMETER, THREAD_ANCHOR, Comment, thread_url
from ..permissions import (
    can_answer_officially,
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
    # For a reply to a reply: the reply it answers, where the viewer sees it.
    answered: Comment | None = None
    # What the page adds under the comment (a document's response to it), see `notes_of`.
    note: object = None


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


def sees_the_shared_thread(user, target, request):
    """Whether `user` sees exactly what every other such citizen sees of this thread.

    Signed in, with no rights beyond a citizen's and nothing written on `target` (in any
    state: waiting, rejected, deleted); a page of the thread named plainly, and no other
    query parameter that the page links would keep.
    """
    page_number = request.GET.get(PAGE_PARAMETER, "1")
    return (
        user.is_authenticated
        and not user.is_staff
        and not can_moderate(user)
        and not can_answer_officially(user)
        and page_number.isdigit()
        and len(page_number) < 6
        and not other_parameters(request)
        and not Comment.objects.on(target).filter(author=user).exists()
    )


@register.simple_tag(takes_context=True)
def comment_thread(context, target):
    """One page of the thread: top-level comments, oldest first, each with its replies."""
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user") or AnonymousUser()

    def render():
        return render_to_string(
            "comments/includes/_thread.html", thread_context(request, user, target), request
        )

    shared = request is not None and page_cache.enabled()
    if not shared or not sees_the_shared_thread(user, target, request):
        return mark_safe(render())  # noqa: S308 - a template's own escaped output
    content_type = ContentType.objects.get_for_model(target)
    may_comment = can_comment(user, target)  # which also asks target.comments_allowed()
    name = "-".join(
        [
            "thread",
            str(content_type.pk),
            str(target.pk),
            request.GET.get(PAGE_PARAMETER, "1"),
            "writer" if may_comment else "reader",
        ]
    )
    html = page_cache.fragment(name, [page_cache.CONTENT], render, request)
    return mark_safe(html)  # noqa: S308 - the same escaped output, from the cache


def notes_of(target, entries):
    """Give each entry the note its page adds under it, if the page adds any.

    A commentable model may offer `comment_notes(comments)`: a dict from comment number to
    a note with a `template` to include under that comment (a document's response says
    what became of it). It is asked once per page of the thread, so that the notes cost one
    query, whatever the number of comments; this app knows nothing of what they say.
    """
    comment_notes = getattr(target, "comment_notes", None)
    if comment_notes is None:
        return
    shown = [e for top in entries for e in (top, *top.replies)]
    notes = comment_notes([e.comment for e in shown if e.show_text])
    for e in shown:
        e.note = notes.get(e.comment.pk)


def thread_context(request, user, target):
    comments_allowed = target.comments_allowed()
    paginator = Paginator(Comment.objects.thread(target, user), COMMENTS_PER_PAGE)
    page = paginator.get_page(request.GET.get(PAGE_PARAMETER) if request else None)
    entries = []
    for comment in page:
        top = entry(comment, user, comments_allowed=comments_allowed)
        replies = {reply.pk: reply for reply in comment.visible_replies}
        for reply in comment.visible_replies:
            shown = entry(reply, user, comments_allowed=comments_allowed, top=comment)
            shown.answered = replies.get(reply.answered_id)
            top.replies.append(shown)
        entries.append(top)
    notes_of(target, entries)
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
