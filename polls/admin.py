"""Admin for editors: polls with their questions, results, the answers export and paper batches."""

import csv
import secrets

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_POST

from core.admin_forms import LabelledInlineFormSet
from core.admin_pages import AdminPagesMixin

from . import services
from .forms import PaperBatchForm, VoidPaperBatchForm, group_by_question
from .models import Choice, PaperBatch, Poll, Question, Selection, TextAnswer
from .permissions import (
    can_confirm_paper_batch,
    can_edit_paper_batch,
    can_enter_paper_votes,
    can_void_paper_batch,
)
from .spreadsheets import spreadsheet_safe


def answers_exist(poll):
    """Ballots or paper batches exist: from now on questions and choices are fixed."""
    if poll is None or poll.pk is None:
        return False
    # Asked many times per admin page (inlines, permissions, fields): once per instance.
    if not hasattr(poll, "_answers_exist"):
        poll._answers_exist = poll.ballots.exists() or poll.paper_batches.exists()
    return poll._answers_exist


def error_message(error):
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error) or _("You may not do this.")


# Polls, questions and choices


class PollStateFilter(admin.SimpleListFilter):
    title = gettext_lazy("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("upcoming", pgettext_lazy("poll state", "upcoming")),
            ("open", pgettext_lazy("poll state", "open")),
            ("closed", pgettext_lazy("poll state", "closed")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "upcoming":
            return queryset.upcoming()
        if self.value() == "open":
            return queryset.open()
        if self.value() == "closed":
            return queryset.closed()
        return queryset


class ResultsPublishedFilter(admin.SimpleListFilter):
    title = gettext_lazy("results published")
    parameter_name = "results_published"

    def lookups(self, request, model_admin):
        return [("yes", gettext_lazy("Yes")), ("no", gettext_lazy("No"))]

    def queryset(self, request, queryset):
        if self.value() in {"yes", "no"}:
            return queryset.filter(results_published_at__isnull=self.value() == "no")
        return queryset


class QuestionInline(admin.TabularInline):
    model = Question
    formset = LabelledInlineFormSet
    extra = 1
    fields = ["position", "text", "kind", "is_required", "max_choices", "max_length", "choices"]
    readonly_fields = ["choices"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(choice_count=Count("choices"))

    def get_readonly_fields(self, request, obj=None):
        if answers_exist(obj):
            # The wording may still be corrected; what a question asks for and counts may not.
            return ["kind", "max_choices", *self.readonly_fields]
        return self.readonly_fields

    def has_add_permission(self, request, obj=None):
        return not answers_exist(obj) and super().has_add_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not answers_exist(obj) and super().has_delete_permission(request, obj)

    @admin.display(description=pgettext_lazy("poll", "choices"))
    def choices(self, question):
        if question.pk is None:
            return _("Save first, then add the choices.")
        if not question.has_choices:
            return "–"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:polls_question_change", args=[question.pk]),
            _("Edit the choices (%(count)d)") % {"count": getattr(question, "choice_count", 0)},
        )


@admin.register(Poll)
class PollAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "state",
        "opens_at",
        "closes_at",
        "eligibility",
        "is_published",
        "online",
        "paper",
        "results_published",
        "preview",
    ]
    list_filter = [
        PollStateFilter,
        "is_published",
        "eligibility",
        "results_visibility",
        ResultsPublishedFilter,
        "project",
    ]
    list_select_related = ["project"]
    search_fields = ["title", "intro"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [QuestionInline]
    readonly_fields = [
        "participation",
        "results_published_at",
        "results_published_by",
        "results_announced_at",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["title", "slug", "project", "is_published"]}),
        (gettext_lazy("Text"), {"fields": ["intro"]}),
        (
            gettext_lazy("Voting"),
            {"fields": ["opens_at", "closes_at", "eligibility", "ballots_changeable"]},
        ),
        (
            gettext_lazy("Results"),
            {
                "fields": [
                    "participation",
                    "results_visibility",
                    "method_note",
                    "results_published_at",
                    "results_published_by",
                    "results_announced_at",
                ]
            },
        ),
        (gettext_lazy("History"), {"fields": ["created_at", "updated_at"]}),
    ]
    view_on_site = True
    change_form_template = "admin/polls/poll/change_form.html"

    def get_queryset(self, request):
        return super().get_queryset(request).with_participation()

    @admin.display(description=gettext_lazy("state"))
    def state(self, poll):
        now = timezone.now()
        if poll.is_upcoming(now):
            return pgettext_lazy("poll state", "upcoming")
        if poll.is_open(now):
            return pgettext_lazy("poll state", "open")
        return pgettext_lazy("poll state", "closed")

    @admin.display(description=gettext_lazy("online"), ordering="online_participants")
    def online(self, poll):
        return poll.online_participants

    @admin.display(description=gettext_lazy("on paper"), ordering="paper_participants")
    def paper(self, poll):
        return poll.paper_participants

    @admin.display(
        description=gettext_lazy("results published"),
        boolean=True,
        ordering="results_published_at",
    )
    def results_published(self, poll):
        return poll.results_published

    @admin.display(description=gettext_lazy("preview"))
    def preview(self, poll):
        return format_html(
            '<a href="{}">{}</a>',
            poll.get_absolute_url(),
            _("Show on the site") if poll.is_published else _("Preview"),
        )

    @admin.display(description=gettext_lazy("participants"))
    def participation(self, poll):
        if poll.pk is None:
            return "–"
        return _("%(online)d online, %(paper)d on paper (confirmed batches only)") % {
            "online": poll.online_participants,
            "paper": poll.paper_participants,
        }

    def get_urls(self):
        return [
            path(
                "<path:object_id>/publish-results/",
                self.admin_site.admin_view(require_POST(self.publish_results_view)),
                name="polls_poll_publish_results",
            ),
            path(
                "<path:object_id>/answers.csv",
                self.admin_site.admin_view(self.answers_csv_view),
                name="polls_poll_answers_csv",
            ),
            *super().get_urls(),
        ]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # Publishing a poll of a project tells the project's followers, once.
        if services.announce_poll(poll=obj):
            messages.info(
                request,
                _("The followers of “%(project)s” are being told about this poll by e-mail.")
                % {"project": obj.project},
            )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk is not None:
            context.update(
                questions_fixed=answers_exist(obj),
                batches_waiting=obj.paper_batches.waiting().count(),
                may_publish=self.has_change_permission(request, obj),
                may_export=self.may_export_answers(request, obj),
                may_enter_paper_votes=can_enter_paper_votes(obj)
                and request.user.has_perm("polls.add_paperbatch"),
                may_view_batches=request.user.has_perm("polls.view_paperbatch"),
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def may_export_answers(self, request, poll):
        # The export holds the free-text answers, which have their own permission.
        return self.has_view_permission(request, poll) and request.user.has_perm(
            "polls.view_textanswer"
        )

    def poll_or_404(self, request, object_id):
        poll = self.get_object(request, unquote(object_id))
        if poll is None:
            raise Http404
        return poll

    def publish_results_view(self, request, object_id):
        poll = self.poll_or_404(request, object_id)
        if not self.has_change_permission(request, poll):
            raise PermissionDenied
        change_url = reverse("admin:polls_poll_change", args=[poll.pk])
        if poll.results_published:
            messages.info(request, _("The results of this poll are already published."))
            return redirect(change_url)
        try:
            services.publish_results(poll=poll, by=request.user)
        except ValidationError as error:
            messages.error(request, error_message(error))
        else:
            self.log_change(request, poll, _("Published the results."))
            messages.success(
                request,
                _("The results are published and final; paper votes can no longer change them."),
            )
        return redirect(change_url)

    def answers_csv_view(self, request, object_id):
        poll = self.poll_or_404(request, object_id)
        if not self.may_export_answers(request, poll):
            raise PermissionDenied
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{poll.slug}-antworten.csv"'
        # A byte order mark, so that spreadsheet programs read the umlauts correctly.
        response.write("\ufeff")
        writer = csv.writer(response)
        questions = list(poll.questions.all())
        writer.writerow(
            [_("number"), _("channel"), *(spreadsheet_safe(q.text) for q in questions)]
        )
        for number, row in enumerate(answer_rows(poll, questions), start=1):
            writer.writerow([number, *row])
        return response


def answer_rows(poll, questions):
    """One row per online ballot, in random order and without anything about the person.

    The random order keeps the time of voting out of the file; ballot ids, accounts and
    timestamps never leave the database.
    """
    chosen = {}
    for ballot_id, question_id, label in (
        Selection.objects.filter(ballot__poll=poll)
        .order_by("choice__position", "choice")
        .values_list("ballot", "choice__question", "choice__label")
    ):
        chosen.setdefault((ballot_id, question_id), []).append(label)
    texts = {
        (ballot_id, question_id): text
        for ballot_id, question_id, text in TextAnswer.objects.filter(
            ballot__poll=poll
        ).values_list("ballot", "question", "text")
    }
    ballots = list(poll.ballots.values_list("pk", "is_guest"))
    secrets.SystemRandom().shuffle(ballots)
    account, guest = _("online (account)"), _("online (guest)")
    for ballot_id, is_guest in ballots:
        row = [guest if is_guest else account]
        for question in questions:
            if question.has_choices:
                answer = "; ".join(chosen.get((ballot_id, question.pk), []))
            else:
                answer = texts.get((ballot_id, question.pk), "")
            row.append(spreadsheet_safe(answer))
        yield row


class ChoiceInline(admin.TabularInline):
    model = Choice
    formset = LabelledInlineFormSet
    extra = 1
    fields = ["position", "label", "description", "image", "image_alt"]

    def has_add_permission(self, request, obj=None):
        return not (obj is not None and answers_exist(obj.poll)) and super().has_add_permission(
            request, obj
        )

    def has_delete_permission(self, request, obj=None):
        return not (obj is not None and answers_exist(obj.poll)) and super().has_delete_permission(
            request, obj
        )


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    """Reached from its poll's page (the admin has no nested inlines), for the choices."""

    list_display = ["text", "poll", "kind", "position"]
    list_select_related = ["poll"]
    search_fields = ["text", "poll__title"]
    fields = [
        "poll_link",
        "position",
        "text",
        "description",
        "kind",
        "is_required",
        "max_choices",
        "max_length",
    ]
    readonly_fields = ["poll_link"]
    inlines = [ChoiceInline]
    change_form_template = "admin/polls/question/change_form.html"

    def has_module_permission(self, request):
        return False

    def has_add_permission(self, request):
        # Questions are added on their poll's page, where the lock after the first answer holds.
        return False

    def has_delete_permission(self, request, obj=None):
        return not (obj is not None and answers_exist(obj.poll)) and super().has_delete_permission(
            request, obj
        )

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and answers_exist(obj.poll):
            return [*self.readonly_fields, "kind", "max_choices"]
        return self.readonly_fields

    def get_inlines(self, request, obj):
        if obj is not None and not obj.has_choices:
            return []
        return self.inlines

    @admin.display(description=gettext_lazy("poll"))
    def poll_link(self, question):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:polls_poll_change", args=[question.poll_id]),
            question.poll,
        )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context.update(poll=obj.poll, questions_fixed=answers_exist(obj.poll))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def response_post_save_change(self, request, obj):
        return redirect("admin:polls_poll_change", obj.poll_id)


