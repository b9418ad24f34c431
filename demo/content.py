"""The demo's texts, read from the JSON files in demo/data/ (their README says what is in
each). Dates written as "2022-06-13T09:00" or "2022-06-25" come back as Python dates.
Texts are German, with an English version beside them under the same key plus "_en"."""

import datetime
import json
import re
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def _dates(value):
    if isinstance(value, str):
        if DATE_TIME.fullmatch(value):
            return datetime.datetime.fromisoformat(value)
        if DATE.fullmatch(value):
            return datetime.date.fromisoformat(value)
        return value
    if isinstance(value, list):
        return [_dates(item) for item in value]
    if isinstance(value, dict):
        return {key: _dates(item) for key, item in value.items()}
    return value


@cache
def load(name):
    """The content of demo/data/<name>.json."""
    with (DATA / f"{name}.json").open(encoding="utf-8") as file:
        return _dates(json.load(file))


def in_both_languages(data, *fields):
    """The model's German and English fields for `fields` of one demo item.

    "title" gives `title_de`; "title_en", where the demo has it, gives `title_en`.
    Without an English text the field stays empty and readers of /en/ see the German,
    marked as such, as they would for an editor who wrote none.
    """
    values = {}
    for field in fields:
        values[f"{field}_de"] = data[field]
        if data.get(f"{field}_en"):
            values[f"{field}_en"] = data[f"{field}_en"]
    return values
