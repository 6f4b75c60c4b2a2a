"""Events statistics of a period: the one query the statistics page and the annual report share."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext

from sklaida.core.models import Library
from sklaida.events.models import (
    Attendance,
    AudienceGroup,
    Event,
    EventType,
    TourBooking,
    VisitorCount,
)

COUNTED_STATUSES = (Event.Status.HELD, Event.Status.REPORTED)


@dataclass(frozen=True)
class Participants:
    """Participants of events; `online` is counted as the national library statistics do."""

    on_site: int = 0
    live_viewers: int = 0
    recording_views: int = 0

    @property
    def online(self) -> int:
        return self.live_viewers + self.recording_views

    @property
    def total(self) -> int:
        return self.on_site + self.online

    def __add__(self, other: Participants) -> Participants:
        return Participants(
            on_site=self.on_site + other.on_site,
            live_viewers=self.live_viewers + other.live_viewers,
            recording_views=self.recording_views + other.recording_views,
        )


@dataclass(frozen=True)
class TypeRow:
    event_type: str
    label: str
    events: int
    participants: Participants


@dataclass(frozen=True)
class AudienceRow:
    """One audience group; `audience` is None for events and counts without a group."""

    audience: str | None
    label: str
    events: int
    participants: Participants


@dataclass(frozen=True)
class PeriodStatistics:
    date_from: datetime.date
    date_to: datetime.date
    library: Library | None
    by_type: list[TypeRow]
    by_audience: list[AudienceRow]
    events: int
    participants: Participants
    exhibitions: int
    exhibition_visitors: int
    tours: int
    tour_participants: int

    @property
    def on_site(self) -> int:
        return self.participants.on_site

    @property
    def online(self) -> int:
        return self.participants.online


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def counted_events(
    *, date_from: datetime.date, date_to: datetime.date, library: Library | None = None
) -> QuerySet[Event]:
    """Events held or reported that started in the period (Vilnius days, both ends included)."""
    events = Event.objects.filter(
        status__in=COUNTED_STATUSES,
        starts_at__gte=_day_start(date_from),
        starts_at__lt=_day_start(date_to + datetime.timedelta(days=1)),
    )
    if library is not None:
        events = events.filter(library=library)
    return events


def _participants(row: dict) -> Participants:
    return Participants(
        on_site=row["on_site"] or 0,
        live_viewers=row["live_viewers"] or 0,
        recording_views=row["recording_views"] or 0,
    )


PARTICIPANT_SUMS = {
    "on_site": Sum("on_site"),
    "live_viewers": Sum("live_viewers"),
    "recording_views": Sum("recording_views"),
}


def period_statistics(
    *, date_from: datetime.date, date_to: datetime.date, library: Library | None = None
) -> PeriodStatistics:
    """The events, participants, exhibitions and tours of a period, for one library or all.

    What is counted:

    - Events: status held or reported and a start within the period; planned, confirmed,
      announced and cancelled events never count, whatever their dates.
    - Participants on site: the attendance entered for those events.
    - Participants online (virtual participation, as the national library statistics
      count it): live stream viewers plus views of the recording within its counting
      period after the event (`Attendance.online`); a hybrid event adds to both.
    - By type: each event once, under its type. By audience: an event counts under every
      audience group it was meant for, so those counts add up to more than the events;
      participants count under the group their attendance was entered for, and
      attendance not split by group (and events without a group) under "not given".
    - Exhibitions: exhibitions counted as events above (opened in the period); their
      visitors: every visitor count dated within the period, of an exhibition that was
      not cancelled, so a long exhibition's visitors fall into the period they came in.
    - Tours: tours with status held that started in the period; participants as recorded
      after the tour, or the group's announced size when nobody recorded them.

    Seven queries whatever the period's size.
    """
    events = counted_events(date_from=date_from, date_to=date_to, library=library)
    attendance = Attendance.objects.filter(event__in=events)

    events_by_type = dict(
        events.values_list("event_type").annotate(count=Count("pk")).order_by("event_type")
    )
    participants_by_type = {
        row["event__event_type"]: _participants(row)
        for row in attendance.values("event__event_type")
        .annotate(**PARTICIPANT_SUMS)
        .order_by("event__event_type")
    }
    by_type = [
        TypeRow(
            event_type=value,
            label=str(label),
            events=events_by_type.get(value, 0),
            participants=participants_by_type.get(value, Participants()),
        )
        for value, label in EventType.choices
    ]

    events_by_audience = dict(
        Event.audiences.through.objects.filter(event__in=events)
        .values_list("audience__code")
        .annotate(count=Count("event", distinct=True))
        .order_by("audience__code")
    )
    events_without_audience = events.filter(audiences__isnull=True).count()
    participants_by_audience = {
        row["audience__code"]: _participants(row)
        for row in attendance.values("audience__code")
        .annotate(**PARTICIPANT_SUMS)
        .order_by("audience__code")
    }
    by_audience = [
        AudienceRow(
            audience=value,
            label=str(label),
            events=events_by_audience.get(value, 0),
            participants=participants_by_audience.get(value, Participants()),
        )
        for value, label in AudienceGroup.choices
    ]
    unsplit = participants_by_audience.get(None, Participants())
    if events_without_audience or unsplit.total:
        by_audience.append(
            AudienceRow(
                audience=None,
                label=gettext("Audience not given"),
                events=events_without_audience,
                participants=unsplit,
            )
        )

    visitors = VisitorCount.objects.filter(
        counted_on__gte=date_from,
        counted_on__lte=date_to,
        exhibition__event_type=EventType.EXHIBITION,
    ).exclude(exhibition__status=Event.Status.CANCELLED)
    tours = TourBooking.objects.filter(
        status=TourBooking.Status.HELD,
        starts_at__gte=_day_start(date_from),
        starts_at__lt=_day_start(date_to + datetime.timedelta(days=1)),
    )
    if library is not None:
        visitors = visitors.filter(exhibition__library=library)
        tours = tours.filter(library=library)
    tour_totals = tours.aggregate(
        count=Count("pk"), participants=Sum(Coalesce("participants", "group_size"))
    )

    return PeriodStatistics(
        date_from=date_from,
        date_to=date_to,
        library=library,
        by_type=by_type,
        by_audience=by_audience,
        events=sum(events_by_type.values()),
        participants=sum(participants_by_type.values(), Participants()),
        exhibitions=events_by_type.get(EventType.EXHIBITION, 0),
        exhibition_visitors=visitors.aggregate(total=Sum("visitors"))["total"] or 0,
        tours=tour_totals["count"],
        tour_participants=tour_totals["participants"] or 0,
    )
