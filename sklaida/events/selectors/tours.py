"""Reads of guided tours: the staff list, one tour, a tour by its e-mailed link, who is told."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from sklaida.core.models import User
from sklaida.core.permissions import Role, visible_to
from sklaida.events.models import TourBooking


@dataclass(frozen=True)
class TourFilter:
    status: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def tour_list(*, user: User, criteria: TourFilter) -> QuerySet[TourBooking]:
    """Tours by when they take place: the agreed time, or the preferred one until agreed."""
    tours = visible_to(user, TourBooking.objects.all()).annotate(
        when=Coalesce("starts_at", "preferred_at")
    )
    if criteria.status:
        tours = tours.filter(status=criteria.status)
    if criteria.date_from:
        tours = tours.filter(when__gte=_day_start(criteria.date_from))
    if criteria.date_to:
        tours = tours.filter(when__lt=_day_start(criteria.date_to + datetime.timedelta(days=1)))
    return tours.select_related("guide", "space", "library").order_by("when", "pk")


def tour_for(*, user: User, pk: int) -> TourBooking:
    """One tour the user may see; TourBooking.DoesNotExist otherwise."""
    return (
        visible_to(user, TourBooking.objects.all())
        .select_related("guide", "space__library", "library")
        .get(pk=pk)
    )


def tour_by_token(token: str) -> TourBooking:
    """The tour behind the link in the group's e-mail; TourBooking.DoesNotExist otherwise."""
    return TourBooking.objects.select_related("guide", "space__library", "library").get(token=token)


def tour_staff() -> QuerySet[User]:
    """The department's head and specialists with an e-mail: they hear of requests and answers."""
    return (
        User.objects.filter(
            is_active=True, groups__name__in=[Role.HEAD, Role.SPECIALIST], email__gt=""
        )
        .distinct()
        .order_by("pk")
    )


def guides() -> QuerySet[User]:
    """Who may be chosen to guide a tour: the department's head and specialists."""
    return (
        User.objects.filter(is_active=True, groups__name__in=[Role.HEAD, Role.SPECIALIST])
        .distinct()
        .order_by("first_name", "last_name", "username")
    )
