"""The funder's rules checked against a budget: the draft before it is submitted, and the
money spent once the project runs. Each breach is one plain sentence naming the figures.

The rules are data on the call (`FundingCall` and its `CostCap` rows), so a new call or a
changed rule is an edit by staff, not a change of code. Every comparison is exact Decimal
arithmetic on cents; percentages are rounded only for the sentence a person reads. A share
is over its limit when the amount is over the limit's amount in cents (rounded down, as a
funder pays no more than its share): 900,01 € of 1 000,00 € breaks a 90 % limit although
both read "90,00 %", so the sentence names the amount allowed as well.

On actuals the funder's share and the cost caps are measured against what has really been
spent only once the project's costs are in (reporting, closed, or past its last day):
halfway through, the first invoices alone would make any share look too large. Until then
a cost cap is measured against the planned total, which already tells when a category has
spent more than the whole project may.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal
from typing import Protocol

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from sklaida.core.formatting import format_money, format_number
from sklaida.projects.models import CostCategory, Expense, FundingCall, Project
from sklaida.projects.money import CENT, euros, share_percent

ZERO = Decimal("0.00")
HUNDRED = Decimal(100)


class BudgetLineLike(Protocol):
    """What the check reads from a line: a saved `BudgetLine` or one still in a form."""

    category: str
    title: str
    funder_amount: Decimal
    own_amount: Decimal
    other_amount: Decimal


@dataclass(frozen=True)
class Breach:
    """One rule the budget breaks: which (`rule`, for code and tests) and the sentence."""

    rule: str
    message: str

    def __str__(self) -> str:
        return self.message


def format_percent(value: Decimal) -> str:
    """92.3077 → "92,31 %" (lt), "92.31%" (en)."""
    return _("%(number)s%%") % {"number": format_number(euros(value), 2)}


def allowed_part(whole: Decimal, percent: Decimal) -> Decimal:
    """The most `percent` of `whole` may be, in whole cents (rounded down)."""
    return (Decimal(whole) * Decimal(percent) / HUNDRED).quantize(CENT, rounding=ROUND_DOWN)


def _line_total(line: BudgetLineLike) -> Decimal:
    return (line.funder_amount or ZERO) + (line.own_amount or ZERO) + (line.other_amount or ZERO)


def _category_label(category: str) -> str:
    try:
        return str(CostCategory(category).label)
    except ValueError:
        return category


def _cost_caps(call: FundingCall) -> list:
    """The call's caps, from its prefetched rows when the caller fetched them."""
    return sorted(call.cost_caps.all(), key=lambda cap: (cap.category, cap.pk or 0))


def _request_breaches(call: FundingCall, request: Decimal) -> list[Breach]:
    breaches = []
    if call.min_request is not None and request < call.min_request:
        breaches.append(
            Breach(
                "min_request",
                _("Requested %(request)s — less than the smallest request allowed, %(limit)s.")
                % {"request": format_money(request), "limit": format_money(call.min_request)},
            )
        )
    if call.max_request is not None and request > call.max_request:
        breaches.append(
            Breach(
                "max_request",
                _("Requested %(request)s — more than the largest request allowed, %(limit)s.")
                % {"request": format_money(request), "limit": format_money(call.max_request)},
            )
        )
    lump_sums = call.lump_sum_amounts
    if lump_sums and request not in lump_sums:
        breaches.append(
            Breach(
                "lump_sum",
                _(
                    "Requested %(request)s — the call funds only the lump sums %(sums)s; "
                    "request exactly one of them."
                )
                % {
                    "request": format_money(request),
                    "sums": ", ".join(format_money(amount) for amount in lump_sums),
                },
            )
        )
    return breaches


def _funding_share_breach(call: FundingCall, funder: Decimal, total: Decimal) -> Breach | None:
    if call.max_funding_share is None or total <= 0:
        return None
    allowed = allowed_part(total, call.max_funding_share)
    if funder <= allowed:
        return None
    return Breach(
        "funding_share",
        _(
            "The funder's share %(share)s exceeds the %(limit)s allowed — the library's and "
            "other sources' share must be at least %(rest)s. Of a budget of %(total)s the "
            "funder may pay at most %(allowed)s; %(request)s is requested."
        )
        % {
            "share": format_percent(share_percent(funder, total)),
            "limit": format_percent(call.max_funding_share),
            "rest": format_percent(HUNDRED - call.max_funding_share),
            "total": format_money(total),
            "allowed": format_money(allowed),
            "request": format_money(funder),
        },
    )


