"""E-mails to the public about events: registrations, the waiting list, cancellations, tours.

Each is written in the language the person used on the public page.
"""

from __future__ import annotations

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
