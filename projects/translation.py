"""The texts of projects that editors write in German and, where they can, in English."""

from modeltranslation.translator import TranslationOptions, register

from .models import Phase, Project, ProjectUpdate, Topic


class GermanRequired(TranslationOptions):
    required_languages = ("de",)


@register(Topic)
class TopicTranslation(GermanRequired):
    fields = ("name",)


@register(Project)
class ProjectTranslation(GermanRequired):
    fields = ("title", "teaser", "body")


@register(Phase)
class PhaseTranslation(GermanRequired):
    fields = ("title", "description")


@register(ProjectUpdate)
class ProjectUpdateTranslation(GermanRequired):
    fields = ("title", "text")
