"""Demo comment threads for `seed_demo`, on whatever target the caller hands over.

Like the rest of this app it knows no target model: proposals/demo.py finds the targets
and passes the thread as data (see demo/data/README.md for its shape).
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from comments.models import Comment
from comments.services import delete_comment
from demo.moderation import decide_at, reason_text
from moderation.models import Decision, ModerationState, Report, can_moderate
from moderation.services import report_contribution

# A citizen's comment waits about this long before a moderator releases it.
RELEASE_DELAY = datetime.timedelta(hours=2)


@transaction.atomic
def seed_thread(*, target, entries, person, when, moderator):
    """Write the comments and replies of `entries` on `target`; return how many were created.

    `person(spec)` gives the author of a spec, `when(spec)` the moment of a (days, "HH:MM")
    spec. Citizens' comments start pending and are released (or left pending, or removed
    later) by `moderator`, so that every decision is in the log; staff answers need none.
    """
    created = 0
    for entry in entries:
        comment = _write(target, entry, None, person, when, moderator)
        created += 1
        for reply in entry.get("replies", []):
            _write(target, reply, comment, person, when, moderator)
            created += 1
        # Deleted after the replies were written: they stay, the words go.
        _finish(comment, entry, person, when, moderator)
    return created


def already_seeded(*, target, entries):
    """Whether the thread's first comment is on `target` already."""
    return Comment.objects.on(target).filter(text=entries[0]["text"]).exists()


def _write(target, entry, parent, person, when, moderator):
    author = person(entry["author"])
    created_at = when(entry["at"])
    comment = Comment(
        content_type=ContentType.objects.get_for_model(target),
        object_id=target.pk,
        author=author,
        parent=parent,
        answered=parent,
        text=entry["text"],
        is_official=entry.get("official", False),
        created_at=created_at,
        language="de",
    )
    if can_moderate(author):
        comment.moderation_state = ModerationState.PUBLISHED
        comment.published_at = created_at
    comment.full_clean(exclude=["content_type", "object_id"])
    comment.save()
    if not comment.is_published and not entry.get("pending"):
        decide_at(
            contribution=comment,
            moderator=moderator,
            kind=Decision.Kind.RELEASED,
            at=created_at + RELEASE_DELAY,
        )
    if parent is not None:
        _finish(comment, entry, person, when, moderator)
    return comment


def _finish(comment, entry, person, when, moderator):
    """What happened to a comment later: removal, deletion by its author, a report."""
    if "hidden" in entry:
        hidden = entry["hidden"]
        decide_at(
            contribution=comment,
            moderator=moderator,
            kind=Decision.Kind.HIDDEN,
            at=when(hidden["at"]),
            reason=reason_text(hidden["reason"], hidden.get("note", "")),
        )
    if "deleted" in entry:
        delete_comment(comment=comment, user=comment.author)
        Comment.objects.filter(pk=comment.pk).update(deleted_at=when(entry["deleted"]))
    if "report" in entry:
        report = entry["report"]
        filed = report_contribution(
            contribution=comment,
            reporter=person(report["by"]),
            reason=report["reason"],
            text=report.get("text", ""),
        )
        Report.objects.filter(pk=filed.pk).update(created_at=when(report["at"]))
