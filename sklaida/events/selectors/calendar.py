"""The staff calendar: every event and confirmed tour of a month or week, as calendar entries."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q
from django.urls import NoReverseMatch
from django.utils import timezone

from sklaida.core import calendars
from sklaida.core.models import Booking, Equipment, User
from sklaida.core.permissions import Capability, Role, has_capability, roles_of, visible_to
from sklaida.events.models import Event, EventType, TourBooking

# Events that have taken place or were cancelled stay where they were.
UNMOVABLE = frozenset({Event.Status.HELD, Event.Status.REPORTED, Event.Status.CANCELLED})
# The hours a week shows at least; an earlier or later entry widens them.
DAY_STARTS, DAY_ENDS = 8, 21


@dataclass(frozen=True)
class CalendarFilter:
    event_type: str = ""
    space: int | None = None
    responsible: int | None = None
    status: str = ""


@dataclass
class Entry:
    """One event or tour as the calendar shows it (local times)."""

    kind: str  # "event" or "tour"
    pk: int
    title: str
    url: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    blocked_from: datetime.datetime
    blocked_until: datetime.datetime
    type_label: str
    status: str
    status_label: str
    place: str
    responsible: str
    movable: bool = False

    @property
    def day(self) -> datetime.date:
        return self.starts_at.date()

    @property
    def spans_days(self) -> bool:
        return self.ends_at.date() > self.starts_at.date() and not (
            self.ends_at.time() == datetime.time.min
            and self.ends_at.date() == self.starts_at.date() + datetime.timedelta(days=1)
        )

    @property
    def has_setup(self) -> bool:
        return self.blocked_from < self.starts_at

    @property
    def has_teardown(self) -> bool:
        return self.blocked_until > self.ends_at


@dataclass
class HourRow:
    hour: int
    cells: list[tuple[datetime.date, list[tuple[str, Entry]]]]


@dataclass
class Period:
    """What one page of the calendar shows."""

    view: str
    first: datetime.date  # first day shown in the period (month's 1st or the Monday)
    last: datetime.date  # last day of the period
    previous: datetime.date
    next: datetime.date
    entries: list[Entry]
    continuing: list[Entry]  # long runs (exhibitions) that began before the period
    weeks: list[list[calendars.Day]] = field(default_factory=list)
    days: list[calendars.Day] = field(default_factory=list)
    hours: list[HourRow] = field(default_factory=list)

    @property
    def days_with_entries(self) -> list[calendars.Day]:
        return [day for day in self.days if day.entries]


def _aware(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def may_move(user: User, library_id: int) -> bool:
    """Department workers move any event; a territory specialist her library's."""
    if has_capability(user, Capability.WORK_IN_DEPARTMENT):
        return True
    return Role.TERRITORY in roles_of(user) and library_id == user.library_id


def _place(space, venue: str = "", fallback: str = "") -> str:
    if space is not None:
        return space.name
    return venue or fallback


def _event_entries(
    user: User, start: datetime.datetime, end: datetime.datetime, criteria: CalendarFilter
) -> list[Entry]:
    events = visible_to(user, Event.objects.all()).filter(starts_at__lt=end, ends_at__gt=start)
    if criteria.event_type:
        events = events.filter(event_type=criteria.event_type)
    if criteria.status:
        events = events.filter(status=criteria.status)
    if criteria.space:
        events = events.filter(space_id=criteria.space)
    if criteria.responsible:
        events = events.filter(
            Q(responsible_id=criteria.responsible) | Q(organisers__id=criteria.responsible)
        ).distinct()
    entries = []
    for event in events.select_related("space", "responsible").order_by("starts_at", "pk"):
        entries.append(
            Entry(
                kind="event",
                pk=event.pk,
                title=event.title,
                url=event.get_absolute_url(),
                starts_at=timezone.localtime(event.starts_at),
                ends_at=timezone.localtime(event.ends_at),
                blocked_from=timezone.localtime(event.blocked_from),
                blocked_until=timezone.localtime(event.blocked_until),
                type_label=str(event.get_event_type_display()),
                status=event.status,
                status_label=str(event.get_status_display()),
                place=_place(event.space, event.venue, str(event.get_format_display())),
                responsible=str(event.responsible),
                movable=event.status not in UNMOVABLE and may_move(user, event.library_id),
            )
        )
    return entries


def _tour_url(tour: TourBooking) -> str:
    try:
        return tour.get_absolute_url()
    except NoReverseMatch:  # the tour pages come with the tours part of the events app
        return ""


def _tour_entries(
    user: User, start: datetime.datetime, end: datetime.datetime, criteria: CalendarFilter
) -> list[Entry]:
    if criteria.event_type and criteria.event_type != EventType.EXCURSION:
        return []
    if criteria.status and criteria.status != Event.Status.CONFIRMED:
        return []
    tours = visible_to(user, TourBooking.objects.all()).filter(
        status=TourBooking.Status.CONFIRMED,
        starts_at__lt=end,
        ends_at__gt=start,
        starts_at__isnull=False,
        ends_at__isnull=False,
    )
    if criteria.space:
        tours = tours.filter(space_id=criteria.space)
    if criteria.responsible:
        tours = tours.filter(guide_id=criteria.responsible)
    entries = []
    for tour in tours.select_related("space", "guide").order_by("starts_at", "pk"):
        starts, ends = timezone.localtime(tour.starts_at), timezone.localtime(tour.ends_at)
        entries.append(
            Entry(
                kind="tour",
                pk=tour.pk,
                title=str(tour),
                url=_tour_url(tour),
                starts_at=starts,
                ends_at=ends,
                blocked_from=starts,
                blocked_until=ends,
                type_label=str(EventType.EXCURSION.label),
                status=tour.status,
                status_label=str(tour.get_status_display()),
                place=_place(tour.space),
                responsible=str(tour.guide) if tour.guide else "",
            )
        )
    return entries


