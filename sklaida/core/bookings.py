"""Reserving spaces and equipment, with conflict detection shared by events and tours."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from sklaida.core.models import Booking, Equipment, Space


@dataclass(frozen=True)
class Conflict:
    """Another booking of the same space or item that overlaps the requested time."""

    booking: Booking

    def __str__(self) -> str:
        starts, ends = localtime(self.booking.starts_at), localtime(self.booking.ends_at)
        return _("%(resource)s is booked for “%(purpose)s” on %(date)s, %(start)s–%(end)s.") % {
            "resource": self.booking.resource,
            "purpose": self.booking.title,
            "date": date_format(starts, "DATE_FORMAT"),
            "start": date_format(starts, "TIME_FORMAT"),
            "end": date_format(ends, "TIME_FORMAT"),
        }


def find_conflicts(
    *,
    starts_at: datetime,
    ends_at: datetime,
    space: Space | None = None,
    equipment: Equipment | None = None,
    ignore: models.Model | None = None,
) -> list[Conflict]:
    """Bookings of `space` or `equipment` that overlap [starts_at, ends_at).

    Touching intervals do not conflict: one event may end at 18:00 and the next start then.
    Bookings held by `ignore` (the object being moved) are left out.
    """
    if space is None and equipment is None:
        return []
    overlapping = Booking.objects.filter(starts_at__lt=ends_at, ends_at__gt=starts_at)
    if space is not None:
        overlapping = overlapping.filter(space=space)
    else:
        overlapping = overlapping.filter(equipment=equipment)
    if ignore is not None and ignore.pk:
        overlapping = overlapping.exclude(
            content_type=ContentType.objects.get_for_model(ignore), object_id=ignore.pk
        )
    return [
        Conflict(booking)
        for booking in overlapping.select_related("space", "equipment").order_by("starts_at")
    ]


def replace_bookings(
    *,
    holder: models.Model,
    title: str,
    starts_at: datetime | None,
    ends_at: datetime | None,
    spaces: list[Space] = (),
    equipment: list[Equipment] = (),
) -> None:
    """Make `holder`'s bookings exactly these resources for this time (none without a time)."""
    content_type = ContentType.objects.get_for_model(holder)
    Booking.objects.filter(content_type=content_type, object_id=holder.pk).delete()
    if starts_at is None or ends_at is None:
        return
    Booking.objects.bulk_create(
        [
            Booking(
                content_type=content_type,
                object_id=holder.pk,
                space=space,
                starts_at=starts_at,
                ends_at=ends_at,
                title=title,
            )
            for space in spaces
        ]
        + [
            Booking(
                content_type=content_type,
                object_id=holder.pk,
                equipment=item,
                starts_at=starts_at,
                ends_at=ends_at,
                title=title,
            )
            for item in equipment
        ]
    )


def bookings_of(holder: models.Model) -> models.QuerySet[Booking]:
    return Booking.objects.filter(
        content_type=ContentType.objects.get_for_model(holder), object_id=holder.pk
    ).select_related("space", "equipment")
