"""The texts of map consultations that editors write in German and, where they can, in English."""

from modeltranslation.translator import TranslationOptions, register

from .models import Category, Consultation


@register(Consultation)
class ConsultationTranslation(TranslationOptions):
    fields = ("title", "intro")
    required_languages = {"de": ("title",)}


@register(Category)
class CategoryTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("de",)
