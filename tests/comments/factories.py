import factory
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from comments.models import Comment
from moderation.models import ModerationState
from tests.accounts.factories import UserFactory
from tests.projects.factories import ProjectFactory


class CommentFactory(factory.django.DjangoModelFactory):
    """A released comment on a project; pass `target=` for another page, `parent=` for a reply."""

    class Meta:
        model = Comment
        exclude = ["target"]

    target = factory.SubFactory(ProjectFactory)
    content_type = factory.LazyAttribute(lambda c: ContentType.objects.get_for_model(c.target))
    object_id = factory.LazyAttribute(lambda c: c.target.pk)
    author = factory.SubFactory(UserFactory)
    text = factory.Sequence(lambda n: f"Kommentar {n}: Gute Idee, aber bitte barrierefrei.")
    moderation_state = ModerationState.PUBLISHED
    published_at = factory.LazyAttribute(
        lambda c: timezone.now() if c.moderation_state == ModerationState.PUBLISHED else None
    )

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        parent = kwargs.get("parent")
        if parent is not None:
            kwargs["content_type"] = parent.content_type
            kwargs["object_id"] = parent.object_id
            kwargs.setdefault("answered", parent)
        return kwargs
