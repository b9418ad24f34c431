"""The pages of a document to comment on: the text with a count of comments beside each
paragraph, one page per paragraph and chapter with its discussion, and the
Abwägungstabelle as a page, as CSV and as a Word table."""

import io
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views import View

from comments.models import Comment
from core.page_cache import CONTENT
from core.spreadsheets import spreadsheet_safe, spreadsheet_writer

from .diff import changes
from .models import Chapter, Document, Outcome
from .permissions import can_see_document, can_see_version
from .queries import comments_on, needing_response, table_rows
from .table import table_document

ROWS_PER_PAGE = 50
OPEN = "offen"  # the response filter's value for comments without a response yet


def visible_document(request, project, slug):
    document = get_object_or_404(
        Document.objects.select_related("project", "current_version"),
        project__slug=project,
        slug=slug,
    )
    if not can_see_document(request.user, document):
        raise Http404("No such document")
    return document


def visible_version(request, document, number=None):
    """The version asked for, or the current one; drafts for staff only."""
    if number is None:
        version = document.current_version
        if version is None:  # staff looking at a document not yet published
            version = document.versions.order_by("-number").first()
        if version is None:
            raise Http404("No version yet")
    else:
        version = get_object_or_404(document.versions, number=number)
    if not can_see_version(request.user, version):
        raise Http404("No such version")
    version.document = document
    return version


def versions_of(request, document):
    """The versions a reader can switch between, oldest first: one query."""
    versions = document.versions.all()
    if not (request.user.is_authenticated and request.user.is_staff):
        versions = versions.published()
    return list(versions)


@dataclass
class Group:
    """Paragraphs shown together: one plain paragraph, or the items of one list."""

    kind: str
    paragraphs: list = field(default_factory=list)

    @property
    def is_list(self):
        return self.kind != "text"


def grouped(paragraphs):
    """Consecutive items of a list of the same kind form one group; each paragraph its own."""
    groups = []
    for paragraph in paragraphs:
        if paragraph.kind != "text" and groups and groups[-1].kind == paragraph.kind:
            groups[-1].paragraphs.append(paragraph)
        else:
            groups.append(Group(kind=paragraph.kind, paragraphs=[paragraph]))
    return groups


def chapters_with_text(version, *, chapter=None):
    """The version's chapters with their paragraphs in groups and comment counts: two
    queries, whatever the length of the text."""
    chapters = version.chapters.with_comment_count()
    paragraphs = version.paragraphs.with_comment_count()
    if chapter is not None:
        chapters = chapters.filter(pk=chapter.pk)
        paragraphs = paragraphs.filter(chapter=chapter)
    chapters = list(chapters)
    by_chapter = {c.pk: [] for c in chapters}
    for paragraph in paragraphs:
        paragraph.version = version
        by_chapter[paragraph.chapter_id].append(paragraph)
    for c in chapters:
        c.version = version
        c.groups = grouped(by_chapter[c.pk])
    return chapters


def text_context(document, version):
    """What every page of one version names: the document, its project, the version."""
    return {
        "document": document,
        "project": document.project,
        "version": version,
        "is_current": version.pk == document.current_version_id,
    }


def takes_comments(document, version):
    return version.pk == document.current_version_id and document.comments_allowed()


class DocumentView(View):
    """The text of one version, chapter by chapter, and the discussion of the whole."""

    page_cache_shows = [CONTENT]
    template_name = "documents/document_detail.html"

    def get(self, request, project, slug, number=None):
        document = visible_document(request, project, slug)
        version = visible_version(request, document, number)
        return render(
            request,
            self.template_name,
            {
                **text_context(document, version),
                "may_comment": takes_comments(document, version),
                # The current version's own address is the document's.
                "prefix": f"fassung-{version.number}/" if number is None else "",
                "versions": versions_of(request, document),
                "chapters": chapters_with_text(version),
                "whole_count": Comment.objects.published_count(document, request.user),
            },
        )


