"""The ballot form, built from a poll's questions, and the forms staff use for paper votes."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy

from events.models import Event

from .answers import (
    NO_ANSWER,
    OTHER_MAX_LENGTH,
    ChoiceAnswer,
    answer_errors,
    is_asked,
    stored_answers,
    triggers,
)
from .models import PaperBatch
from .services import paper_count_errors, paper_value_count_errors

INVALID_CHOICE = {"invalid_choice": _("Please choose only among the answers offered.")}
TOO_LONG = {
    "max_length": ngettext_lazy(
        "Please shorten your answer to at most %(limit_value)d character (it has %(show_value)d).",
        "Please shorten your answer to at most %(limit_value)d characters "
        "(it has %(show_value)d).",
        "limit_value",
    )
}


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


NONE_VALUE = "keine-angabe"


class WholeNumberField(forms.IntegerField):
    """Digits only: Django would read „1.000“ (a thousand, to a German) as 1."""

    def to_python(self, value):
        if isinstance(value, str) and value.strip() and not re.fullmatch(r"\s*-?\d+\s*", value):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


def sub_field_name(question, item):
    """The field of one statement of a matrix, or of one choice of a ranking."""
    return f"question_{question.pk}_{item.pk}"


def other_field_name(question):
    return f"question_{question.pk}_other"


class BallotForm(forms.Form):
    """One field per question (a matrix and a ranking have one per statement or choice
    besides); the questions come with their choices already fetched."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[field_name(question)] = self._field_for(question)
            if question.is_matrix:
                for statement in question.choices.all():
                    self.fields[sub_field_name(question, statement)] = forms.ChoiceField(
                        label=statement.label,
                        choices=self._scale_options(question),
                        required=False,
                        error_messages=INVALID_CHOICE,
                    )
            elif question.is_ranking:
                places = [("", "–")] + [
                    (str(p), str(p)) for p in range(1, question.rank_places + 1)
                ]
                for choice in question.choices.all():
                    self.fields[sub_field_name(question, choice)] = forms.ChoiceField(
                        label=choice.label,
                        choices=places,
                        required=False,
                        error_messages=INVALID_CHOICE,
                    )
            elif question.is_selection and any(c.is_other for c in question.choices.all()):
                self.fields[other_field_name(question)] = forms.CharField(
                    label=_("Your own answer"),
                    required=False,
                    max_length=OTHER_MAX_LENGTH,
                    error_messages=TOO_LONG,
                )

    @staticmethod
    def _scale_options(question):
        options = [(str(value), str(value)) for value in question.scale_values]
        if question.offers_no_answer:
            options.append((NONE_VALUE, _("no answer")))
        return options

    @classmethod
    def _field_for(cls, question):
        # A follow-up question is required only where it is asked: answer_errors says so.
        required_message = {"required": _("Please answer this question.")}
        if question.is_selection:
            options = [(str(choice.pk), choice.label) for choice in question.choices.all()]
            if question.is_single_answer:
                if question.offers_no_answer:
                    options.append((NONE_VALUE, _("no answer")))
                return forms.ChoiceField(
                    label=question.text,
                    choices=options,
                    required=question.is_required and not question.shown_if_id,
                    widget=forms.RadioSelect,
                    error_messages=required_message | INVALID_CHOICE,
                )
            return forms.MultipleChoiceField(
                label=question.text,
                choices=options,
                required=question.is_required and not question.shown_if_id,
                widget=forms.CheckboxSelectMultiple,
                error_messages=required_message | INVALID_CHOICE,
            )
        if question.is_scale:
            return forms.ChoiceField(
                label=question.text,
                choices=cls._scale_options(question),
                required=question.is_required and not question.shown_if_id,
                widget=forms.RadioSelect,
                error_messages=required_message | INVALID_CHOICE,
            )
        if question.is_number:
            return WholeNumberField(
                label=question.text,
                required=question.is_required and not question.shown_if_id,
                min_value=question.number_min,
                max_value=question.number_max,
                error_messages=required_message
                | {
                    "invalid": _("Please enter a whole number, in digits."),
                    "min_value": _("Please enter a number from %(min)d to %(max)d.")
                    % {"min": question.number_min, "max": question.number_max},
                    "max_value": _("Please enter a number from %(min)d to %(max)d.")
                    % {"min": question.number_min, "max": question.number_max},
                },
            )
        if question.is_matrix or question.is_ranking:
            # The answers are in the fields of the statements or choices; this one carries
            # what concerns the question as a whole.
            return forms.Field(label=question.text, required=False)
        return forms.CharField(
            label=question.text,
            required=question.is_required and not question.shown_if_id,
            max_length=question.max_length,
            widget=forms.Textarea(attrs={"rows": 4}),
            error_messages=required_message | TOO_LONG,
        )

    def clean(self):
        cleaned_data = super().clean()
        for question in self.questions:
            if question.is_ranking:
                message = self._ranking_error(question)
                if message:
                    self.add_error(field_name(question), message)
        # The same rules the service applies, reported at the question they concern, for
        # every question whose fields are in order (the others already say what is wrong).
        for question_id, message in answer_errors(self.questions, self.answers()).items():
            question = next((q for q in self.questions if q.pk == question_id), None)
            if question is None:
                self.add_error(None, message)
            elif not self._has_errors(question):
                self.add_error(field_name(question), message)
        return cleaned_data

    def _has_errors(self, question):
        name = field_name(question)
        return any(key == name or key.startswith(f"{name}_") for key in self.errors)

    def _places(self, question):
        """{choice: place} as the person gave them, places as numbers."""
        places = {}
        for choice in question.choices.all():
            value = self.cleaned_data.get(sub_field_name(question, choice))
            if value:
                places[choice] = int(value)
        return places

    def _ranking_error(self, question):
        given = sorted(self._places(question).values())
        repeated = sorted({place for place in given if given.count(place) > 1})
        if repeated:
            return ngettext(
                "Place %(places)s is given more than once: please give each place only once.",
                "Places %(places)s are given more than once: please give each place only once.",
                len(repeated),
            ) % {"places": ", ".join(map(str, repeated))}
        missing = [place for place in range(1, len(given) + 1) if place not in given]
        if missing:
            return ngettext(
                "Please number the places from 1 without a gap: place %(places)s is missing.",
                "Please number the places from 1 without a gap: places %(places)s are missing.",
                len(missing),
            ) % {"places": ", ".join(map(str, missing))}
        return None

    def has_input(self):
        """Whether the person sent any answer at all, kept or not, to say it is still here."""
        return any(
            value.strip()
            for name in self.fields
            for value in self.data.getlist(self.add_prefix(name))
        )

    def field_names(self, question):
        """The names of the fields that hold the answer to one question."""
        own = field_name(question)
        return [name for name in self.fields if name == own or name.startswith(f"{own}_")]

    def values_of(self, questions):
        """[(field name, value)] of these questions' fields as sent or prefilled, to carry
        them as hidden fields through the other step of the ballot."""
        values = []
        for question in questions:
            for name in self.field_names(question):
                if self.is_bound:
                    raw = self.data.getlist(self.add_prefix(name))
                else:
                    raw = self.initial.get(name)
                    raw = raw if isinstance(raw, list) else [] if raw in (None, "") else [raw]
                values += [(self.add_prefix(name), value) for value in raw]
        return values

    def as_initial(self):
        """What was sent, as the prefill of an unbound form: for the next step of the
        ballot, shown without complaints about what it does not ask yet."""
        initial = {}
        for name, field in self.fields.items():
            values = self.data.getlist(self.add_prefix(name))
            if isinstance(field, forms.MultipleChoiceField):
                initial[name] = values
            elif values:
                initial[name] = values[-1]
        return initial

    def asked(self, answers=None):
        """The questions asked, given the answers: all but the conditional ones whose
        answer was not chosen."""
        answers = self.answers() if answers is None else answers
        triggered = triggers(self.questions)
        return [q for q in self.questions if is_asked(q, answers, triggered)]

    def answers(self):
        """The cleaned answers in the shapes of polls.answers, per question; a conditional
        question that is not asked (its answer was chosen, then changed) is left out."""
        answers = self._answers()
        triggered = triggers(self.questions)
        return {q: a for q, a in answers.items() if is_asked(q, answers, triggered)}

    def _answers(self):
        answers = {}
        for question in self.questions:
            value = self.cleaned_data.get(field_name(question))
            if question.is_selection:
                if value == NONE_VALUE:
                    answers[question] = NO_ANSWER
                    continue
                by_id = {str(choice.pk): choice for choice in question.choices.all()}
                values = value if isinstance(value, list) else [value] if value else []
                chosen = tuple(by_id[v] for v in values if v in by_id)
                other = self.cleaned_data.get(other_field_name(question)) or ""
                answers[question] = ChoiceAnswer(chosen, other) if other else list(chosen)
            elif question.is_scale:
                answers[question] = self._scale_value(value)
            elif question.is_matrix:
                answers[question] = {
                    statement: self._scale_value(value)
                    for statement in question.choices.all()
                    if (value := self.cleaned_data.get(sub_field_name(question, statement)))
                }
            elif question.is_ranking:
                places = self._places(question)
                answers[question] = sorted(places, key=places.get)
            elif question.is_number:
                answers[question] = value
            else:
                answers[question] = value or ""
        return answers

    @staticmethod
    def _scale_value(value):
        if value == NONE_VALUE:
            return NO_ANSWER
        return int(value) if value else None

    @staticmethod
    def initial_from(ballot, questions):
        """The answers of an existing ballot, to prefill the form for a change."""

        def rows(relation):
            return stored_answers(ballot, relation, questions)

        chosen = {selection.choice_id for selection in rows("selections")}
        texts = {answer.question_id: answer.text for answer in rows("text_answers")}
        values = {(a.question_id, a.statement_id): a.value for a in rows("value_answers")}
        values |= {(a.question_id, a.statement_id): NONE_VALUE for a in rows("no_answers")}
        ranks = {rank.choice_id: rank.position for rank in rows("ranks")}
        initial = {}
        for question in questions:
            name = field_name(question)
            if question.is_selection:
                picked = [str(c.pk) for c in question.choices.all() if c.pk in chosen]
                if question.is_single_answer:
                    initial[name] = picked[0] if picked else values.get((question.pk, None))
                else:
                    initial[name] = picked
                if question.pk in texts:
                    initial[other_field_name(question)] = texts[question.pk]
            elif question.is_matrix:
                for statement in question.choices.all():
                    value = values.get((question.pk, statement.pk))
                    initial[sub_field_name(question, statement)] = value and str(value)
            elif question.is_ranking:
                for choice in question.choices.all():
                    place = ranks.get(choice.pk)
                    initial[sub_field_name(question, choice)] = str(place) if place else ""
            elif question.is_scale or question.is_number:
                value = values.get((question.pk, None))
                initial[name] = str(value) if value is not None else None
            else:
                initial[name] = texts.get(question.pk, "")
        return initial

    def rows(self, questions=None):
        """Per question (all, or these): the bound field, its errors and what to draw for
        its kind."""
        rows = []
        for question in self.questions if questions is None else questions:
            bound = self[field_name(question)]
            row = {"question": question, "field": bound, "errors": list(bound.errors)}
            if question.is_selection:
                value = bound.value()
                selected = {str(v) for v in value} if isinstance(value, list) else {str(value)}
                row["options"] = [
                    {
                        "choice": choice,
                        "id": f"id_{field_name(question)}_{choice.pk}",
                        "checked": str(choice.pk) in selected,
                    }
                    for choice in question.choices.all()
                ]
                if question.offers_no_answer:
                    row["no_answer"] = {
                        "id": f"id_{field_name(question)}_{NONE_VALUE}",
                        "value": NONE_VALUE,
                        "checked": NONE_VALUE in selected,
                    }
                if other_field_name(question) in self.fields:
                    other = self[other_field_name(question)]
                    row["other"] = other
                    row["errors"] += other.errors
            elif question.is_scale:
                row["scale"] = self._scale_row(question, bound)
            elif question.is_matrix:
                row["statements"] = []
                for statement in question.choices.all():
                    sub = self[sub_field_name(question, statement)]
                    row["errors"] += sub.errors
                    row["statements"].append(
                        {
                            "statement": statement,
                            "field": sub,
                            "scale": self._scale_row(question, sub),
                        }
                    )
            elif question.is_ranking:
                row["ranking"] = []
                for choice in question.choices.all():
                    sub = self[sub_field_name(question, choice)]
                    row["errors"] += sub.errors
                    value = str(sub.value() or "")
                    row["ranking"].append(
                        {
                            "choice": choice,
                            "field": sub,
                            "places": [
                                {"value": v, "label": label, "selected": v == value}
                                for v, label in sub.field.choices
                            ],
                        }
                    )
            rows.append(row)
        return rows

    @staticmethod
    def _scale_row(question, bound):
        value = str(bound.value() or "")
        options = []
        for option_value, label in bound.field.choices:
            options.append(
                {
                    "value": option_value,
                    "label": label,
                    "id": f"{bound.auto_id}_{option_value}",
                    "checked": option_value == value,
                    "is_none": option_value == NONE_VALUE,
                }
            )
        return options


