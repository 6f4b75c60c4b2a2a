"""What the archive adds to other apps' pages: an event's photos and live broadcasts."""

from __future__ import annotations

from django.db.models import Case, IntegerField, Value, When
from django.http import HttpRequest

from sklaida.archive.models import Asset, Broadcast
from sklaida.archive.selectors.access import visible_assets
from sklaida.core.permissions import Capability, has_capability

THUMBNAILS_ON_EVENT_PAGE = 8


def event_panel(request: HttpRequest, event) -> dict | None:
    """The event's photos (the selected and best rated first) and its broadcasts."""
    if not has_capability(request.user, Capability.READ_DEPARTMENT):
        return None
    assets = visible_assets(request.user, Asset.objects.filter(event=event))
    picked_first = Case(
        When(selection=Asset.Selection.SELECTED, then=Value(0)),
        When(selection=Asset.Selection.UNREVIEWED, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return {
        "event": event,
        "count": assets.count(),
        "assets": list(
            assets.order_by(picked_first, "-rating", "captured_at", "pk")[:THUMBNAILS_ON_EVENT_PAGE]
        ),
        "broadcasts": list(Broadcast.objects.filter(event=event).order_by("starts_at")),
        "may_work": has_capability(request.user, Capability.WORK_IN_DEPARTMENT),
    }
