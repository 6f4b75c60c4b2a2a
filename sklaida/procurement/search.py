"""What the one search (core.search) finds purchase requests and contracts by."""

from __future__ import annotations

from django.utils import formats
from django.utils.translation import gettext_lazy as _

from sklaida.core import search
from sklaida.core.formatting import format_money
from sklaida.procurement.models import Contract, PurchaseRequest


def _request_text(request: PurchaseRequest) -> list[str]:
    return [
        request.number,
        request.cpv_code,
        request.justification,
        request.technical_specification,
    ]


def _request_summary(request: PurchaseRequest) -> str:
    return " · ".join(
        (
            request.number,
            str(request.get_status_display()),
            format_money(request.estimated_value),
        )
    )


def _contract_text(contract: Contract) -> list[str]:
    return [contract.number, contract.supplier, contract.note]


def _contract_summary(contract: Contract) -> str:
    return " · ".join(
        (
            contract.supplier,
            format_money(contract.value_excl_vat),
            formats.date_format(contract.signed_on, "DATE_FORMAT"),
        )
    )


def register() -> None:
    search.register(
        search.Searchable(
            model=PurchaseRequest,
            label=_("Purchase requests"),
            title=lambda request: request.subject,
            text=_request_text,
            url=lambda request: request.get_absolute_url(),
            summary=_request_summary,
            list_url="procurement:request_list",
            then=("-year", "-sequence"),
            order=40,
        )
    )
    search.register(
        search.Searchable(
            model=Contract,
            label=_("Contracts"),
            title=lambda contract: contract.subject,
            text=_contract_text,
            url=lambda contract: contract.get_absolute_url(),
            summary=_contract_summary,
            list_url="procurement:contract_list",
            then=("-signed_on",),
            prepare=lambda queryset: queryset.select_related("organisation"),
            order=41,
        )
    )
