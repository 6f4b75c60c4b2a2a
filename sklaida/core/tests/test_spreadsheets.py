"""Downloads never carry a live formula: text that starts like one stays text."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest

from sklaida.core import spreadsheets
from sklaida.testing.spreadsheets import (
    FORMULA,
    assert_inert_in_csv,
    assert_inert_in_xlsx,
    csv_rows,
)

DANGEROUS = [FORMULA, "+SUM(1+1)", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)", "\t=1+1", "\r=1+1"]


@pytest.mark.parametrize("text", DANGEROUS)
def test_text_starting_like_a_formula_is_a_quote_prefixed_text_cell_in_xlsx(text):
    content = spreadsheets.as_xlsx([["Vardas", text]], title="Sąrašas")

    assert_inert_in_xlsx(content, text)


@pytest.mark.parametrize("text", DANGEROUS)
def test_text_starting_like_a_formula_gets_a_leading_quote_in_csv(text):
    content = spreadsheets.as_csv([["Vardas", text]])

    assert_inert_in_csv(content, text)


def test_numbers_dates_and_ordinary_text_keep_their_type_in_xlsx():
    content = spreadsheets.as_xlsx(
        [["Ona", 3, -2.5, Decimal("12.30"), datetime.date(2025, 5, 1), "a=b", ""]], title="X"
    )

    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    cells = list(next(sheet.iter_rows()))
    assert [cell.value for cell in cells[:4]] == ["Ona", 3, -2.5, 12.3]
    assert [cell.data_type for cell in cells[:5]] == ["s", "n", "n", "n", "d"]
    assert not any(cell.quotePrefix for cell in cells)


def test_a_plain_signed_number_stays_as_typed_in_csv_since_it_can_only_be_a_number():
    content = spreadsheets.as_csv([["-5", "+3,5", "-0.25", "+370 600 00000", "-5-cmd"]])

    assert csv_rows(content) == [["-5", "+3,5", "-0.25", "'+370 600 00000", "'-5-cmd"]]


def test_an_exported_csv_imports_back_as_it_was_typed():
    assert spreadsheets.imported_csv_value("'" + FORMULA) == FORMULA
    assert spreadsheets.imported_csv_value("'+370 600 00000") == "+370 600 00000"
    # A quote before anything else is the person's own.
    assert spreadsheets.imported_csv_value("'Labas'") == "'Labas'"


def test_an_ordinary_sheet_made_row_by_row_is_neutralised_too():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    spreadsheets.append_row(sheet, ["Planas", FORMULA, 5])
    buffer = io.BytesIO()
    workbook.save(buffer)

    assert_inert_in_xlsx(buffer.getvalue(), FORMULA)
    assert sheet["C1"].value == 5
