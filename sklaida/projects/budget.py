"""A project's budget: its lines (planned cost and who pays it), the expenses recorded
against them with the invoices that prove them, and the summary the budget page and the
report read.

Every write is a keyword-only function that checks itself that the person may change
budgets (the head and the specialists; a territory specialist reads her library's
projects but does not change them), so a view or a script that forgets cannot slip past;
django-auditlog keeps the history of each saved row. Amounts are rounded to the cent with
`money.euros` (halves up) before they are stored, and every sum is Decimal added in
Python: SQLite's SUM would add floats.

An invoice's file is checked by its content (`validate_attachment`), not by the name the
sender's computer gave it; the name is cleaned before it is kept or offered for download.
A removed expense's or replaced evidence's file is deleted once the transaction commits,
so a rolled-back change keeps its file.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max, Prefetch
from django.utils.translation import gettext as _

from sklaida.core.files import clean_filename
from sklaida.core.models import User
from sklaida.core.validators import validate_attachment
from sklaida.projects.models import BudgetLine, Expense, Project
from sklaida.projects.money import euros, share_percent
from sklaida.projects.services import may_work

ZERO = Decimal("0.00")

LINE_FIELDS = ("category", "title", "funder_amount", "own_amount", "other_amount")
EXPENSE_FIELDS = ("invoice_number", "invoice_date", "supplier", "description", "amount")


def may_change_budget(user: User) -> bool:
    return may_work(user)


def _require_change(actor: User) -> None:
    if not may_work(actor):
        raise PermissionDenied


def _amounts_in_cents(fields: dict) -> dict:
    return {
        name: euros(value) if name.endswith("amount") and value is not None else value
        for name, value in fields.items()
    }


def _check_fields(fields: dict, allowed: tuple[str, ...], what: str) -> None:
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"not {what} field: {', '.join(sorted(unknown))}")


@transaction.atomic
def add_line(
    *,
    actor: User,
    project: Project,
    category: str,
    title: str,
    funder_amount: Decimal = ZERO,
    own_amount: Decimal = ZERO,
    other_amount: Decimal = ZERO,
) -> BudgetLine:
    """A new line at the end of the project's budget."""
    _require_change(actor)
    last = project.budget_lines.aggregate(last=Max("position"))["last"]
    line = BudgetLine(
        project=project,
        position=0 if last is None else last + 1,
        **_amounts_in_cents(
            {
                "category": category,
                "title": title,
                "funder_amount": funder_amount,
                "own_amount": own_amount,
                "other_amount": other_amount,
            }
        ),
    )
    line.full_clean()
    line.save()
    return line


@transaction.atomic
def change_line(*, actor: User, line: BudgetLine, **fields) -> BudgetLine:
    """Change a line's category, title or amounts."""
    _require_change(actor)
    _check_fields(fields, LINE_FIELDS, "a budget line")
    for name, value in _amounts_in_cents(fields).items():
        setattr(line, name, value)
    line.full_clean()
    line.save()
    return line


@transaction.atomic
def remove_line(*, actor: User, line: BudgetLine) -> None:
    """Remove a line that has no expenses; one with expenses keeps the invoices' trail."""
    _require_change(actor)
    count = line.expenses.count()
    if count:
        raise ValidationError(
            _(
                "“%(line)s” has expenses recorded against it. Move them to another line or "
                "remove them first."
            )
            % {"line": line.title}
        )
    line.delete()


def _store_evidence(expense: Expense, evidence: UploadedFile) -> None:
    """Check the file by its content and keep it under its cleaned name."""
    try:
        validate_attachment(evidence)
    except ValidationError as error:
        raise ValidationError({"evidence": error.messages}) from error
    name = clean_filename(evidence.name or "")
    expense.evidence.save(name, evidence, save=False)
    expense.evidence_name = name


