"""The texts of documents that editors write in German and, where they can, in English.

The document's own text (chapters, paragraphs) stays in the language it was put out in."""

from modeltranslation.translator import TranslationOptions, register

from .models import Document


@register(Document)
class DocumentTranslation(TranslationOptions):
    fields = ("title", "intro")
    required_languages = {"de": ("title",)}
