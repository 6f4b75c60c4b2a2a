"""Reads of provision (2.3): an event's checklist by area, the checklists offered for it."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Case, Count, IntegerField, QuerySet, Value, When

from sklaida.core.models import Task
from sklaida.events.models import Event, ProvisionArea, ProvisionItem, ProvisionTemplate


@dataclass
class ProvisionRow:
    item: ProvisionItem
    is_overdue: bool
    is_done: bool


@dataclass
class AreaGroup:
    area: str
    label: str
    rows: list[ProvisionRow] = field(default_factory=list)


def provision_by_area(*, event: Event, today: datetime.date) -> list[AreaGroup]:
    """The event's items in the order technical, visual, informational.

    Reads `event.provision_items.all()`, which `selectors.events.event_for` prefetches with
    each task and its owner, so the event page makes no query per item.
    """
    groups = {area: AreaGroup(area=area, label=str(label)) for area, label in ProvisionArea.choices}
    for item in sorted(
        event.provision_items.all(),
        key=lambda item: (item.task.due_date or datetime.date.max, item.pk),
    ):
        task = item.task
        groups[item.area].rows.append(
            ProvisionRow(
                item=item,
                is_overdue=task.is_open and task.due_date is not None and task.due_date < today,
                is_done=task.status == Task.Status.DONE,
            )
        )
    return [group for group in groups.values() if group.rows]


def templates_for(*, event_type: str) -> QuerySet[ProvisionTemplate]:
    """Every checklist, those made for the event's type first, then the general ones."""
    return ProvisionTemplate.objects.annotate(
        fit=Case(
            When(event_type=event_type, then=Value(0)),
            When(event_type="", then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
    ).order_by("fit", "name")


def template_list() -> QuerySet[ProvisionTemplate]:
    return ProvisionTemplate.objects.annotate(item_count=Count("items")).order_by("name")
