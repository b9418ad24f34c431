"""Paper batches: entered by one staff member, confirmed by another."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_POST

from core.admin_pages import AdminPagesMixin

from .. import services
from ..forms import PaperBatchForm, VoidPaperBatchForm, group_by_question
from ..models import PaperBatch, Poll
from ..permissions import (
    can_confirm_paper_batch,
    can_edit_paper_batch,
    can_enter_paper_votes,
    can_void_paper_batch,
)
from .base import error_message

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


BATCH_FIELDS = ["place", "event", "collected_on", "ballots_count", "note"]


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
                    value_counts=form.value_counts(),
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
                    value_counts=form.value_counts(),
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
        """The counts by question, in the order of the paper ballot, each as a label and a
        count: per choice; per point of a scale (a statement's in a matrix), per place of a
        ranking's choice, per number."""
        rows = [
            (count.choice.question, count.choice.label, count.count)
            for count in batch.counts.select_related("choice__question").order_by(
                "choice__position", "choice"
            )
        ]
        for count in batch.value_counts.select_related("question", "choice").order_by(
            "choice__position", "choice", "value"
        ):
            question = count.question
            if question.is_ranking:
                label = _("%(answer)s: place %(place)d") % {
                    "answer": count.choice.label,
                    "place": count.value,
                }
            elif count.choice_id:
                label = f"{count.choice.label}: {count.value}"
            else:
                label = str(count.value)
            rows.append((question, label, count.count))
        rows.sort(key=lambda row: (row[0].position, row[0].pk))
        return [
            {
                "question": group["question"],
                "rows": [{"label": r[1], "count": r[2]} for r in group["rows"]],
            }
            for group in group_by_question(rows, lambda row: row[0], "rows")
        ]

    @staticmethod
    def batch_url(batch):
        return reverse("admin:polls_paperbatch_change", args=[batch.pk])

    @staticmethod
    def add_url(poll):
        return f"{reverse('admin:polls_paperbatch_add')}?poll={poll.pk}"
