from django import template

from ..models import Document

register = template.Library()


@register.inclusion_tag("documents/_project_documents.html")
def project_documents(project):
    """The published documents of one project to comment on, newest first: one query."""
    return {
        "documents": list(
            Document.objects.published().filter(project=project).select_related("project")
        )
    }
