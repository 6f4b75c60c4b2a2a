"""Reads of registrations: an event's registrant list, its counts, the export, a person's place."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet, Sum
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from sklaida.events.models import Event, Registration, RegistrationQuestion

Status = Registration.Status


@dataclass(frozen=True)
class RegistrationCounts:
    """Seats and people by status, for the list's summary."""

    confirmed_seats: int
    confirmed: int
    waitlisted_seats: int
    waitlisted: int
    pending_seats: int
    pending: int
    checked_in_seats: int
    checked_in: int


def questions_of(event: Event) -> list[RegistrationQuestion]:
    return list(event.questions.all())


def registrations_of(*, event: Event, status: str = "", q: str = "") -> QuerySet[Registration]:
    """The event's registrations in sign-up order (the order the waiting list is served)."""
    registrations = event.registrations.all()
    if status:
        registrations = registrations.filter(status=status)
    if q:
        registrations = registrations.filter(Q(name__icontains=q) | Q(email__icontains=q))
    return registrations.order_by("created_at", "pk")


def registration_counts(event: Event) -> RegistrationCounts:
    def seats_and_people(condition: Q) -> dict:
        return {
            "seats": Sum("seats", filter=condition, default=0),
            "people": Count("pk", filter=condition),
        }

    parts = {
        "confirmed": Q(status=Status.CONFIRMED),
        "waitlisted": Q(status=Status.WAITLISTED),
        "pending": Q(status=Status.PENDING),
        "checked_in": Q(status=Status.CONFIRMED, checked_in_at__isnull=False),
    }
    aggregates = {}
    for name, condition in parts.items():
        pair = seats_and_people(condition)
        aggregates[f"{name}_seats"] = pair["seats"]
        aggregates[name] = pair["people"]
    return RegistrationCounts(**event.registrations.aggregate(**aggregates))


def answers_in_order(
    registration: Registration, questions: list[RegistrationQuestion]
) -> list[tuple[RegistrationQuestion, str]]:
    """The registrant's answers as (question, text) pairs in the form's order."""
    pairs = []
    for question in questions:
        value = registration.answers.get(str(question.pk), "")
        if question.kind == RegistrationQuestion.Kind.CHECKBOX:
            value = _("yes") if value else _("no")
        pairs.append((question, str(value)))
    return pairs


def waitlist_position(registration: Registration) -> int | None:
    """1 for the head of the waiting list; None when not waiting."""
    if registration.status != Status.WAITLISTED:
        return None
    ahead = registration.event.registrations.filter(status=Status.WAITLISTED).filter(
        Q(created_at__lt=registration.created_at)
        | Q(created_at=registration.created_at, pk__lt=registration.pk)
    )
    return ahead.count() + 1


def export_rows(event: Event) -> list[list]:
    """The registrant list as a table for CSV and XLSX: a header, then a row per sign-up."""
    questions = questions_of(event)
    rows: list[list] = [
        [
            _("Signed up"),
            pgettext("person", "Name"),
            _("E-mail"),
            _("Phone"),
            _("Seats"),
            _("Status"),
            _("Checked in"),
            *(question.label for question in questions),
        ]
    ]
    for registration in registrations_of(event=event):
        rows.append(
            [
                date_format(localtime(registration.created_at), "SHORT_DATETIME_FORMAT"),
                registration.name or _("Anonymised registrant"),
                registration.email,
                registration.phone,
                registration.seats,
                registration.get_status_display(),
                date_format(localtime(registration.checked_in_at), "SHORT_DATETIME_FORMAT")
                if registration.checked_in_at
                else "",
                *(text for _question, text in answers_in_order(registration, questions)),
            ]
        )
    return rows
