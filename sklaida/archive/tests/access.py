"""Who may use each archive URL (checked by core/tests/test_access_matrix.py).

The department reads the archive; the head and the specialists change it; only the head
decides on proposals and exports bags. Collections, share links and preservation are in
access_collections.py.
"""

import datetime
import uuid

from django.utils import timezone

from sklaida.archive.models import Broadcast, IngestBatch, Proposal, Upload
from sklaida.archive.tests.access_collections import COLLECTION_ACCESS, _asset, _on_collection
from sklaida.core.models import Booking, Equipment, Library
from sklaida.events.models import Event
from sklaida.testing.access import DEPARTMENT, DEPARTMENT_WORKERS, Rule


def _asset_kwargs(data: dict) -> dict:
    return {"pk": _asset().pk}


def _rendition_kwargs(data: dict) -> dict:
    return {"pk": _asset().pk, "name": "thumb"}


def _look_alike_kwargs(data: dict) -> dict:
    return {"pk": _asset(near_duplicate_of=_asset()).pk}


def _batch_kwargs(data: dict) -> dict:
    return {"pk": IngestBatch.objects.create(label="Vakaro nuotraukos").pk}


def _upload_kwargs(data: dict) -> dict:
    """An upload of the specialist's (only its owner may continue it)."""
    upload = Upload.objects.create(
        key=uuid.uuid4().hex,
        batch=IngestBatch.objects.create(),
        created_by=data["specialiste"],
        filename="IMG_0001.JPG",
        length=10,
    )
    return {"key": upload.key}


EXPECTED_ACCESS: dict[str, Rule] = {
    "archive:list": Rule(DEPARTMENT),
    "archive:detail": Rule(DEPARTMENT, kwargs=_asset_kwargs),
    "archive:edit": Rule(DEPARTMENT_WORKERS, kwargs=_asset_kwargs),
    "archive:rendition": Rule(DEPARTMENT, kwargs=_rendition_kwargs),
    "archive:original": Rule(DEPARTMENT, kwargs=_asset_kwargs),
    "archive:compare": Rule(DEPARTMENT, kwargs=_look_alike_kwargs),
    "archive:review_asset": Rule(
        DEPARTMENT_WORKERS, method="POST", kwargs=_asset_kwargs, data=lambda data: {"rating": 3}
    ),
    "archive:review": Rule(DEPARTMENT, query="event=", kwargs=lambda data: {}),
    "archive:bulk_edit": Rule(DEPARTMENT_WORKERS, query="assets=1"),
    "archive:add_to_collection": Rule(
        DEPARTMENT_WORKERS,
        method="POST",
        data=lambda data: {"collection": _on_collection(data)["pk"]},
    ),
    "archive:regenerate": Rule(DEPARTMENT_WORKERS, method="POST"),
    "archive:remove_damaged": Rule(
        DEPARTMENT_WORKERS,
        method="POST",
        data=lambda data: {"assets": _asset(rendition_status="failed").pk},
    ),
    "archive:batch_create": Rule(DEPARTMENT_WORKERS),
    "archive:batch": Rule(DEPARTMENT, kwargs=_batch_kwargs),
    "archive:batch_upload": Rule(DEPARTMENT_WORKERS, method="POST", kwargs=_batch_kwargs),
    "archive:tus_create": Rule(DEPARTMENT_WORKERS, method="POST", kwargs=_batch_kwargs),
    "archive:tus_upload": Rule(frozenset({"specialiste"}), kwargs=_upload_kwargs),
}

# Broadcasts (3.1) and equipment, bookings and improvement proposals (3.3): the department
# reads, the head and the specialists change, only the head decides on proposals.


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
# Collections, share links, ZIP, BagIt and preservation (preservation helper).
EXPECTED_ACCESS.update(COLLECTION_ACCESS)


def _illustrated_kwargs(data: dict) -> dict:
    from sklaida.events.tests.factories import EventFactory

    return {"kind": "event", "pk": EventFactory().pk}


EXPECTED_ACCESS |= {
    "archive:illustration_choose": Rule(
        DEPARTMENT_WORKERS, method="POST", kwargs=_illustrated_kwargs
    ),
    "archive:illustration_remove": Rule(
        DEPARTMENT_WORKERS, method="POST", kwargs=_illustrated_kwargs
    ),
}
