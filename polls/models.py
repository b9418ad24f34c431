"""Polls, surveys, ballots and paper batches: filled in by the polls issue."""