def count_field(initial, label):
    return forms.IntegerField(
        label=label,
        min_value=0,
        initial=initial,
        error_messages={
            "min_value": _("A count cannot be negative."),
            "invalid": _("Please enter a whole number."),
            "required": _("Please enter a count, 0 if nobody gave this answer."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "vIntegerField"}),
    )


def parse_numbers(text):
    """“12, 15 15; 30” as {12: 1, 15: 2, 30: 1}; ValueError naming what is not a number."""
    counts = {}
    for part in text.replace(",", " ").replace(";", " ").split():
        try:
            number = int(part)
        except ValueError:
            raise ValueError(part) from None
        counts[number] = counts.get(number, 0) + 1
    return counts


class PaperBatchForm(forms.ModelForm):
    """A batch's place, date and size, with a count field per choice of its poll, per point of
    its scales (per statement of a matrix), per place of each choice of a ranking, and the
    numbers written on the ballots for a number question."""

    class Meta:
        model = PaperBatch
        fields = ["place", "event", "collected_on", "ballots_count", "note"]
        widgets = {
            "collected_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, poll, **kwargs):
        super().__init__(*args, **kwargs)
        self.poll = poll
        self.fields["event"].queryset = Event.objects.order_by("-starts_at")
        self.fields["event"].empty_label = _("– none of the listed events –")
        existing, existing_values = {}, {}
        if self.instance.pk:
            existing = {count.choice_id: count.count for count in self.instance.counts.all()}
            existing_values = {
                (count.question_id, count.choice_id, count.value): count.count
                for count in self.instance.value_counts.all()
            }
        self.questions = [
            question
            for question in poll.questions.prefetch_related("choices")
            if not question.is_text
        ]
        self.groups = []
        # field name: what it counts, (question, choice or None, value) for values
        self.value_keys = {}
        self.number_fields = {}
        self.choices_by_name = {}
        for question in self.questions:
            group = {"question": question, "field_names": [], "subgroups": []}
            self.groups.append(group)
            choices = list(question.choices.all())
            if question.is_selection:
                for choice in choices:
                    name = f"choice_{choice.pk}"
                    self.fields[name] = count_field(existing.get(choice.pk, 0), choice.label)
                    self.choices_by_name[name] = choice
                    group["field_names"].append(name)
            elif question.is_scale:
                group["field_names"] = self._value_fields(
                    question, None, question.scale_values, existing_values
                )
            elif question.is_matrix or question.is_ranking:
                values = (
                    question.scale_values
                    if question.is_matrix
                    else range(1, question.rank_places + 1)
                )
                for choice in choices:
                    group["subgroups"].append(
                        {
                            "label": choice.label,
                            "field_names": self._value_fields(
                                question, choice, values, existing_values
                            ),
                        }
                    )
            else:
                name = f"numbers_{question.pk}"
                written = [
                    str(value)
                    for (question_id, _choice, value), n in sorted(existing_values.items())
                    if question_id == question.pk
                    for _copy in range(n)
                ]
                self.fields[name] = forms.CharField(
                    label=_("Numbers on the ballots"),
                    required=False,
                    initial=", ".join(written),
                    help_text=_(
                        "One number per paper ballot that answered, separated by commas or "
                        "spaces: for example 12, 15, 15, 30."
                    ),
                    widget=forms.Textarea(attrs={"rows": 2}),
                )
                self.number_fields[name] = question
                group["field_names"].append(name)

    def _value_fields(self, question, choice, values, existing):
        names = []
        for value in values:
            key = (question, choice, value)
            prefix = f"{question.pk}_{choice.pk}" if choice else f"{question.pk}"
            name = f"value_{prefix}_{value}"
            if question.is_ranking:
                label = _("Place %(place)d") % {"place": value}
            elif value == 1 and question.scale_low_label:
                label = f"{value} ({question.scale_low_label})"
            elif value == question.scale_points and question.scale_high_label:
                label = f"{value} ({question.scale_high_label})"
            else:
                label = str(value)
            initial = existing.get((question.pk, choice.pk if choice else None, value), 0)
            self.fields[name] = count_field(initial, label)
            self.value_keys[name] = key
            names.append(name)
        return names

    def count_fields(self):
        """The count fields grouped by question, in the order of the paper ballot."""
        return [
            {
                "question": group["question"],
                "fields": [self[name] for name in group["field_names"]],
                "subgroups": [
                    {"label": sub["label"], "fields": [self[name] for name in sub["field_names"]]}
                    for sub in group["subgroups"]
                ],
            }
            for group in self.groups
        ]

    def counts(self):
        return {choice: self.cleaned_data[name] for name, choice in self.choices_by_name.items()}

    def value_counts(self):
        counts = {key: self.cleaned_data[name] for name, key in self.value_keys.items()}
        for name, question in self.number_fields.items():
            for value, n in parse_numbers(self.cleaned_data.get(name) or "").items():
                counts[question, None, value] = n
        return counts

    def clean(self):
        cleaned_data = super().clean()
        for name in self.number_fields:
            try:
                parse_numbers(cleaned_data.get(name) or "")
            except ValueError as error:
                self.add_error(
                    name,
                    _("“%(text)s” is not a whole number. Please write only digits.")
                    % {"text": error.args[0]},
                )
        if not self.errors:
            ballots = cleaned_data["ballots_count"]
            for choice_id, message in paper_count_errors(
                self.poll, ballots, self.counts()
            ).items():
                self.add_error(f"choice_{choice_id}" if choice_id else None, message)
            value_errors = paper_value_count_errors(self.poll, ballots, self.value_counts())
            for question_id, message in value_errors.items():
                question = next((q for q in self.questions if q.pk == question_id), None)
                self.add_error(None, f"{question.text}: {message}" if question else message)
        return cleaned_data


class VoidPaperBatchForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for voiding"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: counts of two choices swapped; corrected batch entered anew."),
        error_messages={"required": _("Please give the reason for voiding this batch.")},
    )
