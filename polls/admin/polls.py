"""Polls: their state, results, publication and the answers export."""

import csv

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
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from core.admin_forms import LabelledInlineFormSet
from progress.admin import MilestoneInline, MilestonesAdminMixin

from .. import services
from ..exports import answer_columns, answer_rows
from ..models import Poll, Question
from ..permissions import (
    can_enter_paper_votes,
)
from .base import COUNTING_FIELDS, answers_exist, error_message

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


class QuestionInline(TranslationTabularInline):
    model = Question
    formset = LabelledInlineFormSet
    extra = 1
    fields = [
        "position",
        "text",
        "kind",
        "is_required",
        "max_choices",
        "max_length",
        "scale_points",
        "number_min",
        "number_max",
        "budget",
        "choices",
    ]
    readonly_fields = ["choices"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(choice_count=Count("choices"))

    def get_readonly_fields(self, request, obj=None):
        if answers_exist(obj):
            # The wording may still be corrected; what a question asks for and counts may not.
            return [
                *(name for name in COUNTING_FIELDS if name in self.fields),
                *self.readonly_fields,
            ]
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
            return format_html(
                '<a href="{}">{}</a>',
                reverse("admin:polls_question_change", args=[question.pk]),
                _("More settings"),
            )
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:polls_question_change", args=[question.pk]),
            _("Edit the choices (%(count)d)") % {"count": getattr(question, "choice_count", 0)},
        )


@admin.register(Poll)
class PollAdmin(MilestonesAdminMixin, TranslationAdmin):
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
    inlines = [QuestionInline, MilestoneInline]
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
        questions = list(poll.questions.prefetch_related("choices"))
        writer.writerow([_("number"), _("channel"), *answer_columns(questions)])
        for number, row in enumerate(answer_rows(poll, questions), start=1):
            writer.writerow([number, *row])
        return response
