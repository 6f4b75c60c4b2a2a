"""Every write of procurement: requests and their moves, a request made from an approved
equipment proposal, the supplier survey, the contracts register, the annual plan and the
documents generated for a request.

A request's status changes only through `move_request` (or the survey and contract
services, which make the move their saving means) and each move is a `StatusChange` with
who made it. Numbers are given per year under a lock on the year's requests, so two
requests saved at once never share one.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from sklaida.core.files import clean_filename
from sklaida.core.models import User
from sklaida.core.permissions import Capability, has_capability, require_capability
from sklaida.procurement import documents, thresholds
from sklaida.procurement.models import (
    Contract,
    DocumentVersion,
    PlanLine,
    ProcurementPlan,
    PurchaseRequest,
    RequestDocument,
    StatusChange,
    SupplierSurvey,
    SurveyOffer,
)

S = PurchaseRequest.Status

# Which status may follow which. A returned request goes back to draft; a rejected one
# may be reworked as a draft; cancelling is possible until a contract is signed.
TRANSITIONS: dict[str, frozenset[str]] = {
    S.DRAFT: frozenset({S.SUBMITTED, S.CANCELLED}),
    S.SUBMITTED: frozenset({S.APPROVED, S.REJECTED, S.DRAFT, S.CANCELLED}),
    S.APPROVED: frozenset({S.IN_PROCUREMENT, S.CANCELLED}),
    S.REJECTED: frozenset({S.DRAFT}),
    S.IN_PROCUREMENT: frozenset({S.CONTRACTED, S.APPROVED, S.CANCELLED}),
    S.CONTRACTED: frozenset({S.COMPLETED}),
    S.COMPLETED: frozenset(),
    S.CANCELLED: frozenset(),
}
# The head decides on a submitted request; everything else is the department's work.
HEAD_MOVES = frozenset({S.APPROVED, S.REJECTED})
# A request is no longer changed once it reached these.
CLOSED = frozenset({S.CONTRACTED, S.COMPLETED, S.REJECTED, S.CANCELLED})
# How many times a number is tried again when another request took it meanwhile.
NUMBER_ATTEMPTS = 5


def may_work(user: User) -> bool:
    return has_capability(user, Capability.WORK_IN_DEPARTMENT)


def may_move(user: User, to_status: str) -> bool:
    if to_status in HEAD_MOVES:
        return has_capability(user, Capability.APPROVE)
    return may_work(user)


def allowed_moves(user: User, request: PurchaseRequest) -> list[tuple[str, str]]:
    """(status, label) of the moves this user may make now, in the usual order."""
    order = [*PurchaseRequest.PATH, S.REJECTED, S.CANCELLED]
    possible = TRANSITIONS[request.status]
    return [
        (status, S(status).label)
        for status in order
        if status in possible and may_move(user, status)
    ]


def suggested_procedure(*, kind: str, value: Decimal, on: datetime.date) -> str:
    suggestion = thresholds.suggest_procedure(kind=kind, value=value, on=on)
    return suggestion.procedure if suggestion else ""


# Requests


def _record(request: PurchaseRequest, to_status: str, actor: User, note: str = "") -> None:
    StatusChange.objects.create(
        request=request,
        from_status=request.status if request.pk and request.status != to_status else "",
        to_status=to_status,
        changed_by=actor,
        note=note,
    )
    request.status = to_status
    request.save(update_fields=["status", "updated_at"])


def _numbered(request: PurchaseRequest) -> PurchaseRequest:
    """Save a new request with the next number of its year."""
    for attempt in range(NUMBER_ATTEMPTS):
        try:
            with transaction.atomic():
                last = (
                    PurchaseRequest.objects.select_for_update()
                    .filter(year=request.year)
                    .order_by("-sequence")
                    .values_list("sequence", flat=True)
                    .first()
                )
                request.sequence = (last or 0) + 1
                request.save()
                return request
        except IntegrityError:
            if attempt == NUMBER_ATTEMPTS - 1:
                raise
    return request


def create_request(*, actor: User, request: PurchaseRequest) -> PurchaseRequest:
    """A new draft request, numbered in its year (the year it is needed in, else this one)."""
    require_capability(actor, Capability.WORK_IN_DEPARTMENT)
    today = timezone.localdate()
    request.year = request.needed_by.year if request.needed_by else today.year
    request.status = S.DRAFT
    request.created_by = actor
    if request.initiator_id is None:
        request.initiator = actor
    if not request.procedure:
        request.procedure = suggested_procedure(
            kind=request.kind, value=request.estimated_value, on=today
        )
    request.sequence = 0
    request.full_clean(exclude=["sequence"])
    with transaction.atomic():
        _numbered(request)
        StatusChange.objects.create(request=request, to_status=S.DRAFT, changed_by=actor)
    return request


def update_request(*, actor: User, request: PurchaseRequest, follow_suggestion: bool = False):
    """Save the request's changed fields; a closed request is no longer changed."""
    require_capability(actor, Capability.WORK_IN_DEPARTMENT)
    current = PurchaseRequest.objects.values_list("status", flat=True).get(pk=request.pk)
    if current in CLOSED:
        raise ValidationError(_("A closed request is no longer changed."))
    if follow_suggestion or not request.procedure:
        request.procedure = suggested_procedure(
            kind=request.kind, value=request.estimated_value, on=timezone.localdate()
        )
    request.full_clean()
    request.save()
    return request


