"""Who may use the budget and pipeline URLs (5.1); merged into the projects area's
EXPECTED_ACCESS by tests/access.py and checked by core/tests/test_access_matrix.py.

The project here is a territory library's, so its territory specialist reads its budget
and its evidence (5.4) beside the department; only the head and the specialists change
it. The pipeline is the department's own figures."""

from decimal import Decimal

from django.core.files.base import ContentFile

from sklaida.projects.models import BudgetLine, Expense, Project
from sklaida.testing.access import DEPARTMENT, DEPARTMENT_WORKERS, Rule

TERRITORY = frozenset({"teritorija"})


def territory_project(data: dict) -> Project:
    from sklaida.projects.tests.factories import ProjectFactory

    return ProjectFactory(library=data["teritorija"].library, manager=data["specialiste"])


def _line(data: dict) -> BudgetLine:
    from sklaida.projects.tests.factories import BudgetLineFactory

    return BudgetLineFactory(project=territory_project(data))


def _on_project(data: dict) -> dict:
    return {"pk": territory_project(data).pk}


def _on_line(data: dict) -> dict:
    line = _line(data)
    return {"pk": line.project_id, "line_pk": line.pk}


def _on_expense(data: dict) -> dict:
    from sklaida.projects.tests.factories import ExpenseFactory

    expense: Expense = ExpenseFactory(line=_line(data), amount=Decimal("120.00"))
    expense.evidence.save("saskaita.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    expense.evidence_name = "saskaita.pdf"
    expense.save()
    return {"pk": expense.line.project_id, "expense_pk": expense.pk}


READERS = DEPARTMENT | TERRITORY
WRITERS = DEPARTMENT_WORKERS

BUDGET_ACCESS: dict[str, Rule] = {
    "projects:pipeline": Rule(DEPARTMENT),
    "projects:budget": Rule(READERS, kwargs=_on_project),
    "projects:budget_line_create": Rule(WRITERS, kwargs=_on_project),
    "projects:budget_line_edit": Rule(WRITERS, kwargs=_on_line),
    "projects:budget_line_delete": Rule(WRITERS, method="POST", kwargs=_on_line),
    "projects:expense_create": Rule(WRITERS, kwargs=lambda data: {"pk": _line(data).project_id}),
    "projects:expense_edit": Rule(WRITERS, kwargs=_on_expense),
    "projects:expense_delete": Rule(WRITERS, method="POST", kwargs=_on_expense),
    "projects:expense_evidence": Rule(READERS, kwargs=_on_expense),
}
