"""Permission checks every communication screen uses."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from sklaida.core.permissions import Capability, has_capability


def may_read(request: HttpRequest) -> None:
    """Everyone in the department reads communication."""
    if not has_capability(request.user, Capability.READ_DEPARTMENT):
        raise PermissionDenied


def may_work(request: HttpRequest) -> None:
    """The department's workers write."""
    if not has_capability(request.user, Capability.WORK_IN_DEPARTMENT):
        raise PermissionDenied