class DiscussionView(View):
    """The comments on the whole document, on a page of their own below its introduction."""

    page_cache_shows = [CONTENT]
    template_name = "documents/discussion.html"

    def get(self, request, project, slug):
        document = visible_document(request, project, slug)
        return render(
            request,
            self.template_name,
            {"document": document, "project": document.project, "version": None},
        )


class ChapterView(View):
    """One chapter with its paragraphs and the discussion of the chapter."""

    page_cache_shows = [CONTENT]
    template_name = "documents/chapter_detail.html"

    def get(self, request, project, slug, number, chapter):
        document = visible_document(request, project, slug)
        version = visible_version(request, document, number)
        chapter = get_object_or_404(version.chapters, position=chapter)
        chapter.version = version
        return render(
            request,
            self.template_name,
            {
                **text_context(document, version),
                "chapter": chapter,
                "may_comment": takes_comments(document, version),
                "prefix": "../",
                "chapters": chapters_with_text(version, chapter=chapter),
            },
        )


def changed_from(paragraph):
    """The paragraph of the previous version this one changes, if its words differ."""
    old = paragraph.predecessor
    if old is None or old.text == paragraph.text:
        return None
    return old


def replaced_in(paragraph, document):
    """This paragraph in the next published version, if there is one: one query."""
    newer = (
        paragraph.successors.filter(version__published_at__isnull=False)
        .select_related("version")
        .order_by("version__number")
        .first()
    )
    if newer is not None:
        newer.version.document = document
    return newer


class ParagraphView(View):
    """One paragraph, its neighbours and its discussion, at an address of its own."""

    page_cache_shows = [CONTENT]
    template_name = "documents/paragraph_detail.html"

    def get(self, request, project, slug, number, paragraph):
        document = visible_document(request, project, slug)
        version = visible_version(request, document, number)
        paragraph = get_object_or_404(
            version.paragraphs.select_related("chapter", "predecessor__version"),
            position=paragraph,
        )
        paragraph.version = version
        paragraph.chapter.version = version
        neighbours = {
            p.position: p
            for p in version.paragraphs.filter(
                position__in=[paragraph.position - 1, paragraph.position + 1]
            ).only("pk", "position", "version_id")
        }
        for neighbour in neighbours.values():
            neighbour.version = version
        return render(
            request,
            self.template_name,
            {
                **text_context(document, version),
                "paragraph": paragraph,
                "chapter": paragraph.chapter,
                "changed_from": changed_from(paragraph),
                "replaced_in": replaced_in(paragraph, document),
                "previous": neighbours.get(paragraph.position - 1),
                "next": neighbours.get(paragraph.position + 1),
            },
        )


class ChangesView(View):
    """What changed in a version against the one before, word by word, each changed
    paragraph with the comments that led to the change."""

    page_cache_shows = [CONTENT]
    template_name = "documents/changes.html"

    def get(self, request, project, slug, number):
        document = visible_document(request, project, slug)
        version = visible_version(request, document, number)
        previous = get_object_or_404(document.versions, number=number - 1)
        previous.document = document
        prompted = Comment.objects.with_thread_position().select_related(
            "author", "document_response"
        )
        paragraphs = list(
            version.paragraphs.select_related("chapter").prefetch_related(
                Prefetch("prompted_by", queryset=prompted, to_attr="prompting")
            )
        )
        for paragraph in paragraphs:
            paragraph.version = version
        previous_paragraphs = list(previous.paragraphs.all())
        for paragraph in previous_paragraphs:
            paragraph.version = previous
        found = changes(paragraphs, previous_paragraphs)
        comments = {c.pk: c for p in paragraphs for c in p.prompting}
        rows = {row.comment.pk: row for row in table_rows(document, comments.values())}
        for change in found:
            prompting = getattr(change.paragraph, "prompting", [])
            change.reasons = [rows[c.pk] for c in prompting if c.pk in rows]
        return render(
            request,
            self.template_name,
            {
                **text_context(document, version),
                "previous": previous,
                "changes": found,
                "counts": {
                    kind: sum(1 for change in found if change.kind == kind)
                    for kind in ("changed", "new", "deleted")
                },
            },
        )


# The Abwägungstabelle --------------------------------------------------------------------