def _delete_file_later(storage, name: str) -> None:
    if name:
        transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def record_expense(
    *,
    actor: User,
    line: BudgetLine,
    invoice_number: str,
    invoice_date: datetime.date,
    supplier: str,
    amount: Decimal,
    description: str = "",
    evidence: UploadedFile | None = None,
) -> Expense:
    """Money spent against `line`, with the invoice (or other proof) attached."""
    _require_change(actor)
    expense = Expense(
        line=line,
        invoice_number=invoice_number.strip(),
        invoice_date=invoice_date,
        supplier=supplier.strip(),
        description=description.strip(),
        amount=euros(amount),
        recorded_by=actor,
    )
    expense.full_clean(exclude=["evidence", "recorded_by"])
    if evidence is not None:
        _store_evidence(expense, evidence)
    expense.save()
    return expense


@transaction.atomic
def change_expense(
    *,
    actor: User,
    expense: Expense,
    line: BudgetLine | None = None,
    evidence: UploadedFile | None = None,
    remove_evidence: bool = False,
    **fields,
) -> Expense:
    """Change an expense, move it to another line of the same project, replace or remove
    its evidence."""
    project = expense.line.project
    _require_change(actor)
    _check_fields(fields, EXPENSE_FIELDS, "an expense")
    if line is not None:
        if line.project_id != project.pk:
            raise ValidationError({"line": _("Choose a line of this project's budget.")})
        expense.line = line
    for name, value in _amounts_in_cents(fields).items():
        setattr(expense, name, value.strip() if isinstance(value, str) else value)
    expense.full_clean(exclude=["evidence", "recorded_by"])
    old_file = expense.evidence.name if expense.evidence else ""
    storage = expense.evidence.storage
    if evidence is not None:
        _store_evidence(expense, evidence)
        _delete_file_later(storage, old_file)
    elif remove_evidence and old_file:
        expense.evidence = ""
        expense.evidence_name = ""
        _delete_file_later(storage, old_file)
    expense.save()
    return expense


@transaction.atomic
def remove_expense(*, actor: User, expense: Expense) -> None:
    _require_change(actor)
    old_file = expense.evidence.name if expense.evidence else ""
    storage = expense.evidence.storage
    expense.delete()
    _delete_file_later(storage, old_file)


@dataclass
class LineSummary:
    """One line as the budget page shows it: the plan, who pays, what is spent and left."""

    line: BudgetLine
    expenses: list[Expense]
    planned: Decimal
    funder: Decimal
    own: Decimal
    other: Decimal
    spent: Decimal
    remaining: Decimal

    @property
    def overspent(self) -> bool:
        return self.remaining < 0


@dataclass
class BudgetSummary:
    """The whole budget: its lines and the totals of each column."""

    lines: list[LineSummary] = field(default_factory=list)
    planned: Decimal = ZERO
    funder: Decimal = ZERO
    own: Decimal = ZERO
    other: Decimal = ZERO
    spent: Decimal = ZERO
    remaining: Decimal = ZERO

    @property
    def expense_count(self) -> int:
        return sum(len(row.expenses) for row in self.lines)

    @property
    def budget_lines(self) -> list[BudgetLine]:
        return [row.line for row in self.lines]

    @property
    def funder_share(self) -> Decimal:
        """The funder's part of the planned total, in percent."""
        return share_percent(self.funder, self.planned)

    @property
    def spent_share(self) -> Decimal:
        """How much of the planned total is spent, in percent."""
        return share_percent(self.spent, self.planned)


def budget_summary(project: Project) -> BudgetSummary:
    """Per line planned, funder / own / other, spent and remaining; the totals. Two
    queries: the lines, and their expenses (each with who recorded it)."""
    lines = project.budget_lines.order_by("position", "pk").prefetch_related(
        Prefetch(
            "expenses",
            queryset=Expense.objects.select_related("recorded_by").order_by("invoice_date", "pk"),
        )
    )
    summary = BudgetSummary()
    for line in lines:
        expenses = list(line.expenses.all())
        spent = sum((expense.amount for expense in expenses), ZERO)
        planned = line.planned_amount
        row = LineSummary(
            line=line,
            expenses=expenses,
            planned=planned,
            funder=line.funder_amount,
            own=line.own_amount,
            other=line.other_amount,
            spent=spent,
            remaining=planned - spent,
        )
        summary.lines.append(row)
        summary.planned += planned
        summary.funder += row.funder
        summary.own += row.own
        summary.other += row.other
        summary.spent += spent
    summary.remaining = summary.planned - summary.spent
    return summary
