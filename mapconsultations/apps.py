from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MapConsultationsConfig(AppConfig):
    name = "mapconsultations"
    verbose_name = _("Map consultations")
