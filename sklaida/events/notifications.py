"""E-mails to the public about events: registrations, the waiting list, cancellations, tours.

Each is written in the language the person used on the public page. Nobody has proved
they own the address a public form was given, so these e-mails greet neutrally and never
repeat what was typed into the form (a name, an answer, a note): otherwise anyone could
send a stranger the Library's e-mail with their own words in it. The tour e-mails sent
after the department answered may greet the contact person: a person read the request.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils import translation

from sklaida.core.notifications import absolute_url, send_to_address
from sklaida.events.models import Registration, TourBooking


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


# Guided tours: the group hears in the language of the page they booked on, the
# department's head and specialists in their own.


def _tour_context(tour: TourBooking) -> dict:
    from django.urls import reverse
    from django.utils import translation

    with translation.override(tour.request_language):
        answer_url = absolute_url(reverse("public:tour_answer", kwargs={"token": tour.token}))
    return {"tour": tour, "answer_url": answer_url}


def _to_group(tour: TourBooking, template: str, **context) -> None:
    send_to_address(
        address=tour.contact_email,
        language=tour.request_language,
        template=f"events/email/{template}",
        context={**_tour_context(tour), **context},
    )


def _to_department(tour: TourBooking, template: str, **context) -> None:
    from sklaida.events.selectors.tours import tour_staff

    tour_url = absolute_url(tour.get_absolute_url())
    for recipient in tour_staff():
        send_to_address(
            address=recipient.email,
            language=recipient.language,
            template=f"events/email/{template}",
            context={"tour": tour, "tour_url": tour_url, "recipient": recipient, **context},
        )


def tour_requested(*, tour: TourBooking) -> None:
    """A new request: the department is told, the group gets an acknowledgement."""
    _to_department(tour, "tour_requested_staff")
    _to_group(tour, "tour_request_received")


def tour_confirmed(*, tour: TourBooking) -> None:
    _to_group(tour, "tour_confirmed")


def tour_proposed(*, tour: TourBooking) -> None:
    _to_group(tour, "tour_proposed")


def tour_answered(*, tour: TourBooking, accepted: bool) -> None:
    _to_department(tour, "tour_answered_staff", accepted=accepted)


def tour_cancelled(*, tour: TourBooking, reason: str) -> None:
    _to_group(tour, "tour_cancelled", reason=reason)


def tour_reminder(*, tour: TourBooking) -> None:
    _to_group(tour, "tour_reminder")


def _registration_email(
    *, registration: Registration, template: str, language: str | None = None
) -> None:
    """One e-mail about a registration, with the personal links in the person's language."""
    event = registration.event
    language = language or registration.language
    with translation.override(language):
        status_url = absolute_url(
            reverse("public:registration_status", kwargs={"token": registration.token})
        )
        cancel_url = absolute_url(registration.get_cancel_url())
    send_to_address(
        address=registration.email,
        language=language,
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


def registration_already(*, registration: Registration, language: str) -> None:
    """Someone signed up again with an address that is signed up: the link to the first."""
    _registration_email(
        registration=registration, template="registration_already", language=language
    )


def registration_reminder(*, registration: Registration) -> None:
    _registration_email(registration=registration, template="registration_reminder")


def registration_cancelled(*, registration: Registration, by_staff: bool) -> None:
    """The registrant learns the cancellation took effect (or that the organisers made it)."""
    send_to_address(
        address=registration.email,
        language=registration.language,
        template="events/email/registration_cancelled",
        context={
            "registration": registration,
            "event": registration.event,
            "by_staff": by_staff,
            "calendar_url": absolute_url(reverse("public:event_list")),
        },
    )
