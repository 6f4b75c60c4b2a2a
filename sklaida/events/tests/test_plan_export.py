"""The plan as the Library publishes it: an XLSX sheet and a PDF, both by quarters."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal
from urllib.parse import quote

import openpyxl
import pytest
from django.utils import translation
from django.utils.translation import gettext

from sklaida.events.models import ActivityPlan, Event
from sklaida.events.selectors.plans import plan_overview
from sklaida.events.tests.factories import (
    ActivityPlanFactory,
    EventFactory,
    PlannedActivityFactory,
    at,
)
from sklaida.events.views.plans import plan_document_html
from sklaida.testing.spreadsheets import FORMULA, assert_inert_in_xlsx


def lt(message: str) -> str:
    with translation.override("lt"):
        return gettext(message)


@pytest.fixture
def plan(personas) -> ActivityPlan:
    plan = ActivityPlanFactory(year=2025)
    PlannedActivityFactory(
        plan=plan,
        title="Vasario 16-osios minėjimas",
        starts_on=datetime.date(2025, 2, 10),
        ends_on=datetime.date(2025, 2, 16),
        budget=Decimal("250.00"),
    )
    concerts = PlannedActivityFactory(
        plan=plan,
        title="Vasaros koncertai kieme",
        starts_on=datetime.date(2025, 6, 1),
        ends_on=datetime.date(2025, 8, 31),
        planned_count=3,
        budget=Decimal("1800.00"),
        funding_source="Lietuvos kultūros taryba",
    )
    EventFactory(
        planned_activity=concerts,
        status=Event.Status.HELD,
        starts_at=at(datetime.date(2025, 6, 12), 18),
    )
    PlannedActivityFactory(
        plan=plan,
        title="Knygų Kalėdos",
        starts_on=datetime.date(2025, 12, 1),
        ends_on=datetime.date(2025, 12, 23),
    )
    return plan


def rows_of(content: bytes) -> list[tuple]:
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return [tuple(cell for cell in row) for row in sheet.iter_rows(values_only=True)]


def test_the_xlsx_lists_the_activities_under_their_quarter_headings(plan, client_as):
    response = client_as("stebetojas").get(f"/veikla/planai/{plan.pk}/xlsx/")

    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert quote("2025 m. kultūrinės veiklos planas.xlsx") in response["Content-Disposition"]
    rows = rows_of(response.content)
    assert rows[0][0] == "2025 m. kultūrinės veiklos planas"
    first_cells = [row[0] for row in rows]
    titles = [row[1] for row in rows]
    headings = {
        number: first_cells.index(lt(name))
        for number, name in enumerate(
            ("First quarter", "Second quarter", "Third quarter", "Fourth quarter"), start=1
        )
    }
    assert headings[1] < titles.index("Vasario 16-osios minėjimas") < headings[2]
    assert headings[2] < titles.index("Vasaros koncertai kieme") < headings[3]
    assert headings[4] < titles.index("Knygų Kalėdos")
    concerts = rows[titles.index("Vasaros koncertai kieme")]
    # Budget, funding, planned, held and completion (%) as numbers a spreadsheet can add up.
    assert concerts[7:12] == (1800, "Lietuvos kultūros taryba", 3, 1, 33)
    year_total = rows[titles.index(lt("Total for the year"))]
    assert year_total[7] == 2050 and year_total[9:12] == (5, 1, 20)


def test_formulas_typed_into_the_plan_are_inert_text_in_the_xlsx(plan, client_as):
    plan.title = "@SUM(1+1)"
    plan.save()
    PlannedActivityFactory(
        plan=plan,
        title=FORMULA,
        starts_on=datetime.date(2025, 4, 1),
        ends_on=datetime.date(2025, 4, 2),
        funding_source="+SUM(1+1)",
    )

    response = client_as("vadove").get(f"/veikla/planai/{plan.pk}/xlsx/")

    for text in ("@SUM(1+1)", FORMULA, "+SUM(1+1)"):
        assert_inert_in_xlsx(response.content, text)


def test_the_pdf_is_an_a4_landscape_document_titled_in_lithuanian(plan, client_as):
    response = client_as("vadove").get(f"/veikla/planai/{plan.pk}/pdf/")

    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert quote("2025 m. kultūrinės veiklos planas.pdf") in response["Content-Disposition"]

    with translation.override("lt"):
        html = plan_document_html(plan_overview(plan_id=plan.pk))
    assert "<h1>2025 m. kultūrinės veiklos planas</h1>" in html
    assert "size: A4 landscape" in html
    assert "counter(page)" in html
    sections = html.split("<section>")[1:]
    assert [section.split("</h2>")[0].split("<h2>")[1] for section in sections] == [
        lt("First quarter"),
        lt("Second quarter"),
        lt("Third quarter"),
        lt("Fourth quarter"),
    ]
    assert "Vasaros koncertai kieme" in sections[1]
    assert "Lietuvos kultūros taryba" in sections[1]
    assert "Knygų Kalėdos" in sections[3]
