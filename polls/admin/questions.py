"""Questions with their choices, and the written answers."""

from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from core.admin_forms import LabelledInlineFormSet

from ..models import Choice, Question, TextAnswer
from .base import COUNTING_FIELDS, answers_exist


class ChoiceInline(TranslationTabularInline):
    model = Choice
    formset = LabelledInlineFormSet
    extra = 1
    fields = [
        "position",
        "label",
        "description",
        "cost",
        "is_other",
        "image",
        "image_alt",
        "image_credit",
        "image_licence",
        "place",
    ]

    def has_add_permission(self, request, obj=None):
        return not (obj is not None and answers_exist(obj.poll)) and super().has_add_permission(
            request, obj
        )

    def has_delete_permission(self, request, obj=None):
        return not (obj is not None and answers_exist(obj.poll)) and super().has_delete_permission(
            request, obj
        )


@admin.register(Question)
class QuestionAdmin(TranslationAdmin):
    """Reached from its poll's page (the admin has no nested inlines), for the choices."""

    list_display = ["text", "poll", "kind", "position"]
    list_select_related = ["poll"]
    search_fields = ["text", "poll__title"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "poll_link",
                    "position",
                    "text",
                    "description",
                    "kind",
                    "is_required",
                    "offers_no_answer",
                    "shown_if",
                ]
            },
        ),
        (gettext_lazy("Multiple choice, ranking"), {"fields": ["max_choices"]}),
        (gettext_lazy("Free text"), {"fields": ["max_length"]}),
        (
            gettext_lazy("Rating scale, matrix"),
            {"fields": ["scale_points", "scale_low_label", "scale_high_label"]},
        ),
        (gettext_lazy("Number"), {"fields": ["number_min", "number_max", "number_unit"]}),
        (gettext_lazy("Budget"), {"fields": ["budget"]}),
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
            return [*self.readonly_fields, *COUNTING_FIELDS]
        return self.readonly_fields

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "shown_if":
            # The answers to earlier choice questions of the same poll, as „question: answer“.
            question = getattr(request, "_question", None)
            choices = Choice.objects.none()
            if question is not None:
                choices = (
                    Choice.objects.filter(
                        question__poll=question.poll_id,
                        question__kind__in=Question.SELECTION_KINDS,
                        question__shown_if__isnull=True,
                    )
                    .exclude(question=question)
                    .select_related("question")
                    .order_by("question__position", "question", "position", "pk")
                )
            kwargs["queryset"] = choices
            field = super().formfield_for_foreignkey(db_field, request, **kwargs)
            field.label_from_instance = lambda choice: f"{choice.question.text}: {choice.label}"
            return field
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_form(self, request, obj=None, **kwargs):
        request._question = obj
        return super().get_form(request, obj, **kwargs)

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
