"""Guided tours (2.4): a group's request, the department's answer, the tour held or cancelled.

A request arrives from the public form (`request_tour`). Staff confirm it with a guide, a
meeting place and a time (`confirm_tour`), or propose another time (`propose_tour_time`)
that the group accepts or declines through the link in their e-mail. A confirmed tour
books its space like an event does (core.bookings), so a tour and an event never share a
room; the guide is not given two tours at once either.
"""

from __future__ import annotations

import datetime

from dateutil.relativedelta import relativedelta
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sklaida.core import bookings
from sklaida.core import services as core_services
from sklaida.core.formatting import format_period
from sklaida.core.models import Library, Space, User
from sklaida.core.permissions import Capability, has_capability
from sklaida.events import notifications
from sklaida.events.models import TourBooking
from sklaida.events.models.tours import RETENTION_DAYS

Status = TourBooking.Status

# Which status may follow which; views never set a status themselves. A proposed time may
# be replaced by another proposal, and a confirmed tour may be moved (confirmed again) or
# given back to the group as a proposal.
TRANSITIONS: dict[str, set[str]] = {
    Status.REQUESTED: {Status.CONFIRMED, Status.PROPOSED, Status.CANCELLED},
    Status.PROPOSED: {Status.CONFIRMED, Status.PROPOSED, Status.CANCELLED},
    Status.CONFIRMED: {Status.CONFIRMED, Status.PROPOSED, Status.HELD, Status.CANCELLED},
    Status.HELD: set(),
    Status.CANCELLED: set(),
}

# A request must leave the department time to find a guide and a room.
MIN_DAYS_AHEAD = 2
# Nobody plans a group's visit further ahead; a later date is a typo (or a probe: the year
# 9999 once broke the staff's tour page).
MAX_MONTHS_AHEAD = 18
MAX_GROUP_SIZE = 60
DEFAULT_LENGTH = datetime.timedelta(hours=1)
GROUP_SIZE_MESSAGE = gettext_lazy(
    "A group may have from 1 to 60 people; for a larger group, send two requests."
)


def _require_worker(actor: User) -> None:
    if not has_capability(actor, Capability.WORK_IN_DEPARTMENT):
        raise PermissionDenied


def _may_become(tour: TourBooking, status: str) -> None:
    if status not in TRANSITIONS[tour.status]:
        raise ValidationError(
            _("A tour that is “%(current)s” cannot become “%(new)s”.")
            % {
                "current": tour.get_status_display(),
                "new": dict(Status.choices).get(status, status),
            }
        )


def earliest_request_time(now: datetime.datetime | None = None) -> datetime.datetime:
    return (now or timezone.now()) + datetime.timedelta(days=MIN_DAYS_AHEAD)


def latest_request_day(now: datetime.datetime | None = None) -> datetime.date:
    return timezone.localdate(now or timezone.now()) + relativedelta(months=MAX_MONTHS_AHEAD)


def check_request(
    *,
    preferred_at: datetime.datetime | None,
    alternative_at: datetime.datetime | None = None,
    group_size: int | None = None,
) -> None:
    """The rules of a request from the public, by field (the form shows each at its field)."""
    now = timezone.now()
    errors: dict[str, list[str]] = {}
    for field, moment in (("preferred_at", preferred_at), ("alternative_at", alternative_at)):
        if moment is None:
            continue
        if moment <= now:
            errors[field] = [_("Choose a time in the future.")]
        elif moment < earliest_request_time(now):
            errors[field] = [
                _("Tours are booked at least %(days)d days ahead; choose a later date.")
                % {"days": MIN_DAYS_AHEAD}
            ]
        elif timezone.localdate(moment) > latest_request_day(now):
            errors[field] = [
                _("Choose a date until %(date)s: tours are booked at most %(months)d months ahead.")
                % {
                    "months": MAX_MONTHS_AHEAD,
                    "date": date_format(latest_request_day(now)),
                }
            ]
    if group_size is not None and not 1 <= group_size <= MAX_GROUP_SIZE:
        errors["group_size"] = [str(GROUP_SIZE_MESSAGE)]
    if errors:
        raise ValidationError(errors)


