"""Proposals and supports: filled in by the proposals issue."""
