"""Reading space projects: the list with its filters and totals, one project with its items
grouped by space, and what hangs in a space on a given day.

"In place on a day" is the rule of `SpaceItem.is_in_place_on`, written once more as a
query: installed on or before the day and not taken down before it (an item taken down
that very day still hung there that morning).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import (
    Count,
    DecimalField,
    ExpressionWrapper,
    F,
    Prefetch,
    Q,
    QuerySet,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce

from sklaida.core.models import Library, Space, User
from sklaida.core.permissions import visible_to
from sklaida.design.models import SpaceItem, SpaceProject

MONEY = DecimalField(max_digits=14, decimal_places=2)
ITEM_COST = ExpressionWrapper(
    Coalesce(F("items__unit_cost"), Value(Decimal(0)), output_field=MONEY) * F("items__quantity"),
    output_field=MONEY,
)


def project_list(
    *,
    user: User,
    library: Library | None = None,
    status: str = "",
    space: Space | None = None,
) -> QuerySet[SpaceProject]:
    """Projects the user may see, newest first, each with its item count, total cost and
    the spaces it works in (three queries for a page, whatever its length)."""
    projects = visible_to(user, SpaceProject.objects.all())
    if library is not None:
        projects = projects.filter(library=library)
    if status:
        projects = projects.filter(status=status)
    if space is not None:
        # A subquery rather than a join, so the totals below count each item once.
        projects = projects.filter(
            pk__in=SpaceItem.objects.filter(space=space).values("project_id")
        )
    return (
        projects.select_related("library", "responsible")
        .annotate(
            item_count=Count("items"),
            cost_total=Coalesce(Sum(ITEM_COST), Value(Decimal(0)), output_field=MONEY),
        )
        .prefetch_related(
            Prefetch(
                "items",
                queryset=SpaceItem.objects.select_related("space").order_by("space__name", "pk"),
                to_attr="items_with_spaces",
            )
        )
        .order_by("-created_at", "-pk")
    )


def spaces_of_project(project: SpaceProject) -> list[Space]:
    """The distinct spaces of a project from the list's prefetched items."""
    seen: dict[int, Space] = {}
    for item in project.items_with_spaces:
        seen.setdefault(item.space_id, item.space)
    return list(seen.values())


def project_for(*, user: User, pk: int) -> SpaceProject:
    """One project the user may see; raises SpaceProject.DoesNotExist otherwise."""
    return visible_to(user, SpaceProject.objects.select_related("library", "responsible")).get(
        pk=pk
    )


@dataclass(frozen=True)
class SpaceGroup:
    """A project's items in one space, with what they cost together."""

    space: Space
    items: list[SpaceItem]

    @property
    def cost(self) -> Decimal:
        return sum((item.total_cost for item in self.items), Decimal(0))


def items_by_space(project: SpaceProject) -> list[SpaceGroup]:
    """The project's items grouped by space (library, then space name), one query."""
    groups: dict[int, SpaceGroup] = {}
    items = (
        project.items.select_related("space__library")
        .order_by("space__library__name", "space__name", "installed_on", "pk")
        .all()
    )
    for item in items:
        groups.setdefault(item.space_id, SpaceGroup(space=item.space, items=[])).items.append(item)
    return list(groups.values())


def in_place_on(day: datetime.date) -> Q:
    return Q(installed_on__lte=day) & (Q(removed_on__isnull=True) | Q(removed_on__gte=day))


def items_in_place(space: Space, *, day: datetime.date) -> QuerySet[SpaceItem]:
    """What hangs in the space on `day`, with its project."""
    return (
        SpaceItem.objects.filter(space=space)
        .filter(in_place_on(day))
        .select_related("project")
        .order_by("installed_on", "pk")
    )


def items_planned(space: Space, *, day: datetime.date) -> QuerySet[SpaceItem]:
    """What is to go up in the space after `day`: dated later, or not dated yet in a
    project that is not completed."""
    return (
        SpaceItem.objects.filter(space=space, removed_on__isnull=True)
        .filter(
            Q(installed_on__gt=day)
            | (Q(installed_on__isnull=True) & ~Q(project__status=SpaceProject.Status.COMPLETED))
        )
        .select_related("project")
        .order_by(F("installed_on").asc(nulls_last=True), "pk")
    )
