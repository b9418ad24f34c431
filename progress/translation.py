from modeltranslation.translator import TranslationOptions, register

from .models import Milestone


@register(Milestone)
class MilestoneTranslation(TranslationOptions):
    fields = ("title", "text")
    required_languages = ("de",)
