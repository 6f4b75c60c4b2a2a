"""E-mails to the public about events: registrations, the waiting list, cancellations, tours.

Each is written in the language the person used on the public page.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils import translation

from sklaida.core.notifications import absolute_url, send_to_address
from sklaida.events.models import Registration


def event_cancelled(*, registration: Registration) -> None:
    event = registration.event
    send_to_address(
        address=registration.email,
        language=registration.language,
        template="events/email/event_cancelled",
        context={
            "registration": registration,
            "event": event,
            "calendar_url": absolute_url("/renginiai/"),
        },
    )


def _registration_email(*, registration: Registration, template: str) -> None:
    """One e-mail about a registration, with the personal links in the person's language."""
    event = registration.event
    with translation.override(registration.language):
        status_url = absolute_url(
            reverse("public:registration_status", kwargs={"token": registration.token})
        )
        cancel_url = absolute_url(registration.get_cancel_url())
    send_to_address(
        address=registration.email,
        language=registration.language,
        template=f"events/email/{template}",
        context={
            "registration": registration,
            "event": event,
            "status_url": status_url,
            "cancel_url": cancel_url,
        },
    )


def registration_confirmed(*, registration: Registration) -> None:
    _registration_email(registration=registration, template="registration_confirmed")


def registration_waitlisted(*, registration: Registration) -> None:
    _registration_email(registration=registration, template="registration_waitlisted")


def registration_promoted(*, registration: Registration) -> None:
    _registration_email(registration=registration, template="registration_promoted")


def registration_pending(*, registration: Registration) -> None:
    _registration_email(registration=registration, template="registration_pending")


def registration_approved(*, registration: Registration) -> None:
    _registration_email(registration=registration, template="registration_approved")


def registration_declined(*, registration: Registration) -> None:
    _registration_email(registration=registration, template="registration_declined")


def registration_reminder(*, registration: Registration) -> None:
    _registration_email(registration=registration, template="registration_reminder")
