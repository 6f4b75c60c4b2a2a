"""Background jobs of events: thin wrappers that call services and notifications."""

from __future__ import annotations

from django_tasks import task

from sklaida.events import notifications
from sklaida.events.models import Event, Registration


@task()
def send_event_cancellation_notices(*, event_id: int) -> int:
    """Tell everyone who holds or awaits a seat that the event is cancelled."""
    event = Event.objects.get(pk=event_id)
    registrations = event.registrations.filter(
        status__in=[
            Registration.Status.CONFIRMED,
            Registration.Status.WAITLISTED,
            Registration.Status.PENDING,
        ],
        anonymised_at__isnull=True,
    )
    sent = 0
    for registration in registrations:
        notifications.event_cancelled(registration=registration)
        sent += 1
    return sent


@task()
def send_tour_reminders() -> int:
    """E-mail the groups whose tour is tomorrow (once each)."""
    # Services enqueue these tasks, so they are imported only when a task runs.
    from sklaida.events.services import tours

    return tours.remind_tomorrows_tours()


@task()
def send_registration_reminders() -> int:
    """E-mail confirmed registrants the configured hours before their event."""
    # Imported here: the services import this module for their side effects.
    from sklaida.events.services import registration

    return registration.send_due_reminders()


@task()
def anonymise_expired_registrations() -> int:
    """Erase registrants' personal data once the event's retention period is over."""
    from sklaida.events.services import registration

    return registration.anonymise_expired_registrations()


@task()
def anonymise_old_tour_requests() -> int:
    """Daily: tour groups' contact data is erased a year after the tour."""
    from sklaida.events.services import tours

    return tours.anonymise_old_tour_requests()
