"""The moderators' back office: the queue, reports, the decision log, reasons and the switch.

Every release, rejection, removal and restoration goes through `moderation.services`, which
records a `Decision`; the admin adds an entry to the object's history (LogEntry) as well.
`ModeratedAdmin` gives the admins of proposals and comments the same actions and buttons.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import partial

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import CharField, Count, F, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import redirect
from django.urls import NoReverseMatch, path, reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext, pgettext_lazy

from core.admin_pages import AdminPagesMixin

from . import services
from .decisions import PENDING, RULES, allows
from .models import (
    Decision,
    ReasonTemplate,
    Report,
    SiteSettings,
    can_moderate,
    moderated_models,
)
from .templatetags.moderation_admin import public_url, seen_key

QUEUE_PAGE_SIZE = 25
WORDS_DELETED = gettext_lazy("(words deleted)")


# Decisions: what each one calls, who may take it, whether it needs a reason; all of it
# from the one table in moderation/decisions.py.


@dataclass(frozen=True)
class DecisionKind:
    decide: object
    allowed: object
    needs_reason: bool
    label: object


DECISIONS = {
    name: DecisionKind(
        getattr(services, name), partial(allows, name), rule.needs_reason, rule.label
    )
    for name, rule in RULES.items()
}


def success_message(decision, count):
    return RULES[decision].done % {"count": count}


def short_title(contribution):
    return Truncator(contribution.moderation_title()).chars(80)


def apply_decision(request, contributions, decision, reason="", *, seen, pending_only=False):
    """Decide on each contribution through the services; skip and report those that changed.

    `seen` maps (label, pk) to the version of each contribution that the page the decision
    was made on showed (`seen_revisions`); a contribution changed since is left as it is.
    `pending_only` is for the queue: what a colleague has decided meanwhile stays as it is,
    even where the decision would still be possible (releasing a rejected contribution).
    """
    if not can_moderate(request.user):
        raise PermissionDenied
    kind = DECISIONS[decision]
    reason = reason if kind.needs_reason else ""
    done = []
    for contribution in contributions:
        model = type(contribution)
        arguments = {"reason": reason} if kind.needs_reason else {}
        try:
            # The service locks the contribution and refuses what its state or version
            # no longer allows; in the queue, only what still waits is decided.
            current = kind.decide(
                contribution=model._default_manager.get(pk=contribution.pk),
                moderator=request.user,
                seen_revision=seen.get((model._meta.label_lower, contribution.pk)),
                only_from={PENDING} if pending_only else None,
                **arguments,
            )
        except model.DoesNotExist:
            messages.warning(
                request,
                _("“%(title)s” no longer exists.") % {"title": short_title(contribution)},
            )
        except ValidationError as error:
            messages.warning(
                request,
                _("“%(title)s” was left unchanged: %(error)s")
                % {"title": short_title(contribution), "error": " ".join(error.messages)},
            )
        else:
            done.append(current)
    if done:
        log_decisions(request, done, decision, reason)
        messages.success(request, success_message(decision, len(done)))
    return done


def log_decisions(request, contributions, decision, reason=""):
    """The admin history of each contribution shows the decision too."""
    label = DECISIONS[decision].label
    message = f"{label}: {reason}" if reason else str(label)
    LogEntry.objects.log_actions(
        user_id=request.user.pk,
        queryset=contributions,
        action_flag=CHANGE,
        change_message=message,
    )


# Forms


class ReasonForm(forms.Form):
    """The reason the author reads: a template, or one's own words, which take precedence."""

    reason_template = forms.ModelChoiceField(
        label=gettext_lazy("Reason template"),
        queryset=ReasonTemplate.objects.all(),
        required=False,
        empty_label=gettext_lazy("– no template –"),
    )
    reason_text = forms.CharField(
        label=gettext_lazy("Or in your own words"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text=gettext_lazy(
            "Your own words take precedence over the template. The author reads the reason."
        ),
    )

    def __init__(self, *args, reason_required=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.reason_required = reason_required

    def clean(self):
        cleaned = super().clean()
        if self.reason_required and not self.reason():
            self.add_error(
                "reason_text",
                _("Please choose a reason template or write a reason; the author will see it."),
            )
        return cleaned

    def reason(self):
        text = (self.cleaned_data.get("reason_text") or "").strip()
        template = self.cleaned_data.get("reason_template")
        return text or (template.text if template else "")


def contribution_key(contribution):
    """The key "app.model:pk:version" of a contribution as a page showed it."""
    return seen_key(contribution)


def parse_key(key):
    """("proposals.proposal", 12, 3) from "proposals.proposal:12:3"; None for anything else."""
    label, pk, revision = ([*key.split(":"), "", ""])[:3]
    if (
        pk.isdigit()
        and revision.isdigit()
        and key.count(":") == 2
        and label in {model._meta.label_lower for model in moderated_models()}
    ):
        return label, int(pk), int(revision)
    return None


def seen_revisions(keys):
    """{(label, pk): version} of the contribution keys a page carried (see contribution_key)."""
    parsed = (parse_key(key) for key in keys)
    return {(label, pk): revision for label, pk, revision in filter(None, parsed)}


class ContributionsField(forms.MultipleChoiceField):
    """The ticked contributions of the queue, as keys "app.model:pk:version"."""

    widget = forms.MultipleHiddenInput

    def valid_value(self, value):
        return parse_key(value) is not None


class QueueForm(ReasonForm):
    items = ContributionsField(
        error_messages={"required": gettext_lazy("Please tick at least one contribution.")}
    )
    decision = forms.ChoiceField(
        label=gettext_lazy("Decision"),
        choices=[("release", DECISIONS["release"].label), ("reject", DECISIONS["reject"].label)],
        widget=forms.RadioSelect,
        initial="release",
        error_messages={"required": gettext_lazy("Please choose a decision.")},
    )
    field_order = ["items", "decision", "reason_template", "reason_text"]

    def clean(self):
        self.reason_required = self.cleaned_data.get("decision") == "reject"
        return super().clean()


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


# The actions and buttons that proposals and comments share


class ModeratedAdmin(AdminPagesMixin, admin.ModelAdmin):
    """Admin of a `Moderated` model: release, reject, remove and restore, list and page."""

    moderation_fields = [
        "moderation_state",
        "moderation_reason",
        "moderated_at",
        "moderated_by",
        "published_at",
    ]
    actions = ["release_selected", "reject_selected", "hide_selected", "restore_selected"]
    change_form_template = "admin/moderation/contribution_change_form.html"
    view_on_site = True

    def get_queryset(self, request):
        return super().get_queryset(request).for_moderation()

    def has_moderate_permission(self, request):
        return can_moderate(request.user)

    def has_add_permission(self, request):
        # Contributions come from citizens, through the site.
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser and super().has_delete_permission(request, obj)

    # Actions on the list

    # Every action first shows the full texts of the selected contributions; the decision
    # then applies to the versions shown there (a text changed meanwhile is left as it is).

    @admin.action(
        description=gettext_lazy("Release the selected contributions"),
        permissions=["moderate"],
    )
    def release_selected(self, request, queryset):
        return self.confirm_decision(request, queryset, "release")

    @admin.action(
        description=gettext_lazy("Do not release the selected contributions (with reason)"),
        permissions=["moderate"],
    )
    def reject_selected(self, request, queryset):
        return self.confirm_decision(request, queryset, "reject")

    @admin.action(
        description=gettext_lazy("Remove the selected contributions (with reason)"),
        permissions=["moderate"],
    )
    def hide_selected(self, request, queryset):
        return self.confirm_decision(request, queryset, "hide")

    @admin.action(
        description=gettext_lazy("Restore the selected contributions"),
        permissions=["moderate"],
    )
    def restore_selected(self, request, queryset):
        return self.confirm_decision(request, queryset, "restore")

    def confirm_decision(self, request, queryset, decision):
        """First a page with the texts (and the reason, where one is needed), then the
        decision on the versions that page showed; back to the list after."""
        kind = DECISIONS[decision]
        contributions = list(queryset)
        form = ReasonForm(
            request.POST if "confirm" in request.POST else None,
            reason_required=kind.needs_reason,
        )
        if form.is_bound and form.is_valid():
            apply_decision(
                request,
                contributions,
                decision,
                form.reason(),
                seen=seen_revisions(request.POST.getlist("seen")),
            )
            return None
        return self.render_page(
            request,
            "admin/moderation/decide.html",
            title=kind.label,
            contributions=contributions,
            form=form,
            needs_reason=kind.needs_reason,
            submit_label=kind.label,
            action=request.POST.get("action", ""),
            selected=[str(c.pk) for c in contributions],
            cancel_url=request.get_full_path(),
            changelist_url=reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist"
            ),
        )

    # Buttons on the change page

    def get_urls(self):
        return [
            path(
                "<path:object_id>/moderate/<slug:decision>/",
                self.admin_site.admin_view(self.moderate_view),
                name=f"{self.opts.app_label}_{self.opts.model_name}_moderate",
            ),
            *super().get_urls(),
        ]

    def moderation_urls(self, request, obj):
        """The decisions the user may take on this contribution now, with their addresses."""
        name = f"admin:{self.opts.app_label}_{self.opts.model_name}_moderate"
        return {
            decision: reverse(name, args=[obj.pk, decision])
            for decision, kind in DECISIONS.items()
            if kind.allowed(request.user, obj)
        }

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk is not None:
            urls = self.moderation_urls(request, obj)
            context["moderation"] = {
                "urls": urls,
                "form": ReasonForm() if {"reject", "hide"} & urls.keys() else None,
            }
        return super().render_change_form(request, context, add, change, form_url, obj)

    def moderate_view(self, request, object_id, decision):
        if decision not in DECISIONS:
            raise Http404
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not (self.has_view_permission(request, obj) and can_moderate(request.user)):
            raise PermissionDenied
        change_url = reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[obj.pk]
        )
        kind = DECISIONS[decision]
        form = ReasonForm(
            request.POST if request.method == "POST" else None,
            reason_required=kind.needs_reason,
        )
        if form.is_bound and form.is_valid():
            apply_decision(
                request,
                [obj],
                decision,
                form.reason() if kind.needs_reason else "",
                seen=seen_revisions(request.POST.getlist("seen")),
            )
            return redirect(change_url)
        return self.render_page(
            request,
            "admin/moderation/decide.html",
            title=kind.label,
            contributions=[obj],
            form=form,
            needs_reason=kind.needs_reason,
            submit_label=kind.label,
            cancel_url=change_url,
            changelist_url=reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist"
            ),
        )


