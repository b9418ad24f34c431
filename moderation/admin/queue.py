"""The queue of what waits for release, and the decision log it is shown beside."""

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import CharField, Count, Value
from django.db.models.functions import Coalesce
from django.shortcuts import redirect
from django.urls import NoReverseMatch, path, reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from core.admin_pages import AdminPagesMixin

from ..models import (
    Decision,
    can_moderate,
    moderated_models,
)
from ..templatetags.moderation_admin import public_url
from .actions import QueueForm, apply_decision, contribution_key, parse_key, seen_revisions

QUEUE_PAGE_SIZE = 25
WORDS_DELETED = gettext_lazy("(words deleted)")


# The queue: every contribution waiting for release, oldest first


def pending_keys():
    """Every pending contribution as (waiting since, label, pk), in one query.

    Longest waiting first; a contribution its author has changed waits from the change on,
    behind those that were not changed meanwhile.
    """
    parts = [
        model.objects.pending()
        .order_by()
        .annotate(
            label=Value(model._meta.label_lower, output_field=CharField()),
            waiting_since=Coalesce("revised_at", "created_at"),
        )
        .values_list("waiting_since", "label", "pk")
        for model in moderated_models()
    ]
    first, *rest = parts
    queryset = first.union(*rest, all=True) if rest else first
    return queryset.order_by("waiting_since", "label", "pk")


def fetch_contributions(keys):
    """{(label, pk): contribution} for the keys, one query per model (plus its prefetches)."""
    pks = defaultdict(list)
    for label, pk, *_revision in keys:
        pks[label].append(pk)
    found = {}
    for model in moderated_models():
        label = model._meta.label_lower
        if pks[label]:
            for contribution in model.objects.for_moderation().filter(pk__in=pks[label]):
                found[(label, contribution.pk)] = contribution
    return found


@dataclass
class QueueRow:
    contribution: object
    history: Counter

    def __post_init__(self):
        contribution = self.contribution
        self.key = contribution_key(contribution)
        self.kind = contribution._meta.verbose_name
        self.title = contribution.moderation_title()
        self.text = contribution.moderation_text()
        # A photo is judged with the words (core/photos.py cleaned it; see the renditions).
        self.photo = contribution if getattr(contribution, "image", None) else None
        self.url = public_url(contribution)
        self.context = contribution.moderation_context()
        self.context_kind = self.context._meta.verbose_name if self.context else ""
        self.context_url = self.context.get_absolute_url() if self.context else ""
        # A reply names the comment it answers.
        self.reply_to = getattr(contribution, "parent", None)
        self.revision = contribution.revision
        self.revised_at = contribution.revised_at
        self.released = self.history[Decision.Kind.RELEASED]
        self.rejected = self.history[Decision.Kind.REJECTED]
        self.removed = self.history[Decision.Kind.HIDDEN]


def decision_history(author_ids):
    """{author id: Counter of decision kinds} for all the authors, in one aggregate query."""
    history = defaultdict(Counter)
    if author_ids:
        counts = (
            Decision.objects.filter(author_id__in=author_ids)
            .order_by()
            .values_list("author_id", "kind")
            .annotate(n=Count("pk"))
        )
        for author_id, kind, n in counts:
            history[author_id][kind] = n
    return history


def queue_rows(keys):
    keys = [(label, pk) for _waiting_since, label, pk in keys]
    found = fetch_contributions(keys)
    contributions = [found[key] for key in keys if key in found]
    history = decision_history({c.author_id for c in contributions if c.author_id})
    return [QueueRow(c, history.get(c.author_id, Counter())) for c in contributions]


# Decision log and queue


@admin.register(Decision)
class DecisionAdmin(AdminPagesMixin, admin.ModelAdmin):
    """The log of every decision: read only, as it was recorded."""

    # In view at 1280 px: the kind of contribution and its author are on the entry's page.
    list_display = ["created_at", "kind", "contribution", "reason_excerpt", "moderator"]
    list_display_links = ["created_at"]
    list_filter = ["kind", ("moderator", admin.RelatedOnlyFieldListFilter), "created_at"]
    list_select_related = ["content_type", "moderator", "author"]
    search_fields = ["summary", "reason"]
    fields = [
        "created_at",
        "contribution_kind",
        "contribution",
        "revision",
        "kind",
        "reason",
        "moderator",
        "author",
    ]
    readonly_fields = fields

    @admin.display(description=gettext_lazy("kind of contribution"), ordering="content_type")
    def contribution_kind(self, decision):
        return decision.content_type.name

    @admin.display(description=gettext_lazy("contribution"), ordering="summary")
    def contribution(self, decision):
        content_type = decision.content_type
        try:
            url = reverse(
                f"admin:{content_type.app_label}_{content_type.model}_change",
                args=[decision.object_id],
            )
        except NoReverseMatch:
            return decision.summary or WORDS_DELETED
        # Words that were deleted (moderation.services.forget_words) leave no summary.
        return format_html('<a href="{}">{}</a>', url, decision.summary or WORDS_DELETED)

    @admin.display(description=gettext_lazy("reason"))
    def reason_excerpt(self, decision):
        return Truncator(decision.reason).chars(120) or "–"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            path(
                "queue/",
                self.admin_site.admin_view(self.queue_view),
                name="moderation_queue",
            ),
            *super().get_urls(),
        ]

    def queue_view(self, request):
        """All pending proposals and comments, oldest first, to release or reject in bulk."""
        if not can_moderate(request.user):
            raise PermissionDenied
        form = QueueForm(request.POST if request.method == "POST" else None)
        if form.is_bound and form.is_valid():
            keys = [parse_key(key)[:2] for key in form.cleaned_data["items"]]
            found = fetch_contributions(keys)
            gone = len([key for key in keys if key not in found])
            if gone:
                messages.warning(
                    request,
                    ngettext(
                        "%(count)d of the ticked contributions no longer exists.",
                        "%(count)d of the ticked contributions no longer exist.",
                        gone,
                    )
                    % {"count": gone},
                )
            apply_decision(
                request,
                [found[key] for key in keys if key in found],
                form.cleaned_data["decision"],
                form.reason(),
                seen=seen_revisions(form.cleaned_data["items"]),
                pending_only=True,
            )
            return redirect(request.get_full_path())
        paginator = Paginator(pending_keys(), QUEUE_PAGE_SIZE)
        page = paginator.get_page(request.GET.get("p"))
        rows = queue_rows(page.object_list)
        if form.is_bound:
            ticked = set(form.data.getlist("items"))
        elif request.GET.get("alle") == "1":
            ticked = {row.key for row in rows}
        else:
            ticked = set()
        return self.render_page(
            request,
            "admin/moderation/queue.html",
            title=_("To moderate"),
            form=form,
            page=page,
            page_range=paginator.get_elided_page_range(page.number),
            ellipsis=paginator.ELLIPSIS,
            rows=rows,
            ticked=ticked,
            all_ticked=bool(rows) and ticked >= {row.key for row in rows},
        )
