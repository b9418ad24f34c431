"""German: a comma between date and time („4. Dezember 2026, 21:40“); the rest is Django's."""

DATETIME_FORMAT = "j. F Y, H:i"
