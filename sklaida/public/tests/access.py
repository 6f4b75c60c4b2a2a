"""Who may use each public URL (checked by core/tests/test_access_matrix.py)."""

from sklaida.events.models import Event
from sklaida.events.tests.factories import EventFactory, RegistrationFactory
from sklaida.testing.access import EVERYONE, Rule


def _open_event(data: dict) -> dict:
    return {"slug": EventFactory(registration=Event.Registration.OPEN, capacity=30).slug}


def _registration(data: dict) -> dict:
    return {"token": RegistrationFactory(event__registration=Event.Registration.OPEN).token}


EXPECTED_ACCESS: dict[str, Rule] = {
    "public:register": Rule(EVERYONE, kwargs=_open_event),
    "public:registration_status": Rule(EVERYONE, kwargs=_registration),
    "public:registration_cancel": Rule(EVERYONE, kwargs=_registration),
}
