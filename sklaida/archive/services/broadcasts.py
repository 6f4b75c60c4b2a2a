"""Recording live broadcasts of events and carrying their viewers into the event's
online participation (3.1)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from sklaida.archive.models import Asset, Broadcast
from sklaida.core.models import User
from sklaida.core.permissions import Capability, require_capability
from sklaida.events.models import Attendance, Event

# What a staff member may set on a broadcast; the rest is the system's.
BROADCAST_FIELDS = frozenset(
    {
        "event",
        "platform",
        "url",
        "starts_at",
        "ends_at",
        "peak_viewers",
        "total_viewers",
        "recording",
        "notes",
    }
)


def attendance_is_split(event: Event) -> bool:
    """Whether the event's participants are entered by audience group: then the stream's
    viewers cannot be placed in one row and staff enter them by group themselves."""
    return event.attendance.filter(audience__isnull=False).exists()


def sync_live_viewers(*, event: Event) -> bool:
    """Make the event's unsplit attendance row hold the viewers of all its broadcasts.

    Returns False (and changes nothing) when the attendance is split by audience group.
    A row left with nothing counted is removed, as `record_attendance` does.
    """
    with transaction.atomic():
        # Locked so that two broadcasts saved at once do not both create the row.
        Event.objects.select_for_update().filter(pk=event.pk).first()
        rows = list(Attendance.objects.select_for_update().filter(event=event))
        if any(row.audience_id is not None for row in rows):
            return False
        viewers = (
            Broadcast.objects.filter(event=event).aggregate(total=Sum("total_viewers"))["total"]
            or 0
        )
        unsplit = next(iter(rows), None)
        if unsplit is None:
            if viewers:
                Attendance.objects.create(event=event, live_viewers=viewers)
            return True
        if unsplit.live_viewers != viewers:
            unsplit.live_viewers = viewers
            if unsplit.on_site or unsplit.live_viewers or unsplit.recording_views:
                unsplit.save(update_fields=["live_viewers"])
            else:
                unsplit.delete()
        return True


def _validate(broadcast: Broadcast) -> None:
    """The model's checks (end after start, peak within total) and the workflow's."""
    errors: dict[str, list] = {}
    try:
        broadcast.full_clean()
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    recording = broadcast.recording
    if recording is not None and recording.kind != Asset.Kind.VIDEO:
        errors.setdefault("recording", []).append(
            _("The recording must be a video of the archive.")
        )
    if broadcast.total_viewers and broadcast.starts_at and broadcast.starts_at > timezone.now():
        errors.setdefault("total_viewers", []).append(
            _("Viewers can be entered once the broadcast has started.")
        )
    if broadcast.event_id and broadcast.event.status == Event.Status.CANCELLED:
        errors.setdefault("event", []).append(_("A cancelled event has no broadcast."))
    if errors:
        raise ValidationError(errors)


def record_broadcast(
    *, actor: User, broadcast: Broadcast | None = None, **fields: Any
) -> Broadcast:
    """Create a broadcast or change one; the viewers become the event's live viewers."""
    require_capability(actor, Capability.WORK_IN_DEPARTMENT)
    unknown = set(fields) - BROADCAST_FIELDS
    if unknown:
        raise TypeError(f"not broadcast fields: {', '.join(sorted(unknown))}")
    broadcast = broadcast or Broadcast()
    previous_event_id = (
        Broadcast.objects.filter(pk=broadcast.pk).values_list("event_id", flat=True).first()
        if broadcast.pk
        else None
    )
    for name, value in fields.items():
        setattr(broadcast, name, value)
    _validate(broadcast)
    with transaction.atomic():
        broadcast.save()
        sync_live_viewers(event=broadcast.event)
        if previous_event_id and previous_event_id != broadcast.event_id:
            sync_live_viewers(event=Event.objects.get(pk=previous_event_id))
    return broadcast


def delete_broadcast(*, actor: User, broadcast: Broadcast) -> None:
    """Remove a broadcast; its viewers leave the event's participants."""
    require_capability(actor, Capability.WORK_IN_DEPARTMENT)
    event = broadcast.event
    with transaction.atomic():
        broadcast.delete()
        sync_live_viewers(event=event)
