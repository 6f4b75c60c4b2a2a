"""What procurement adds to an improvement proposal's page in the archive: the button that
makes a purchase request of an approved proposal, then the request's status and progress.
The archive renders the panels it is given and never imports procurement."""

from __future__ import annotations

from django.http import HttpRequest

from sklaida.core import registry
from sklaida.core.permissions import Capability, has_capability
from sklaida.procurement import selectors, services

_registered = False


def proposal_panel(request: HttpRequest, proposal) -> dict | None:
    """The request made of the proposal, or the button to make one (approved proposals, and
    those passed to procurement before there was a register); nothing otherwise."""
    if not has_capability(request.user, Capability.READ_DEPARTMENT):
        return None
    purchase = selectors.request_of_proposal(proposal)
    may_create = (
        purchase is None
        and proposal.status in ("approved", "procurement")
        and services.may_work(request.user)
    )
    if purchase is None and not may_create:
        return None
    return {"proposal": proposal, "purchase": purchase, "may_create": may_create}


def register_panels() -> None:
    """Called from ProcurementConfig.ready; a second call adds nothing."""
    global _registered
    if _registered:
        return
    registry.register_panel("archive.proposal", "procurement/_proposal_panel.html", proposal_panel)
    _registered = True
