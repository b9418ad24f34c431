from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("Comments")

    def ready(self):
        from core import page_cache

        from .models import Comment

        # A page with a thread shows its writers their comments in every state.
        page_cache.shows_own_rows(
            lambda user, model: Comment.objects.on_the_outer(model).filter(author=user)
        )
