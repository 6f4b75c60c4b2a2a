"""Which procedure the law asks for a purchase, from the thresholds in force on a day.

The amounts are rows of `Threshold` (seeded by migration 0002, changed in the admin), never
constants here: when the law or the Commission's regulation changes them, someone adds a
row with its date and every suggestion from that day on follows it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet

from sklaida.procurement.models import Procedure, Threshold


def in_force(*, on: datetime.date, kind: str | None = None) -> dict[tuple[str, str], Threshold]:
    """(procedure, kind) → the row in force on `on`: the latest that took effect by then."""
    rows: QuerySet[Threshold] = Threshold.objects.filter(effective_from__lte=on).order_by(
        "procedure", "kind", "-effective_from"
    )
    if kind:
        rows = rows.filter(kind=kind)
    found: dict[tuple[str, str], Threshold] = {}
    for row in rows:
        found.setdefault((row.procedure, row.kind), row)
    return found


def low_value_limit(*, kind: str, on: datetime.date) -> Threshold | None:
    return in_force(on=on, kind=kind).get((Procedure.LOW_VALUE, kind))


@dataclass(frozen=True)
class Suggestion:
    procedure: str
    low_value: Threshold | None
    international: Threshold | None

    @property
    def label(self) -> str:
        return str(Procedure(self.procedure).label)


def suggest_procedure(*, kind: str, value: Decimal, on: datetime.date) -> Suggestion | None:
    """Below the low-value limit: low-value procurement; below the EU threshold:
    simplified procurement; from it on: international. None when no row is in force."""
    rows = in_force(on=on, kind=kind)
    low = rows.get((Procedure.LOW_VALUE, kind))
    international = rows.get((Procedure.INTERNATIONAL, kind))
    if low is None and international is None:
        return None
    if low is not None and value < low.amount:
        procedure = Procedure.LOW_VALUE
    elif international is None or value < international.amount:
        procedure = Procedure.SIMPLIFIED
    else:
        procedure = Procedure.INTERNATIONAL
    return Suggestion(procedure=procedure, low_value=low, international=international)
