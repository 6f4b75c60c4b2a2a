"""Who may use each procurement URL (checked by core/tests/test_access_matrix.py).

The department reads procurement; the head and the specialists write; the viewer only
reads. Territory specialists and the administrator have no procurement screens.
"""

from decimal import Decimal

from django.core.files.base import ContentFile

from sklaida.archive.models import Proposal
from sklaida.procurement import services
from sklaida.procurement.models import PlanLine, ProcurementPlan, PurchaseRequest
from sklaida.testing.access import DEPARTMENT, DEPARTMENT_WORKERS, Rule

YEAR = 2035


def _request(data: dict, **fields) -> PurchaseRequest:
    return services.create_request(
        actor=data["specialiste"],
        request=PurchaseRequest(
            subject="Projektorius",
            cpv_code="38652100-1",
            justification="Reikia.",
            estimated_value=Decimal("1450.00"),
            **fields,
        ),
    )


def _on_request(data: dict) -> dict:
    return {"pk": _request(data).pk}


def _on_approved_request(data: dict) -> dict:
    request = _request(data)
    PurchaseRequest.objects.filter(pk=request.pk).update(status=PurchaseRequest.Status.APPROVED)
    return {"pk": request.pk}


def _on_version(data: dict) -> dict:
    request = _request(data)
    version = services.generate_document(actor=data["specialiste"], request=request, kind="request")
    return {"pk": request.pk, "version_pk": version.pk}


def _on_proposal(data: dict) -> dict:
    proposal = Proposal.objects.create(
        title="Garso pultas", justification="Senas sugedo.", status=Proposal.Status.APPROVED
    )
    return {"proposal_pk": proposal.pk}


def _plan() -> ProcurementPlan:
    return ProcurementPlan.objects.get_or_create(year=YEAR)[0]


def _on_plan(data: dict) -> dict:
    return {"year": _plan().year}


def _on_plan_line(data: dict) -> dict:
    line = PlanLine.objects.create(
        plan=_plan(),
        subject="Kėdės",
        cpv_code="39130000-2",
        estimated_value=Decimal("5000.00"),
        quarter=2,
    )
    return {"year": YEAR, "pk": line.pk}


def _on_contract(data: dict) -> dict:
    from sklaida.procurement.models import Contract

    contract = Contract.objects.create(
        number=f"AT-{Contract.objects.count() + 1}",
        subject="Spausdinimas",
        supplier_name="UAB „Spauda“",
        value_excl_vat=Decimal("1000.00"),
        signed_on="2035-01-10",
    )
    return {"pk": contract.pk}


def _edited_docx(data: dict) -> dict:
    from sklaida.procurement import documents

    request = PurchaseRequest.objects.order_by("-pk").first() or _request(data)
    upload = ContentFile(documents.render(request, "request"), name="paraiska.docx")
    return {"kind": "request", "file": upload, "note": "Pataisyta"}


EXPECTED_ACCESS: dict[str, Rule] = {
    "procurement:request_list": Rule(DEPARTMENT),
    "procurement:request_create": Rule(DEPARTMENT_WORKERS),
    "procurement:request_detail": Rule(DEPARTMENT, kwargs=_on_request),
    "procurement:request_edit": Rule(DEPARTMENT_WORKERS, kwargs=_on_request),
    "procurement:request_move": Rule(
        DEPARTMENT_WORKERS,
        method="POST",
        kwargs=_on_request,
        data=lambda data: {"status": "submitted"},
    ),
    "procurement:survey_edit": Rule(DEPARTMENT_WORKERS, kwargs=_on_approved_request),
    "procurement:document_generate": Rule(
        DEPARTMENT_WORKERS,
        method="POST",
        kwargs=lambda data: {**_on_request(data), "kind": "specification"},
    ),
    "procurement:document_upload": Rule(
        DEPARTMENT_WORKERS, method="POST", kwargs=_on_request, data=_edited_docx
    ),
    "procurement:document_download": Rule(DEPARTMENT, kwargs=_on_version),
    "procurement:request_from_proposal": Rule(
        DEPARTMENT_WORKERS, method="POST", kwargs=_on_proposal
    ),
    "procurement:plan_list": Rule(DEPARTMENT),
    "procurement:plan_create": Rule(DEPARTMENT_WORKERS),
    "procurement:plan_detail": Rule(DEPARTMENT, kwargs=_on_plan),
    "procurement:plan_edit": Rule(DEPARTMENT_WORKERS, kwargs=_on_plan),
    "procurement:plan_summary": Rule(DEPARTMENT, kwargs=_on_plan),
    "procurement:plan_published": Rule(
        DEPARTMENT_WORKERS,
        method="POST",
        kwargs=_on_plan,
        data=lambda data: {"published_on": "2026-03-10"},
    ),
    "procurement:plan_line_create": Rule(DEPARTMENT_WORKERS, kwargs=_on_plan),
    "procurement:plan_line_edit": Rule(DEPARTMENT_WORKERS, kwargs=_on_plan_line),
    "procurement:plan_line_delete": Rule(DEPARTMENT_WORKERS, method="POST", kwargs=_on_plan_line),
    "procurement:threshold_list": Rule(DEPARTMENT),
    "procurement:contract_list": Rule(DEPARTMENT),
    "procurement:contract_create": Rule(DEPARTMENT_WORKERS),
    "procurement:contract_detail": Rule(DEPARTMENT, kwargs=_on_contract),
    "procurement:contract_edit": Rule(DEPARTMENT_WORKERS, kwargs=_on_contract),
}
