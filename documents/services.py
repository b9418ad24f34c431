"""Writes of documents to comment on: versions from a file or from the last one, publishing
a version, responses to comments, and declaring a document evaluated."""

import difflib

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from comments.models import Comment
from core import page_cache

from .models import Chapter, Document, Outcome, Paragraph, Response, Version, target_types
from .permissions import can_edit_documents, can_respond
from .queries import comments_on, needing_response
from .tasks import notify_of_response

# A paragraph of a new file counts as the successor of an old one when their words are at
# least this similar (difflib's ratio); otherwise it is new, and the old one deleted.
SAME_PARAGRAPH = 0.5


def next_number(document):
    return (document.versions.aggregate(n=Max("number"))["n"] or 0) + 1


def write_version(*, version, draft, predecessors=()):
    """The chapters and paragraphs of `draft` (documents.importing.Draft) into `version`.

    `predecessors` are the paragraphs of the previous version, in order; each new paragraph
    is matched to the most similar old one in the same order, so that the comparison of
    versions shows changed words rather than a deleted and a new paragraph.
    """
    blocks = []
    chapters = Chapter.objects.bulk_create(
        Chapter(version=version, position=number, title=section.title[:300])
        for number, section in enumerate(draft.sections, start=1)
    )
    for chapter, section in zip(chapters, draft.sections, strict=True):
        blocks.extend((chapter, block) for block in section.blocks)
    matched = match_paragraphs([p.text for p in predecessors], [b.text for _c, b in blocks])
    Paragraph.objects.bulk_create(
        Paragraph(
            version=version,
            chapter=chapter,
            position=number,
            kind=block.kind,
            marker=block.marker[:12],
            text=block.text,
            predecessor=predecessors[matched[number - 1]]
            if matched[number - 1] is not None
            else None,
        )
        for number, (chapter, block) in enumerate(blocks, start=1)
    )


def match_paragraphs(old, new):
    """For each text of `new`, the index of the text of `old` it continues, or None.

    The texts are aligned in order (difflib over the sequence of texts); within a block of
    replaced texts, pairs are made in order where they are similar enough.
    """
    result = [None] * len(new)
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            for offset in range(a2 - a1):
                result[b1 + offset] = a1 + offset
        elif tag == "replace":
            start = a1
            for j in range(b1, b2):
                for i in range(start, a2):
                    ratio = difflib.SequenceMatcher(a=old[i], b=new[j], autojunk=False).ratio()
                    if ratio >= SAME_PARAGRAPH:
                        result[j] = i
                        start = i + 1
                        break
    return result


def refuse_a_second_draft(document, message):
    """One unpublished version at a time: editors finish or delete it first."""
    if document.versions.filter(published_at__isnull=True).exists():
        raise ValidationError(message)


def import_version(*, document, draft, by, note=""):
    """A new draft version of `document` from a file's text (documents.importing)."""
    if not can_edit_documents(by):
        raise PermissionDenied(_("You may not edit documents."))
    with transaction.atomic():
        Document.objects.select_for_update().get(pk=document.pk)
        refuse_a_second_draft(
            document,
            _(
                "There is already an unpublished version. Publish or delete it before "
                "importing another one."
            ),
        )
        predecessors = []
        if document.current_version_id:
            predecessors = list(document.current_version.paragraphs.order_by("position"))
        version = Version.objects.create(
            document=document, number=next_number(document), note=note
        )
        write_version(version=version, draft=draft, predecessors=predecessors)
    return version


def copy_version(*, document, by):
    """A new draft version that starts as a copy of the current one, for editing."""
    if not can_edit_documents(by):
        raise PermissionDenied(_("You may not edit documents."))
    current = document.current_version
    if current is None:
        raise ValidationError(_("The document has no published version to start from."))
    with transaction.atomic():
        Document.objects.select_for_update().get(pk=document.pk)
        refuse_a_second_draft(document, _("There is already an unpublished version."))
        version = Version.objects.create(document=document, number=next_number(document))
        originals = list(current.chapters.all())
        copies = Chapter.objects.bulk_create(
            Chapter(version=version, position=c.position, title=c.title) for c in originals
        )
        chapters = {original.pk: copy for original, copy in zip(originals, copies, strict=True)}
        Paragraph.objects.bulk_create(
            Paragraph(
                version=version,
                chapter=chapters[paragraph.chapter_id],
                position=paragraph.position,
                kind=paragraph.kind,
                marker=paragraph.marker,
                text=paragraph.text,
                predecessor=paragraph,
            )
            for paragraph in current.paragraphs.all()
        )
    return version


