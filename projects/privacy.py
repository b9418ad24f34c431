"""A person's followed projects, for the data export."""

from .models import Follow


def export_for(user):
    follows = (
        Follow.objects.filter(user=user).select_related("project").order_by("created_at", "pk")
    )
    return {
        "follows": [
            {
                "project": {
                    "title": follow.project.title,
                    "url": follow.project.get_absolute_url(),
                    "published": follow.project.is_published,
                },
                "following_since": follow.created_at,
            }
            for follow in follows
        ]
    }
