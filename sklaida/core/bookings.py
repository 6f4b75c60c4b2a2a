"""Reserving spaces and equipment, with conflict detection shared by events and tours."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from sklaida.core.formatting import format_moment, format_period
from sklaida.core.models import Booking, Equipment, Space


@dataclass(frozen=True)
class Conflict:
    """Another booking of the same space or item that overlaps the requested time.

    An event's booking also covers its set-up and tear-down, so the booking's own times are
    not the event's: the message names the holder by its own time and says when the clash
    is only with the set-up or tear-down around it.
    """

    booking: Booking
    starts_at: datetime
    ends_at: datetime

    def __str__(self) -> str:
        booking = self.booking
        values = {"resource": booking.resource, "purpose": booking.title}
        own_start, own_end = _own_time(booking)
        if (own_start, own_end) == (booking.starts_at, booking.ends_at):
            values["period"] = format_period(booking.starts_at, booking.ends_at)
            return _("%(resource)s is booked for “%(purpose)s”: %(period)s.") % values
        values["period"] = format_period(own_start, own_end)
        if self.ends_at <= own_start:
            values["from"] = _moment_beside(booking.starts_at, own_start)
            return (
                _(
                    "%(resource)s is being set up for “%(purpose)s” from %(from)s; "
                    "the event itself is %(period)s."
                )
                % values
            )
        if self.starts_at >= own_end:
            values["until"] = _moment_beside(booking.ends_at, own_end)
            return (
                _(
                    "%(resource)s is being cleared after “%(purpose)s” until %(until)s; "
                    "the event itself is %(period)s."
                )
                % values
            )
        values["blocked"] = format_period(booking.starts_at, booking.ends_at)
        return (
            _(
                "%(resource)s is booked for “%(purpose)s”: %(period)s "
                "(with set-up and tear-down, %(blocked)s)."
            )
            % values
        )


def _own_time(booking: Booking) -> tuple[datetime, datetime]:
    """The holder's own start and end (an event's, without set-up and tear-down), or the
    booking's when it has no holder or the holder keeps no time of its own."""
    holder = booking.target
    starts, ends = getattr(holder, "starts_at", None), getattr(holder, "ends_at", None)
    if isinstance(starts, datetime) and isinstance(ends, datetime):
        return starts, ends
    return booking.starts_at, booking.ends_at


def _moment_beside(moment: datetime, reference: datetime) -> str:
    """Only the time when `moment` falls on `reference`'s day in Vilnius, else date and time."""
    if localtime(moment).date() == localtime(reference).date():
        return date_format(localtime(moment), "TIME_FORMAT")
    return format_moment(moment)


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
    found = overlapping.select_related("space", "equipment").prefetch_related("target")
    return [
        Conflict(booking, starts_at=starts_at, ends_at=ends_at)
        for booking in found.order_by("starts_at")
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
