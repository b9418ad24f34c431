"""The demo's documents to comment on for `seed_demo`: the draft „Leitlinien für
Bürgerbeteiligung“ with a closed comment period, comments online and by letter, a response
to each, a second version and the document evaluated; and the goals of the cycling plan,
open for comments now.

Runs after the demo accounts and projects exist. Versions come from Markdown through the
importer and `documents.services`, as an editor's file would; comments are written with
dates in the past and released through the moderation service; responses go through
`documents.services.respond`. Documents are found by address: what exists is left alone.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone, translation

from comments.models import Comment, Received
from comments.services import enter_written_comment
from demo.content import in_both_languages, load
from demo.moderation import decide_at
from demo.proposals import demo_people
from documents.importing import from_markdown
from documents.models import Chapter, Document, Paragraph, Version
from documents.services import import_version, mark_evaluated, publish_version, respond
from moderation.models import Decision, ModerationState
from projects.models import Project

DOCUMENTS = load("documents")["documents"]


@transaction.atomic
@translation.override("de")
def seed_documents(now=None):
    """Create the demo documents not there yet; return (documents, comments) created."""
    now = now or timezone.now()
    person, _voters = demo_people()
    editor, moderator = person("redaktion"), person("moderation")

    def days(offset):
        return now + datetime.timedelta(days=offset)

    created = comment_count = 0
    for data in DOCUMENTS:
        if Document.objects.filter(slug=data["slug"]).exists():
            continue
        document = Document(
            slug=data["slug"],
            project=Project.objects.get(slug=data["project"]),
            **in_both_languages(data, "title", "intro"),
            opens_at=days(data["opens"]),
            closes_at=days(data["closes"]),
            is_published=True,
        )
        document.full_clean()
        document.save()
        created += 1
        first, *later = data["versions"]
        version = add_version(document, first, editor, days)
        comments = [
            add_comment(document, version, spec, person, editor, moderator, days)
            for spec in data["comments"]
        ]
        comment_count += len(comments)
        for comment, spec in zip(comments, data["comments"], strict=True):
            if spec["outcome"]:
                respond(comment=comment, outcome=spec["outcome"], reason=spec["reason"], by=editor)
        for spec in later:
            document.refresh_from_db()
            newer = add_version(document, spec, editor, days)
            link_changes(newer, comments)
        if "evaluated" in data:
            document.refresh_from_db()
            mark_evaluated(document=document, by=editor)
            Document.objects.filter(pk=document.pk).update(evaluated_at=days(data["evaluated"]))
    return created, comment_count


def add_version(document, spec, editor, days):
    version = import_version(
        document=document, draft=from_markdown(spec["text"]), by=editor, note=spec["note"]
    )
    publish_version(version=version, by=editor)
    Version.objects.filter(pk=version.pk).update(published_at=days(spec["published"]))
    return version


def add_comment(document, version, spec, person, editor, moderator, days):
    if spec.get("document"):
        target = document
    elif "chapter" in spec:
        target = Chapter.objects.get(version=version, position=spec["chapter"])
    else:
        target = Paragraph.objects.get(version=version, position=spec["paragraph"])
    when = days(spec["days"])
    if spec.get("written"):
        comment = enter_written_comment(
            entered_by=editor,
            target=target,
            text=spec["text"],
            received_as=Received(spec["written"]),
            created_at=when,
        )
    else:
        comment = Comment.objects.create(
            target=target,
            author=person(spec["author"]),
            text=spec["text"],
            created_at=when,
            language="de",
            moderation_state=ModerationState.PENDING,
        )
    decide_at(
        contribution=comment,
        moderator=moderator,
        kind=Decision.Kind.RELEASED,
        at=when + datetime.timedelta(hours=3),
    )
    comment.refresh_from_db()
    return comment


def link_changes(version, comments):
    """Each changed paragraph of `version` names the adopted comments on the paragraph it
    replaces, as an editor would."""
    adopted = {}
    for comment in comments:
        response = getattr(comment, "document_response", None)
        if response is not None and response.outcome in ("adopted", "partly"):
            adopted.setdefault((comment.content_type_id, comment.object_id), []).append(comment)
    paragraph_type = ContentType.objects.get_for_model(Paragraph).pk
    for paragraph in version.paragraphs.select_related("predecessor"):
        old = paragraph.predecessor
        if old is not None and old.text != paragraph.text:
            paragraph.prompted_by.add(*adopted.get((paragraph_type, old.pk), []))
