"""Creating, moving, recurring and moving events through their statuses (2.1)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from dateutil.rrule import MONTHLY, WEEKLY, rrule
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from sklaida.contacts.models import Organisation, Person
from sklaida.core import bookings
from sklaida.core.models import Equipment, User
from sklaida.core.permissions import Capability, Role, has_capability, roles_of
from sklaida.events import tasks
from sklaida.events.models import Audience, Event, EventSeries
from sklaida.events.services import provision, registration

Status = Event.Status

# Which status may follow which; views never set a status themselves.
TRANSITIONS: dict[str, set[str]] = {
    Status.PLANNED: {Status.CONFIRMED, Status.CANCELLED},
    Status.CONFIRMED: {Status.ANNOUNCED, Status.PLANNED, Status.CANCELLED},
    Status.ANNOUNCED: {Status.HELD, Status.CONFIRMED, Status.CANCELLED},
    Status.HELD: {Status.REPORTED},
    Status.REPORTED: {Status.HELD},
    Status.CANCELLED: {Status.PLANNED},
}

# Fields that "edit all following events of the series" copies; dates stay each event's own.
SERIES_FIELDS = (
    "title",
    "title_en",
    "event_type",
    "format",
    "space",
    "venue",
    "online_url",
    "responsible",
    "is_public",
    "summary",
    "summary_en",
    "description",
    "description_en",
    "accessibility",
    "accessibility_en",
    "price",
    "registration",
    "capacity",
    "max_seats_per_registration",
    "consent_text",
    "consent_text_en",
    "retention_days",
    "setup_minutes",
    "teardown_minutes",
    "planned_activity",
)


@dataclass(frozen=True)
class Relations:
    """The many-to-many parts of an event, saved together with it."""

    audiences: Iterable[Audience] = ()
    organisers: Iterable[User] = ()
    partners: Iterable[Organisation] = ()
    performers: Iterable[Person] = ()
    equipment: Iterable[Equipment] = ()


def may_edit_events_of(actor: User, library_id: int | None) -> bool:
    if has_capability(actor, Capability.WORK_IN_DEPARTMENT):
        return True
    return Role.TERRITORY in roles_of(actor) and library_id == actor.library_id


def _require_editor(actor: User, event: Event) -> None:
    if not may_edit_events_of(actor, event.library_id):
        raise PermissionDenied
    if not has_capability(actor, Capability.WORK_IN_DEPARTMENT):
        # The department's plan counts the department's work: only its staff link to it.
        stored = (
            Event.objects.filter(pk=event.pk).values_list("planned_activity_id", flat=True).first()
        )
        if event.planned_activity_id != stored:
            raise PermissionDenied


def unique_slug(title: str, starts_at: datetime.datetime, *, exclude_pk: int | None = None) -> str:
    """A readable, stable address: "poezijos-vakaras-2026-12-03" (a number added if taken)."""
    base = (
        f"{slugify(title)[:90].strip('-') or 'renginys'}-{timezone.localdate(starts_at):%Y-%m-%d}"
    )
    taken = set(
        Event.objects.filter(slug__startswith=base)
        .exclude(pk=exclude_pk)
        .values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def conflicts_of(event: Event, *, equipment: Iterable[Equipment] = ()) -> list[bookings.Conflict]:
    """Other bookings that overlap the time this event blocks in its space and equipment."""
    if event.status == Status.CANCELLED:
        return []
    found = []
    window = {"starts_at": event.blocked_from, "ends_at": event.blocked_until, "ignore": event}
    if event.space_id:
        found += bookings.find_conflicts(space=event.space, **window)
    for item in equipment:
        found += bookings.find_conflicts(equipment=item, **window)
    return found


def _check_conflicts(event: Event, equipment: Iterable[Equipment]) -> None:
    conflicts = conflicts_of(event, equipment=equipment)
    if conflicts:
        raise ValidationError([str(conflict) for conflict in conflicts], code="conflict")


def _sync_bookings(event: Event, equipment: Iterable[Equipment] | None = None) -> None:
    """The event's bookings follow its space, equipment and blocked time; cancelled frees them."""
    if equipment is None:
        equipment = [b.equipment for b in bookings.bookings_of(event) if b.equipment_id]
    active = event.status != Status.CANCELLED
    bookings.replace_bookings(
        holder=event,
        title=event.title,
        starts_at=event.blocked_from if active else None,
        ends_at=event.blocked_until if active else None,
        spaces=[event.space] if event.space_id else [],
        equipment=list(equipment),
    )


