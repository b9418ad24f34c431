"""Newsletter issues that editors write in German and, where they can, in English; each
subscriber gets the issue in the language they subscribed in (German where no English)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Issue


@register(Issue)
class IssueTranslation(TranslationOptions):
    fields = ("subject", "body_text", "body_html")
    required_languages = ("de",)
