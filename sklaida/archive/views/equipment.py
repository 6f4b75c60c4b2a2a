"""Screens of the equipment inventory, its bookings and the improvement proposals (3.3)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sklaida.archive.forms_equipment import (
    BookingForm,
    DecisionForm,
    EquipmentFilterForm,
    EquipmentForm,
    ProposalFilterForm,
    ProposalForm,
)
from sklaida.archive.models import Proposal
from sklaida.archive.selectors import equipment as selectors
from sklaida.archive.services import equipment as services
from sklaida.core import registry
from sklaida.core.models import Booking, Equipment
from sklaida.core.permissions import (
    Capability,
    department_read_required,
    department_work_required,
    has_capability,
)
from sklaida.core.spreadsheets import as_xlsx
from sklaida.core.views import paginated

PER_PAGE = 50
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _item_or_404(pk: int) -> Equipment:
    try:
        return selectors.item_with_relations(pk=pk)
    except Equipment.DoesNotExist as missing:
        raise Http404 from missing


def _proposal_or_404(pk: int) -> Proposal:
    try:
        return selectors.proposal_detail(pk=pk)
    except Proposal.DoesNotExist as missing:
        raise Http404 from missing


# Inventory


@department_read_required
def equipment_list(request: HttpRequest) -> HttpResponse:
    form = EquipmentFilterForm(request.GET or None)
    criteria = form.criteria()
    items = selectors.inventory_list(criteria=criteria, now=timezone.now())
    return render(
        request,
        "archive/equipment/list.html",
        {
            "form": form,
            "totals": selectors.inventory_totals(criteria=criteria),
            "query": request.GET.urlencode(),
            **paginated(request, items, per_page=PER_PAGE),
        },
    )


@department_read_required
def equipment_export(request: HttpRequest) -> HttpResponse:
    """The inventory list as filtered, as an XLSX file."""
    criteria = EquipmentFilterForm(request.GET or None).criteria()
    rows: list[list] = [
        [
            _("Inventory number"),
            _("Name"),
            _("Type"),
            _("Condition"),
            _("Kept in"),
            _("Serial number"),
            _("Purchased"),
            _("Value, EUR"),
            _("In use"),
            _("Library"),
            _("Notes"),
        ]
    ]
    for item in selectors.inventory(criteria=criteria).select_related("library"):
        rows.append(
            [
                item.inventory_number,
                item.name,
                item.get_kind_display(),
                item.get_condition_display(),
                item.location,
                item.serial_number,
                item.purchase_date,
                item.value,
                _("yes") if item.is_active else _("no"),
                str(item.library),
                item.notes,
            ]
        )
    totals = selectors.inventory_totals(criteria=criteria)
    rows.append(["", _("Total"), "", "", "", "", "", totals.value, "", "", ""])
    response = HttpResponse(as_xlsx(rows, title=_("Equipment")), content_type=XLSX)
    stamp = f"{timezone.localdate():%Y-%m-%d}"
    response["Content-Disposition"] = f'attachment; filename="iranga-{stamp}.xlsx"'
    return response


@department_read_required
def equipment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item_or_404(pk)
    return render(
        request,
        "archive/equipment/detail.html",
        {
            "item": item,
            "bookings": selectors.bookings_of_item(item=item, now=timezone.now()),
            "proposals": selectors.proposals_of_item(item=item),
        },
    )


@department_work_required
def equipment_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    item = _item_or_404(pk) if pk else Equipment()
    initial = {}
    if not pk:
        library = request.user.library or services.department_library()
        initial = {"library": library, "condition": Equipment.Condition.NEW}
    form = EquipmentForm(request.POST or None, instance=item, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.save_equipment(actor=request.user, equipment=form.save(commit=False))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The item has been saved."))
            return redirect("archive:equipment_detail", pk=item.pk)
    return render(
        request,
        "archive/equipment/form.html",
        {
            "form": form,
            "item": item if pk else None,
            "title": _("Change the item") if pk else _("Add an item"),
        },
    )


@department_work_required
def equipment_book(request: HttpRequest, pk: int) -> HttpResponse:
    """Book an item for a time; a clash with another booking is explained in the form."""
    item = _item_or_404(pk)
    form = BookingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.book_equipment(
                actor=request.user,
                equipment=item,
                starts_at=form.cleaned_data["starts_at"],
                ends_at=form.cleaned_data["ends_at"],
                purpose=form.cleaned_data["purpose"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The item has been booked."))
            return redirect("archive:equipment_detail", pk=item.pk)
    return render(request, "archive/equipment/book.html", {"form": form, "item": item})


@require_POST
@department_work_required
def booking_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    booking = get_object_or_404(Booking, pk=pk, equipment__isnull=False)
    try:
        services.cancel_booking(actor=request.user, booking=booking)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The booking has been cancelled."))
    return redirect("archive:equipment_detail", pk=booking.equipment_id)


# Improvement proposals


@department_read_required
def proposal_list(request: HttpRequest) -> HttpResponse:
    form = ProposalFilterForm(request.GET or None)
    status = form.cleaned_data.get("status", "") if form.is_valid() else ""
    counts = selectors.proposal_counts()
    tabs = [
        {"status": "", "label": _("All"), "count": sum(counts.values())},
        *(
            {"status": value, "label": label, "count": counts.get(value, 0)}
            for value, label in Proposal.Status.choices
        ),
    ]
    return render(
        request,
        "archive/equipment/proposal_list.html",
        {
            "tabs": tabs,
            "status": status,
            **paginated(request, selectors.proposal_list(status=status), per_page=PER_PAGE),
        },
    )


@department_read_required
def proposal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _proposal_or_404(pk)
    return render(
        request,
        "archive/equipment/proposal_detail.html",
        {
            "proposal": proposal,
            "transitions": services.available_transitions(user=request.user, proposal=proposal),
            "may_edit": proposal.status == Proposal.Status.DRAFT
            and has_capability(request.user, Capability.WORK_IN_DEPARTMENT),
            "decision_form": DecisionForm(),
            # Other apps' sections (procurement's purchase request) without importing them.
            "panels": registry.panels_for(request, proposal),
        },
    )


@department_work_required
def proposal_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    proposal = _proposal_or_404(pk) if pk else Proposal()
    if pk and proposal.status != Proposal.Status.DRAFT:
        messages.error(request, _("Only a draft proposal can be changed."))
        return redirect("archive:proposal_detail", pk=proposal.pk)
    initial = {}
    if not pk and request.GET.get("replaces"):
        initial["replaces"] = Equipment.objects.filter(pk=request.GET["replaces"]).first()
    form = ProposalForm(request.POST or None, instance=proposal, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            proposal = services.save_proposal(actor=request.user, proposal=form.save(commit=False))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The proposal has been saved."))
            return redirect("archive:proposal_detail", pk=proposal.pk)
    return render(
        request,
        "archive/equipment/proposal_form.html",
        {
            "form": form,
            "proposal": proposal if pk else None,
            "title": _("Change the proposal") if pk else _("New proposal"),
        },
    )


TRANSITION_DONE = {
    "submit": gettext_lazy("The proposal has been submitted to the head of department."),
    "approve": gettext_lazy("The proposal has been approved."),
    "reject": gettext_lazy("The proposal has been rejected."),
    "pass_to_procurement": gettext_lazy("The proposal has been passed to procurement."),
}


@require_POST
def proposal_transition(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """One button of the proposal's workflow; who may press it is the service's table."""
    transition = services.TRANSITIONS[action]
    if not has_capability(request.user, transition.capability):
        raise PermissionDenied
    proposal = _proposal_or_404(pk)
    form = DecisionForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        if action == "submit":
            services.submit_proposal(actor=request.user, proposal=proposal)
        elif action == "approve":
            services.approve_proposal(actor=request.user, proposal=proposal, note=note)
        elif action == "reject":
            services.reject_proposal(actor=request.user, proposal=proposal, reason=note)
        else:
            services.pass_to_procurement(actor=request.user, proposal=proposal)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, TRANSITION_DONE[action])
    return redirect("archive:proposal_detail", pk=proposal.pk)
