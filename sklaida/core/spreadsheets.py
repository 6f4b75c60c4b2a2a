"""Tables to XLSX and CSV files, for every list and report that offers a download."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from decimal import Decimal

import openpyxl
from openpyxl.cell import WriteOnlyCell


def as_csv(rows: Iterable[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerows(rows)
    # A byte-order mark makes Excel open the Lithuanian letters correctly.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


# Cells stay numbers (sums and sorting work); the format only groups thousands, and the
# spreadsheet shows the group and decimal marks of the reader's own locale ("7 350" in a
# Lithuanian Excel). Callers give ids, years and phone numbers as text, never as numbers.
NUMBER_FORMATS = (
    (bool, None),
    (int, "#,##0"),
    (Decimal, "#,##0.00"),
    (float, "#,##0.0#"),
)


def _cell(sheet, value):
    number_format = next((fmt for kind, fmt in NUMBER_FORMATS if isinstance(value, kind)), None)
    if number_format is None:
        return value
    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = number_format
    return cell


def as_xlsx(rows: Iterable[list], *, title: str) -> bytes:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    for row in rows:
        sheet.append([_cell(sheet, value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
