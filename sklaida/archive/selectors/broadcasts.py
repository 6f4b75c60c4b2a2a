"""Reading live broadcasts: the register's list and one broadcast (3.1)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet, Sum

from sklaida.archive.models import Broadcast


@dataclass(frozen=True)
class BroadcastFilter:
    q: str = ""
    platform: str = ""
    year: int | None = None


def broadcast_list(*, criteria: BroadcastFilter) -> QuerySet[Broadcast]:
    """Broadcasts newest first, each with its event and recording."""
    broadcasts = Broadcast.objects.select_related("event", "recording")
    if criteria.q:
        broadcasts = broadcasts.filter(Q(event__title__icontains=criteria.q))
    if criteria.platform:
        broadcasts = broadcasts.filter(platform=criteria.platform)
    if criteria.year:
        broadcasts = broadcasts.filter(starts_at__year=criteria.year)
    return broadcasts.order_by("-starts_at", "-pk")


def broadcast_totals(*, criteria: BroadcastFilter) -> dict[str, int]:
    """How many broadcasts match and how many viewers they had together."""
    totals = (
        broadcast_list(criteria=criteria)
        .order_by()
        .aggregate(broadcasts=Count("pk"), viewers=Sum("total_viewers"))
    )
    return {"broadcasts": totals["broadcasts"], "viewers": totals["viewers"] or 0}


def broadcast_detail(*, pk: int) -> Broadcast:
    return Broadcast.objects.select_related("event", "event__library", "recording").get(pk=pk)


def broadcasts_of_event(*, event_id: int) -> list[Broadcast]:
    """An event's broadcasts, for its page."""
    return list(
        Broadcast.objects.filter(event_id=event_id)
        .select_related("recording")
        .order_by("starts_at", "pk")
    )