def request_tour(*, tour: TourBooking, language: str) -> TourBooking:
    """File a group's request for the county library; the department and the group get e-mails."""
    check_request(
        preferred_at=tour.preferred_at,
        alternative_at=tour.alternative_at,
        group_size=tour.group_size,
    )
    tour.library = Library.objects.get(kind=Library.Kind.COUNTY)
    tour.status = Status.REQUESTED
    tour.request_language = language
    tour.full_clean()
    with transaction.atomic():
        tour.save()
        notifications.tour_requested(tour=tour)
    return tour


def _check_schedule(
    tour: TourBooking,
    *,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    guide: User | None,
    space: Space | None,
) -> None:
    """Refuse a time that has passed, a taken meeting place, or a guide already on a tour."""
    if ends_at <= starts_at:
        raise ValidationError(_("A tour must end after it starts."))
    if starts_at <= timezone.now():
        raise ValidationError(_("Choose a time in the future."))
    problems = []
    if space is not None:
        problems += [
            str(conflict)
            for conflict in bookings.find_conflicts(
                space=space, starts_at=starts_at, ends_at=ends_at, ignore=tour
            )
        ]
    if guide is not None:
        busy = (
            TourBooking.objects.filter(
                status=Status.CONFIRMED,
                guide=guide,
                starts_at__lt=ends_at,
                ends_at__gt=starts_at,
            )
            .exclude(pk=tour.pk)
            .order_by("starts_at")
        )
        for other in busy:
            problems.append(
                _("%(guide)s already guides “%(tour)s”: %(period)s.")
                % {
                    "guide": guide,
                    "tour": other,
                    "period": format_period(other.starts_at, other.ends_at),
                }
            )
    if problems:
        raise ValidationError(problems, code="conflict")


def _lock_space(space: Space | None) -> None:
    """Two tours confirmed at once for one room wait for each other here."""
    if space is not None:
        Space.objects.select_for_update().filter(pk=space.pk).first()


def _book(tour: TourBooking) -> None:
    """The tour's space is booked while it is confirmed and freed otherwise."""
    active = tour.status == Status.CONFIRMED and tour.space_id
    bookings.replace_bookings(
        holder=tour,
        title=_("Tour: %(group)s") % {"group": tour},
        starts_at=tour.starts_at if active else None,
        ends_at=tour.ends_at if active else None,
        spaces=[tour.space] if active else [],
    )


def _confirm(tour: TourBooking) -> None:
    """Book the space for the tour's time and tell the group (inside a transaction)."""
    _lock_space(tour.space)
    _check_schedule(
        tour, starts_at=tour.starts_at, ends_at=tour.ends_at, guide=tour.guide, space=tour.space
    )
    tour.status = Status.CONFIRMED
    tour.save()
    _book(tour)
    notifications.tour_confirmed(tour=tour)


def confirm_tour(
    *,
    actor: User,
    tour: TourBooking,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    guide: User,
    space: Space,
    message: str = "",
) -> TourBooking:
    """Confirm (or move) a tour: a guide, a meeting place and a time; the group is told."""
    _require_worker(actor)
    _may_become(tour, Status.CONFIRMED)
    moved = tour.starts_at != starts_at
    tour.starts_at, tour.ends_at = starts_at, ends_at
    tour.guide, tour.space, tour.message = guide, space, message
    if moved:
        tour.reminded_at = None
    with transaction.atomic():
        _confirm(tour)
    return tour


def propose_tour_time(
    *,
    actor: User,
    tour: TourBooking,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    guide: User,
    space: Space,
    message: str,
) -> TourBooking:
    """Offer the group another time; they accept or decline through the link in the e-mail.

    The space is checked now but booked only when the group accepts.
    """
    _require_worker(actor)
    _may_become(tour, Status.PROPOSED)
    if not message.strip():
        raise ValidationError(_("Tell the group why another time is proposed."))
    with transaction.atomic():
        _check_schedule(tour, starts_at=starts_at, ends_at=ends_at, guide=guide, space=space)
        tour.status = Status.PROPOSED
        tour.starts_at, tour.ends_at = starts_at, ends_at
        tour.guide, tour.space, tour.message = guide, space, message
        tour.reminded_at = None
        tour.save()
        _book(tour)
        notifications.tour_proposed(tour=tour)
    return tour


