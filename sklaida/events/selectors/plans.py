"""Reads of cultural activity plans: the list and one plan against what was held (plan vs actual).

Counting rules (the plan screen, its XLSX and PDF all use `plan_overview`):

- An event realises a planned activity when it points to it (`Event.planned_activity`);
  it counts as *held* when its status is held or reported. Cancelled events never count.
- An activity's completion is held / planned, in whole per cent, capped at 100.
- A quarter's and the plan's completion add up, per activity, the held events but at most
  as many as were planned (ten readings of one activity do not make up for a concert that
  never took place), over the planned number of the activities that were not dropped.
- An activity is *overdue* when its period ended before today, fewer events were held than
  planned and it has not been dropped from the plan.
- Dropped activities stay in the table (marked) but count in no total or budget.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sklaida.events.models import ActivityPlan, Event, PlannedActivity

HELD_STATUSES = (Event.Status.HELD, Event.Status.REPORTED)
UPCOMING_STATUSES = (Event.Status.PLANNED, Event.Status.CONFIRMED, Event.Status.ANNOUNCED)
QUARTERS = (1, 2, 3, 4)
QUARTER_NAMES = {
    1: _("First quarter"),
    2: _("Second quarter"),
    3: _("Third quarter"),
    4: _("Fourth quarter"),
}


def completion(held: int, planned: int) -> int | None:
    """Held of planned in whole per cent, at most 100; None when nothing was planned."""
    if planned <= 0:
        return None
    return min(100, round(100 * held / planned))


@dataclass(frozen=True)
class ActivityProgress:
    activity: PlannedActivity
    events: list[Event]
    held: int
    next_event: Event | None
    is_overdue: bool

    @property
    def planned(self) -> int:
        return self.activity.planned_count

    @property
    def is_dropped(self) -> bool:
        return self.activity.is_cancelled

    @property
    def completion(self) -> int | None:
        return completion(self.held, self.planned)

    @property
    def held_towards_plan(self) -> int:
        """What this activity adds to its quarter's and the plan's completion."""
        return 0 if self.is_dropped else min(self.held, self.planned)


@dataclass(frozen=True)
class Totals:
    planned: int = 0
    held: int = 0
    held_towards_plan: int = 0
    budget: Decimal = Decimal("0.00")
    overdue: int = 0

    @property
    def completion(self) -> int | None:
        return completion(self.held_towards_plan, self.planned)

    @classmethod
    def of(cls, rows: list[ActivityProgress]) -> Totals:
        counted = [row for row in rows if not row.is_dropped]
        return cls(
            planned=sum(row.planned for row in counted),
            held=sum(row.held for row in counted),
            held_towards_plan=sum(row.held_towards_plan for row in counted),
            budget=sum((row.activity.budget or Decimal("0") for row in counted), Decimal("0.00")),
            overdue=sum(1 for row in counted if row.is_overdue),
        )


@dataclass(frozen=True)
class QuarterOverview:
    number: int
    activities: list[ActivityProgress]
    totals: Totals

    @property
    def name(self) -> str:
        return str(QUARTER_NAMES[self.number])


@dataclass(frozen=True)
class PlanOverview:
    plan: ActivityPlan
    quarters: list[QuarterOverview]
    totals: Totals
    today: datetime.date = field(compare=False)

    @property
    def activities(self) -> list[ActivityProgress]:
        return [row for quarter in self.quarters for row in quarter.activities]


def plan_list() -> QuerySet[ActivityPlan]:
    """Every year's plan, newest first, with how many activities it holds."""
    return ActivityPlan.objects.annotate(
        activity_count=Count("activities", filter=Q(activities__is_cancelled=False)),
        planned_events=Sum("activities__planned_count", filter=Q(activities__is_cancelled=False)),
    ).order_by("-year")


def _progress(
    activity: PlannedActivity, *, today: datetime.date, now: datetime.datetime
) -> ActivityProgress:
    events = list(activity.events.all())
    held = sum(1 for event in events if event.status in HELD_STATUSES)
    upcoming = [
        event for event in events if event.status in UPCOMING_STATUSES and event.starts_at >= now
    ]
    return ActivityProgress(
        activity=activity,
        events=events,
        held=held,
        next_event=min(upcoming, key=lambda event: event.starts_at, default=None),
        is_overdue=(
            not activity.is_cancelled and activity.ends_on < today and held < activity.planned_count
        ),
    )


def plan_overview(
    *, plan_id: int, today: datetime.date | None = None, now: datetime.datetime | None = None
) -> PlanOverview:
    """One plan by quarters with each activity's events, completion and lateness.

    Five queries whatever the plan's size; ActivityPlan.DoesNotExist for an unknown plan.
    """
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    plan = ActivityPlan.objects.get(pk=plan_id)
    activities = (
        PlannedActivity.objects.filter(plan=plan)
        .select_related("responsible")
        .prefetch_related(
            "audiences",
            "partners",
            Prefetch(
                "events",
                queryset=Event.objects.only(
                    "pk", "title", "status", "starts_at", "ends_at", "planned_activity_id"
                ).order_by("starts_at", "pk"),
            ),
        )
        .order_by("starts_on", "title", "pk")
    )
    rows = [_progress(activity, today=today, now=now) for activity in activities]
    quarters = []
    for number in QUARTERS:
        in_quarter = [row for row in rows if row.activity.quarter == number]
        quarters.append(
            QuarterOverview(number=number, activities=in_quarter, totals=Totals.of(in_quarter))
        )
    return PlanOverview(plan=plan, quarters=quarters, totals=Totals.of(rows), today=today)


def planned_activity_for(*, pk: int) -> PlannedActivity:
    """One line of a plan with its plan; PlannedActivity.DoesNotExist when missing."""
    return (
        PlannedActivity.objects.select_related("plan")
        .prefetch_related("audiences", "partners")
        .get(pk=pk)
    )
