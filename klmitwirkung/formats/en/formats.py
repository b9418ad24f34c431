"""English dates for the city's English-speaking residents: "December 5, 2026, 6:00 p.m."."""

DATE_FORMAT = "F j, Y"
DATETIME_FORMAT = "F j, Y, P"
MONTH_DAY_FORMAT = "F j"
TIME_FORMAT = "P"
