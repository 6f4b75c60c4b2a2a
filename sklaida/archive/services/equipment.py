"""The equipment inventory, its bookings and the improvement proposals' workflow (3.3)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sklaida.archive.models import Proposal
from sklaida.core import bookings
from sklaida.core.models import Booking, Equipment, Library, User
from sklaida.core.permissions import Capability, has_capability, require_capability

Status = Proposal.Status


def department_library() -> Library | None:
    """The library whose equipment the department keeps: the county library."""
    return Library.objects.filter(kind=Library.Kind.COUNTY).first()


# Inventory


def save_equipment(*, actor: User, equipment: Equipment) -> Equipment:
    """Add an item to the inventory or change one; inventory numbers are unique per library."""
    require_capability(actor, Capability.WORK_IN_DEPARTMENT)
    if equipment.library_id is None:
        equipment.library = department_library()
    equipment.full_clean()
    if equipment.purchase_date and equipment.purchase_date > timezone.localdate():
        raise ValidationError({"purchase_date": _("The purchase date is in the future.")})
    if equipment.value is not None and equipment.value < 0:
        raise ValidationError({"value": _("The value cannot be negative.")})
    with transaction.atomic():
        if equipment.inventory_number:
            taken = (
                Equipment.objects.select_for_update()
                .filter(library=equipment.library, inventory_number=equipment.inventory_number)
                .exclude(pk=equipment.pk)
                .first()
            )
            if taken is not None:
                raise ValidationError(
                    {
                        "inventory_number": _(
                            "Inventory number %(number)s is already given to “%(name)s”."
                        )
                        % {"number": equipment.inventory_number, "name": taken.name}
                    }
                )
        equipment.save()
    return equipment


def book_equipment(
    *,
    actor: User,
    equipment: Equipment,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    purpose: str,
) -> Booking:
    """Reserve an item for a time; refused when another booking (an event's too) overlaps."""
    require_capability(actor, Capability.WORK_IN_DEPARTMENT)
    if ends_at <= starts_at:
        raise ValidationError(_("A booking must end after it starts."))
    if ends_at <= timezone.now():
        raise ValidationError(_("A booking cannot end in the past."))
    if not purpose.strip():
        raise ValidationError(_("Say what the item is booked for."))
    with transaction.atomic():
        # The item's row is the lock: two bookings of it are checked one after the other,
        # so both cannot see the time free and both be saved.
        item = Equipment.objects.select_for_update().get(pk=equipment.pk)
        if not item.is_active or item.condition == Equipment.Condition.WRITTEN_OFF:
            raise ValidationError(_("An item that is not in use cannot be booked."))
        conflicts = bookings.find_conflicts(equipment=item, starts_at=starts_at, ends_at=ends_at)
        if conflicts:
            raise ValidationError([str(conflict) for conflict in conflicts], code="conflict")
        return Booking.objects.create(
            equipment=item, starts_at=starts_at, ends_at=ends_at, title=purpose.strip()
        )


def cancel_booking(*, actor: User, booking: Booking) -> None:
    """Free an item booked on its own page; an event's booking follows the event instead."""
    require_capability(actor, Capability.WORK_IN_DEPARTMENT)
    if booking.content_type_id is not None:
        raise ValidationError(
            _("This booking belongs to “%(holder)s”; change it there.") % {"holder": booking.title}
        )
    booking.delete()


# Improvement proposals


@dataclass(frozen=True)
class Transition:
    sources: frozenset[str]
    target: str
    capability: Capability


# The one table of which status may follow which, and who may move a proposal there.
# "Passed to procurement" is a status until the procurement register exists.
TRANSITIONS: dict[str, Transition] = {
    "submit": Transition(
        frozenset({Status.DRAFT}), Status.SUBMITTED, Capability.WORK_IN_DEPARTMENT
    ),
    "approve": Transition(frozenset({Status.SUBMITTED}), Status.APPROVED, Capability.APPROVE),
    "reject": Transition(frozenset({Status.SUBMITTED}), Status.REJECTED, Capability.APPROVE),
    "pass_to_procurement": Transition(
        frozenset({Status.APPROVED}), Status.TO_PROCUREMENT, Capability.WORK_IN_DEPARTMENT
    ),
}
DECISIONS = frozenset({"approve", "reject"})


def available_transitions(*, user: User, proposal: Proposal) -> list[str]:
    """The transitions the user may make on the proposal now (the buttons to show)."""
    return [
        name
        for name, transition in TRANSITIONS.items()
        if proposal.status in transition.sources and has_capability(user, transition.capability)
    ]


def _transition(*, actor: User, proposal: Proposal, name: str, note: str = "") -> Proposal:
    transition = TRANSITIONS[name]
    require_capability(actor, transition.capability)
    with transaction.atomic():
        locked = Proposal.objects.select_for_update().get(pk=proposal.pk)
        if locked.status not in transition.sources:
            raise ValidationError(
                _("A proposal that is “%(current)s” cannot become “%(new)s”.")
                % {
                    "current": locked.get_status_display(),
                    "new": Status(transition.target).label,
                },
                code="illegal_transition",
            )
        proposal.status = transition.target
        update = ["status"]
        if name in DECISIONS:
            proposal.decided_by, proposal.decided_at = actor, timezone.now()
            proposal.decision_note = note
            update += ["decided_by", "decided_at", "decision_note"]
        proposal.save(update_fields=update)
    return proposal


def save_proposal(*, actor: User, proposal: Proposal) -> Proposal:
    """Write a new proposal or change a draft; what was submitted is no longer changed."""
    require_capability(actor, Capability.WORK_IN_DEPARTMENT)
    if proposal.pk:
        current = Proposal.objects.values_list("status", flat=True).get(pk=proposal.pk)
        if current != Status.DRAFT:
            raise ValidationError(_("Only a draft proposal can be changed."))
    else:
        proposal.status = Status.DRAFT
        proposal.proposed_by = proposal.proposed_by or actor
    if proposal.estimated_cost is not None and proposal.estimated_cost < Decimal(0):
        raise ValidationError({"estimated_cost": _("The cost cannot be negative.")})
    proposal.full_clean()
    proposal.save()
    return proposal


def submit_proposal(*, actor: User, proposal: Proposal) -> Proposal:
    """Send a draft to the head of department for a decision."""
    return _transition(actor=actor, proposal=proposal, name="submit")


def approve_proposal(*, actor: User, proposal: Proposal, note: str = "") -> Proposal:
    """The head approves a submitted proposal."""
    return _transition(actor=actor, proposal=proposal, name="approve", note=note.strip())


def reject_proposal(*, actor: User, proposal: Proposal, reason: str) -> Proposal:
    """The head rejects a submitted proposal, saying why."""
    require_capability(actor, TRANSITIONS["reject"].capability)
    if not reason.strip():
        raise ValidationError(_("Say why the proposal is rejected."))
    return _transition(actor=actor, proposal=proposal, name="reject", note=reason.strip())


def pass_to_procurement(*, actor: User, proposal: Proposal) -> Proposal:
    """Hand an approved proposal over to procurement (a status until that register exists)."""
    return _transition(actor=actor, proposal=proposal, name="pass_to_procurement")
