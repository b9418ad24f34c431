"""The ballot form, built from a poll's questions, and the forms staff use for paper votes."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from .models import Choice, PaperBatch, Question
from .services import answer_errors, paper_count_errors


def field_name(question):
    return f"question_{question.pk}"


def group_by_question(items, question_of, key):
    """[{"question": q, key: [items of q]}, ...] from items already in ballot order."""
    groups = []
    for item in items:
        question = question_of(item)
        if not groups or groups[-1]["question"] != question:
            groups.append({"question": question, key: []})
        groups[-1][key].append(item)
    return groups


class BallotForm(forms.Form):
    """One field per question; the questions come with their choices already fetched."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[field_name(question)] = self._field_for(question)

    @staticmethod
    def _field_for(question):
        options = [(str(choice.pk), choice.label) for choice in question.choices.all()]
        required_message = {"required": _("Please answer this question.")}
        invalid_choice = {"invalid_choice": _("Please choose only among the answers offered.")}
        if question.is_single_answer:
            return forms.ChoiceField(
                label=question.text,
                choices=options,
                required=question.is_required,
                widget=forms.RadioSelect,
                error_messages=required_message | invalid_choice,
            )
        if question.kind == Question.Kind.MULTIPLE:
            return forms.MultipleChoiceField(
                label=question.text,
                choices=options,
                required=question.is_required,
                widget=forms.CheckboxSelectMultiple,
                error_messages=required_message | invalid_choice,
            )
        return forms.CharField(
            label=question.text,
            required=question.is_required,
            max_length=question.max_length,
            widget=forms.Textarea(attrs={"rows": 4}),
            error_messages=required_message
            | {
                "max_length": ngettext_lazy(
                    "Please shorten your answer to at most %(limit_value)d character "
                    "(it has %(show_value)d).",
                    "Please shorten your answer to at most %(limit_value)d characters "
                    "(it has %(show_value)d).",
                    "limit_value",
                )
            },
        )

    def clean(self):
        cleaned_data = super().clean()
        if not self.errors:
            # The same rules the service applies, reported at the question they concern.
            for question_id, message in answer_errors(self.questions, self.answers()).items():
                question = next((q for q in self.questions if q.pk == question_id), None)
                self.add_error(field_name(question) if question else None, message)
        return cleaned_data

    def has_input(self):
        """Whether the person sent any answer at all, kept or not, to say it is still here."""
        return any(
            value.strip()
            for question in self.questions
            for value in self.data.getlist(self.add_prefix(field_name(question)))
        )

    def answers(self):
        """The cleaned answers as {question: [choices] or text}."""
        answers = {}
        for question in self.questions:
            value = self.cleaned_data.get(field_name(question))
            if question.has_choices:
                by_id = {str(choice.pk): choice for choice in question.choices.all()}
                values = value if isinstance(value, list) else [value] if value else []
                answers[question] = [by_id[v] for v in values if v in by_id]
            else:
                answers[question] = value or ""
        return answers

    @staticmethod
    def initial_from(ballot, questions):
        """The answers of an existing ballot, to prefill the form for a change."""
        chosen = {selection.choice_id for selection in ballot.selections.all()}
        texts = {answer.question_id: answer.text for answer in ballot.text_answers.all()}
        initial = {}
        for question in questions:
            if question.is_single_answer:
                picked = [str(c.pk) for c in question.choices.all() if c.pk in chosen]
                initial[field_name(question)] = picked[0] if picked else None
            elif question.kind == Question.Kind.MULTIPLE:
                initial[field_name(question)] = [
                    str(c.pk) for c in question.choices.all() if c.pk in chosen
                ]
            else:
                initial[field_name(question)] = texts.get(question.pk, "")
        return initial

    def rows(self):
        """Per question: the bound field and its options, ready for an accessible fieldset."""
        rows = []
        for question in self.questions:
            bound = self[field_name(question)]
            value = bound.value()
            selected = {str(v) for v in value} if isinstance(value, list) else {str(value)}
            rows.append(
                {
                    "question": question,
                    "field": bound,
                    "options": [
                        {
                            "choice": choice,
                            "id": f"id_{field_name(question)}_{choice.pk}",
                            "checked": str(choice.pk) in selected,
                        }
                        for choice in question.choices.all()
                    ],
                }
            )
        return rows


class PaperBatchForm(forms.ModelForm):
    """A batch's place, date and size, with one count field per choice of its poll."""

    class Meta:
        model = PaperBatch
        fields = ["place", "collected_on", "ballots_count", "note"]
        widgets = {
            "collected_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, poll, **kwargs):
        super().__init__(*args, **kwargs)
        self.poll = poll
        existing = {}
        if self.instance.pk:
            existing = {count.choice_id: count.count for count in self.instance.counts.all()}
        self.choices = list(
            Choice.objects.filter(question__poll=poll)
            .exclude(question__kind=Question.Kind.TEXT)
            .select_related("question")
            .order_by("question__position", "question", "position", "pk")
        )
        self.choices_by_name = {f"choice_{choice.pk}": choice for choice in self.choices}
        for choice in self.choices:
            self.fields[f"choice_{choice.pk}"] = forms.IntegerField(
                label=choice.label,
                min_value=0,
                initial=existing.get(choice.pk, 0),
                widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "vIntegerField"}),
            )

    def count_fields(self):
        """The count fields grouped by question, in the order of the paper ballot."""
        return group_by_question(
            (self[f"choice_{choice.pk}"] for choice in self.choices),
            lambda field: self.choices_by_name[field.name].question,
            "fields",
        )

    def counts(self):
        return {choice: self.cleaned_data[f"choice_{choice.pk}"] for choice in self.choices}

    def clean(self):
        cleaned_data = super().clean()
        if not self.errors:
            for choice_id, message in paper_count_errors(
                self.poll, cleaned_data["ballots_count"], self.counts()
            ).items():
                self.add_error(f"choice_{choice_id}" if choice_id else None, message)
        return cleaned_data


class VoidPaperBatchForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for voiding"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: counts of two choices swapped; corrected batch entered anew."),
        error_messages={"required": _("Please give the reason for voiding this batch.")},
    )
