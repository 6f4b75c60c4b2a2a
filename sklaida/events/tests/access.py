"""Who may use each staff events URL (checked by core/tests/test_access_matrix.py).

The department reads every event and its workers change them; a territory specialist
registers and edits her own library's events (for the county statistics).
"""

from sklaida.events.models import Event
from sklaida.events.tests.factories import EventFactory
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
}
