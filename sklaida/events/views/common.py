"""Permission checks and lookups every events screen uses."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from sklaida.core.permissions import Capability, has_capability
from sklaida.events.models import Event
from sklaida.events.selectors import events as event_selectors


def may_read(request: HttpRequest) -> None:
    """The department reads everything; a territory specialist her library's events."""
    if not (
        has_capability(request.user, Capability.READ_DEPARTMENT)
        or has_capability(request.user, Capability.WORK_FOR_OWN_LIBRARY)
    ):
        raise PermissionDenied


def may_work(request: HttpRequest) -> None:
    if not (
        has_capability(request.user, Capability.WORK_IN_DEPARTMENT)
        or has_capability(request.user, Capability.WORK_FOR_OWN_LIBRARY)
    ):
        raise PermissionDenied


def staff_only(request: HttpRequest) -> None:
    if not has_capability(request.user, Capability.WORK_IN_DEPARTMENT):
        raise PermissionDenied


def event_or_404(request: HttpRequest, pk: int) -> Event:
    try:
        return event_selectors.event_for(user=request.user, pk=pk)
    except Event.DoesNotExist as missing:
        raise Http404 from missing