def _cost_cap_breaches(
    call: FundingCall, by_category: dict[str, Decimal], total: Decimal, *, spent: bool
) -> list[Breach]:
    breaches = []
    if total <= 0:
        return breaches
    for cap in _cost_caps(call):
        amount = by_category.get(cap.category, ZERO)
        if amount <= allowed_part(total, cap.max_share):
            continue
        figures = {
            "category": _category_label(cap.category),
            "amount": format_money(amount),
            "share": format_percent(share_percent(amount, total)),
            "total": format_money(total),
            "limit": format_percent(cap.max_share),
            "allowed": format_money(allowed_part(total, cap.max_share)),
        }
        if spent:
            message = _(
                "Spent on “%(category)s”: %(amount)s, %(share)s of %(total)s — more than "
                "the %(limit)s allowed (at most %(allowed)s)."
            )
        else:
            message = _(
                "“%(category)s” costs %(amount)s, %(share)s of the budget of %(total)s — "
                "more than the %(limit)s allowed (at most %(allowed)s)."
            )
        breaches.append(Breach("cost_cap", message % figures))
    return breaches


def check_budget(call: FundingCall, lines: Iterable[BudgetLineLike]) -> list[Breach]:
    """Every rule of `call` the draft budget `lines` breaks; none when it keeps them all.

    The request is the sum of the lines' funder amounts; the budget is the sum of all
    their amounts."""
    lines = list(lines)
    request = sum((line.funder_amount or ZERO for line in lines), ZERO)
    total = sum((_line_total(line) for line in lines), ZERO)
    by_category: dict[str, Decimal] = {}
    for line in lines:
        by_category[line.category] = by_category.get(line.category, ZERO) + _line_total(line)

    breaches = _request_breaches(call, request)
    share = _funding_share_breach(call, request, total)
    if share:
        breaches.append(share)
    breaches.extend(_cost_cap_breaches(call, by_category, total, spent=False))
    return breaches


ENDED_STATUSES = (Project.Status.REPORTING, Project.Status.CLOSED)


def costs_are_in(project: Project, *, today: datetime.date | None = None) -> bool:
    """Whether the project's spending is complete: it reports or is closed, or has ended."""
    today = today or timezone.localdate()
    return project.status in ENDED_STATUSES or bool(project.ends_on and project.ends_on < today)


def lines_with_expenses(project: Project) -> list:
    """The project's lines with their expenses prefetched (two queries)."""
    return list(
        project.budget_lines.order_by("position", "pk").prefetch_related(
            Prefetch("expenses", queryset=Expense.objects.order_by("invoice_date", "pk"))
        )
    )


def check_actuals(
    project: Project, *, lines: list | None = None, today: datetime.date | None = None
) -> list[Breach]:
    """What the money spent breaks: lines spent past their plan, and — with the project's
    call — the funder's share of the real costs and the cost caps.

    The funder's money is the amount granted, or until there is one the lines' funder
    amounts. `lines` are the project's lines with their expenses prefetched, when the
    caller has them already (the budget page)."""
    if lines is None:
        lines = lines_with_expenses(project)
    breaches = []
    spent_by_line = []
    for line in lines:
        spent = sum((expense.amount for expense in line.expenses.all()), ZERO)
        spent_by_line.append((line, spent))
        planned = _line_total(line)
        if spent > planned:
            breaches.append(
                Breach(
                    "overspent_line",
                    _("“%(line)s”: %(spent)s spent — %(over)s more than the %(planned)s planned.")
                    % {
                        "line": line.title,
                        "spent": format_money(spent),
                        "over": format_money(spent - planned),
                        "planned": format_money(planned),
                    },
                )
            )
    call = project.call
    actual_total = sum((spent for _line, spent in spent_by_line), ZERO)
    if call is None or actual_total <= 0:
        return breaches

    finished = costs_are_in(project, today=today)
    if finished and call.max_funding_share is not None:
        funder = project.granted_amount
        if funder is None:
            funder = sum((line.funder_amount or ZERO for line in lines), ZERO)
        allowed = allowed_part(actual_total, call.max_funding_share)
        if funder > allowed:
            breaches.append(
                Breach(
                    "funding_share_actual",
                    _(
                        "The funder's %(funder)s is %(share)s of the %(total)s actually "
                        "spent — more than the %(limit)s allowed. At most %(allowed)s of it "
                        "can be accounted for; to keep it all, the project's costs must "
                        "reach %(needed)s."
                    )
                    % {
                        "funder": format_money(funder),
                        "share": format_percent(share_percent(funder, actual_total)),
                        "total": format_money(actual_total),
                        "limit": format_percent(call.max_funding_share),
                        "allowed": format_money(allowed),
                        "needed": format_money(_total_needed(funder, call.max_funding_share)),
                    },
                )
            )
    by_category: dict[str, Decimal] = {}
    for line, spent in spent_by_line:
        by_category[line.category] = by_category.get(line.category, ZERO) + spent
    planned_total = sum((_line_total(line) for line in lines), ZERO)
    base = actual_total if finished else max(planned_total, actual_total)
    breaches.extend(_cost_cap_breaches(call, by_category, base, spent=True))
    return breaches


def _total_needed(funder: Decimal, max_share: Decimal) -> Decimal:
    """The smallest total, in cents, of which `funder` is at most `max_share` percent."""
    if max_share <= 0:
        return funder
    needed = (funder * HUNDRED / max_share).quantize(CENT, rounding=ROUND_DOWN)
    while allowed_part(needed, max_share) < funder:
        needed += CENT
    return needed
