"""Writing the cultural activity plan (2.2): the plan, its approval and its planned activities."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sklaida.contacts.models import Organisation
from sklaida.core.models import User
from sklaida.core.permissions import Capability, has_capability
from sklaida.events.models import ActivityPlan, Audience, PlannedActivity

Status = ActivityPlan.Status

# Which status may follow which; views never set a status themselves.
TRANSITIONS: dict[str, set[str]] = {
    Status.DRAFT: {Status.APPROVED},
    Status.APPROVED: set(),
}


def may_edit_plans(user: User) -> bool:
    """Department workers write the plan; the head also approves it."""
    return has_capability(user, Capability.WORK_IN_DEPARTMENT)


def may_approve_plans(user: User) -> bool:
    return has_capability(user, Capability.APPROVE)


def _require_editor(actor: User) -> None:
    if not may_edit_plans(actor):
        raise PermissionDenied


def save_plan(*, actor: User, plan: ActivityPlan) -> ActivityPlan:
    """Create a year's plan or change its title and notes (its status has its own step)."""
    _require_editor(actor)
    if plan.pk:
        stored = ActivityPlan.objects.get(pk=plan.pk)
        plan.status, plan.approved_on = stored.status, stored.approved_on
    else:
        plan.status, plan.approved_on = Status.DRAFT, None
    plan.full_clean()
    with transaction.atomic():
        plan.save()
    return plan


def approve_plan(*, actor: User, plan: ActivityPlan) -> ActivityPlan:
    """The head approves the plan; it is then published as approved on that day."""
    if not may_approve_plans(actor):
        raise PermissionDenied
    if Status.APPROVED not in TRANSITIONS[plan.status]:
        raise ValidationError(_("This plan has already been approved."))
    with transaction.atomic():
        plan = ActivityPlan.objects.select_for_update().get(pk=plan.pk)
        if Status.APPROVED not in TRANSITIONS[plan.status]:
            raise ValidationError(_("This plan has already been approved."))
        if not plan.activities.filter(is_cancelled=False).exists():
            raise ValidationError(_("A plan without planned activities cannot be approved."))
        plan.status = Status.APPROVED
        plan.approved_on = timezone.localdate()
        plan.save(update_fields=["status", "approved_on"])
    return plan


def save_planned_activity(
    *,
    actor: User,
    activity: PlannedActivity,
    audiences: Iterable[Audience] = (),
    partners: Iterable[Organisation] = (),
) -> PlannedActivity:
    """Add a line to the plan or change one, with its audiences and partners."""
    _require_editor(actor)
    activity.full_clean()
    with transaction.atomic():
        activity.save()
        activity.audiences.set(audiences)
        activity.partners.set(partners)
    return activity


def drop_planned_activity(*, actor: User, activity: PlannedActivity) -> PlannedActivity:
    """Drop a line from the plan: it stays visible as dropped and no longer counts."""
    _require_editor(actor)
    if activity.is_cancelled:
        raise ValidationError(_("This activity has already been dropped from the plan."))
    with transaction.atomic():
        activity.is_cancelled = True
        activity.save(update_fields=["is_cancelled"])
    return activity
