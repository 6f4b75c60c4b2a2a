"""Who may use each archive URL (checked by core/tests/test_access_matrix.py)."""

from sklaida.testing.access import Rule

EXPECTED_ACCESS: dict[str, Rule] = {}

# Broadcasts (3.1) and equipment, bookings and improvement proposals (3.3): the department
# reads, the head and the specialists change, only the head decides on proposals.
import datetime  # noqa: E402

from django.utils import timezone  # noqa: E402

from sklaida.archive.models import Broadcast, Proposal  # noqa: E402
from sklaida.core.models import Booking, Equipment, Library  # noqa: E402
from sklaida.events.models import Event  # noqa: E402
from sklaida.testing.access import DEPARTMENT, DEPARTMENT_WORKERS  # noqa: E402

HEAD = frozenset({"vadove"})


def _item(data: dict) -> Equipment:
    return Equipment.objects.create(
        library=Library.objects.get(kind=Library.Kind.COUNTY),
        name="Vaizdo kamera Sony FX30",
        kind=Equipment.Kind.CAMERA,
    )


def _item_kwargs(data: dict) -> dict:
    return {"pk": _item(data).pk}


def _booking_kwargs(data: dict) -> dict:
    """A fresh booking made on the item's page (each request may cancel it)."""
    starts_at = timezone.now() + datetime.timedelta(days=30)
    booking = Booking.objects.create(
        equipment=_item(data),
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=3),
        title="Fotografavimas mokykloje",
    )
    return {"pk": booking.pk}


def _broadcast_kwargs(data: dict) -> dict:
    event = Event.objects.filter(status=Event.Status.REPORTED).order_by("-starts_at").first()
    broadcast = Broadcast.objects.create(
        event=event,
        platform=Broadcast.Platform.YOUTUBE,
        url="https://www.youtube.com/watch?v=transliacija",
        starts_at=event.starts_at,
        total_viewers=0,
    )
    return {"pk": broadcast.pk}


def _proposal_in(status: str):
    def kwargs(data: dict) -> dict:
        proposal = Proposal.objects.create(
            title="Nauja mikrofonų sistema konferencijų salei",
            justification="Dabartiniai mikrofonai trūkinėja transliacijų metu.",
            status=status,
            proposed_by=data["specialiste"],
        )
        return {"pk": proposal.pk}

    return kwargs


EXPECTED_ACCESS |= {
    "archive:broadcast_list": Rule(DEPARTMENT),
    "archive:broadcast_create": Rule(DEPARTMENT_WORKERS),
    "archive:broadcast_detail": Rule(DEPARTMENT, kwargs=_broadcast_kwargs),
    "archive:broadcast_update": Rule(DEPARTMENT_WORKERS, kwargs=_broadcast_kwargs),
    "archive:broadcast_delete": Rule(DEPARTMENT_WORKERS, method="POST", kwargs=_broadcast_kwargs),
    "archive:equipment_list": Rule(DEPARTMENT),
    "archive:equipment_export": Rule(DEPARTMENT),
    "archive:equipment_create": Rule(DEPARTMENT_WORKERS),
    "archive:equipment_detail": Rule(DEPARTMENT, kwargs=_item_kwargs),
    "archive:equipment_update": Rule(DEPARTMENT_WORKERS, kwargs=_item_kwargs),
    "archive:equipment_book": Rule(DEPARTMENT_WORKERS, kwargs=_item_kwargs),
    "archive:equipment_booking_cancel": Rule(
        DEPARTMENT_WORKERS, method="POST", kwargs=_booking_kwargs
    ),
    "archive:proposal_list": Rule(DEPARTMENT),
    "archive:proposal_create": Rule(DEPARTMENT_WORKERS),
    "archive:proposal_detail": Rule(DEPARTMENT, kwargs=_proposal_in(Proposal.Status.SUBMITTED)),
    "archive:proposal_update": Rule(DEPARTMENT_WORKERS, kwargs=_proposal_in(Proposal.Status.DRAFT)),
    "archive:proposal_submit": Rule(
        DEPARTMENT_WORKERS, method="POST", kwargs=_proposal_in(Proposal.Status.DRAFT)
    ),
    "archive:proposal_approve": Rule(
        HEAD, method="POST", kwargs=_proposal_in(Proposal.Status.SUBMITTED)
    ),
    "archive:proposal_reject": Rule(
        HEAD,
        method="POST",
        kwargs=_proposal_in(Proposal.Status.SUBMITTED),
        data=lambda data: {"note": "Šiais metais lėšų nėra."},
    ),
    "archive:proposal_to_procurement": Rule(
        DEPARTMENT_WORKERS, method="POST", kwargs=_proposal_in(Proposal.Status.APPROVED)
    ),
}
