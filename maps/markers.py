"""What a map shows at one point: a name, the point, a few words (maps/templatetags)."""

from typing import NamedTuple


class Marker(NamedTuple):
    name: str
    point: list  # [latitude, longitude]
    description: str = ""