def publish_version(*, version, by):
    """The version becomes the one readers see and comment on; it is not changed any more."""
    if not can_edit_documents(by):
        raise PermissionDenied(_("You may not edit documents."))
    with transaction.atomic():
        version = Version.objects.select_for_update().select_related("document").get(pk=version.pk)
        if version.is_published:
            raise ValidationError(_("This version has already been published."))
        if not version.paragraphs.exists():
            raise ValidationError(_("A version without paragraphs cannot be published."))
        newer = version.document.versions.published().filter(number__gt=version.number)
        if newer.exists():
            raise ValidationError(_("A newer version has already been published."))
        version.published_at = timezone.now()
        version.save(update_fields=["published_at"])
        Document.objects.filter(pk=version.document_id).update(current_version=version)
        page_cache.changed(page_cache.CONTENT)
    return version


def respond(*, comment, outcome, reason, by):
    """Record (or change) the city's response to a comment on a document.

    The comment's author hears of it by mail after the commit, if they want news of what
    became of their contributions; a response saved again unchanged sends nothing.
    """
    if not can_respond(by):
        raise PermissionDenied(_("You may not respond to comments."))
    reason = (reason or "").strip()
    errors = {}
    if outcome not in Outcome.values:
        errors["outcome"] = _("Please choose a response.")
    if not reason:
        errors["reason"] = _("Please give the reason that will be published.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        comment = Comment.objects.select_for_update().get(pk=comment.pk)
        on_a_document = comment.content_type_id in {t.pk for t in target_types().values()}
        if not (
            on_a_document and needing_response(Comment.objects.filter(pk=comment.pk)).exists()
        ):
            raise ValidationError(
                _("Only released comments of citizens on a document receive a response.")
            )
        response = Response.objects.filter(comment=comment).first()
        if response is not None and (response.outcome, response.reason) == (outcome, reason):
            return response  # saved again unchanged: nobody hears of it twice
        response = response or Response(comment=comment)
        response.outcome, response.reason = outcome, reason
        response.responded_by, response.responded_at = by, timezone.now()
        response.save()
        page_cache.changed(page_cache.CONTENT)
        if comment.author_id is not None:
            transaction.on_commit(lambda: notify_of_response.enqueue(response.pk))
    return response


def mark_evaluated(*, document, by):
    """Declare the document evaluated („ausgewertet“): only after its comment period, and
    only when every comment that needs a response has one."""
    if not can_respond(by):
        raise PermissionDenied(_("You may not evaluate documents."))
    with transaction.atomic():
        document = Document.objects.select_for_update().get(pk=document.pk)
        if document.is_evaluated:
            raise ValidationError(_("The document has already been evaluated."))
        if not document.has_closed():
            raise ValidationError(_("Comments can still be written until the period ends."))
        waiting = comments_on(document).pending().count()
        if waiting:
            raise ValidationError(
                ngettext(
                    "%(count)s comment still waits for release by the moderators.",
                    "%(count)s comments still wait for release by the moderators.",
                    waiting,
                )
                % {"count": waiting}
            )
        missing = (
            needing_response(comments_on(document)).filter(document_response__isnull=True).count()
        )
        if missing:
            raise ValidationError(
                ngettext(
                    "%(count)s comment has no response yet.",
                    "%(count)s comments have no response yet.",
                    missing,
                )
                % {"count": missing}
            )
        document.evaluated_at = timezone.now()
        document.evaluated_by = by
        document.save(update_fields=["evaluated_at", "evaluated_by"])
        page_cache.changed(page_cache.CONTENT)
    return document
