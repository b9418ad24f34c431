"""Text that people typed, made safe to store and show as written.

Bidirectional formatting characters (embeddings, overrides, isolates) are invisible and
reorder what follows them: „ab\u202edc“ shows as „abcd“, so that a contribution could
read differently on the page than in the moderation queue, or hide a link. No text
written in a form needs them; the marks that simply set a direction (LRM, RLM, ALM) and
the joiners that emoji and Arabic script use stay.
"""

BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_REMOVE = dict.fromkeys(map(ord, BIDI_CONTROLS))


def without_bidi_controls(text):
    return text.translate(_REMOVE)


def clean_text(text):
    """What a service stores of a text field: without bidi controls, without surrounding
    white space."""
    return without_bidi_controls(text).strip()
