"""Queries of the design screens: the board, the list and the designers' load."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet

from sklaida.core import search
from sklaida.core.models import User
from sklaida.design.models import DesignRequest

S = DesignRequest.Status
# A column shows this many cards (the most urgent first); the list shows the rest.
CARDS_PER_COLUMN = 40
# Delivered work stays on the board for this long.
DELIVERED_SHOWN_DAYS = 21


@dataclass
class Column:
    status: str
    label: str
    count: int
    cards: list[DesignRequest] = field(default_factory=list)

    @property
    def hidden(self) -> int:
        return self.count - len(self.cards)


def board(*, columns: tuple[str, ...], today: datetime.date) -> list[Column]:
    """The board's columns: the most urgent cards of each and how many there are in all.

    Two queries whatever the number of requests: counts per status, then one window of
    each column's first cards."""
    delivered_since = today - datetime.timedelta(days=DELIVERED_SHOWN_DAYS)
    shown = DesignRequest.objects.filter(status__in=columns).exclude(
        status=S.DELIVERED, delivered_at__date__lt=delivered_since
    )
    counts = dict(shown.values_list("status").annotate(n=Count("pk")).order_by())
    result = {status: Column(status, S(status).label, counts.get(status, 0)) for status in columns}
    pks: list[int] = []
    for status in columns:
        if counts.get(status):
            order = ("-delivered_at",) if status == S.DELIVERED else ("deadline", "-priority")
            pks.extend(
                shown.filter(status=status)
                .order_by(*order, "pk")
                .values_list("pk", flat=True)[:CARDS_PER_COLUMN]
            )
    cards = (
        DesignRequest.objects.filter(pk__in=pks)
        .select_related("event", "designer", "requester")
        .order_by("deadline", "-priority", "pk")
    )
    for card in cards:
        result[card.status].cards.append(card)
    return [result[status] for status in columns]


@dataclass(frozen=True)
class RequestFilter:
    q: str = ""
    status: str = ""
    product: str = ""
    designer: int | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None


def request_list(criteria: RequestFilter) -> QuerySet[DesignRequest]:
    requests = DesignRequest.objects.select_related("event", "designer", "requester")
    if criteria.status == "open":
        requests = requests.filter(status__in=DesignRequest.OPEN_STATUSES)
    elif criteria.status:
        requests = requests.filter(status=criteria.status)
    if criteria.product:
        requests = requests.filter(product=criteria.product)
    if criteria.designer:
        requests = requests.filter(designer=criteria.designer)
    if criteria.date_from:
        requests = requests.filter(deadline__gte=criteria.date_from)
    if criteria.date_to:
        requests = requests.filter(deadline__lte=criteria.date_to)
    if criteria.q:
        return search.ordered(requests, criteria.q, "deadline")
    return requests.order_by("deadline", "-priority", "pk")


@dataclass
class LoadRow:
    designer: User | None
    overdue: int
    weeks: list[int]

    @property
    def total(self) -> int:
        return self.overdue + sum(self.weeks)


def week_start(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def designer_load(
    *, today: datetime.date, weeks: int = 8
) -> tuple[list[datetime.date], list[LoadRow]]:
    """Open requests per designer by the week of their deadline (and those overdue).

    One grouped query over open requests with a deadline before the horizon."""
    first = week_start(today)
    starts = [first + datetime.timedelta(weeks=n) for n in range(weeks)]
    horizon = first + datetime.timedelta(weeks=weeks)
    grouped = (
        DesignRequest.objects.filter(status__in=DesignRequest.OPEN_STATUSES, deadline__lt=horizon)
        .values_list("designer", "deadline")
        .annotate(n=Count("pk"))
        .order_by()
    )
    table: dict[int | None, LoadRow] = defaultdict(lambda: LoadRow(None, 0, [0] * weeks))
    for designer_id, deadline, count in grouped:
        row = table[designer_id]
        if deadline < today:
            row.overdue += count
        else:
            row.weeks[(week_start(deadline) - first).days // 7] += count
    people = User.objects.in_bulk([pk for pk in table if pk is not None])
    rows = []
    for designer_id, row in table.items():
        row.designer = people.get(designer_id)
        rows.append(row)
    rows.sort(
        key=lambda row: (row.designer is None, row.designer.get_full_name() if row.designer else "")
    )
    return starts, rows


def requests_of_event(event) -> QuerySet[DesignRequest]:
    return (
        DesignRequest.objects.filter(event=event)
        .select_related("designer")
        .order_by("deadline", "pk")
    )
