"""Tables to XLSX and CSV files, for every list and report that offers a download.

Every text cell passes through here, so no export can forget to neutralise a formula.
Text that starts like a formula (`=`, `+`, `-`, `@`, tab or carriage return, as OWASP's
"CSV injection" lists them, or a line feed) is what a registrant's phone `=cmd|' /C calc'!A0` or a
contact's note would otherwise turn into a live formula or DDE call in the staff's Excel:

- in XLSX the cell is written as a text cell with Excel's "quote prefix" style, which is
  exactly what Excel stores when a person types `'=1+1`: the value stays as typed and
  stays text even when someone edits the cell;
- in CSV, which has no types, the text gets a leading `'` (OWASP's advice). A plain
  number with a sign ("-5", "+3,5") is left alone: a spreadsheet reads it as the number
  it is, and it can call nothing.

Numbers, dates and decimals stay what they are in both formats.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import openpyxl
from openpyxl.cell import WriteOnlyCell

# OWASP's list, and a line feed: XML turns a carriage return into one.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
# The mark put before such a text in CSV, and taken off again when a CSV is imported.
CSV_QUOTE = "'"
PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
# Cells stay numbers (sums and sorting work); the format only groups thousands, and the
# spreadsheet shows the group and decimal marks of the reader's own locale ("7 350" in a
# Lithuanian Excel). Callers give ids, years and phone numbers as text, never as numbers.
NUMBER_FORMATS = (
    (bool, None),
    (int, "#,##0"),
    (Decimal, "#,##0.00"),
    (float, "#,##0.0#"),
)


def starts_like_formula(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def inert_csv_value(value: Any) -> Any:
    """`value` as a CSV cell no spreadsheet will evaluate."""
    if starts_like_formula(value) and not PLAIN_NUMBER.fullmatch(value):
        return CSV_QUOTE + value
    return value


def imported_csv_value(text: str) -> str:
    """Undo `inert_csv_value` for a CSV cell read back, so exports round-trip on import."""
    if text.startswith(CSV_QUOTE) and starts_like_formula(text[len(CSV_QUOTE) :]):
        return text[len(CSV_QUOTE) :]
    return text


def xlsx_cell(sheet, value: Any) -> Any:
    """`value` ready for `sheet.append`: formula-like text becomes a quote-prefixed text cell,
    a number gets a format that groups its thousands.

    Works for write-only and ordinary sheets alike (an ordinary sheet's `append` takes
    cells made this way).
    """
    if starts_like_formula(value):
        cell = WriteOnlyCell(sheet, value)
        # openpyxl makes any text starting with "=" a formula; this keeps it text.
        cell.data_type = "s"
        cell.quotePrefix = True
        return cell
    number_format = next((fmt for kind, fmt in NUMBER_FORMATS if isinstance(value, kind)), None)
    if number_format is None:
        return value
    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = number_format
    return cell


def append_row(sheet, values: Iterable[Any]) -> None:
    """Append one row to an openpyxl sheet with every text cell made inert."""
    sheet.append([xlsx_cell(sheet, value) for value in values])


def as_csv(rows: Iterable[Iterable[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerows([inert_csv_value(value) for value in row] for row in rows)
    # A byte-order mark makes Excel open the Lithuanian letters correctly.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def as_xlsx(rows: Iterable[Iterable[Any]], *, title: str) -> bytes:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    for row in rows:
        append_row(sheet, row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