# Reports


class ReportStateFilter(admin.SimpleListFilter):
    title = gettext_lazy("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("open", pgettext_lazy("report state", "open")),
            ("handled", pgettext_lazy("report state", "handled")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "open":
            return queryset.open()
        if self.value() == "handled":
            return queryset.filter(resolved_at__isnull=False)
        return queryset


def reported_contributions(reports):
    """The distinct contributions of the reports, in the order of the reports."""
    contributions = {}
    for report in reports:
        if report.contribution is not None:
            contributions.setdefault(
                (report.content_type_id, report.object_id), report.contribution
            )
    return list(contributions.values())


@admin.register(Report)
class ReportAdmin(AdminPagesMixin, admin.ModelAdmin):
    """Reports of citizens, open ones first; handled per contribution through the service."""

    # The state first, and in view at 1280 px: the contribution's own moderation state is
    # on the report's page, not in a column.
    list_display = [
        "state",
        "created_at",
        "reason",
        "contribution_link",
        "contribution_text",
        "reporter",
    ]
    list_display_links = ["created_at"]
    list_filter = [ReportStateFilter, "reason", "resolution"]
    list_select_related = ["reporter", "content_type", "resolved_by"]
    ordering = [F("resolved_at").asc(nulls_first=True), "created_at", "pk"]
    actions = ["remove_contributions", "dismiss_reports"]
    fields = [
        "contribution_link",
        "contribution_kind",
        "contribution_full_text",
        "contribution_state",
        "reason",
        "text",
        "reporter",
        "created_at",
        "resolved_at",
        "resolved_by",
        "resolution",
    ]
    readonly_fields = fields

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                GenericPrefetch(
                    "contribution",
                    [model.objects.for_moderation() for model in moderated_models()],
                )
            )
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # Reports are what citizens wrote; moderators handle them through the actions.
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_moderate_permission(self, request):
        return can_moderate(request.user)

    @admin.display(description=gettext_lazy("state"), ordering="resolved_at")
    def state(self, report):
        if report.is_open:
            return pgettext("report state", "open")
        return report.get_resolution_display()

    @admin.display(description=gettext_lazy("kind of contribution"))
    def contribution_kind(self, report):
        return report.content_type.name

    @admin.display(description=gettext_lazy("reported contribution"))
    def contribution_link(self, report):
        contribution = report.contribution
        if contribution is None:
            return _("(no longer exists)")
        kind = str(contribution._meta.verbose_name).capitalize()
        url = public_url(contribution)
        if not url:
            return f"{kind}: {short_title(contribution)}"
        return format_html('{}: <a href="{}">{}</a>', kind, url, short_title(contribution))

    @admin.display(description=gettext_lazy("text"))
    def contribution_text(self, report):
        if report.contribution is None:
            return "–"
        return Truncator(report.contribution.moderation_text()).chars(200)

    @admin.display(description=gettext_lazy("text"))
    def contribution_full_text(self, report):
        if report.contribution is None:
            return "–"
        return report.contribution.moderation_text()

    @admin.display(description=gettext_lazy("moderation"))
    def contribution_state(self, report):
        if report.contribution is None:
            return "–"
        return report.contribution.get_moderation_state_display()

    @admin.action(
        description=gettext_lazy("Remove the reported contributions (with reason)"),
        permissions=["moderate"],
    )
    def remove_contributions(self, request, queryset):
        reports = list(queryset)
        contributions = reported_contributions(reports)
        form = ReasonForm(request.POST if "confirm" in request.POST else None)
        if form.is_bound and form.is_valid():
            self.resolve(request, contributions, remove=True, reason=form.reason())
            return None
        return self.render_page(
            request,
            "admin/moderation/decide.html",
            title=_("Remove the reported contributions"),
            contributions=contributions,
            form=form,
            needs_reason=True,
            submit_label=_("Remove the contributions"),
            action=request.POST.get("action", ""),
            selected=[str(report.pk) for report in reports],
            cancel_url=request.get_full_path(),
            changelist_url=reverse("admin:moderation_report_changelist"),
        )

    @admin.action(description=gettext_lazy("No action needed"), permissions=["moderate"])
    def dismiss_reports(self, request, queryset):
        self.resolve(request, reported_contributions(queryset), remove=False)

    def resolve(self, request, contributions, *, remove, reason=""):
        handled = []
        for contribution in contributions:
            try:
                services.resolve_reports(
                    contribution=contribution, moderator=request.user, remove=remove, reason=reason
                )
            except ValidationError as error:
                messages.warning(
                    request,
                    _("“%(title)s” was left unchanged: %(error)s")
                    % {"title": short_title(contribution), "error": " ".join(error.messages)},
                )
            else:
                handled.append(contribution)
        if not handled:
            return
        if remove:
            log_decisions(request, handled, "hide", reason)
            message = ngettext(
                "%(count)d contribution removed; its reports are closed.",
                "%(count)d contributions removed; their reports are closed.",
                len(handled),
            )
        else:
            message = ngettext(
                "The reports of %(count)d contribution are closed; nothing was removed.",
                "The reports of %(count)d contributions are closed; nothing was removed.",
                len(handled),
            )
        messages.success(request, message % {"count": len(handled)})


# Reason templates and the site-wide switch


@admin.register(ReasonTemplate)
class ReasonTemplateAdmin(admin.ModelAdmin):
    list_display = ["title", "text_excerpt"]
    search_fields = ["title", "text"]

    @admin.display(description=gettext_lazy("text for the author"))
    def text_excerpt(self, template):
        return Truncator(template.text).chars(120)


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    """One row: the list leads straight to it."""

    fields = ["premoderation"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        return redirect("admin:moderation_sitesettings_change", SiteSettings.load().pk)
