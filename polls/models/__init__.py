"""Polls and surveys: questions and choices, online ballots, and paper batches from the stands."""

from .ballots import Ballot, Selection, TextAnswer
from .paper import PaperBatch, PaperBatchQuerySet, PaperCount
from .polls import Choice, Poll, PollQuerySet, Question, is_survey

__all__ = [
    "Ballot",
    "Choice",
    "PaperBatch",
    "PaperBatchQuerySet",
    "PaperCount",
    "Poll",
    "PollQuerySet",
    "Question",
    "Selection",
    "TextAnswer",
    "is_survey",
]
