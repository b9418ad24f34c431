"""Invisible characters that reorder text never reach a page (core/text.py)."""

import pytest

from comments.services import post_comment
from core.text import clean_text
from moderation.services import report_contribution
from polls.services import cast_ballot
from proposals.services import submit_proposal
from tests.accounts.factories import UserFactory
from tests.comments.factories import CommentFactory
from tests.polls.factories import poll_with_questions
from tests.projects.factories import ProjectFactory, TopicFactory

pytestmark = pytest.mark.django_db

# "Ich bin dafür" with a right-to-left override and an isolate: shown reversed on a page.
TRICKED = "\u202eIch bin\u2066 dafür\u2069\u202c"


def test_clean_text_keeps_direction_marks_and_joiners():
    text = "Ein \u200f Zeichen und 👩\u200d👩\u200d👧 Familie"
    assert clean_text(f"  {text}\u202d ") == text


def test_comments_and_proposals_are_stored_without_bidi_controls():
    author = UserFactory()
    comment = post_comment(author=author, target=ProjectFactory(), text=TRICKED)
    proposal = submit_proposal(
        author=author, title=TRICKED, description=TRICKED, topic=TopicFactory()
    )
    for text in (comment.text, proposal.title, proposal.description):
        assert text == "Ich bin dafür"


def test_reports_and_free_text_answers_are_stored_without_bidi_controls():
    report = report_contribution(
        contribution=CommentFactory(), reporter=UserFactory(), reason="other", text=TRICKED
    )
    assert report.text == "Ich bin dafür"
    poll = poll_with_questions()
    single, multiple, free = poll.questions.order_by("position")
    ballot = cast_ballot(
        poll=poll,
        user=UserFactory(),
        answers={
            single: [single.choices.first()],
            multiple: [multiple.choices.first()],
            free: TRICKED,
        },
    )
    assert ballot.text_answers.get().text == "Ich bin dafür"