def entries_between(
    *, user: User, first: datetime.date, last: datetime.date, criteria: CalendarFilter
) -> list[Entry]:
    """Events (every status) and confirmed tours that touch the days first…last."""
    start, end = _aware(first), _aware(last + datetime.timedelta(days=1))
    entries = _event_entries(user, start, end, criteria) + _tour_entries(user, start, end, criteria)
    return sorted(entries, key=lambda entry: (entry.starts_at, entry.kind, entry.pk))


def month(
    *, user: User, day: datetime.date, criteria: CalendarFilter, today: datetime.date
) -> Period:
    """The month of `day`, as whole weeks from Monday to Sunday."""
    first, last = calendars.month_bounds(day)
    grid_first, grid_last = calendars.grid_bounds(first, last)
    entries = entries_between(user=user, first=grid_first, last=grid_last, criteria=criteria)
    shown = [entry for entry in entries if grid_first <= entry.day]
    grid = calendars.days(grid_first, grid_last, shown, today=today, period=(first, last))
    in_month = [entry for entry in entries if first <= entry.day <= last]
    return Period(
        view="month",
        first=first,
        last=last,
        previous=(first - datetime.timedelta(days=1)).replace(day=1),
        next=last + datetime.timedelta(days=1),
        entries=in_month,
        continuing=[
            entry for entry in entries if entry.day < first and entry.ends_at.date() >= first
        ],
        weeks=calendars.weeks(grid),
        days=[d for d in grid if d.in_period],
    )


def _blocks(entry: Entry) -> list[tuple[datetime.datetime, str]]:
    """Where a week shows an entry: its set-up, the entry itself, its tear-down."""
    blocks = []
    if entry.has_setup:
        blocks.append((entry.blocked_from, "setup"))
    blocks.append((entry.starts_at, "entry"))
    if entry.has_teardown:
        blocks.append((entry.ends_at, "teardown"))
    return blocks


def week(
    *, user: User, day: datetime.date, criteria: CalendarFilter, today: datetime.date
) -> Period:
    """The week (Monday to Sunday) of `day` by hours; set-up and tear-down as blocked time."""
    first, last = calendars.week_bounds(day)
    entries = entries_between(user=user, first=first, last=last, criteria=criteria)
    timed = [entry for entry in entries if first <= entry.day and not entry.spans_days]
    cells: dict[tuple[datetime.date, int], list[tuple[str, Entry]]] = {}
    hours = set(range(DAY_STARTS, DAY_ENDS + 1))
    for entry in timed:
        for moment, part in _blocks(entry):
            if first <= moment.date() <= last:
                cells.setdefault((moment.date(), moment.hour), []).append((part, entry))
                hours.add(moment.hour)
    days = calendars.days(first, last, timed, today=today)
    rows = [
        HourRow(hour=hour, cells=[(d.date, cells.get((d.date, hour), [])) for d in days])
        for hour in range(min(hours), max(hours) + 1)
    ]
    return Period(
        view="week",
        first=first,
        last=last,
        previous=first - datetime.timedelta(days=7),
        next=first + datetime.timedelta(days=7),
        entries=[entry for entry in entries if first <= entry.day],
        continuing=[entry for entry in entries if entry.day < first or entry.spans_days],
        days=days,
        hours=rows,
    )


@dataclass
class BookingRow:
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    purpose: str
    url: str
    conflicts: bool = False


@dataclass
class EquipmentRow:
    item: Equipment
    bookings: list[BookingRow]

    @property
    def conflict_count(self) -> int:
        return sum(1 for booking in self.bookings if booking.conflicts)


def _holder_url(holder) -> str:
    if holder is None:
        return ""
    try:
        return holder.get_absolute_url()
    except (AttributeError, NoReverseMatch):
        return ""


def equipment_schedule(*, now: datetime.datetime) -> list[EquipmentRow]:
    """Every equipment item in use with its bookings from now on; overlapping ones marked."""
    upcoming = (
        Booking.objects.filter(ends_at__gt=now)
        .order_by("starts_at", "pk")
        .prefetch_related("target")
    )
    items = (
        Equipment.objects.filter(is_active=True)
        .select_related("library")
        .prefetch_related(Prefetch("bookings", queryset=upcoming, to_attr="upcoming"))
        .order_by("kind", "name", "pk")
    )
    rows = []
    for item in items:
        bookings = [
            BookingRow(
                starts_at=timezone.localtime(booking.starts_at),
                ends_at=timezone.localtime(booking.ends_at),
                purpose=booking.title,
                url=_holder_url(booking.target),
            )
            for booking in item.upcoming
        ]
        # Sorted by start: a booking conflicts with a later one that starts before it ends.
        latest_end, latest_row = None, None
        for row in bookings:
            if latest_end is not None and row.starts_at < latest_end:
                row.conflicts = latest_row.conflicts = True
            if latest_end is None or row.ends_at > latest_end:
                latest_end, latest_row = row.ends_at, row
        rows.append(EquipmentRow(item=item, bookings=bookings))
    return rows
