"""Permission checks every communication screen uses, and the answer to a page's button."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from sklaida.core.permissions import Capability, has_capability


def may_read(request: HttpRequest) -> None:
    """Everyone in the department reads communication."""
    if not has_capability(request.user, Capability.READ_DEPARTMENT):
        raise PermissionDenied


def may_work(request: HttpRequest) -> None:
    """The department's workers write."""
    if not has_capability(request.user, Capability.WORK_IN_DEPARTMENT):
        raise PermissionDenied


def act_then_back(
    request: HttpRequest, target, action: Callable[[], object], done: str
) -> HttpResponse:
    """Run a button's service and go back to `target`'s page; a refusal becomes the message."""
    try:
        action()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect(target)
