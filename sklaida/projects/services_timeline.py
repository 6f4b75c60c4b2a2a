"""A project's activities, milestones and indicators (5.1): adding, changing and removing them.

Whoever may change the project may change its timeline (`can_change`: the department's
head and specialists, a territory specialist on her library's project); every function
checks that itself. The audit history records each saved row (django-auditlog). A milestone
is one day: its end is its start. A counted indicator keeps no typed value — its achieved
figure is read from the linked events (indicators.py), so a stale number cannot linger.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max

from sklaida.core.models import User
from sklaida.core.permissions import can_change
from sklaida.events.models import Event
from sklaida.projects.models import Activity, Indicator, Project

ACTIVITY_FIELDS = ("title", "is_milestone", "starts_on", "ends_on", "responsible", "done")
INDICATOR_FIELDS = ("name", "unit", "source", "planned", "achieved_entered")


def may_change_project(user: User, project: Project) -> bool:
    return can_change(user, project)


def _require_change(actor: User, project: Project) -> None:
    if not can_change(actor, project):
        raise PermissionDenied


def _next_position(rows) -> int:
    return (rows.aggregate(last=Max("position"))["last"] or 0) + 1


def _fill_activity(
    activity: Activity,
    *,
    title: str,
    is_milestone: bool,
    starts_on: datetime.date,
    ends_on: datetime.date | None,
    responsible: User | None,
    done: bool,
) -> None:
    activity.title = title
    activity.is_milestone = is_milestone
    activity.starts_on = starts_on
    activity.ends_on = starts_on if is_milestone or ends_on is None else ends_on
    activity.responsible = responsible
    activity.done = done


@transaction.atomic
def add_activity(
    *,
    actor: User,
    project: Project,
    title: str,
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
    is_milestone: bool = False,
    responsible: User | None = None,
    done: bool = False,
    events: Iterable[Event] = (),
) -> Activity:
    _require_change(actor, project)
    activity = Activity(project=project, position=_next_position(project.activities))
    _fill_activity(
        activity,
        title=title,
        is_milestone=is_milestone,
        starts_on=starts_on,
        ends_on=ends_on,
        responsible=responsible,
        done=done,
    )
    activity.full_clean()
    activity.save()
    activity.events.set(list(events))
    return activity


@transaction.atomic
def update_activity(
    *,
    actor: User,
    activity: Activity,
    title: str,
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
    is_milestone: bool = False,
    responsible: User | None = None,
    done: bool = False,
    events: Iterable[Event] = (),
) -> Activity:
    _require_change(actor, activity.project)
    _fill_activity(
        activity,
        title=title,
        is_milestone=is_milestone,
        starts_on=starts_on,
        ends_on=ends_on,
        responsible=responsible,
        done=done,
    )
    activity.full_clean()
    activity.save()
    activity.events.set(list(events))
    return activity


@transaction.atomic
def remove_activity(*, actor: User, activity: Activity) -> None:
    """The activity goes; its events stay in the register, only the link is dropped."""
    _require_change(actor, activity.project)
    activity.delete()


def _fill_indicator(
    indicator: Indicator,
    *,
    name: str,
    unit: str,
    source: str,
    planned: int,
    achieved_entered: int | None,
) -> None:
    indicator.name = name
    indicator.unit = unit
    indicator.source = source
    indicator.planned = planned
    indicator.achieved_entered = achieved_entered if source == Indicator.Source.MANUAL else None


@transaction.atomic
def add_indicator(
    *,
    actor: User,
    project: Project,
    name: str,
    planned: int,
    source: str = Indicator.Source.MANUAL,
    unit: str = "",
    achieved_entered: int | None = None,
) -> Indicator:
    _require_change(actor, project)
    indicator = Indicator(project=project, position=_next_position(project.indicators))
    _fill_indicator(
        indicator,
        name=name,
        unit=unit,
        source=source,
        planned=planned,
        achieved_entered=achieved_entered,
    )
    indicator.full_clean()
    indicator.save()
    return indicator


@transaction.atomic
def update_indicator(
    *,
    actor: User,
    indicator: Indicator,
    name: str,
    planned: int,
    source: str = Indicator.Source.MANUAL,
    unit: str = "",
    achieved_entered: int | None = None,
) -> Indicator:
    _require_change(actor, indicator.project)
    _fill_indicator(
        indicator,
        name=name,
        unit=unit,
        source=source,
        planned=planned,
        achieved_entered=achieved_entered,
    )
    indicator.full_clean()
    indicator.save()
    return indicator


@transaction.atomic
def remove_indicator(*, actor: User, indicator: Indicator) -> None:
    _require_change(actor, indicator.project)
    indicator.delete()
