"""A project's budget in a real browser: an expense recorded with its invoice, the rule
check read on the page, the page and the pipeline accessible (axe) also on a phone."""

from __future__ import annotations

from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect

from sklaida.projects.models import Expense, Project
from sklaida.projects.tests.factories import BudgetLineFactory, FundingCallFactory, ProjectFactory
from sklaida.testing.browser import assert_accessible

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def project(personas) -> Project:
    project = ProjectFactory(
        title="Skaitymo iššūkis vaikams",
        call=FundingCallFactory(max_funding_share=Decimal("90")),
        status=Project.Status.IMPLEMENTATION,
        granted_amount=Decimal("12000"),
    )
    BudgetLineFactory(
        project=project,
        title="Lektorių honorarai",
        funder_amount=Decimal("12000"),
        own_amount=Decimal("1000"),
    )
    return project


def test_a_specialist_records_an_expense_with_its_invoice(sign_in, page: Page, project, tmp_path):
    invoice = tmp_path / "sąskaita.pdf"
    invoice.write_bytes(PDF)
    sign_in("specialiste")
    page.goto(f"/projektai/{project.pk}/biudzetas/")
    expect(page.get_by_text("Finansuotojo dalis 92,31")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Registruoti išlaidas").click()
    page.get_by_label("Sąskaitos numeris").fill("KP-0042")
    page.get_by_label("Tiekėjas").fill("UAB „Skaitymų namai“")
    page.get_by_label("Suma, EUR").fill("1 250,40")
    page.get_by_label("Sąskaita faktūra ar kitas įrodantis dokumentas").set_input_files(invoice)
    page.get_by_role("button", name="Išsaugoti").click()

    expect(page.get_by_text("Išlaidos užregistruotos.")).to_be_visible()
    expect(page.locator("#expenses")).to_contain_text("1 250,40 €")
    expect(page.get_by_role("link", name="sąskaita.pdf")).to_be_visible()
    assert Expense.objects.get(line__project=project).amount == Decimal("1250.40")
    assert_accessible(page)


def test_the_budget_and_the_pipeline_are_accessible_on_a_phone(sign_in, page: Page, project):
    page.set_viewport_size({"width": 375, "height": 800})
    sign_in("vadove")
    page.goto(f"/projektai/{project.pk}/biudzetas/")
    expect(page.get_by_role("heading", name="Kvietimo taisyklės")).to_be_visible()
    assert_accessible(page)
    page.goto("/projektai/paraiskos/")
    expect(page.get_by_role("heading", name="Paraiškų suvestinė")).to_be_visible()
    assert_accessible(page)
