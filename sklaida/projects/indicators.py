"""A project's indicators, planned against achieved (5.1): the counted ones read the events
linked to the project's activities, the others keep what staff typed.

An event counts once for a project however many of its activities it realises, and only
once it has been held: not cancelled and already started (an event that has started but
whose status still says "announced" was held all the same — staff mark statuses late).
Participants come from the events' attendance rows (on site; online = live viewers plus
recording views), summed in the database. The whole table costs three queries, whatever
the number of indicators, activities or events.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from sklaida.events.models import Attendance, Event
from sklaida.projects.models import Indicator, Project

Source = Indicator.Source


@dataclass(frozen=True)
class EventTotals:
    """What the linked events achieved: how many were held and who came."""

    events_held: int = 0
    on_site: int = 0
    online: int = 0

    def value_for(self, source: str) -> int | None:
        return {
            Source.EVENTS: self.events_held,
            Source.PARTICIPANTS: self.on_site,
            Source.ONLINE: self.online,
        }.get(source)


@dataclass(frozen=True)
class IndicatorProgress:
    indicator: Indicator
    achieved: int | None

    @property
    def is_counted(self) -> bool:
        """Read from the linked events rather than typed."""
        return self.indicator.source != Source.MANUAL

    @property
    def percent(self) -> int | None:
        """Achieved as a whole percentage of planned (None when nothing was planned or
        nothing entered yet)."""
        if self.achieved is None or not self.indicator.planned:
            return None
        return round(self.achieved * 100 / self.indicator.planned)

    @property
    def is_met(self) -> bool:
        return self.achieved is not None and self.achieved >= self.indicator.planned


def held_linked_events(project: Project) -> QuerySet[Event]:
    """The events realising the project's activities that have taken place, each once."""
    return (
        Event.objects.filter(project_activities__project=project, starts_at__lte=timezone.now())
        .exclude(status=Event.Status.CANCELLED)
        .distinct()
    )


def linked_event_totals(project: Project) -> EventTotals:
    """Two queries: the held events counted, their attendance summed."""
    held = held_linked_events(project)
    events_held = held.count()
    # The attendance of each held event once, even when two activities link it.
    sums = Attendance.objects.filter(event__in=held.values("pk")).aggregate(
        on_site=Coalesce(Sum("on_site"), 0),
        live=Coalesce(Sum("live_viewers"), 0),
        recordings=Coalesce(Sum("recording_views"), 0),
    )
    return EventTotals(
        events_held=events_held,
        on_site=sums["on_site"],
        online=sums["live"] + sums["recordings"],
    )


def indicator_progress(project: Project) -> list[IndicatorProgress]:
    """Every indicator of the project with its achieved value, in their order."""
    indicators = list(project.indicators.all())
    counted = any(indicator.source != Source.MANUAL for indicator in indicators)
    totals = linked_event_totals(project) if counted else EventTotals()
    return [
        IndicatorProgress(
            indicator=indicator,
            achieved=(
                indicator.achieved_entered
                if indicator.source == Source.MANUAL
                else totals.value_for(indicator.source)
            ),
        )
        for indicator in indicators
    ]
