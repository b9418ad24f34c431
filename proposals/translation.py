"""The texts of idea contests that editors write in German and, where they can, in English.
Proposals themselves stay in the language their authors wrote them in."""

from modeltranslation.translator import TranslationOptions, register

from .models import Contest


@register(Contest)
class ContestTranslation(TranslationOptions):
    fields = ("title", "intro", "method_note")
    required_languages = ("de",)
