"""Posting, deleting and reporting comments; the thread itself renders through a template tag."""

from django.apps import apps
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from accounts.permissions import can_take_part
from core import ratelimit
from core.forms import show_service_error
from moderation.views import ReportView

from .forms import CommentForm
from .models import Comment, allowed_target_models, thread_url
from .permissions import (
    can_comment,
    can_delete_comment,
    can_report_comment,
    can_view_comment_text,
    is_answerable,
    is_author,
)
from .services import delete_comment, post_comment


def visible_target(user, label, object_id):
    """The commentable page named by "app_label.model" and number, if `user` may see it."""
    try:
        model = apps.get_model(label or "")
    except (LookupError, ValueError):
        raise Http404 from None
    if model not in allowed_target_models():
        raise Http404
    try:
        object_id = int(object_id)
    except (TypeError, ValueError):
        raise Http404 from None
    return get_object_or_404(model._default_manager.visible_to(user), pk=object_id)


def target_of(user, comment):
    """The page of a comment, if `user` may see it (otherwise the comment is a 404 too)."""
    content_type = comment.content_type
    return visible_target(
        user, f"{content_type.app_label}.{content_type.model}", comment.object_id
    )


def obstacle(user, target):
    """Why `user` cannot write here, for the hint in place of the form; None if they can."""
    if not target.comments_allowed():
        return "closed"
    if not user.is_authenticated:
        return "login_required"
    if not can_take_part(user):
        return "email_unconfirmed"
    if not can_comment(user, target):
        return "closed"
    return None


def answerable(comment):
    """A reply to a reply joins its top-level comment, so both must be answerable."""
    return is_answerable(comment, top=comment.parent)


def back_url(user, target, parent):
    """Back to the discussion: where the answered comment stands, else the thread's start."""
    return parent.get_absolute_url(for_user=user) if parent else thread_url(target)


def render_form(request, *, form, target, parent=None, status=200):
    context = {
        "form": form,
        "target": target,
        "thread_url": back_url(request.user, target, parent),
        "parent": parent,
        "show_parent_text": parent is not None and can_view_comment_text(request.user, parent),
        "answerable": parent is None or answerable(parent),
        "obstacle": obstacle(request.user, target),
    }
    return render(request, "comments/comment_form.html", context, status=status)


class CommentCreateView(View):
    """POST only: a new comment or reply; any problem comes back with the text kept."""

    http_method_names = ["post"]

    def post(self, request):
        user = request.user
        target = visible_target(user, request.POST.get("target"), request.POST.get("object_id"))
        if not user.is_authenticated:
            return redirect_to_login(thread_url(target))
        parent = None
        if request.POST.get("parent"):
            try:
                parent_id = int(request.POST["parent"])
            except ValueError:
                raise Http404 from None
            parent = get_object_or_404(
                Comment.objects.visible_to(user).on(target).select_related("author"),
                pk=parent_id,
            )
        form = CommentForm(request.POST, user=user)
        if obstacle(user, target) is not None:
            # Unconfirmed, or the page takes no comments: say why, keep the text.
            return render_form(request, form=form, target=target, parent=parent, status=403)
        if not form.is_valid():
            return render_form(request, form=form, target=target, parent=parent)
        try:
            comment = post_comment(
                author=user,
                target=target,
                text=form.cleaned_data["text"],
                parent=parent,
                official=form.cleaned_data.get("official", False),
            )
        except (ratelimit.RateLimited, PermissionDenied, ValidationError) as error:
            show_service_error(form, error)
            status = {ratelimit.RateLimited: 429, PermissionDenied: 403}.get(type(error), 200)
            return render_form(request, form=form, target=target, parent=parent, status=status)
        if comment.is_published:
            messages.success(request, _("Thank you! Your comment has been published."))
        else:
            messages.success(
                request,
                _(
                    "Thank you! Your comment will appear as soon as the moderators have "
                    "released it."
                ),
            )
        # Where the new comment stands for its author, who sees it even while it waits.
        return redirect(comment.get_absolute_url(for_user=user))


class CommentReplyView(View):
    """The comment being answered and the reply form; it posts to CommentCreateView."""

    http_method_names = ["get"]

    def get(self, request, pk):
        user = request.user
        comment = get_object_or_404(
            Comment.objects.visible_to(user).select_related("author", "content_type", "parent"),
            pk=pk,
        )
        target = target_of(user, comment)
        form = None
        if answerable(comment) and can_comment(user, target):
            form = CommentForm.for_target(target, user=user, parent=comment)
        return render(
            request,
            "comments/comment_form.html",
            {
                "form": form,
                "target": target,
                "thread_url": back_url(user, target, comment),
                "parent": comment,
                "show_parent_text": can_view_comment_text(user, comment),
                "answerable": answerable(comment),
                "obstacle": obstacle(user, target),
                "login_next": request.get_full_path(),
            },
        )


class CommentDeleteView(LoginRequiredMixin, View):
    """The author takes back a comment: GET asks, POST deletes. Others get a 403."""

    template_name = "comments/comment_confirm_delete.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.comment = get_object_or_404(
            Comment.objects.visible_to(request.user).select_related("content_type"),
            pk=kwargs["pk"],
        )
        self.target = target_of(request.user, self.comment)
        if self.comment.is_deleted and is_author(request.user, self.comment):
            messages.info(request, _("This comment has already been deleted."))
            return redirect(self.comment_url())
        if not can_delete_comment(request.user, self.comment):
            raise PermissionDenied(_("You can delete only your own comments."))
        return super().dispatch(request, *args, **kwargs)

    def comment_url(self):
        # A deleted comment keeps its place, so this is where it stood.
        return self.comment.get_absolute_url(for_user=self.request.user)

    def get(self, request, pk):
        return render(
            request,
            self.template_name,
            {"comment": self.comment, "target": self.target, "comment_url": self.comment_url()},
        )

    def post(self, request, pk):
        delete_comment(comment=self.comment, user=request.user)
        messages.success(request, _("Your comment has been deleted."))
        return redirect(self.comment_url())


class ReportCommentView(ReportView):
    def get_contribution(self):
        comment = get_object_or_404(
            Comment.objects.published().filter(deleted_at__isnull=True), pk=self.kwargs["pk"]
        )
        target_of(self.request.user, comment)  # a comment on a page one cannot see is a 404
        return comment

    def can_report(self, user, contribution):
        return can_report_comment(user, contribution)
