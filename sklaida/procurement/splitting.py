"""The split-purchase warning: one need bought in pieces to stay under the low-value limit.

The law (VPĮ art. 5) forbids splitting a purchase to avoid its procedure. Sklaida cannot
know the intent, so it warns: when the requests of one subject group in one calendar year
(not rejected or cancelled) add up to the low-value limit in force or more while each of
them alone is below it, the request's page and form say so, naming the sum, the limit and
the other requests.

"One subject group" is the CPV category — the first five digits (cpv.GROUP_DIGITS):
portable and desktop computers (30213100, 30213300) are one need, a projector (38652100)
another. Four digits (the class) would put computers with workstations and card readers;
the full code would let a laptop and a desktop escape each other. The year is the request's
own (the year it is numbered in).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import ngettext

from sklaida.core.formatting import format_money
from sklaida.procurement import cpv, thresholds
from sklaida.procurement.models import PurchaseRequest, Threshold


@dataclass(frozen=True)
class SplitWarning:
    group: str
    year: int
    total: Decimal
    limit: Threshold
    others: list[PurchaseRequest]

    @property
    def text(self) -> str:
        others = ", ".join(
            f"{other.number} „{other.subject}“ ({format_money(other.estimated_value)})"
            for other in self.others
        )
        return ngettext(
            "Together with %(count)d other request of the same subject group (CPV %(group)s) "
            "in %(year)d this purchase comes to %(total)s excl. VAT, which is not below the "
            "low-value procurement limit of %(limit)s. Splitting one purchase to stay under "
            "the limit is not allowed: plan it as one purchase or explain why these are "
            "separate needs. The other request: %(others)s.",
            "Together with %(count)d other requests of the same subject group (CPV %(group)s) "
            "in %(year)d this purchase comes to %(total)s excl. VAT, which is not below the "
            "low-value procurement limit of %(limit)s. Splitting one purchase to stay under "
            "the limit is not allowed: plan it as one purchase or explain why these are "
            "separate needs. The other requests: %(others)s.",
            len(self.others),
        ) % {
            "count": len(self.others),
            "group": self.group,
            "year": self.year,
            "total": format_money(self.total),
            "limit": format_money(self.limit.amount),
            "others": others,
        }


def split_warning(
    *,
    cpv_code: str,
    kind: str,
    year: int,
    value: Decimal,
    on: datetime.date,
    exclude_pk: int | None = None,
) -> SplitWarning | None:
    """The warning for a request of `value` in `year` with `cpv_code`, or None.

    `exclude_pk` is the request itself when it is already saved (its stored value is
    replaced by `value`, which may be what the form now says)."""
    group = cpv.group(cpv_code)
    if not group or value is None:
        return None
    limit = thresholds.low_value_limit(kind=kind, on=on)
    if limit is None or value >= limit.amount:
        return None
    others = list(
        PurchaseRequest.objects.filter(year=year, cpv_code__startswith=group)
        .exclude(status__in=PurchaseRequest.DROPPED)
        .exclude(pk=exclude_pk)
        .order_by("sequence")
    )
    if not others or any(other.estimated_value >= limit.amount for other in others):
        return None
    total = value + sum((other.estimated_value for other in others), Decimal("0"))
    if total < limit.amount:
        return None
    return SplitWarning(group=group, year=year, total=total, limit=limit, others=others)


def warning_for(request: PurchaseRequest, *, on: datetime.date) -> SplitWarning | None:
    if request.status in PurchaseRequest.DROPPED:
        return None
    return split_warning(
        cpv_code=request.cpv_code,
        kind=request.kind,
        year=request.year,
        value=request.estimated_value,
        on=on,
        exclude_pk=request.pk,
    )
