from django import template

from ..models import Consultation

register = template.Library()


@register.inclusion_tag("mapconsultations/_project_consultations.html")
def project_map_consultations(project):
    """The published map consultations of one project, newest first: one query."""
    return {
        "consultations": list(
            Consultation.objects.published().filter(project=project).select_related("project")
        )
    }
