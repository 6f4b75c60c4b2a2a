"""Tables to XLSX and CSV files, for every list and report that offers a download."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

import openpyxl


def as_csv(rows: Iterable[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerows(rows)
    # A byte-order mark makes Excel open the Lithuanian letters correctly.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def as_xlsx(rows: Iterable[list[str]], *, title: str) -> bytes:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
