"""The texts of polls that editors write in German and, where they can, in English: a
bilingual ballot (questions and choices) and the note on the method of counting."""

from modeltranslation.translator import TranslationOptions, register

from .models import Choice, Poll, Question


class GermanRequired(TranslationOptions):
    required_languages = ("de",)


@register(Poll)
class PollTranslation(GermanRequired):
    fields = ("title", "intro", "method_note")


@register(Question)
class QuestionTranslation(GermanRequired):
    fields = ("text", "description", "scale_low_label", "scale_high_label", "number_unit")


@register(Choice)
class ChoiceTranslation(GermanRequired):
    fields = ("label", "description")
