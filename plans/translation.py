"""The texts of the Vorhabenliste that editors write in German and, where they can, in English."""

from modeltranslation.translator import TranslationOptions, register

from .models import Department, Plan


@register(Department)
class DepartmentTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("de",)


@register(Plan)
class PlanTranslation(TranslationOptions):
    fields = (
        "title",
        "summary",
        "description",
        "timeframe",
        "participation_how",
        "participation_when",
        "participation_reason",
    )
    required_languages = ("de",)
