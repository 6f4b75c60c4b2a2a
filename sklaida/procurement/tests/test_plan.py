"""The annual procurement plan: its lines with procedures from the thresholds of their
quarter, totals by kind, and the summary published by 15 March as XLSX."""

from __future__ import annotations

import io
from decimal import Decimal

import openpyxl
from django.urls import reverse

from sklaida.procurement import services
from sklaida.procurement.models import Kind, PlanLine, ProcurementPlan
from sklaida.testing.pages import text_of
from sklaida.testing.queries import queries_to_render


def add_line(personas, plan, subject, code, kind, value, quarter) -> PlanLine:
    return services.save_plan_line(
        actor=personas["specialiste"],
        line=PlanLine(
            plan=plan,
            subject=subject,
            cpv_code=code,
            kind=kind,
            estimated_value=Decimal(value),
            quarter=quarter,
        ),
    )


def plan_of(personas, year=2031) -> ProcurementPlan:
    plan = ProcurementPlan.objects.create(year=year)
    add_line(personas, plan, "Plakatų spausdinimas", "79810000-5", Kind.SERVICES, "12000", 1)
    add_line(personas, plan, "Nešiojamieji kompiuteriai", "30213100-6", Kind.GOODS, "38000", 2)
    add_line(personas, plan, "Bibliobusas", "34100000-8", Kind.GOODS, "180000", 4)
    add_line(personas, plan, "Remonto darbai", "45453000-7", Kind.WORKS, "95000", 3)
    return plan


def test_each_line_gets_the_procedure_the_thresholds_suggest(personas):
    plan = plan_of(personas)
    procedures = dict(plan.lines.values_list("subject", "procedure"))
    assert procedures == {
        "Plakatų spausdinimas": "low_value",
        "Nešiojamieji kompiuteriai": "low_value",
        "Bibliobusas": "simplified",
        "Remonto darbai": "low_value",
    }


def test_the_plan_page_shows_lines_totals_and_the_publication_deadline(personas, client_as):
    plan = plan_of(personas)
    page = text_of(client_as("stebetojas").get(plan.get_absolute_url()))
    assert "Nešiojamieji kompiuteriai" in page and "30213100-6" in page
    assert "Prekės: 2 eilutės 218 000,00 €" in page
    assert "Iš viso 325 000,00 €" in page
    assert "iki 2031 m. kovo 15 d." in page


def test_a_cpv_code_with_a_wrong_check_digit_is_refused_with_a_message(personas, client_as):
    plan = ProcurementPlan.objects.create(year=2031)
    response = client_as("specialiste").post(
        reverse("procurement:plan_line_create", args=[plan.year]),
        {
            "subject": "Kėdės",
            "cpv_code": "39130000-3",
            "kind": "goods",
            "estimated_value": "5 000",
            "quarter": "2",
        },
    )
    assert response.status_code == 200
    assert "nesutampa" in text_of(response)
    assert not plan.lines.exists()


def test_the_summary_downloads_as_xlsx_in_lithuanian_with_numbers_and_totals(personas, client_as):
    plan = plan_of(personas)
    add_line(personas, plan, '=HYPERLINK("http://x")', "48000000-8", Kind.GOODS, "100", 1)

    response = client_as("stebetojas").get(reverse("procurement:plan_summary", args=[plan.year]))

    assert (
        response["Content-Disposition"]
        == 'attachment; filename="pirkimu-plano-suvestine-2031.xlsx"'
    )
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[1][0] == "2031 m. planuojamų pirkimų suvestinė"
    assert rows[3][:4] == [
        "Eil. Nr.",
        "Pirkimo objektas",
        "BVPŽ (CPV) kodas",
        "Pirkimo objekto rūšis",
    ]
    laptops = next(row for row in rows if row[1] == "Nešiojamieji kompiuteriai")
    assert laptops[2:7] == ["30213100-6", "Prekės", 38000, "II ketv.", "Mažos vertės pirkimas"]
    formula = next(row for row in rows if row[2] == "48000000-8")
    assert formula[1] == '=HYPERLINK("http://x")'
    cell = next(c for c in sheet["B"] if c.value == '=HYPERLINK("http://x")')
    assert cell.data_type == "s" and cell.quotePrefix
    assert rows[-1][1:5] == ["Iš viso", None, None, 325100]


def test_the_plan_page_makes_as_many_queries_for_many_lines_as_for_few(
    personas, client_as, django_assert_num_queries
):
    plan = ProcurementPlan.objects.create(year=2031)
    add_line(personas, plan, "Eilutė 0", "79810000-5", Kind.SERVICES, "1000", 1)
    client = client_as("specialiste")
    few = queries_to_render(client, plan.get_absolute_url())
    for number in range(1, 10):
        add_line(personas, plan, f"Eilutė {number}", "79810000-5", Kind.SERVICES, "1000", 2)
    with django_assert_num_queries(few):
        response = client.get(plan.get_absolute_url())
    assert "Eilutė 9" in text_of(response)


def test_the_publication_is_noted_and_the_deadline_no_longer_shown(personas, client_as):
    plan = plan_of(personas, year=2025)
    client = client_as("specialiste")
    client.post(
        reverse("procurement:plan_published", args=[plan.year]), {"published_on": "2025-03-10"}
    )
    page = text_of(client.get(plan.get_absolute_url()))
    assert "paskelbta CVP IS 2025 m. kovo 10 d." in page
