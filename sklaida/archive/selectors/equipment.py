"""Reading the equipment inventory, its bookings and the improvement proposals (3.3)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, OuterRef, QuerySet, Subquery, Sum
from django.urls import NoReverseMatch
from django.utils.text import capfirst

from sklaida.archive.models import Proposal
from sklaida.core import search
from sklaida.core.models import Booking, Equipment

PAST_BOOKINGS_SHOWN = 20


@dataclass(frozen=True)
class EquipmentFilter:
    q: str = ""
    kind: str = ""
    condition: str = ""
    location: str = ""
    in_use: bool | None = None


@dataclass(frozen=True)
class InventoryTotals:
    items: int
    value: Decimal
    without_value: int


def inventory(*, criteria: EquipmentFilter) -> QuerySet[Equipment]:
    """The inventory items that match, ordered by type and name."""
    items = Equipment.objects.all()
    for name in ("kind", "condition", "location"):
        if getattr(criteria, name):
            items = items.filter(**{name: getattr(criteria, name)})
    if criteria.in_use is not None:
        items = items.filter(is_active=criteria.in_use)
    # With a search text (name, inventory or serial number, place, notes) best first.
    return search.ordered(items, criteria.q, "kind", "name", "pk")


def inventory_list(*, criteria: EquipmentFilter, now: datetime.datetime) -> QuerySet[Equipment]:
    """The list page's rows: each item with its library and the start of its next booking."""
    next_booking = (
        Booking.objects.filter(equipment=OuterRef("pk"), ends_at__gt=now)
        .order_by("starts_at")
        .values("starts_at")[:1]
    )
    return (
        inventory(criteria=criteria)
        .select_related("library")
        .annotate(next_booking_at=Subquery(next_booking))
    )


def inventory_totals(*, criteria: EquipmentFilter) -> InventoryTotals:
    """How many items match and what they are worth together (one query)."""
    totals = inventory(criteria=criteria).aggregate(
        items=Count("pk"), total_value=Sum("value"), valued=Count("value")
    )
    return InventoryTotals(
        items=totals["items"],
        value=totals["total_value"] or Decimal(0),
        without_value=totals["items"] - totals["valued"],
    )


def locations() -> list[str]:
    """Where items are kept, for the list's filter."""
    return list(
        Equipment.objects.exclude(location="")
        .order_by("location")
        .values_list("location", flat=True)
        .distinct()
    )


@dataclass(frozen=True)
class BookingRow:
    """A booking and what holds it: an event or a tour (named and linked), or nothing when
    the item was booked on its own page."""

    booking: Booking
    holder: object | None
    holder_kind: str
    holder_url: str


@dataclass(frozen=True)
class ItemBookings:
    upcoming: list[BookingRow]
    past: list[BookingRow]


def _row(booking: Booking) -> BookingRow:
    holder = booking.target
    if holder is None:
        return BookingRow(booking=booking, holder=None, holder_kind="", holder_url="")
    try:
        url = holder.get_absolute_url()
    except (AttributeError, NoReverseMatch):
        url = ""
    return BookingRow(
        booking=booking,
        holder=holder,
        holder_kind=capfirst(holder._meta.verbose_name),
        holder_url=url,
    )


def bookings_of_item(*, item: Equipment, now: datetime.datetime) -> ItemBookings:
    """An item's coming bookings and its latest past ones, each with what holds it."""
    bookings = Booking.objects.filter(equipment=item).prefetch_related("target")
    upcoming = bookings.filter(ends_at__gt=now).order_by("starts_at", "pk")
    past = bookings.filter(ends_at__lte=now).order_by("-starts_at", "-pk")[:PAST_BOOKINGS_SHOWN]
    return ItemBookings(
        upcoming=[_row(booking) for booking in upcoming],
        past=[_row(booking) for booking in past],
    )


def proposals_of_item(*, item: Equipment) -> list[Proposal]:
    return list(item.replacement_proposals.select_related("proposed_by").order_by("-created_at"))


def proposal_list(*, status: str = "") -> QuerySet[Proposal]:
    proposals = Proposal.objects.select_related("replaces", "proposed_by", "decided_by")
    if status:
        proposals = proposals.filter(status=status)
    return proposals.order_by("-created_at", "-pk")


def proposal_counts() -> dict[str, int]:
    """How many proposals are in each status (for the status tabs)."""
    return dict(
        Proposal.objects.values_list("status").annotate(count=Count("pk")).order_by("status")
    )


def item_with_relations(*, pk: int) -> Equipment:
    return Equipment.objects.select_related("library").get(pk=pk)


def proposal_detail(*, pk: int) -> Proposal:
    return Proposal.objects.select_related("replaces", "proposed_by", "decided_by").get(pk=pk)
