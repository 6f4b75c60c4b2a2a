"""What the design app adds to other apps' pages: an event's design requests."""

from __future__ import annotations

from django.http import HttpRequest

from sklaida.core import registry
from sklaida.core.permissions import Capability, has_capability
from sklaida.design import selectors, services


def event_panel(request: HttpRequest, event) -> dict | None:
    if not has_capability(request.user, Capability.READ_DEPARTMENT):
        return None
    return {
        "event": event,
        "requests": list(selectors.requests_of_event(event)),
        "may_work": services.may_work(request.user),
    }


def register() -> None:
    registry.register_panel("events.event", "design/_event_panel.html", event_panel)
