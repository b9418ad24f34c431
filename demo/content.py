"""The demo's texts, read from the JSON files in demo/data/ (their README says what is in
each). Dates written as "2022-06-13T09:00" or "2022-06-25" come back as Python dates."""

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