@admin.register(TextAnswer)
class TextAnswerAdmin(admin.ModelAdmin):
    """Free-text answers, for staff to read: never shown in public, never changed."""

    list_display = ["question", "text", "poll"]
    list_filter = ["question__poll"]
    list_select_related = ["question__poll"]
    search_fields = ["text"]
    fields = ["question", "text"]

    @admin.display(description=gettext_lazy("poll"), ordering="question__poll")
    def poll(self, answer):
        return answer.question.poll

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# Paper batches: entered by one staff member, confirmed by another


class BatchStateFilter(admin.SimpleListFilter):
    title = gettext_lazy("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return PaperBatch.State.choices

    def queryset(self, request, queryset):
        if self.value() == PaperBatch.State.ENTERED:
            return queryset.waiting()
        if self.value() == PaperBatch.State.CONFIRMED:
            return queryset.counted()
        if self.value() == PaperBatch.State.VOIDED:
            return queryset.voided()
        return queryset


class PollPickerForm(forms.Form):
    poll = forms.ModelChoiceField(
        queryset=Poll.objects.filter(results_published_at__isnull=True).order_by(
            "-closes_at", "title"
        ),
        label=gettext_lazy("Poll"),
        help_text=gettext_lazy(
            "Which poll are the paper ballots from? Only polls whose results are not "
            "published yet are listed."
        ),
        empty_label=gettext_lazy("– please choose –"),
        error_messages={
            "required": gettext_lazy("Please choose the poll of the paper ballots."),
            "invalid_choice": gettext_lazy(
                "Paper votes can be entered only for polls whose results are not published yet."
            ),
        },
    )


BATCH_FIELDS = ["place", "collected_on", "ballots_count", "note"]


@admin.register(PaperBatch)
class PaperBatchAdmin(AdminPagesMixin, admin.ModelAdmin):
    """Paper ballots from the stands: custom pages, so that every write goes through a service."""

    # The state first, and who entered and who confirmed in view at 1280 px: the batch
    # (place and date) with its poll below them in one column.
    list_display = ["state", "batch", "ballots", "entered_by", "confirmed_by"]
    list_display_links = None
    list_filter = [BatchStateFilter, "poll"]
    search_fields = ["place", "note", "poll__title"]
    date_hierarchy = "collected_on"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("poll", "entered_by", "confirmed_by")

    @admin.display(description=gettext_lazy("state"))
    def state(self, batch):
        return batch.get_state_display()

    @admin.display(description=gettext_lazy("paper batch"), ordering="collected_on")
    def batch(self, batch):
        return format_html(
            '<a href="{}">{}</a><br><span class="quiet">{}</span>',
            self.batch_url(batch),
            batch,
            batch.poll,
        )

    @admin.display(description=pgettext_lazy("paper batch", "ballots"), ordering="ballots_count")
    def ballots(self, batch):
        return batch.ballots_count

    def has_delete_permission(self, request, obj=None):
        # A batch is voided with a reason instead: what was entered stays on record.
        return False

    def get_urls(self):
        return [
            path(
                "<path:object_id>/confirm/",
                self.admin_site.admin_view(require_POST(self.confirm_view)),
                name="polls_paperbatch_confirm",
            ),
            path(
                "<path:object_id>/void/",
                self.admin_site.admin_view(self.void_view),
                name="polls_paperbatch_void",
            ),
            *super().get_urls(),
        ]

    # Pages

    def add_view(self, request, form_url="", extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        poll_id = request.GET.get("poll", "")
        poll = Poll.objects.filter(pk=poll_id).first() if poll_id.isdigit() else None
        # After publication only a form already open at the stand still gets to the service,
        # which then explains why nothing was stored.
        if poll is None or (request.method != "POST" and not can_enter_paper_votes(poll)):
            picker = PollPickerForm(request.GET if "poll" in request.GET else None)
            picker.is_valid()
            return self.render_page(
                request,
                "admin/polls/paperbatch/pick_poll.html",
                title=_("Enter paper votes"),
                picker=picker,
            )

        form = PaperBatchForm(
            request.POST if request.method == "POST" else None,
            poll=poll,
            initial={"collected_on": timezone.localdate()},
        )
        if request.method == "POST" and form.is_valid():
            try:
                batch = services.enter_paper_batch(
                    poll=poll,
                    entered_by=request.user,
                    counts=form.counts(),
                    **{name: form.cleaned_data[name] for name in BATCH_FIELDS},
                )
            except ValidationError as error:
                form.add_error(None, error_message(error))
            else:
                self.log_addition(request, batch, _("Entered; waiting for confirmation."))
                messages.success(
                    request,
                    _(
                        "The batch “%(batch)s” is entered. It counts once a colleague has "
                        "confirmed it."
                    )
                    % {"batch": batch},
                )
                if "_addanother" in request.POST:
                    return redirect(self.add_url(poll))
                return redirect(self.batch_url(batch))
        return self.render_page(
            request,
            "admin/polls/paperbatch/batch_form.html",
            title=_("Enter paper votes: %(poll)s") % {"poll": poll},
            poll=poll,
            form=form,
            add=True,
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        batch = self.get_object(request, unquote(object_id))
        if batch is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_or_change_permission(request, batch):
            raise PermissionDenied
        if self.may_edit(request, batch):
            return self.edit(request, batch)
        if request.method == "POST":
            messages.error(request, self.read_only_reason(request, batch))
            return redirect(self.batch_url(batch))
        return self.render_page(
            request,
            "admin/polls/paperbatch/batch_detail.html",
            title=str(batch),
            batch=batch,
            poll=batch.poll,
            counts=self.grouped_counts(batch),
            read_only_reason=self.read_only_reason(request, batch),
            may_confirm=can_confirm_paper_batch(request.user, batch),
            entered_by_self=batch.entered_by_id == request.user.pk,
            may_void=self.may_void(request, batch),
            may_enter_anew=can_enter_paper_votes(batch.poll) and self.has_add_permission(request),
        )

    def edit(self, request, batch):
        title = str(batch)
        form = PaperBatchForm(
            request.POST if request.method == "POST" else None, instance=batch, poll=batch.poll
        )
        if request.method == "POST" and form.is_valid():
            try:
                batch = services.update_paper_batch(
                    batch=batch,
                    by=request.user,
                    counts=form.counts(),
                    **{name: form.cleaned_data[name] for name in BATCH_FIELDS},
                )
            except ValidationError as error:
                form.add_error(None, error_message(error))
            except PermissionDenied as error:
                messages.error(request, error_message(error))
                return redirect(self.batch_url(batch))
            else:
                self.log_change(request, batch, _("Corrected before confirmation."))
                messages.success(request, _("Your corrections are saved."))
                return redirect(self.batch_url(batch))
        return self.render_page(
            request,
            "admin/polls/paperbatch/batch_form.html",
            title=title,
            batch=batch,
            poll=batch.poll,
            form=form,
            add=False,
            may_void=self.may_void(request, batch),
        )

    def confirm_view(self, request, object_id):
        batch = self.viewable_object_or_404(request, object_id)
        # The version whose figures the page showed; the batch page shows the current one.
        seen = request.POST.get("revision", "")
        try:
            services.confirm_paper_batch(
                batch=batch,
                confirmed_by=request.user,
                seen_revision=int(seen) if seen.isdigit() else None,
            )
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, error_message(error))
        else:
            self.log_change(request, batch, _("Confirmed."))
            messages.success(
                request,
                _("The batch “%(batch)s” is confirmed and now counts in the results.")
                % {"batch": batch},
            )
        return redirect(self.batch_url(batch))

    def void_view(self, request, object_id):
        batch = self.viewable_object_or_404(request, object_id)
        if not self.may_void(request, batch):
            messages.error(request, self.void_refusal(batch))
            return redirect(self.batch_url(batch))
        form = VoidPaperBatchForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            try:
                services.void_paper_batch(
                    batch=batch, voided_by=request.user, reason=form.cleaned_data["reason"]
                )
            except ValidationError as error:
                form.add_error(None, error_message(error))
            except PermissionDenied as error:
                messages.error(request, error_message(error))
                return redirect(self.batch_url(batch))
            else:
                self.log_change(
                    request,
                    batch,
                    _("Voided: %(reason)s") % {"reason": form.cleaned_data["reason"]},
                )
                messages.success(
                    request,
                    _(
                        "The batch “%(batch)s” is voided and no longer counts. If its counts "
                        "were wrong, please enter the batch anew."
                    )
                    % {"batch": batch},
                )
                return redirect(self.batch_url(batch))
        return self.render_page(
            request,
            "admin/polls/paperbatch/void_form.html",
            title=_("Void the batch “%(batch)s”") % {"batch": batch},
            batch=batch,
            poll=batch.poll,
            counts=self.grouped_counts(batch),
            form=form,
        )

    # Helpers

    def may_edit(self, request, batch):
        return self.has_change_permission(request, batch) and can_edit_paper_batch(
            request.user, batch
        )

    def may_void(self, request, batch):
        return self.has_change_permission(request, batch) and can_void_paper_batch(
            request.user, batch
        )

    def read_only_reason(self, request, batch):
        if batch.state == PaperBatch.State.VOIDED:
            return _("This batch is voided and can no longer be changed.")
        if not can_enter_paper_votes(batch.poll):
            return _("The results of this poll are published; paper votes can no longer change.")
        if batch.state == PaperBatch.State.CONFIRMED:
            return _(
                "This batch is confirmed and can no longer be changed. If it is wrong, void "
                "it and enter a corrected batch."
            )
        return _("Only the person who entered this batch may change it.")

    def void_refusal(self, batch):
        if batch.state == PaperBatch.State.VOIDED:
            return _("This batch is already voided.")
        if not can_enter_paper_votes(batch.poll):
            return _("The results of this poll are published; paper votes can no longer change.")
        return _("You may not void paper batches.")

    @staticmethod
    def grouped_counts(batch):
        """The counts by question, in the order of the paper ballot."""
        counts = batch.counts.select_related("choice__question").order_by(
            "choice__question__position", "choice__question", "choice__position", "choice"
        )
        return group_by_question(counts, lambda count: count.choice.question, "counts")

    @staticmethod
    def batch_url(batch):
        return reverse("admin:polls_paperbatch_change", args=[batch.pk])

    @staticmethod
    def add_url(poll):
        return f"{reverse('admin:polls_paperbatch_add')}?poll={poll.pk}"
