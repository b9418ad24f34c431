"""The pages editors maintain (Impressum, Datenschutz, ...), in German and English."""

from modeltranslation.translator import TranslationOptions, register

from .models import Page


@register(Page)
class PageTranslation(TranslationOptions):
    fields = ("title", "body")
    required_languages = ("de",)
