"""Who may use each design URL (checked by core/tests/test_access_matrix.py).

The department reads the design area; the head and the specialists make and move
requests, upload proofs and edit the brand kit; only the head makes a kit current.
Space projects are in access_spaces.py.
"""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from sklaida.design import kits
from sklaida.design.models import BrandKit, DesignRequest, KitLogo, Proof
from sklaida.design.tests.access_spaces import SPACE_ACCESS
from sklaida.design.tests.factories import png_file
from sklaida.events.tests.factories import EventFactory
from sklaida.testing.access import DEPARTMENT, DEPARTMENT_WORKERS, Rule

HEAD = frozenset({"vadove"})


def _request(data: dict, **fields) -> DesignRequest:
    return DesignRequest.objects.create(
        title="Plakatas skaitymams",
        product=DesignRequest.Product.POSTER,
        deadline=timezone.localdate() + datetime.timedelta(days=30),
        requester=data["specialiste"],
        **fields,
    )


def _on_request(data: dict) -> dict:
    return {"pk": _request(data).pk}


def _on_event_request(data: dict) -> dict:
    return {"pk": _request(data, event=EventFactory()).pk}


def _on_proof(data: dict) -> dict:
    request = _request(data, status=DesignRequest.Status.PROOF)
    proof = Proof(
        request=request,
        number=1,
        original_name="maketas.pdf",
        media_type="application/pdf",
        uploaded_by=data["specialiste"],
    )
    proof.file.save("maketas.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    proof.save()
    return {"pk": request.pk, "number": 1}


def _draft_kit(data: dict) -> BrandKit:
    return kits.new_version(actor=data["specialiste"], name="Juodraštis")


def _on_kit(data: dict) -> dict:
    return {"pk": _draft_kit(data).pk}


def _on_kit_colour(data: dict) -> dict:
    kit = _draft_kit(data)
    return {"pk": kit.pk, "part": "spalvos", "part_pk": kit.colours.first().pk}


def _on_kit_logo(data: dict) -> dict:
    kit = _draft_kit(data)
    logo = KitLogo(kit=kit, name="Logotipas", media_type="image/png")
    logo.file.save("logotipas.png", ContentFile(png_file().read()), save=False)
    logo.save()
    return {"pk": kit.pk, "part": "logotipai", "part_pk": logo.pk}


GENERATE_CHOICES = "template=text-only&title=Skaitymai&text="

EXPECTED_ACCESS: dict[str, Rule] = {
    "design:board": Rule(DEPARTMENT),
    "design:request_list": Rule(DEPARTMENT),
    "design:designer_load": Rule(DEPARTMENT),
    "design:request_create": Rule(DEPARTMENT_WORKERS),
    "design:request_detail": Rule(DEPARTMENT, kwargs=_on_request),
    "design:request_edit": Rule(DEPARTMENT_WORKERS, kwargs=_on_request),
    "design:request_move": Rule(
        DEPARTMENT_WORKERS,
        method="POST",
        kwargs=_on_request,
        data=lambda data: {"status": "accepted"},
    ),
    "design:proof_upload": Rule(DEPARTMENT_WORKERS, method="POST", kwargs=_on_request),
    "design:proof_comment": Rule(
        DEPARTMENT_WORKERS,
        method="POST",
        kwargs=_on_proof,
        data=lambda data: {"body": "Padidinkite datą."},
    ),
    "design:proof_file": Rule(
        DEPARTMENT, kwargs=lambda data: {**_on_proof(data), "part": "failas"}
    ),
    "design:generate": Rule(DEPARTMENT_WORKERS, kwargs=_on_event_request),
    "design:generated_download": Rule(
        DEPARTMENT_WORKERS,
        kwargs=lambda data: {**_on_event_request(data), "kind": "A4"},
        query=GENERATE_CHOICES,
    ),
    "design:kit_list": Rule(DEPARTMENT),
    "design:kit_create": Rule(DEPARTMENT_WORKERS),
    "design:kit_detail": Rule(DEPARTMENT, kwargs=_on_kit),
    "design:kit_edit": Rule(DEPARTMENT_WORKERS, kwargs=_on_kit),
    "design:kit_make_current": Rule(HEAD, method="POST", kwargs=_on_kit),
    "design:kit_part_add": Rule(
        DEPARTMENT_WORKERS, kwargs=lambda data: {**_on_kit(data), "part": "spalvos"}
    ),
    "design:kit_part_delete": Rule(DEPARTMENT_WORKERS, method="POST", kwargs=_on_kit_colour),
    "design:kit_file": Rule(DEPARTMENT, kwargs=_on_kit_logo),
    **SPACE_ACCESS,
}
