"""What the admin's lists share: columns narrow enough for a 1280 px screen.

Beside the admin's menu and the filters a list has about 630 px at 1280 px; a column that
Django shows as „4. Dezember 2026, 21:40“ needs a third of that.
"""

import datetime

from django.utils import timezone
from django.utils.formats import date_format


def short_date(value):
    """„04.12.2026“ for a date, „04.12.2026 21:40“ (local time) for a date and time."""
    if value is None:
        return "–"
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    return date_format(value, "SHORT_DATE_FORMAT")
