"""Admin for editors: polls with their questions, results, the answers export and paper
batches, one module per subject."""

from . import paper, polls, questions  # noqa: F401 - they register their admins
