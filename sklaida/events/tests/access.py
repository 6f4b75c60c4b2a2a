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


# Calendar, provision, attendance and exhibitions (issue 4, calendar part).
def _territory_exhibition(data: dict) -> dict:
    """A fresh exhibition of the territory specialist's library, open since yesterday."""
    import datetime

    from django.utils import timezone

    library = data["teritorija"].library
    opened = timezone.now() - datetime.timedelta(days=1)
    exhibition = EventFactory(
        library=library,
        space=library.spaces.first(),
        event_type="exhibition",
        starts_at=opened,
        ends_at=opened + datetime.timedelta(days=30),
    )
    return {"pk": exhibition.pk}


def _provision_template(data: dict) -> dict:
    from sklaida.events.services.provision import ensure_default_templates

    return {"pk": ensure_default_templates()[0].pk}


def _move_data(data: dict) -> dict:
    import datetime

    from django.utils import timezone

    return {"date": (timezone.localdate() + datetime.timedelta(days=40)).isoformat()}


EXPECTED_ACCESS.update(
    {
        "events:calendar": Rule(DEPARTMENT | TERRITORY),
        "events:move": Rule(
            DEPARTMENT_WORKERS | TERRITORY, method="POST", kwargs=_territory_event, data=_move_data
        ),
        "events:equipment": Rule(DEPARTMENT),
        "events:provision_templates": Rule(DEPARTMENT),
        "events:provision_template_create": Rule(DEPARTMENT_WORKERS),
        "events:provision_template_update": Rule(DEPARTMENT_WORKERS, kwargs=_provision_template),
        "events:provision_apply": Rule(
            DEPARTMENT_WORKERS | TERRITORY,
            method="POST",
            kwargs=_territory_event,
            data=lambda data: {"template": _provision_template(data)["pk"]},
        ),
        "events:provision_add": Rule(DEPARTMENT_WORKERS | TERRITORY, kwargs=_territory_event),
        "events:attendance": Rule(DEPARTMENT_WORKERS | TERRITORY, kwargs=_territory_event),
        "events:exhibits": Rule(DEPARTMENT_WORKERS | TERRITORY, kwargs=_territory_exhibition),
        "events:visitors": Rule(DEPARTMENT_WORKERS | TERRITORY, kwargs=_territory_exhibition),
    }
)
