"""CSV files that spreadsheet programs open safely: text that cannot run as a formula,
decimal commas, and the writer German Excel and LibreOffice open with a double click."""

import csv

# A cell starting with one of these is a formula to Excel and LibreOffice Calc.
FORMULA_STARTS = {"=", "+", "-", "@", "\t", "\r"}


def spreadsheet_safe(value):
    """Text from the public (or from staff) must not run as a formula when the file is opened."""
    if value[:1] in FORMULA_STARTS:
        return f"'{value}"
    return value


def decimal_comma(number):
    """12.5 as „12,5“, the way German spreadsheet programs read a decimal number."""
    return f"{number:f}".replace(".", ",")


def spreadsheet_writer(response):
    """A CSV writer that German Excel and LibreOffice open with a double click.

    The byte order mark tells them the file is UTF-8 (umlauts, „…“); semicolons are the list
    separator of a German system, where the comma is the decimal sign.
    """
    response.write("\ufeff")
    return csv.writer(response, delimiter=";", lineterminator="\r\n")