def accept_proposed_time(*, tour: TourBooking) -> TourBooking:
    """The group accepts the proposed time: the tour is confirmed and its space booked."""
    if tour.status != Status.PROPOSED:
        raise ValidationError(_("This proposal has already been answered."))
    if tour.starts_at <= timezone.now():
        raise ValidationError(_("The proposed time has passed; please send a new request."))
    with transaction.atomic():
        try:
            _confirm(tour)
        except ValidationError as clash:
            raise ValidationError(
                _(
                    "Sorry, the proposed time has just been taken. The department will "
                    "write to you with another time."
                )
            ) from clash
        notifications.tour_answered(tour=tour, accepted=True)
    return tour


def decline_proposed_time(*, tour: TourBooking) -> TourBooking:
    """The group declines the proposed time: the request is closed."""
    if tour.status != Status.PROPOSED:
        raise ValidationError(_("This proposal has already been answered."))
    with transaction.atomic():
        tour.status = Status.CANCELLED
        tour.save(update_fields=["status"])
        _book(tour)
        notifications.tour_answered(tour=tour, accepted=False)
    return tour


def record_tour_held(*, actor: User, tour: TourBooking, participants: int | None) -> TourBooking:
    """Mark a confirmed tour as held, with how many took part (counted in the statistics)."""
    _require_worker(actor)
    _may_become(tour, Status.HELD)
    if tour.starts_at is None or tour.starts_at > timezone.now():
        raise ValidationError(_("A tour that has not started yet cannot be marked as held."))
    if not participants or participants < 1:
        raise ValidationError(_("Enter how many people took part in the tour."))
    with transaction.atomic():
        tour.status = Status.HELD
        tour.participants = participants
        tour.save(update_fields=["status", "participants"])
    return tour


def cancel_tour(*, actor: User, tour: TourBooking, reason: str = "") -> TourBooking:
    """Cancel a tour: its space is freed and the group gets an e-mail with the reason."""
    _require_worker(actor)
    _may_become(tour, Status.CANCELLED)
    with transaction.atomic():
        tour.status = Status.CANCELLED
        if reason:
            tour.message = reason
        tour.save(update_fields=["status", "message"])
        _book(tour)
        notifications.tour_cancelled(tour=tour, reason=reason)
    return tour


def tours_to_remind(*, today: datetime.date) -> list[TourBooking]:
    """Confirmed tours of tomorrow whose group has not been reminded yet."""
    tomorrow = today + datetime.timedelta(days=1)
    start = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time.min))
    return list(
        TourBooking.objects.filter(
            status=Status.CONFIRMED,
            reminded_at__isnull=True,
            starts_at__gte=start,
            starts_at__lt=start + datetime.timedelta(days=1),
        )
        .select_related("space__library", "guide", "library")
        .order_by("starts_at")
    )


def remind_tomorrows_tours(*, today: datetime.date | None = None) -> int:
    """E-mail tomorrow's groups once; returns how many were reminded."""
    today = today or timezone.localdate()
    sent = 0
    for tour in tours_to_remind(today=today):
        with transaction.atomic():
            # Claiming the row first keeps a second run (or worker) from sending again.
            claimed = TourBooking.objects.filter(pk=tour.pk, reminded_at__isnull=True).update(
                reminded_at=timezone.now()
            )
            if claimed:
                notifications.tour_reminder(tour=tour)
                sent += 1
    return sent


PERSONAL_FIELDS = ("contact_name", "contact_email", "contact_mailbox", "contact_phone", "notes")


def anonymise_old_tour_requests(*, now: datetime.datetime | None = None) -> int:
    """Erase the contact data of tours a year after they took place (or were asked for).

    Group type, size, institution, dates and participants stay for the statistics, as the
    request form promises.
    """
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=RETENTION_DAYS)
    expired = TourBooking.objects.filter(anonymised_at__isnull=True).filter(
        Q(starts_at__lt=cutoff) | Q(starts_at__isnull=True, preferred_at__lt=cutoff)
    )
    with transaction.atomic():
        pks = list(expired.values_list("pk", flat=True))
        erased = TourBooking.objects.filter(pk__in=pks).update(
            contact_name="",
            contact_email="",
            contact_mailbox="",
            contact_phone="",
            notes="",
            anonymised_at=now,
        )
        core_services.erase_from_audit_history(
            model=TourBooking, pks=pks, fields=PERSONAL_FIELDS, label=_("Anonymised tour request")
        )
    return erased
