"""Who may do what with documents to comment on: plain predicates for views and templates."""

from accounts.permissions import staff_may


def can_see_document(user, document):
    published = (
        document.is_published
        and document.project.is_published
        and document.current_version_id is not None
    )
    return published or (user.is_authenticated and user.is_staff)


def can_see_version(user, version):
    return version.is_published or (user.is_authenticated and user.is_staff)


def can_edit_documents(user):
    return staff_may(user, "documents.change_document")


def can_respond(user):
    """Staff who record the city's response to comments (the Abwägung)."""
    return staff_may(user, "documents.add_response")