def _save_relations(event: Event, relations: Relations) -> None:
    event.audiences.set(relations.audiences)
    event.organisers.set(relations.organisers)
    event.partners.set(relations.partners)
    event.performers.set(relations.performers)


def save_event(*, actor: User, event: Event, relations: Relations) -> Event:
    """Create or change one event; refuses a time its space or equipment is taken."""
    _require_editor(actor, event)
    if not event.slug:
        event.slug = unique_slug(event.title, event.starts_at, exclude_pk=event.pk)
    event.full_clean()
    equipment = list(relations.equipment)
    with transaction.atomic():
        # Sign-ups move the seat counter meanwhile: never write back a stale one.
        registration.hold_seat_counter(event)
        _check_conflicts(event, equipment)
        # Provision (calendar part): open provision tasks follow a moved event.
        previous_starts_at = (
            Event.objects.filter(pk=event.pk).values_list("starts_at", flat=True).first()
            if event.pk
            else None
        )
        event.save()
        _save_relations(event, relations)
        _sync_bookings(event, equipment)
        provision.shift_due_dates(event=event, previous_starts_at=previous_starts_at)
        registration.serve_waitlist_after_save(event)
    return event


def create_series(
    *,
    actor: User,
    event: Event,
    relations: Relations,
    frequency: str,
    until: datetime.date,
) -> list[Event]:
    """Repeat `event` weekly or monthly until a date; refuses if any occurrence conflicts."""
    _require_editor(actor, event)
    rule = {"weekly": WEEKLY, "monthly": MONTHLY}[frequency]
    local_start = timezone.localtime(event.starts_at)
    duration = event.ends_at - event.starts_at
    starts = [
        timezone.make_aware(moment.replace(tzinfo=None))
        for moment in rrule(
            rule,
            dtstart=local_start.replace(tzinfo=None),
            until=datetime.datetime.combine(until, datetime.time.max),
        )
    ]
    if len(starts) > 104:
        raise ValidationError(_("A series may have at most 104 events; choose an earlier end."))
    series = EventSeries(
        title=event.title,
        rule=_("every week") if frequency == "weekly" else _("every month"),
    )
    created, problems = [], []
    with transaction.atomic():
        series.save()
        for starts_at in starts:
            occurrence = Event(
                **{
                    field.attname: getattr(event, field.attname)
                    for field in Event._meta.concrete_fields
                    if field.attname not in {"id", "slug", "starts_at", "ends_at"}
                }
            )
            occurrence.series = series
            occurrence.starts_at, occurrence.ends_at = starts_at, starts_at + duration
            occurrence.slug = unique_slug(occurrence.title, starts_at)
            occurrence.full_clean()
            conflicts = conflicts_of(occurrence, equipment=relations.equipment)
            problems += [str(conflict) for conflict in conflicts]
            occurrence.save()
            _save_relations(occurrence, relations)
            _sync_bookings(occurrence, relations.equipment)
            created.append(occurrence)
        if problems:
            transaction.set_rollback(True)
            raise ValidationError(problems, code="conflict")
    return created


def update_event(
    *, actor: User, event: Event, relations: Relations, following: bool = False
) -> list[Event]:
    """Save one event, or with `following` also every later event of its series.

    Later events take the changed texts, place and settings and keep their own dates; a
    changed start or end time of day moves them all by the same amount.
    """
    _require_editor(actor, event)
    if not following or not event.series_id:
        return [save_event(actor=actor, event=event, relations=relations)]
    before = Event.objects.get(pk=event.pk)
    shift_start = event.starts_at - before.starts_at
    shift_end = event.ends_at - before.ends_at
    changed = [event]
    with transaction.atomic():
        save_event(actor=actor, event=event, relations=relations)
        later = Event.objects.filter(series=event.series, starts_at__gt=before.starts_at).exclude(
            pk=event.pk
        )
        for other in later.exclude(status__in=[Status.HELD, Status.REPORTED, Status.CANCELLED]):
            for field in SERIES_FIELDS:
                setattr(other, field, getattr(event, field))
            other.starts_at += shift_start
            other.ends_at += shift_end
            save_event(actor=actor, event=other, relations=relations)
            changed.append(other)
    return changed


