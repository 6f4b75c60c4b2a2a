"""Queries of the procurement screens: the request list, a plan with its lines and totals,
the contracts register and the thresholds in force."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch, QuerySet, Sum

from sklaida.core import search
from sklaida.procurement.models import (
    Contract,
    DocumentVersion,
    Kind,
    PlanLine,
    ProcurementPlan,
    PurchaseRequest,
    RequestDocument,
    Threshold,
)

S = PurchaseRequest.Status
OPEN = "open"


@dataclass(frozen=True)
class RequestFilter:
    q: str = ""
    status: str = ""
    year: int | None = None
    kind: str = ""
    procedure: str = ""
    initiator: int | None = None


def request_list(criteria: RequestFilter) -> QuerySet[PurchaseRequest]:
    requests = PurchaseRequest.objects.select_related(
        "initiator", "proposal", "budget_line__project"
    )
    if criteria.status == OPEN:
        requests = requests.exclude(status__in=(S.COMPLETED, S.REJECTED, S.CANCELLED, S.CONTRACTED))
    elif criteria.status:
        requests = requests.filter(status=criteria.status)
    if criteria.year:
        requests = requests.filter(year=criteria.year)
    if criteria.kind:
        requests = requests.filter(kind=criteria.kind)
    if criteria.procedure:
        requests = requests.filter(procedure=criteria.procedure)
    if criteria.initiator:
        requests = requests.filter(initiator=criteria.initiator)
    if criteria.q:
        return search.ordered(requests, criteria.q, "-year", "-sequence")
    return requests.order_by("-year", "-sequence")


def request_years() -> list[int]:
    return list(PurchaseRequest.objects.order_by("-year").values_list("year", flat=True).distinct())


def request_with_everything(pk: int) -> QuerySet[PurchaseRequest]:
    return PurchaseRequest.objects.select_related(
        "initiator",
        "created_by",
        "proposal",
        "plan_line__plan",
        "budget_line__project",
    ).filter(pk=pk)


def request_of_proposal(proposal) -> PurchaseRequest | None:
    return PurchaseRequest.objects.filter(proposal=proposal).first()


def documents_of(request: PurchaseRequest) -> list[RequestDocument]:
    """The request's documents with their versions, newest first."""
    return list(
        request.documents.prefetch_related(
            Prefetch(
                "versions",
                queryset=DocumentVersion.objects.select_related("created_by").order_by("-number"),
            )
        )
    )


def survey_of(request: PurchaseRequest):
    from sklaida.procurement.models import SupplierSurvey

    return (
        SupplierSurvey.objects.select_related("chosen_offer__organisation")
        .prefetch_related("offers__organisation")
        .filter(request=request)
        .first()
    )


# The annual plan


@dataclass
class KindTotal:
    kind: str
    label: str
    lines: int
    value: Decimal


def plan_lines(plan: ProcurementPlan) -> list[PlanLine]:
    return list(plan.lines.select_related("budget_line__project").prefetch_related("requests"))


def plan_totals(lines: list[PlanLine]) -> tuple[list[KindTotal], Decimal]:
    """The plan's sums by kind of purchase and in all (from lines already read)."""
    counts: dict[str, int] = defaultdict(int)
    values: dict[str, Decimal] = defaultdict(Decimal)
    for line in lines:
        counts[line.kind] += 1
        values[line.kind] += line.estimated_value
    totals = [
        KindTotal(kind, str(label), counts[kind], values[kind])
        for kind, label in Kind.choices
        if counts[kind]
    ]
    return totals, sum(values.values(), Decimal("0"))


def plans_with_totals() -> QuerySet[ProcurementPlan]:
    return ProcurementPlan.objects.annotate(total=Sum("lines__estimated_value")).order_by("-year")


def summary_deadline(year: int) -> datetime.date:
    """The plan's summary is published in CVP IS by 15 March of its year (VPĮ art. 26)."""
    return datetime.date(year, 3, 15)


# Contracts register


@dataclass(frozen=True)
class ContractFilter:
    q: str = ""
    year: int | None = None
    valid_on: datetime.date | None = None


def contract_list(criteria: ContractFilter) -> QuerySet[Contract]:
    contracts = Contract.objects.select_related("organisation", "request")
    if criteria.year:
        contracts = contracts.filter(signed_on__year=criteria.year)
    if criteria.valid_on:
        day = criteria.valid_on
        contracts = contracts.exclude(starts_on__gt=day).exclude(ends_on__lt=day)
    if criteria.q:
        return search.ordered(contracts, criteria.q, "-signed_on")
    return contracts.order_by("-signed_on", "-pk")


def thresholds_by_date() -> QuerySet[Threshold]:
    return Threshold.objects.order_by("-effective_from", "procedure", "kind")