def move_request(
    *, actor: User, request: PurchaseRequest, to_status: str, note: str = ""
) -> PurchaseRequest:
    """Move a request on; submitting needs a CPV code, rejecting a reason."""
    if to_status not in S.values:
        raise ValidationError(_("Unknown status."))
    if not may_move(actor, to_status):
        raise PermissionDenied
    with transaction.atomic():
        locked = PurchaseRequest.objects.select_for_update().get(pk=request.pk)
        if to_status not in TRANSITIONS[locked.status]:
            raise ValidationError(
                _("A request that is “%(current)s” cannot become “%(new)s”.")
                % {"current": locked.get_status_display(), "new": S(to_status).label},
                code="transition",
            )
        if to_status == S.SUBMITTED and not locked.cpv_code:
            raise ValidationError(_("Give the CPV code before submitting the request."))
        if to_status == S.REJECTED and not note.strip():
            raise ValidationError(_("Say why the request is rejected."))
        _record(locked, to_status, actor, note.strip())
    request.status = locked.status
    return locked


def create_request_from_proposal(*, actor: User, proposal) -> PurchaseRequest:
    """One click on an approved equipment proposal: a draft request with the proposal's
    title, justification and estimated cost, and the proposal passed to procurement
    (through the archive's own service, which keeps its transitions)."""
    from sklaida.archive.models import Proposal
    from sklaida.archive.services import equipment as proposals

    require_capability(actor, Capability.WORK_IN_DEPARTMENT)
    with transaction.atomic():
        locked = Proposal.objects.select_for_update().get(pk=proposal.pk)
        if PurchaseRequest.objects.filter(proposal=locked).exists():
            raise ValidationError(_("A purchase request has already been made from this proposal."))
        if locked.status not in (Proposal.Status.APPROVED, Proposal.Status.TO_PROCUREMENT):
            raise ValidationError(_("Only an approved proposal becomes a purchase request."))
        request = create_request(
            actor=actor,
            request=PurchaseRequest(
                subject=locked.title,
                justification=locked.justification,
                estimated_value=locked.estimated_cost or Decimal("0.00"),
                initiator=locked.proposed_by or actor,
                proposal=locked,
            ),
        )
        if locked.status == Proposal.Status.APPROVED:
            proposals.pass_to_procurement(actor=actor, proposal=locked)
    return request


# Supplier survey


def save_survey(
    *,
    actor: User,
    request: PurchaseRequest,
    survey: SupplierSurvey,
    offers: Iterable[SurveyOffer],
    deleted_offers: Iterable[SurveyOffer] = (),
    chosen: SurveyOffer | None = None,
) -> SupplierSurvey:
    """Keep the survey record with its offers and the chosen one. Recording the survey of
    an approved request means its procurement is under way."""
    require_capability(actor, Capability.WORK_IN_DEPARTMENT)
    if request.status not in (S.APPROVED, S.IN_PROCUREMENT, S.CONTRACTED, S.COMPLETED):
        raise ValidationError(_("Suppliers are surveyed once the request is approved."))
    if chosen is not None and not chosen.made_offer:
        raise ValidationError(_("The chosen supplier made no offer: give its prices."))
    if chosen is not None and not survey.choice_reason.strip():
        raise ValidationError(_("Say why this offer was chosen."))
    with transaction.atomic():
        survey.request = request
        survey.chosen_offer = None
        survey.full_clean(exclude=["chosen_offer"])
        survey.save()
        for offer in deleted_offers:
            if offer.pk:
                offer.delete()
        for position, offer in enumerate(offers):
            offer.survey = survey
            offer.position = position
            offer.full_clean()
            offer.save()
        if chosen is not None:
            survey.chosen_offer = chosen
            survey.save(update_fields=["chosen_offer", "updated_at"])
        if request.status == S.APPROVED:
            _record(request, S.IN_PROCUREMENT, actor)
    return survey


