"""The applications pipeline (5.1): applications by status and funder, the amounts
requested against those granted, and how often each funder said yes, year by year.

An application's year is the year it was submitted; one not yet submitted counts in its
call's deadline year, and one without a call in the year it was started. Its request is
the amount submitted or, before that, its budget's funder share. "Decided" means approved
or any later stage, or rejected; the success rate is approved of decided, by count.

Two queries whatever the number of projects: the years there are, and one row per
application (its funder, status, year and amounts) that Python adds up in Decimal.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import DecimalField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce, ExtractYear
from django.utils.translation import gettext as _

from sklaida.projects.models import BudgetLine, Project
from sklaida.projects.money import share_percent

ZERO = Decimal("0.00")
S = Project.Status

IN_PREPARATION = (S.IDEA, S.PREPARING)
AWAITING_DECISION = (S.SUBMITTED, S.EVALUATION)


@dataclass
class StatusRow:
    status: str
    label: str
    count: int = 0
    requested: Decimal = ZERO
    granted: Decimal = ZERO


@dataclass
class FunderRow:
    """One funder's applications (or a funder and year's, in the success table)."""

    name: str
    year: int | None = None
    in_preparation: int = 0
    awaiting: int = 0
    approved: int = 0
    rejected: int = 0
    requested: Decimal = ZERO  # by the applications submitted (submitted or later)
    granted: Decimal = ZERO

    @property
    def count(self) -> int:
        return self.in_preparation + self.awaiting + self.approved + self.rejected

    @property
    def decided(self) -> int:
        return self.approved + self.rejected

    @property
    def success_rate(self) -> Decimal | None:
        """Approved of decided, in percent; None before any decision."""
        return (
            share_percent(Decimal(self.approved), Decimal(self.decided)) if self.decided else None
        )

    def add(self, status: str, requested: Decimal, granted: Decimal | None) -> None:
        if status in IN_PREPARATION:
            self.in_preparation += 1
            return
        self.requested += requested
        if status in AWAITING_DECISION:
            self.awaiting += 1
        elif status == S.REJECTED:
            self.rejected += 1
        else:
            self.approved += 1
            self.granted += granted or ZERO


@dataclass
class Pipeline:
    year: int | None
    years: list[int]
    by_status: list[StatusRow] = field(default_factory=list)
    by_funder: list[FunderRow] = field(default_factory=list)
    by_funder_and_year: list[FunderRow] = field(default_factory=list)
    total: FunderRow = field(default_factory=lambda: FunderRow(name=""))


def _with_year_and_request(queryset):
    funder_share = (
        BudgetLine.objects.filter(project=OuterRef("pk"))
        .order_by()
        .values("project")
        .annotate(total=Sum("funder_amount"))
        .values("total")
    )
    money = DecimalField(max_digits=12, decimal_places=2)
    return queryset.annotate(
        year=Coalesce(
            ExtractYear("submitted_on"), ExtractYear("call__deadline"), ExtractYear("created_at")
        ),
        request=Coalesce(
            "requested_amount",
            Subquery(funder_share, output_field=money),
            Value(ZERO),
            output_field=money,
        ),
    )


def pipeline(year: int | None = None) -> Pipeline:
    """Every application of the department counted by status and funder, for one year or
    for all."""
    years = sorted(
        set(_with_year_and_request(Project.objects.order_by()).values_list("year", flat=True)),
        reverse=True,
    )
    applications = _with_year_and_request(Project.objects.order_by())
    if year is not None:
        applications = applications.filter(year=year)
    rows = applications.values_list(
        "funder__name", "funder__short_name", "status", "year", "request", "granted_amount"
    )

    result = Pipeline(year=year, years=years)
    by_status = {status: StatusRow(status=status, label=label) for status, label in S.choices}
    by_funder: dict[str, FunderRow] = {}
    by_funder_and_year: dict[tuple[str, int], FunderRow] = defaultdict(lambda: FunderRow(""))
    no_funder = _("No funder chosen")
    for name, short_name, status, row_year, requested, granted in rows:
        funder = short_name or name or no_funder
        status_row = by_status[status]
        status_row.count += 1
        status_row.requested += requested
        if status in Project.GRANTED:
            status_row.granted += granted or ZERO
        by_funder.setdefault(funder, FunderRow(name=funder)).add(status, requested, granted)
        per_year = by_funder_and_year[(funder, row_year)]
        per_year.name, per_year.year = funder, row_year
        per_year.add(status, requested, granted)
        result.total.add(status, requested, granted)

    def funder_order(row: FunderRow) -> tuple:
        return (row.name == no_funder, row.name.casefold())

    result.by_status = [row for row in by_status.values() if row.count]
    result.by_funder = sorted(by_funder.values(), key=funder_order)
    result.by_funder_and_year = sorted(
        (row for row in by_funder_and_year.values() if row.decided),
        key=lambda row: (-row.year, *funder_order(row)),
    )
    return result
