"""Public reads of the calendar: which events the public sees, filtered, by month, one by slug.

Each function returns a queryset whose related rows come in a fixed number of queries, so
a page costs the same with ten events or ten thousand.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from sklaida.contacts.models import Organisation
from sklaida.core import search
from sklaida.events.models import Audience, Event
from sklaida.events.search import PUBLIC_KIND

PUBLIC_STATUSES = (
    Event.Status.ANNOUNCED,
    Event.Status.HELD,
    Event.Status.REPORTED,
    Event.Status.CANCELLED,
)
# How far back a calendar subscription keeps events (so a just-held event does not vanish).
FEED_DAYS_BACK = 30
# A feed is a subscription, not an archive: the most events one download carries.
FEED_LIMIT = 1000


@dataclass(frozen=True)
class PublicFilter:
    event_type: str = ""
    audience: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    query: str = ""


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def public_events() -> QuerySet[Event]:
    """Events shown to the public: marked public, announced once, and not withdrawn.

    A cancelled event stays visible (marked cancelled), so that people who planned to
    come learn it will not take place.
    """
    return Event.objects.filter(
        is_public=True, announced_at__isnull=False, status__in=PUBLIC_STATUSES
    )


# The picture chosen from the archive, with its asset and creator, comes in the same query.
ILLUSTRATION = ("illustration__asset__creator",)


def _with_display_relations(events: QuerySet[Event]) -> QuerySet[Event]:
    return events.select_related("space", "library", *ILLUSTRATION).prefetch_related(
        Prefetch("audiences", queryset=Audience.objects.order_by("pk"))
    )


def _filtered(
    events: QuerySet[Event], criteria: PublicFilter, *, search_too: bool = True
) -> QuerySet[Event]:
    if search_too and criteria.query:
        events = search.matching(events, criteria.query, kind=PUBLIC_KIND)
    if criteria.event_type:
        events = events.filter(event_type=criteria.event_type)
    if criteria.audience:
        events = events.filter(audiences__code=criteria.audience)
    if criteria.date_from:
        events = events.filter(ends_at__gte=_day_start(criteria.date_from))
    if criteria.date_to:
        events = events.filter(
            starts_at__lt=_day_start(criteria.date_to + datetime.timedelta(days=1))
        )
    return events


def upcoming_events(*, criteria: PublicFilter, now: datetime.datetime) -> QuerySet[Event]:
    """The list view: events not yet over, or those of the dates asked for; with a search,
    the best matches first, then the soonest."""
    events = public_events()
    if not criteria.date_from:
        events = events.filter(ends_at__gte=now)
    events = _with_display_relations(_filtered(events, criteria, search_too=False))
    return search.ordered(events, criteria.query, "starts_at", "pk", kind=PUBLIC_KIND)


def feed_events(*, criteria: PublicFilter, now: datetime.datetime) -> QuerySet[Event]:
    """A calendar feed: the last FEED_DAYS_BACK days and everything ahead, or the dates asked."""
    events = public_events()
    if not criteria.date_from:
        events = events.filter(ends_at__gte=now - datetime.timedelta(days=FEED_DAYS_BACK))
    return (
        _filtered(events, criteria)
        .select_related("space", "library")
        .order_by("starts_at", "pk")[:FEED_LIMIT]
    )


@dataclass(frozen=True)
class MonthDay:
    day: datetime.date
    in_month: bool
    events: list[Event]


@dataclass(frozen=True)
class Month:
    first: datetime.date
    weeks: list[list[MonthDay]]
    # Events that run over several days (exhibitions), listed once beside the grid.
    running: list[Event]
    previous: datetime.date
    next: datetime.date

    @property
    def weekdays(self) -> list[datetime.date]:
        return [day.day for day in self.weeks[0]]

    @property
    def is_empty(self) -> bool:
        return not self.running and not any(d.events for week in self.weeks for d in week)


def _runs_several_days(event: Event) -> bool:
    last_moment = event.ends_at - datetime.timedelta(microseconds=1)
    return timezone.localdate(event.starts_at) != timezone.localdate(last_moment)


def month_of_events(*, year: int, month: int, criteria: PublicFilter) -> Month:
    """The month grid (weeks from Monday) with each day's events, starting on that day."""
    first = datetime.date(year, month, 1)
    after = (first + datetime.timedelta(days=31)).replace(day=1)
    events = list(
        _with_display_relations(
            _filtered(public_events(), criteria).filter(
                starts_at__lt=_day_start(after), ends_at__gt=_day_start(first)
            )
        ).order_by("starts_at", "pk")
    )
    by_day: dict[datetime.date, list[Event]] = {}
    running = []
    for event in events:
        if _runs_several_days(event):
            running.append(event)
        else:
            by_day.setdefault(timezone.localdate(event.starts_at), []).append(event)
    weeks = [
        [
            MonthDay(day, day.month == month, by_day.get(day, []) if day.month == month else [])
            for day in week
        ]
        for week in calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(year, month)
    ]
    return Month(
        first=first,
        weeks=weeks,
        running=running,
        previous=(first - datetime.timedelta(days=1)).replace(day=1),
        next=after,
    )


def public_event(*, slug: str) -> Event:
    """One public event with everything its page shows; Event.DoesNotExist otherwise."""
    return (
        public_events()
        .select_related("space", "library", *ILLUSTRATION)
        .prefetch_related(
            Prefetch("audiences", queryset=Audience.objects.order_by("pk")),
            Prefetch("partners", queryset=Organisation.objects.order_by("name")),
        )
        .get(slug=slug)
    )


def registration_is_open(event: Event, *, now: datetime.datetime) -> bool:
    """Whether the public may sign up now (a full event still takes the waiting list)."""
    return (
        event.registration != Event.Registration.NONE
        and event.status == Event.Status.ANNOUNCED
        and event.starts_at > now
        and (event.registration_closes_at is None or event.registration_closes_at > now)
    )