# Contracts register


def save_contract(*, actor: User, contract: Contract) -> Contract:
    """Register or change a contract; signing one for a request under procurement moves
    the request to "contract signed"."""
    require_capability(actor, Capability.WORK_IN_DEPARTMENT)
    if contract.created_by_id is None:
        contract.created_by = actor
    if not contract.procedure and contract.request_id:
        contract.procedure = contract.request.procedure
    contract.full_clean()
    with transaction.atomic():
        contract.save()
        if contract.request_id:
            request = PurchaseRequest.objects.select_for_update().get(pk=contract.request_id)
            if request.status == S.IN_PROCUREMENT:
                _record(request, S.CONTRACTED, actor)
    return contract


# The annual plan


def save_plan(*, actor: User, plan: ProcurementPlan) -> ProcurementPlan:
    require_capability(actor, Capability.WORK_IN_DEPARTMENT)
    plan.full_clean()
    plan.save()
    return plan


def quarter_start(year: int, quarter: int) -> datetime.date:
    return datetime.date(year, 3 * (quarter - 1) + 1, 1)


def save_plan_line(*, actor: User, line: PlanLine) -> PlanLine:
    """A line of the plan; without a procedure it gets the one the thresholds in force on
    the first day of its quarter suggest."""
    require_capability(actor, Capability.WORK_IN_DEPARTMENT)
    if not line.procedure and line.estimated_value is not None and line.quarter:
        line.procedure = suggested_procedure(
            kind=line.kind,
            value=line.estimated_value,
            on=quarter_start(line.plan.year, line.quarter),
        )
    if line.pk is None and not line.position:
        line.position = (line.plan.lines.aggregate(last=Max("position"))["last"] or 0) + 1
    line.full_clean()
    line.save()
    return line


def delete_plan_line(*, actor: User, line: PlanLine) -> None:
    require_capability(actor, Capability.WORK_IN_DEPARTMENT)
    line.delete()


def mark_summary_published(
    *, actor: User, plan: ProcurementPlan, on: datetime.date
) -> ProcurementPlan:
    """Note the day the plan's summary was published in CVP IS."""
    require_capability(actor, Capability.WORK_IN_DEPARTMENT)
    if on > timezone.localdate():
        raise ValidationError(_("The summary cannot be published in the future."))
    plan.summary_published_on = on
    plan.save(update_fields=["summary_published_on"])
    return plan


# Documents


def _add_version(
    *,
    actor: User,
    request: PurchaseRequest,
    kind: str,
    name: str,
    data: bytes,
    generated: bool,
    note: str = "",
) -> DocumentVersion:
    with transaction.atomic():
        document, _created = RequestDocument.objects.get_or_create(request=request, kind=kind)
        document = RequestDocument.objects.select_for_update().get(pk=document.pk)
        number = (document.versions.aggregate(last=Max("number"))["last"] or 0) + 1
        version = DocumentVersion(
            document=document,
            number=number,
            original_name=clean_filename(name),
            size=len(data),
            generated=generated,
            note=note.strip(),
            created_by=actor,
        )
        version.file.save(version.original_name, ContentFile(data), save=False)
        version.save()
    return version


def generate_document(*, actor: User, request: PurchaseRequest, kind: str) -> DocumentVersion:
    """Fill the kind's DOCX template with the request's data; the result is a new version."""
    require_capability(actor, Capability.WORK_IN_DEPARTMENT)
    if kind == RequestDocument.Kind.SURVEY_RECORD and not hasattr(request, "survey"):
        raise ValidationError(_("Record the supplier survey first."))
    data = documents.render(request, kind)
    return _add_version(
        actor=actor,
        request=request,
        kind=kind,
        name=documents.file_name(request, kind),
        data=data,
        generated=True,
    )


def upload_document_version(
    *, actor: User, request: PurchaseRequest, kind: str, name: str, data: bytes, note: str = ""
) -> DocumentVersion:
    """An edited copy of a document, kept as its newest version; it must be a DOCX."""
    require_capability(actor, Capability.WORK_IN_DEPARTMENT)
    documents.check_docx(data)
    return _add_version(
        actor=actor, request=request, kind=kind, name=name, data=data, generated=False, note=note
    )
