"""What the admin pages of polls share."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# What a question asks for and how it is counted: fixed once people have answered.
COUNTING_FIELDS = [
    "kind",
    "max_choices",
    "scale_points",
    "number_min",
    "number_max",
    "offers_no_answer",
    "shown_if",
    "budget",
]


def answers_exist(poll):
    """Ballots or paper batches exist: from now on questions and choices are fixed."""
    if poll is None or poll.pk is None:
        return False
    # Asked many times per admin page (inlines, permissions, fields): once per instance.
    if not hasattr(poll, "_answers_exist"):
        poll._answers_exist = poll.ballots.exists() or poll.paper_batches.exists()
    return poll._answers_exist


def error_message(error):
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error) or _("You may not do this.")
