"""Reads across a document's parts: its comments, and the rows of the Abwägungstabelle."""

from dataclasses import dataclass

from django.db.models import Q

from comments.models import Comment, page_of, thread_url

from .models import Chapter, Document, Paragraph, target_types


def comments_on(document):
    """Every comment on the document, on a chapter or on a paragraph of any of its versions."""
    types = target_types()
    chapters = Chapter.objects.filter(version__document=document).values("pk")
    paragraphs = Paragraph.objects.filter(version__document=document).values("pk")
    return Comment.objects.filter(
        Q(content_type=types[Document], object_id=document.pk)
        | Q(content_type=types[Chapter], object_id__in=chapters)
        | Q(content_type=types[Paragraph], object_id__in=paragraphs)
    )


def needing_response(comments):
    """The comments that the city must respond to: released, not deleted, not its own."""
    return comments.published().filter(deleted_at__isnull=True, is_official=False)


@dataclass
class Row:
    """One comment in the Abwägungstabelle, with its place in the text and the response."""

    comment: Comment
    place: str
    version: int | None
    chapter: Chapter | None
    paragraph: Paragraph | None
    sort_key: tuple
    # The comment in its thread, for comments annotated with `with_thread_position()`.
    url: str = ""

    @property
    def response(self):
        return getattr(self.comment, "document_response", None)


def places_of(document, comments):
    """The place of each comment in the text, fetched in two queries whatever their number."""
    types = target_types()
    ids = {Chapter: set(), Paragraph: set()}
    for comment in comments:
        for model in ids:
            if comment.content_type_id == types[model].pk:
                ids[model].add(comment.object_id)
    chapters = {
        c.pk: c
        for c in Chapter.objects.filter(
            pk__in=ids[Chapter], version__document=document
        ).select_related("version")
    }
    paragraphs = {
        p.pk: p
        for p in Paragraph.objects.filter(
            pk__in=ids[Paragraph], version__document=document
        ).select_related("version", "chapter")
    }
    for place in (*chapters.values(), *paragraphs.values()):
        place.version.document = document  # for their addresses, without a query each
    for paragraph in paragraphs.values():
        paragraph.chapter.version = paragraph.version
    return chapters, paragraphs


def table_rows(document, comments):
    """The rows of the table for `comments` (released, on `document`), in the order of the
    text: the whole document first, then by version, chapter and paragraph, oldest first."""
    types = target_types()
    comments = list(comments)
    chapters, paragraphs = places_of(document, comments)
    rows = []
    for comment in comments:
        chapter = paragraph = None
        target = document
        if comment.content_type_id == types[Paragraph].pk:
            paragraph = paragraphs.get(comment.object_id)
            if paragraph is None:
                continue
            chapter = paragraph.chapter
            target = paragraph
            version = paragraph.version.number
            place = str(paragraph.place_label())
            key = (version, chapter.position, 1, paragraph.position)
        elif comment.content_type_id == types[Chapter].pk:
            chapter = chapters.get(comment.object_id)
            if chapter is None:
                continue
            target = chapter
            version = chapter.version.number
            place = str(chapter.place_label())
            key = (version, chapter.position, 0, 0)
        else:
            version = None
            place = str(document.place_label())
            key = (0, 0, 0, 0)
        rows.append(
            Row(
                comment=comment,
                place=place,
                version=version,
                chapter=chapter,
                paragraph=paragraph,
                sort_key=(*key, comment.created_at, comment.pk),
                url=thread_url(
                    target,
                    page=page_of(getattr(comment, "thread_position", 0)),
                    anchor=f"kommentar-{comment.pk}",
                ),
            )
        )
    rows.sort(key=lambda row: row.sort_key)
    return rows
