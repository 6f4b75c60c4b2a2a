"""Every change to consultations: request, schedule, record, cancel."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from sklaida.consultations.models import Consultation
from sklaida.contacts.models import Person
from sklaida.core import services as core_services
from sklaida.core.models import Library, User
from sklaida.core.permissions import Capability, Role, has_capability, roles_of

Status = Consultation.Status

# Which status may follow which; views never set a status themselves.
TRANSITIONS: dict[str, set[str]] = {
    Status.REQUESTED: {Status.SCHEDULED, Status.DONE, Status.CANCELLED},
    Status.SCHEDULED: {Status.DONE, Status.CANCELLED},
    Status.DONE: set(),
    Status.CANCELLED: set(),
}


def _require_staff(actor: User) -> None:
    if not has_capability(actor, Capability.WORK_IN_DEPARTMENT):
        raise PermissionDenied


def _move(consultation: Consultation, status: str) -> None:
    if status not in TRANSITIONS[consultation.status]:
        raise ValidationError(
            _("A consultation that is “%(current)s” cannot become “%(new)s”.")
            % {
                "current": consultation.get_status_display(),
                "new": Status(status).label,
            }
        )
    consultation.status = status


def request_consultation(
    *,
    actor: User,
    library: Library,
    topic: str,
    form: str,
    question: str,
    preferred_date: datetime.date | None = None,
    recipient_names: str = "",
) -> Consultation:
    """A library asks for help. A territory specialist may ask only for their own library."""
    is_territory = Role.TERRITORY in roles_of(actor)
    if is_territory and library.pk != actor.library_id:
        raise PermissionDenied
    if not is_territory:
        _require_staff(actor)
    consultation = Consultation(
        status=Status.REQUESTED,
        library=library,
        topic=topic,
        form=form,
        question=question,
        preferred_date=preferred_date,
        recipient_names=recipient_names,
        requested_by=actor,
    )
    consultation.full_clean()
    consultation.save()
    return consultation


def schedule_consultation(
    *,
    actor: User,
    consultation: Consultation,
    date: datetime.date,
    consultants: list[User],
    form: str | None = None,
) -> Consultation:
    """Staff accept a request and set its date and consultants."""
    _require_staff(actor)
    with transaction.atomic():
        _move(consultation, Status.SCHEDULED)
        consultation.date = date
        if form:
            consultation.form = form
        consultation.full_clean()
        consultation.save()
        consultation.consultants.set(consultants or [actor])
    return consultation


def record_consultation(
    *,
    actor: User,
    consultation: Consultation,
    date: datetime.date,
    duration_hours: Decimal,
    advice: str,
    consultants: list[User],
    persons: list[Person] = (),
    follow_up: str = "",
    follow_up_due: datetime.date | None = None,
) -> Consultation:
    """Note the help given; a follow-up, if any, becomes a task of the first consultant.

    A consultation nobody requested is recorded by passing a new, unsaved Consultation.
    """
    _require_staff(actor)
    with transaction.atomic():
        if consultation.pk is None:
            consultation.status = Status.DONE
        else:
            _move(consultation, Status.DONE)
        consultation.date, consultation.duration_hours, consultation.advice = (
            date,
            duration_hours,
            advice,
        )
        consultation.full_clean()
        consultation.save()
        consultants = list(consultants) or [actor]
        consultation.consultants.set(consultants)
        consultation.persons.set(persons)
        if follow_up and consultation.follow_up_task_id is None:
            consultation.follow_up_task = core_services.create_task(
                actor=actor,
                title=follow_up[:200],
                owner=consultants[0],
                due_date=follow_up_due,
                target=consultation,
            )
            consultation.save(update_fields=["follow_up_task"])
    return consultation


def may_cancel(actor: User, consultation: Consultation) -> bool:
    """Staff cancel any consultation; a territory specialist may withdraw their request."""
    if has_capability(actor, Capability.WORK_IN_DEPARTMENT):
        return True
    return (
        consultation.status == Status.REQUESTED
        and Role.TERRITORY in roles_of(actor)
        and consultation.library_id == actor.library_id
    )


def cancel_consultation(*, actor: User, consultation: Consultation) -> Consultation:
    """Cancel an open consultation (who may: `may_cancel`)."""
    if not may_cancel(actor, consultation):
        raise PermissionDenied
    _move(consultation, Status.CANCELLED)
    consultation.save(update_fields=["status"])
    return consultation
