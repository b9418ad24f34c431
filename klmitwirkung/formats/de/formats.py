"""German dates as the city writes them: "5. Dezember 2026, 18:00"."""

DATE_FORMAT = "j. F Y"
DATETIME_FORMAT = "j. F Y, H:i"
MONTH_DAY_FORMAT = "j. F"
TIME_FORMAT = "H:i"
