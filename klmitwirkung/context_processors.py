"""Template context that every page shares."""

from django.conf import settings

from moderation.models import can_moderate, count_pending


def site(request):
    def waiting_for_moderation():
        # Asked for by the header only for staff, so that nobody else pays a query for it.
        if can_moderate(request.user):
            return count_pending()
        return None

    return {
        "site_name": settings.SITE_NAME,
        # Absolute addresses of the share previews (templates/includes/_share_meta.html).
        "site_url": settings.SITE_URL.rstrip("/"),
        "contact_email": settings.CONTACT_EMAIL,
        "waiting_for_moderation": waiting_for_moderation,
    }
