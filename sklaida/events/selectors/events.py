"""Staff reads of events: the filtered list and one event with everything its page shows."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from sklaida.core import search
from sklaida.core.models import User
from sklaida.core.permissions import visible_to
from sklaida.events.models import Event, ProvisionItem


@dataclass(frozen=True)
class EventFilter:
    q: str = ""
    event_type: str = ""
    status: str = ""
    space: int | None = None
    responsible: int | None = None
    library: int | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def event_list(*, user: User, criteria: EventFilter) -> QuerySet[Event]:
    """The events the user may see that meet every criterion: in date order, or with a
    search text the best matches first (then the latest)."""
    events = visible_to(user, Event.objects.all())
    for name in ("event_type", "status"):
        if getattr(criteria, name):
            events = events.filter(**{name: getattr(criteria, name)})
    for name in ("space", "responsible", "library"):
        if getattr(criteria, name):
            events = events.filter(**{f"{name}_id": getattr(criteria, name)})
    if criteria.date_from:
        events = events.filter(ends_at__gte=_day_start(criteria.date_from))
    if criteria.date_to:
        events = events.filter(
            starts_at__lt=_day_start(criteria.date_to + datetime.timedelta(days=1))
        )
    events = events.select_related("space", "responsible", "library")
    if search.query_words(criteria.q):
        return search.ordered(events, criteria.q)
    return events.order_by("starts_at", "pk")


def event_for(*, user: User, pk: int) -> Event:
    """One event the user may see; Event.DoesNotExist for another library's."""
    return (
        visible_to(user, Event.objects.all())
        .select_related(
            "space",
            "library",
            "responsible",
            "planned_activity__plan",
            "series",
            "curator",
            "opening_event",
        )
        .prefetch_related(
            "audiences",
            "organisers",
            "partners",
            "performers",
            "exhibits",
            "attendance__audience",
            "visitor_counts",
            Prefetch(
                "provision_items",
                queryset=ProvisionItem.objects.select_related("task__owner"),
            ),
        )
        .get(pk=pk)
    )
