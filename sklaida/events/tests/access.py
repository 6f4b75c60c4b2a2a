"""Who may use each staff events URL (checked by core/tests/test_access_matrix.py).

The department reads every event and its workers change them; a territory specialist
registers and edits her own library's events (for the county statistics).
"""

from sklaida.events.models import Event, Registration
from sklaida.events.tests.factories import EventFactory, RegistrationFactory
from sklaida.testing.access import DEPARTMENT, DEPARTMENT_WORKERS, Rule

TERRITORY = frozenset({"teritorija"})


def _territory_event(data: dict) -> dict:
    """A fresh planned event of the territory specialist's library."""
    library = data["teritorija"].library
    event = EventFactory(
        library=library,
        space=library.spaces.first(),
        status=Event.Status.PLANNED,
        announced_at=None,
    )
    return {"pk": event.pk}


def _territory_registrations(data: dict) -> dict:
    """An event of the territory specialist's library that takes registrations."""
    library = data["teritorija"].library
    event = EventFactory(
        library=library,
        space=library.spaces.first(),
        registration=Event.Registration.APPROVAL,
        capacity=20,
    )
    return {"pk": event.pk}


def _territory_registration(status: str):
    def build(data: dict) -> dict:
        kwargs = _territory_registrations(data)
        registration = RegistrationFactory(event_id=kwargs["pk"], status=status)
        return {**kwargs, "registration_pk": registration.pk}

    return build


EXPECTED_ACCESS: dict[str, Rule] = {
    "events:list": Rule(DEPARTMENT | TERRITORY),
    "events:create": Rule(DEPARTMENT_WORKERS | TERRITORY),
    "events:detail": Rule(DEPARTMENT | TERRITORY, kwargs=_territory_event),
    "events:update": Rule(DEPARTMENT_WORKERS | TERRITORY, kwargs=_territory_event),
    "events:status": Rule(
        DEPARTMENT_WORKERS | TERRITORY,
        method="POST",
        kwargs=_territory_event,
        data=lambda data: {"status": "confirmed"},
    ),
    "events:cancel": Rule(DEPARTMENT_WORKERS | TERRITORY, method="POST", kwargs=_territory_event),
    "events:registrations": Rule(DEPARTMENT | TERRITORY, kwargs=_territory_registrations),
    "events:registrations_export": Rule(
        DEPARTMENT | TERRITORY, kwargs=lambda data: {**_territory_registrations(data), "fmt": "csv"}
    ),
    "events:registration_questions": Rule(
        DEPARTMENT_WORKERS | TERRITORY, kwargs=_territory_registrations
    ),
    "events:registration_check_in": Rule(
        DEPARTMENT_WORKERS | TERRITORY,
        method="POST",
        kwargs=_territory_registration(Registration.Status.CONFIRMED),
    ),
    "events:registration_approve": Rule(
        DEPARTMENT_WORKERS | TERRITORY,
        method="POST",
        kwargs=_territory_registration(Registration.Status.PENDING),
    ),
    "events:registration_decline": Rule(
        DEPARTMENT_WORKERS | TERRITORY,
        method="POST",
        kwargs=_territory_registration(Registration.Status.PENDING),
    ),
}