def published_comments(document):
    """The released comments of citizens on the document with their responses: what the
    table shows (nothing waiting, nothing rejected or removed, no deleted words)."""
    return (
        needing_response(comments_on(document))
        .with_thread_position()
        .select_related("author", "document_response")
        .order_by("created_at", "pk")
    )


def chapter_choices(document, versions):
    """The chapters one can filter by, of every published version: one query."""
    chapters = list(
        Chapter.objects.filter(version__in=[v for v in versions if v.is_published])
        .select_related("version")
        .order_by("version__number", "position")
    )
    several = len({c.version_id for c in chapters}) > 1
    return [
        (
            str(c.pk),
            f"{c.version} – {c}" if several else str(c),
        )
        for c in chapters
    ]


def filtered_rows(request, document, versions):
    rows = table_rows(document, published_comments(document))
    chapters = chapter_choices(document, versions)
    chapter = request.GET.get("kapitel", "")
    if chapter not in dict(chapters):
        chapter = ""
    outcome = request.GET.get("abwaegung", "")
    if outcome not in (*Outcome.values, OPEN):
        outcome = ""
    if chapter:
        rows = [row for row in rows if row.chapter is not None and str(row.chapter.pk) == chapter]
    if outcome == OPEN:
        rows = [row for row in rows if row.response is None]
    elif outcome:
        rows = [row for row in rows if row.response and row.response.outcome == outcome]
    return rows, chapters, chapter, outcome


def author_of(comment):
    """The public name of the author, or how a written comment arrived: never a sender."""
    if comment.is_written:
        return _("written comment (%(how)s)") % {"how": comment.get_received_as_display()}
    if comment.author is None:
        return _("deleted account")
    return comment.author.username


class TableView(View):
    """The Abwägungstabelle: every published comment with the city's response."""

    page_cache_shows = [CONTENT]
    template_name = "documents/table.html"

    def get(self, request, project, slug):
        document = visible_document(request, project, slug)
        versions = versions_of(request, document)
        rows, chapters, chapter, outcome = filtered_rows(request, document, versions)
        page = Paginator(rows, ROWS_PER_PAGE).get_page(request.GET.get("page"))
        query = "&".join(
            f"{name}={value}"
            for name, value in (("kapitel", chapter), ("abwaegung", outcome))
            if value
        )
        return render(
            request,
            self.template_name,
            {
                "document": document,
                "project": document.project,
                "page_obj": page,
                "rows": page.object_list,
                "chapters": chapters,
                "chapter": chapter,
                "outcomes": [*Outcome.choices, (OPEN, _("no response yet"))],
                "outcome": outcome,
                "filter_query": query,
                "filtered": bool(query),
                "open_count": sum(1 for row in rows if row.response is None),
            },
        )


def table_columns():
    return [
        _("Number"),
        _("Version"),
        _("Place in the text"),
        _("Comment"),
        _("From"),
        _("Date"),
        _("Response"),
        _("Reason"),
    ]


def table_values(row):
    response = row.response
    return [
        row.comment.pk,
        row.version or "",
        row.place,
        row.comment.text,
        author_of(row.comment),
        row.comment.created_at.date().isoformat(),
        response.get_outcome_display() if response else _("no response yet"),
        response.reason if response else "",
    ]


def table_csv(request, project, slug):
    """The whole table as CSV, as German spreadsheet programs open it (core.spreadsheets)."""
    document = visible_document(request, project, slug)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="abwaegung-{document.slug}.csv"'
    writer = spreadsheet_writer(response)
    writer.writerow(table_columns())
    for row in table_rows(document, published_comments(document)):
        writer.writerow([spreadsheet_safe(str(value)) for value in table_values(row)])
    return response


def table_docx(request, project, slug):
    """The whole table as a Word file (.docx) in landscape, for the council's papers."""
    document = visible_document(request, project, slug)
    rows = table_rows(document, published_comments(document))
    buffer = io.BytesIO()
    table_document(
        document=document,
        columns=table_columns(),
        rows=[table_values(row) for row in rows],
    ).save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="abwaegung-{document.slug}.docx"'
    return response
