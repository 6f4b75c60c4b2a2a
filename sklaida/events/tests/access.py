"""Who may use each staff events URL (checked by core/tests/test_access_matrix.py).

The department reads every event and its workers change them; a territory specialist
registers and edits her own library's events (for the county statistics).
"""

from sklaida.events.models import Event
from sklaida.events.tests.factories import (
    ActivityPlanFactory,
    EventFactory,
    PlannedActivityFactory,
    RegistrationFactory,
    TourBookingFactory,
)
from sklaida.testing.access import DEPARTMENT, DEPARTMENT_WORKERS, Rule

HEAD = frozenset({"vadove"})

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

# Cultural activity plans and statistics: the department reads, its workers write the plan,
# the head approves it (territory specialists do not see the county's plan).


def _plan(data: dict) -> dict:
    return {"pk": ActivityPlanFactory(year=2026).pk}


def _planned_activity(data: dict) -> dict:
    """A fresh line of the plan, so each role's request to drop it finds it still planned."""
    return {"pk": PlannedActivityFactory().pk}


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
        "events:plan_list": Rule(DEPARTMENT),
        "events:plan_create": Rule(DEPARTMENT_WORKERS),
        "events:plan_detail": Rule(DEPARTMENT, kwargs=_plan),
        "events:plan_update": Rule(DEPARTMENT_WORKERS, kwargs=_plan),
        "events:plan_approve": Rule(HEAD, method="POST", kwargs=_plan),
        "events:plan_xlsx": Rule(DEPARTMENT, kwargs=_plan),
        "events:plan_pdf": Rule(DEPARTMENT, kwargs=_plan),
        "events:planned_activity_create": Rule(DEPARTMENT_WORKERS, kwargs=_plan),
        "events:planned_activity_update": Rule(DEPARTMENT_WORKERS, kwargs=_planned_activity),
        "events:planned_activity_drop": Rule(
            DEPARTMENT_WORKERS, method="POST", kwargs=_planned_activity
        ),
        "events:statistics": Rule(DEPARTMENT),
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

# Guided tours: the department reads them, its workers answer the groups.


def _requested_tour(data: dict) -> dict:
    """A fresh request of a group (each request may change it)."""
    return {"pk": TourBookingFactory().pk}


# Registrations (issue 4, registration part): the department and the territory specialist
# (her library's events) read the list; its workers and she check in, approve and decline.
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
        if status == "confirmed":  # a confirmed registration holds its seat
            Event.objects.filter(pk=kwargs["pk"]).update(seats_confirmed=registration.seats)
        return {**kwargs, "registration_pk": registration.pk}

    return build


EXPECTED_ACCESS.update(
    {
        "events:tour_list": Rule(DEPARTMENT),
        "events:tour_detail": Rule(DEPARTMENT, kwargs=_requested_tour),
        "events:tour_confirm": Rule(DEPARTMENT_WORKERS, method="POST", kwargs=_requested_tour),
        "events:tour_propose": Rule(DEPARTMENT_WORKERS, method="POST", kwargs=_requested_tour),
        "events:tour_held": Rule(DEPARTMENT_WORKERS, method="POST", kwargs=_requested_tour),
        "events:tour_cancel": Rule(DEPARTMENT_WORKERS, method="POST", kwargs=_requested_tour),
        "events:registrations": Rule(DEPARTMENT | TERRITORY, kwargs=_territory_registrations),
        "events:registrations_export": Rule(
            DEPARTMENT | TERRITORY,
            kwargs=lambda data: {**_territory_registrations(data), "fmt": "csv"},
        ),
        "events:registration_questions": Rule(
            DEPARTMENT_WORKERS | TERRITORY, kwargs=_territory_registrations
        ),
        "events:registration_check_in": Rule(
            DEPARTMENT_WORKERS | TERRITORY,
            method="POST",
            kwargs=_territory_registration("confirmed"),
        ),
        "events:registration_approve": Rule(
            DEPARTMENT_WORKERS | TERRITORY,
            method="POST",
            kwargs=_territory_registration("pending"),
        ),
        "events:registration_decline": Rule(
            DEPARTMENT_WORKERS | TERRITORY,
            method="POST",
            kwargs=_territory_registration("pending"),
        ),
        "events:registration_withdraw": Rule(
            DEPARTMENT_WORKERS | TERRITORY,
            method="POST",
            kwargs=_territory_registration("confirmed"),
        ),
    }
)
