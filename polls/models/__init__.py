"""Polls and surveys: questions and choices, online ballots, and paper batches from the stands."""

from .ballots import Ballot, NoAnswer, RankAnswer, Selection, TextAnswer, ValueAnswer
from .paper import PaperBatch, PaperBatchQuerySet, PaperCount, PaperValueCount
from .polls import Choice, Poll, PollQuerySet, Question, is_survey

__all__ = [
    "Ballot",
    "Choice",
    "NoAnswer",
    "PaperBatch",
    "PaperBatchQuerySet",
    "PaperCount",
    "PaperValueCount",
    "Poll",
    "PollQuerySet",
    "Question",
    "RankAnswer",
    "Selection",
    "TextAnswer",
    "ValueAnswer",
    "is_survey",
]
