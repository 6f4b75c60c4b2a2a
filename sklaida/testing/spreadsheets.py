"""Reading downloaded XLSX and CSV files back, to check what a spreadsheet would make of them."""

from __future__ import annotations

import csv
import io

import openpyxl
from openpyxl.cell import Cell

# What a registrant or a colleague might type to make a spreadsheet run a command.
FORMULA = "=cmd|' /C calc'!A0"


def xlsx_cells_holding(content: bytes, text: str | set[str]) -> list[Cell]:
    """The cells of every sheet of an XLSX file whose value is `text` (or one of them)."""
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    return [
        cell
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value in (text if isinstance(text, set) else {text})
    ]


def assert_inert_in_xlsx(content: bytes, text: str) -> None:
    """`text` is in the workbook as typed, as a text cell Excel will not evaluate."""
    # Plain XML reads a carriage return back as a line feed; openpyxl over lxml writes it
    # as a character reference, which reads back as it was typed.
    cells = xlsx_cells_holding(content, {text, text.replace("\r", "\n")})
    assert cells, f"{text!r} is not in the workbook"
    for cell in cells:
        assert cell.data_type == "s", f"{cell.coordinate} is a formula, not text"
        assert cell.quotePrefix, f"{cell.coordinate} lacks the quote prefix"


def csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def assert_inert_in_csv(content: bytes, text: str) -> None:
    """`text` is in the CSV file only behind a quote, so a spreadsheet shows it as text."""
    values = [value for row in csv_rows(content) for value in row]
    assert text not in values, f"{text!r} stands in the CSV as a live formula"
    assert "'" + text in values, f"'{text!r} is not in the CSV"
