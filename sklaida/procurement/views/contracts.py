"""Screens of the contracts register: the list, a contract, its form."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from sklaida.core.permissions import department_read_required, department_work_required
from sklaida.core.views import discussion_context, paginated
from sklaida.procurement import selectors, services
from sklaida.procurement.forms import ContractFilterForm, ContractForm
from sklaida.procurement.models import Contract, PurchaseRequest

PER_PAGE = 50


@department_read_required
def contract_list(request: HttpRequest) -> HttpResponse:
    form = ContractFilterForm(request.GET or None)
    return render(
        request,
        "procurement/contract_list.html",
        {
            "form": form,
            "may_work": services.may_work(request.user),
            **paginated(request, selectors.contract_list(form.criteria()), per_page=PER_PAGE),
        },
    )


@department_read_required
def contract_detail(request: HttpRequest, pk: int) -> HttpResponse:
    contract = get_object_or_404(
        Contract.objects.select_related("organisation", "request", "created_by"), pk=pk
    )
    return render(
        request,
        "procurement/contract_detail.html",
        {
            "contract": contract,
            "may_work": services.may_work(request.user),
            **discussion_context(request, contract),
        },
    )


def _save(request: HttpRequest, contract: Contract, *, title: str) -> HttpResponse:
    form = ContractForm(request.POST or None, instance=contract)
    if request.method == "POST" and form.is_valid():
        try:
            contract = services.save_contract(actor=request.user, contract=form.save(commit=False))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The contract has been saved."))
            return redirect(contract)
    return render(
        request,
        "procurement/contract_form.html",
        {"form": form, "title": title, "contract": contract},
    )


@department_work_required
def contract_create(request: HttpRequest) -> HttpResponse:
    contract = Contract()
    purchase_pk = request.GET.get("paraiska", "")
    if purchase_pk.isdigit():
        purchase = (
            PurchaseRequest.objects.select_related("survey__chosen_offer__organisation")
            .filter(pk=purchase_pk)
            .first()
        )
        if purchase is not None:
            contract.request = purchase
            contract.subject = purchase.subject
            contract.procedure = purchase.procedure
            chosen = getattr(getattr(purchase, "survey", None), "chosen_offer", None)
            if chosen is not None:
                contract.organisation = chosen.organisation
                contract.supplier_name = "" if chosen.organisation_id else chosen.supplier_name
                contract.value_excl_vat = chosen.price_excl_vat
                contract.value_incl_vat = chosen.price_incl_vat
    return _save(request, contract, title=_("New contract"))


@department_work_required
def contract_edit(request: HttpRequest, pk: int) -> HttpResponse:
    contract = get_object_or_404(Contract, pk=pk)
    return _save(request, contract, title=_("Change the contract"))
