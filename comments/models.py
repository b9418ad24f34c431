"""Comments and reports on any commentable: filled in by the proposals issue."""
