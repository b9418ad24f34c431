import datetime

import factory
from django.utils import timezone

from documents.importing import Block, Draft, Section
from documents.models import Document, Version
from documents.services import write_version
from tests.projects.factories import ProjectFactory


class DocumentFactory(factory.django.DjangoModelFactory):
    """A published document open for comments, without a version yet (see `published`)."""

    class Meta:
        model = Document

    project = factory.SubFactory(ProjectFactory)
    title = factory.Sequence(lambda n: f"Leitlinien für Bürgerbeteiligung {n}")
    slug = factory.Sequence(lambda n: f"leitlinien-{n}")
    intro = "<p>Bitte kommentieren Sie den Entwurf.</p>"
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=3))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    is_published = True


def draft_of(chapters=2, paragraphs=3):
    """A text of `chapters` chapters of `paragraphs` paragraphs each; the last paragraph of
    each chapter an item of a numbered list."""
    sections = []
    for c in range(1, chapters + 1):
        blocks = [
            Block(text=f"Kapitel {c}, Absatz {p}: Beteiligung beginnt früh.")
            for p in range(1, paragraphs)
        ]
        blocks.append(Block(text=f"Kapitel {c}: Punkt eins.", kind="numbered", marker="1."))
        sections.append(Section(title=f"Grundsatz {c}", blocks=blocks))
    return Draft(title="", sections=sections)


def published(document=None, *, draft=None, number=1, **kwargs):
    """`document` (a new one if None) with a published version of `draft`; returns it."""
    document = document or DocumentFactory(**kwargs)
    version = Version.objects.create(document=document, number=number, published_at=timezone.now())
    predecessors = []
    if document.current_version_id:
        predecessors = list(document.current_version.paragraphs.order_by("position"))
    write_version(version=version, draft=draft or draft_of(), predecessors=predecessors)
    document.current_version = version
    document.save(update_fields=["current_version"])
    return document
