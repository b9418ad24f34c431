"""The texts of events that editors write in German and, where they can, in English."""

from modeltranslation.translator import TranslationOptions, register

from .models import Event


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "description", "venue", "accessibility", "what_to_do")
    required_languages = ("de",)