def move_event(*, actor: User, event: Event, starts_at: datetime.datetime) -> Event:
    """Move an event to a new start keeping its length (the calendar's drag and drop)."""
    _require_editor(actor, event)
    if event.status in {Status.HELD, Status.REPORTED, Status.CANCELLED}:
        raise ValidationError(_("Only events that have not taken place can be moved."))
    duration = event.ends_at - event.starts_at
    previous_starts_at = event.starts_at  # Provision (calendar part): see below.
    event.starts_at, event.ends_at = starts_at, starts_at + duration
    equipment = [b.equipment for b in bookings.bookings_of(event) if b.equipment_id]
    with transaction.atomic():
        _check_conflicts(event, equipment)
        event.save(update_fields=["starts_at", "ends_at", "updated_at"])
        _sync_bookings(event, equipment)
        # Provision (calendar part): open provision tasks follow the moved event.
        provision.shift_due_dates(event=event, previous_starts_at=previous_starts_at)
    return event


def attendance_totals(event: Event) -> dict[str, int]:
    totals = event.attendance.aggregate(
        on_site=Sum("on_site"), live=Sum("live_viewers"), recording=Sum("recording_views")
    )
    on_site = totals["on_site"] or 0
    online = (totals["live"] or 0) + (totals["recording"] or 0)
    return {"on_site": on_site, "online": online, "total": on_site + online}


def _may_become(event: Event, status: str) -> None:
    if status not in TRANSITIONS[event.status]:
        raise ValidationError(
            _("An event that is “%(current)s” cannot become “%(new)s”.")
            % {
                "current": event.get_status_display(),
                "new": dict(Status.choices).get(status, status),
            }
        )
    if status == Status.REPORTED and not event.attendance.exists():
        raise ValidationError(
            _("Enter the participants (on site and online) before the event is reported.")
        )
    if status in {Status.HELD, Status.REPORTED} and event.starts_at > timezone.now():
        raise ValidationError(_("An event that has not started yet cannot be marked as held."))
    if status == Status.ANNOUNCED and event.format != Event.Format.ON_SITE and not event.online_url:
        raise ValidationError(_("Add the online link before announcing the event."))


def change_event_status(*, actor: User, event: Event, status: str) -> Event:
    """Move an event along planned → confirmed → announced → held → reported."""
    _require_editor(actor, event)
    if status == Status.CANCELLED:
        return cancel_event(actor=actor, event=event, reason="")
    _may_become(event, status)
    with transaction.atomic():
        event.status = status
        if status == Status.ANNOUNCED and event.announced_at is None:
            event.announced_at = timezone.now()
        event.save(update_fields=["status", "announced_at", "updated_at"])
        if status == Status.PLANNED:
            _check_conflicts(event, [])
            _sync_bookings(event)
    return event


def cancel_event(*, actor: User, event: Event, reason: str) -> Event:
    """Cancel an event: its space is freed and everyone signed up gets an e-mail."""
    _require_editor(actor, event)
    _may_become(event, Status.CANCELLED)
    with transaction.atomic():
        event.status = Status.CANCELLED
        event.cancellation_reason = reason
        event.save(update_fields=["status", "cancellation_reason", "updated_at"])
        _sync_bookings(event)
        transaction.on_commit(
            lambda: tasks.send_event_cancellation_notices.enqueue(event_id=event.pk)
        )
    return event


@dataclass(frozen=True)
class AttendanceRow:
    audience: Audience | None
    on_site: int
    live_viewers: int = 0
    recording_views: int = 0


def record_attendance(*, actor: User, event: Event, rows: Iterable[AttendanceRow]) -> None:
    """Replace the event's participant counts (by audience group, or one unsplit row)."""
    _require_editor(actor, event)
    rows = [row for row in rows if row.on_site or row.live_viewers or row.recording_views]
    if event.starts_at > timezone.now():
        raise ValidationError(_("Participants are counted after the event has started."))
    if any(row.audience is None for row in rows) and len(rows) > 1:
        raise ValidationError(
            _("Count the participants either in total or by audience group, not both.")
        )
    with transaction.atomic():
        event.attendance.all().delete()
        for row in rows:
            event.attendance.create(
                audience=row.audience,
                on_site=row.on_site,
                live_viewers=row.live_viewers,
                recording_views=row.recording_views,
            )
