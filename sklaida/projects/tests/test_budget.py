"""A project's budget: lines and expenses made through the pages, the invoice's file checked
by its content and offered back under a clean name, the summary's sums to the cent, the
call's rules on the page, and who may read and change it."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from sklaida.core.models import Library
from sklaida.projects import budget
from sklaida.projects.models import BudgetLine, CostCap, CostCategory, Expense, Project
from sklaida.projects.tests.factories import (
    BudgetLineFactory,
    ExpenseFactory,
    FundingCallFactory,
    ProjectFactory,
)
from sklaida.testing.pages import text_of
from sklaida.testing.queries import queries_to_render

D = Decimal
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def budget_url(project: Project) -> str:
    return f"/projektai/{project.pk}/biudzetas/"


def invoice(name: str = "saskaita.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture
def project(personas) -> Project:
    return ProjectFactory(
        title="Skaitymo iššūkis vaikams",
        call=FundingCallFactory(
            min_request=D("1000"), max_request=D("30000"), max_funding_share=D("90")
        ),
        status=Project.Status.IMPLEMENTATION,
    )


# Lines and expenses through the pages.


def test_a_specialist_adds_a_line_typed_the_lithuanian_way_and_sees_it_in_the_budget(
    client_as, project
):
    client = client_as("specialiste")
    form = client.get(f"/projektai/{project.pk}/biudzetas/eilutes/nauja/")
    assert "Nauja biudžeto eilutė" in text_of(form)

    response = client.post(
        f"/projektai/{project.pk}/biudzetas/eilutes/nauja/",
        {
            "category": CostCategory.FEES,
            "title": "Rašytojų honorarai",
            "funder_amount": "1 234,50",
            "own_amount": "137,17",
            "other_amount": "",
        },
        follow=True,
    )
    line = project.budget_lines.get()
    assert (line.funder_amount, line.own_amount, line.other_amount) == (
        D("1234.50"),
        D("137.17"),
        D("0.00"),
    )
    page = text_of(response)
    assert "Biudžeto eilutė pridėta." in page
    assert "Rašytojų honorarai" in page
    assert "1 371,67 €" in page  # planned: the sum of the three columns


def test_a_line_without_any_amount_is_refused_with_a_reason(client_as, project):
    response = client_as("specialiste").post(
        f"/projektai/{project.pk}/biudzetas/eilutes/nauja/",
        {"category": CostCategory.FEES, "title": "Honorarai", "funder_amount": "0"},
    )
    assert "Įrašykite eilutei planuojamą sumą bent viename stulpelyje." in text_of(response)
    assert not project.budget_lines.exists()


def test_an_amount_that_is_not_a_number_is_refused_in_plain_words(client_as, project):
    response = client_as("specialiste").post(
        f"/projektai/{project.pk}/biudzetas/eilutes/nauja/",
        {"category": CostCategory.FEES, "title": "Honorarai", "funder_amount": "tūkstantis"},
    )
    assert "Įrašykite sumą eurais, pvz., 1 234,50." in text_of(response)


def test_an_expense_is_recorded_with_its_invoice_kept_under_a_clean_name(client_as, project):
    line = BudgetLineFactory(project=project, title="Lektorių honorarai")
    client = client_as("specialiste")
    form = client.get(f"/projektai/{project.pk}/biudzetas/islaidos/nauja/?line={line.pk}")
    assert f'<option value="{line.pk}" selected>' in form.content.decode()

    response = client.post(
        f"/projektai/{project.pk}/biudzetas/islaidos/nauja/",
        {
            "line": line.pk,
            "invoice_number": "KP-0042",
            "invoice_date": "2026-03-14",
            "supplier": "UAB „Skaitymų namai“",
            "description": "Susitikimas su rašytoja",
            "amount": "250,00",
            "evidence": invoice("../../sąskaita\u202eKP 42.pdf"),
        },
        follow=True,
    )
    expense = Expense.objects.get(line=line)
    assert expense.amount == D("250.00")
    assert expense.recorded_by.username == "specialiste"
    assert expense.evidence_name == "sąskaitaKP 42.pdf"
    page = text_of(response)
    assert "Išlaidos užregistruotos." in page
    assert "KP-0042" in page and "2026 m. kovo 14 d." in page
    assert "sąskaitaKP 42.pdf" in page

    download = client.get(f"/projektai/{project.pk}/biudzetas/islaidos/{expense.pk}/irodymas/")
    assert b"".join(download.streaming_content) == PDF
    assert "attachment" in download["Content-Disposition"]
    assert "s%C4%85skaitaKP%2042.pdf" in download["Content-Disposition"]


def test_an_invoice_whose_content_is_not_what_its_name_says_is_refused(client_as, project):
    line = BudgetLineFactory(project=project)
    response = client_as("specialiste").post(
        f"/projektai/{project.pk}/biudzetas/islaidos/nauja/",
        {
            "line": line.pk,
            "invoice_number": "KP-0043",
            "invoice_date": "2026-03-14",
            "supplier": "UAB „Skaitymų namai“",
            "amount": "99,99",
            "evidence": invoice("saskaita.pdf", b"MZ\x90\x00 not a pdf at all"),
        },
    )
    assert response.status_code == 200
    assert "neatitinka jo pavadinimo" in text_of(response)
    assert not Expense.objects.filter(line=line).exists()


def test_an_expense_can_move_to_another_line_and_have_its_evidence_replaced(
    personas, project, django_capture_on_commit_callbacks
):
    fees = BudgetLineFactory(project=project, title="Honorarai")
    travel = BudgetLineFactory(project=project, title="Kelionės", category=CostCategory.TRAVEL)
    actor = personas["specialiste"]
    expense = budget.record_expense(
        actor=actor,
        line=fees,
        invoice_number="AB-1",
        invoice_date=datetime.date(2026, 2, 2),
        supplier="UAB „Keliauk“",
        amount=D("80.004"),
        evidence=invoice("pirma.pdf"),
    )
    assert expense.amount == D("80.00")
    old_file = expense.evidence.name
    storage = expense.evidence.storage

    with django_capture_on_commit_callbacks(execute=True):
        budget.change_expense(
            actor=actor,
            expense=expense,
            line=travel,
            evidence=invoice("antra.pdf"),
            amount=D("80.005"),
        )
    expense.refresh_from_db()
    assert (expense.line, expense.amount, expense.evidence_name) == (
        travel,
        D("80.01"),
        "antra.pdf",
    )
    assert not storage.exists(old_file)
    assert storage.exists(expense.evidence.name)


def test_an_expense_cannot_move_to_a_line_of_another_project(personas, project):
    expense = ExpenseFactory(line=BudgetLineFactory(project=project))
    elsewhere = BudgetLineFactory()
    with pytest.raises(ValidationError):
        budget.change_expense(actor=personas["specialiste"], expense=expense, line=elsewhere)


def test_removing_an_expense_removes_its_file_once_the_change_is_kept(
    client_as, personas, project, django_capture_on_commit_callbacks
):
    expense = budget.record_expense(
        actor=personas["specialiste"],
        line=BudgetLineFactory(project=project),
        invoice_number="AB-2",
        invoice_date=datetime.date(2026, 2, 2),
        supplier="UAB „Keliauk“",
        amount=D("10"),
        evidence=invoice(),
    )
    name, storage = expense.evidence.name, expense.evidence.storage
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("vadove").post(
            f"/projektai/{project.pk}/biudzetas/islaidos/{expense.pk}/salinti/", follow=True
        )
    assert "Sąskaitos faktūros AB-2 išlaidos pašalintos." in text_of(response)
    assert not Expense.objects.filter(pk=expense.pk).exists()
    assert not storage.exists(name)


def test_a_line_with_expenses_is_kept_and_the_reason_given(client_as, project):
    line = BudgetLineFactory(project=project, title="Lektorių honorarai")
    ExpenseFactory(line=line)
    response = client_as("specialiste").post(
        f"/projektai/{project.pk}/biudzetas/eilutes/{line.pk}/salinti/", follow=True
    )
    assert "„Lektorių honorarai“ eilutėje yra užregistruotų išlaidų." in text_of(response)
    assert BudgetLine.objects.filter(pk=line.pk).exists()


def test_a_line_without_expenses_is_removed(client_as, project):
    line = BudgetLineFactory(project=project, title="Leidiniai")
    response = client_as("specialiste").post(
        f"/projektai/{project.pk}/biudzetas/eilutes/{line.pk}/salinti/", follow=True
    )
    assert "Eilutė „Leidiniai“ pašalinta." in text_of(response)
    assert not BudgetLine.objects.filter(pk=line.pk).exists()


def test_an_expense_cannot_be_recorded_before_the_budget_has_a_line(client_as, project):
    response = client_as("specialiste").get(
        f"/projektai/{project.pk}/biudzetas/islaidos/nauja/", follow=True
    )
    assert "Pirmiau pridėkite biudžeto eilutę" in text_of(response)


# The summary.


def test_the_summary_gives_each_line_its_plan_sources_spending_and_remainder(
    project, django_assert_num_queries
):
    fees = BudgetLineFactory(
        project=project,
        funder_amount=D("900.00"),
        own_amount=D("100.00"),
        other_amount=D("50.00"),
    )
    travel = BudgetLineFactory(
        project=project, category=CostCategory.TRAVEL, funder_amount=D("300"), own_amount=0
    )
    ExpenseFactory(line=fees, amount=D("700.10"))
    ExpenseFactory(line=fees, amount=D("400.00"))
    ExpenseFactory(line=travel, amount=D("120.45"))

    with django_assert_num_queries(2):
        summary = budget.budget_summary(project)

    first, second = summary.lines
    assert (first.line, first.planned, first.funder, first.own, first.other) == (
        fees,
        D("1050.00"),
        D("900.00"),
        D("100.00"),
        D("50.00"),
    )
    assert (first.spent, first.remaining, first.overspent) == (D("1100.10"), D("-50.10"), True)
    assert (second.spent, second.remaining, second.overspent) == (
        D("120.45"),
        D("179.55"),
        False,
    )
    assert (summary.planned, summary.funder, summary.own, summary.other) == (
        D("1350.00"),
        D("1200.00"),
        D("100.00"),
        D("50.00"),
    )
    assert (summary.spent, summary.remaining) == (D("1220.55"), D("129.45"))
    assert summary.funder_share == D("88.89")


def test_hundreds_of_cent_expenses_add_up_to_the_exact_cent(project):
    line = BudgetLineFactory(project=project, funder_amount=D("10"), own_amount=0)
    Expense.objects.bulk_create(
        Expense(
            line=line,
            invoice_number=f"C-{n}",
            invoice_date=timezone.localdate(),
            supplier="UAB „Centai“",
            amount=D("0.01") if n % 2 else D("0.03"),
        )
        for n in range(333)
    )
    summary = budget.budget_summary(project)
    assert summary.spent == D("6.67")  # 166 × 0,01 + 167 × 0,03
    assert summary.remaining == D("3.33")


# The budget page and the call's rules.


def test_the_budget_page_lists_every_breach_of_the_draft_budget(client_as, project):
    CostCap.objects.create(call=project.call, category=CostCategory.ADMINISTRATION, max_share=5)
    BudgetLineFactory(project=project, funder_amount=D("31000"), own_amount=D("0"))
    BudgetLineFactory(
        project=project,
        category=CostCategory.ADMINISTRATION,
        title="Administravimas",
        funder_amount=D("3000"),
        own_amount=D("0"),
    )
    page = text_of(client_as("stebetojas").get(budget_url(project)))
    assert "Biudžetas pažeidžia 3 kvietimo taisykles:" in page
    assert "Prašoma 34 000,00 € — daugiau nei didžiausia leidžiama suma 30 000,00 €." in page
    assert "Finansuotojo dalis 100,00 % viršija leidžiamą 90,00 %" in page
    assert "„Administravimas“: 3 000,00 € — 8,82 % viso 34 000,00 € biudžeto" in page


def test_a_budget_within_the_rules_is_said_to_keep_them(client_as, project):
    BudgetLineFactory(project=project, funder_amount=D("9000"), own_amount=D("1000"))
    page = text_of(client_as("vadove").get(budget_url(project)))
    assert "Biudžetas atitinka kvietimo taisykles." in page
    assert "Biudžetas pažeidžia" not in page


def test_an_overspent_line_is_shown_and_named_on_the_page(client_as, project):
    line = BudgetLineFactory(project=project, title="Lektorių honorarai")
    ExpenseFactory(line=line, amount=D("1100.00"))
    page = text_of(client_as("vadove").get(budget_url(project)))
    assert "„Lektorių honorarai“: išleista 1 100,00 € — 100,00 € daugiau nei planuota" in page
    assert "-100,00 € viršyta" in page


def test_a_project_without_a_call_is_checked_against_its_plan_only(client_as, personas):
    project = ProjectFactory(call=None, funder=None)
    line = BudgetLineFactory(project=project)
    ExpenseFactory(line=line, amount=D("10"))
    page = text_of(client_as("vadove").get(budget_url(project)))
    assert "Projektas nepriskirtas kvietimui" in page
    assert "Nė vienoje eilutėje neišleista daugiau nei planuota." in page


def test_the_budget_page_makes_the_same_number_of_queries_for_any_number_of_lines(
    client_as, project
):
    def add_lines(count: int) -> None:
        for _ in range(count):
            line = BudgetLineFactory(project=project)
            ExpenseFactory(line=line)
            ExpenseFactory(line=line)

    client = client_as("specialiste")
    add_lines(2)
    few = queries_to_render(client, budget_url(project))
    add_lines(10)
    many = queries_to_render(client, budget_url(project))
    assert few == many


# Who reads and who changes.


def test_the_viewer_reads_the_budget_without_the_buttons_that_change_it(client_as, project):
    BudgetLineFactory(project=project, title="Lektorių honorarai")
    response = client_as("stebetojas").get(budget_url(project))
    page = text_of(response)
    assert "Lektorių honorarai" in page
    assert "Pridėti biudžeto eilutę" not in page
    assert "Registruoti išlaidas" not in page


def test_the_viewer_cannot_add_a_line(client_as, project):
    response = client_as("stebetojas").post(
        f"/projektai/{project.pk}/biudzetas/eilutes/nauja/",
        {"category": CostCategory.FEES, "title": "Honorarai", "funder_amount": "100"},
    )
    assert response.status_code == 403
    assert not project.budget_lines.exists()


def test_a_territory_specialist_reads_the_budget_of_her_librarys_project_only(client_as, personas):
    her_library = personas["teritorija"].library
    hers = ProjectFactory(library=her_library)
    other_library = Library.objects.exclude(pk=her_library.pk).first()
    other = ProjectFactory(library=other_library)
    line = BudgetLineFactory(project=other)
    expense = ExpenseFactory(line=line)
    client = client_as("teritorija")

    assert client.get(budget_url(hers)).status_code == 200
    assert client.get(budget_url(other)).status_code == 403
    evidence = f"/projektai/{other.pk}/biudzetas/islaidos/{expense.pk}/irodymas/"
    assert client.get(evidence).status_code == 403
    assert "Pridėti biudžeto eilutę" not in text_of(client.get(budget_url(hers)))


def test_the_services_refuse_whoever_may_not_change_budgets(personas, project):
    line = BudgetLineFactory(project=project)
    for username in ("stebetojas", "teritorija", "admin"):
        with pytest.raises(PermissionDenied):
            budget.add_line(
                actor=personas[username],
                project=project,
                category=CostCategory.FEES,
                title="Honorarai",
                funder_amount=D("1"),
            )
        with pytest.raises(PermissionDenied):
            budget.remove_line(actor=personas[username], line=line)


def test_an_expense_of_another_project_is_not_found_under_this_one(client_as, project):
    stranger = ExpenseFactory()
    response = client_as("vadove").get(
        f"/projektai/{project.pk}/biudzetas/islaidos/{stranger.pk}/keisti/"
    )
    assert response.status_code == 404
