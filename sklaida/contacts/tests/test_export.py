"""Exporting persons: formulas typed into a contact stay text, and the file imports back."""

from __future__ import annotations

import io

from sklaida.contacts.importing import read_table
from sklaida.contacts.tests.factories import PersonFactory
from sklaida.testing.spreadsheets import FORMULA, assert_inert_in_csv, assert_inert_in_xlsx

NOTE = "@SUM(1+1)*cmd|' /C calc'!A0"


def test_a_formula_typed_into_a_contact_is_inert_text_in_both_downloads(client_as, personas):
    PersonFactory(last_name="Formulaitė", phone=FORMULA, notes=NOTE)
    client = client_as("specialiste")

    xlsx = client.get("/kontaktai/eksportas.xlsx", {"q": "Formulaitė"}).content
    csv = client.get("/kontaktai/eksportas.csv", {"q": "Formulaitė"}).content

    for text in (FORMULA, NOTE):
        assert_inert_in_xlsx(xlsx, text)
        assert_inert_in_csv(csv, text)


def test_an_exported_csv_is_read_back_with_the_values_as_typed(client_as, personas):
    PersonFactory(last_name="Formulaitė", phone="+370 600 00000", notes=NOTE)

    csv = client_as("specialiste").get("/kontaktai/eksportas.csv", {"q": "Formulaitė"}).content
    headers, rows = read_table(io.BytesIO(csv), "kontaktai.csv")

    row = dict(zip(headers, next(rows), strict=True))
    assert row["Telefonas"] == "+370 600 00000"
    assert row["Pastabos"] == NOTE
