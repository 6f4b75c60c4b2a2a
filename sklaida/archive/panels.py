"""What the archive adds to other apps' pages: an event's photos and live broadcasts, and
the picture of an event's or a news item's public page."""

from __future__ import annotations

from django.db.models import Case, IntegerField, Value, When
from django.http import HttpRequest

from sklaida.archive.models import Asset, Broadcast
from sklaida.archive.selectors.access import may_see_asset, visible_assets
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


def illustration_panel(request: HttpRequest, obj) -> dict | None:
    """The picture of the object's public page: an event's, or a news item's (other
    kinds of content are not on the website)."""
    from sklaida.archive.selectors import illustrations

    if not has_capability(request.user, Capability.READ_DEPARTMENT):
        return None
    is_event = obj._meta.label_lower == "events.event"
    if not is_event:
        from sklaida.communication.selectors.public_news import PUBLIC_KINDS

        if obj.kind not in PUBLIC_KINDS:
            return None
    may_work = has_capability(request.user, Capability.WORK_IN_DEPARTMENT)
    illustration = illustrations.illustration_of(obj)
    events = [obj] if is_event else list(obj.events.all())
    kind = "event" if is_event else "item"
    return {
        "kind": kind,
        "pk": obj.pk,
        "illustration": illustration,
        "shown": illustration is not None and illustrations.shown_publicly(illustration.asset),
        "credit": illustrations.credit_line(illustration.asset) if illustration else "",
        "may_see_asset": illustration is not None
        and may_see_asset(request.user, illustration.asset),
        "has_upload": is_event and bool(obj.image),
        "candidates": illustrations.candidates(user=request.user, events=events)
        if may_work
        else [],
        "may_work": may_work,
    }
