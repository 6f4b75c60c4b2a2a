"""Demo budgets: lines with who pays them and, for projects under way or finished,
expenses with invoices, so the budget page, its rule check and the pipeline look lived-in.

The projects' demo (demo.py) calls `load_budgets` with the projects it made; a project that
has budget lines already is left alone, so loading twice adds nothing. One line of a
running project is spent past its plan, so the check has something to say."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal

from auditlog.context import set_actor
from django.utils import timezone

from sklaida.core.models import User
from sklaida.projects import budget
from sklaida.projects.models import CostCategory, Project
from sklaida.projects.money import euros

S = Project.Status
SPENDING = (S.IMPLEMENTATION, S.REPORTING, S.CLOSED)

# (category, title, part of the total) — a library's usual cultural project.
LINES = (
    (CostCategory.FEES, "Lektorių ir rašytojų honorarai", Decimal("0.40")),
    (CostCategory.SERVICES, "Renginių įgarsinimas ir filmavimas", Decimal("0.20")),
    (CostCategory.MATERIALS, "Edukacinių užsiėmimų priemonės", Decimal("0.15")),
    (CostCategory.PUBLICITY, "Plakatai, leidinys ir sklaida", Decimal("0.15")),
    (CostCategory.TRAVEL, "Kelionės į teritorijos bibliotekas", Decimal("0.10")),
)
SUPPLIERS = (
    "MB „Žodžio dirbtuvės“",
    "UAB „Garso technika“",
    "UAB „Kanceliarija“",
    "UAB „Spaudos namai“",
    "UAB „Regiono autobusai“",
)


def _planned_total(project: Project) -> Decimal:
    """A total the project's funder share fits into: the request over the call's share."""
    share = project.call.max_funding_share if project.call else None
    request = project.requested_amount or project.granted_amount or Decimal("8000")
    if share:
        return euros(request * 100 / share)
    return euros(request * Decimal("1.10"))


def load_budgets(
    projects: Iterable[Project], *, actor: User, today: datetime.date | None = None
) -> None:
    """Budgets for `projects`, written by `actor` (a department worker, e.g. the head)."""
    today = today or timezone.localdate()
    for project in projects:
        if project.budget_lines.exists():
            continue
        with set_actor(actor):
            _load_budget(project, actor, today)


def _load_budget(project: Project, actor: User, today: datetime.date) -> None:
    total = _planned_total(project)
    request = project.requested_amount or project.granted_amount or euros(total * Decimal("0.9"))
    funder_left = request
    lines = []
    for number, (category, title, part) in enumerate(LINES):
        planned = euros(total * part)
        funder = funder_left if number == len(LINES) - 1 else min(funder_left, planned)
        funder = min(funder, planned)
        funder_left -= funder
        lines.append(
            budget.add_line(
                actor=actor,
                project=project,
                category=category,
                title=title,
                funder_amount=funder,
                own_amount=planned - funder,
            )
        )
    if project.status not in SPENDING:
        return
    finished = project.status in (S.REPORTING, S.CLOSED)
    spent_part = Decimal("1.00") if finished else Decimal("0.55")
    start = project.starts_on or today - datetime.timedelta(days=120)
    for number, (line, supplier) in enumerate(zip(lines, SUPPLIERS, strict=True)):
        amount = euros(line.planned_amount * spent_part)
        if not finished and number == 1:
            amount = euros(line.planned_amount * Decimal("1.08"))  # spent past its plan
        invoice_date = min(today, start + datetime.timedelta(days=20 + 25 * number))
        budget.record_expense(
            actor=actor,
            line=line,
            invoice_number=f"{supplier.split('„')[-1][:3].upper()}-{project.pk:03d}{number}",
            invoice_date=invoice_date,
            supplier=supplier,
            amount=amount,
            description=line.title,
        )
