"""What the design area adds to other apps' pages: an event's design requests, and on a
space's page the signs, graphics and decorations hanging there today and those planned
next."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone

from sklaida.core import registry
from sklaida.core.permissions import Capability, has_capability
from sklaida.design import selectors, selectors_spaces, services

_registered = False


def event_panel(request: HttpRequest, event) -> dict | None:
    if not has_capability(request.user, Capability.READ_DEPARTMENT):
        return None
    return {
        "event": event,
        "requests": list(selectors.requests_of_event(event)),
        "may_work": services.may_work(request.user),
    }


def space_panel(request: HttpRequest, space) -> dict | None:
    """Items in place today (installed on or before it and not taken down before it) and
    the ones to go up next, each with its project; the department only."""
    if not has_capability(request.user, Capability.READ_DEPARTMENT):
        return None
    today = timezone.localdate()
    return {
        "space": space,
        "today": today,
        "in_place": list(selectors_spaces.items_in_place(space, day=today)),
        "planned": list(selectors_spaces.items_planned(space, day=today)),
        "may_work": has_capability(request.user, Capability.WORK_IN_DEPARTMENT),
    }


def register_panels() -> None:
    """Called from DesignConfig.ready; a second call adds nothing."""
    global _registered
    if _registered:
        return
    registry.register_panel("events.event", "design/_event_panel.html", event_panel)
    registry.register_panel("core.space", "design/_space_panel.html", space_panel)
    _registered = True
