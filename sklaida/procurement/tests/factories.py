"""Purchase requests, plans and contracts for the procurement tests."""

from __future__ import annotations

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from sklaida.core.models import User
from sklaida.procurement import services
from sklaida.procurement.models import Contract, Kind, PurchaseRequest


def new_request(**fields) -> PurchaseRequest:
    """A draft request made through the service, as the form makes it."""
    actor = fields.pop("actor", None) or User.objects.get(username="specialiste")
    defaults = {
        "subject": "Lazerinis projektorius",
        "cpv_code": "38652100-1",
        "kind": Kind.GOODS,
        "justification": "Senas projektorius blankus.",
        "estimated_value": Decimal("1450.00"),
        "needed_by": timezone.localdate() + datetime.timedelta(days=60),
    }
    return services.create_request(actor=actor, request=PurchaseRequest(**{**defaults, **fields}))


class ContractFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contract

    number = factory.Sequence(lambda n: f"PS-T-{n:03d}")
    subject = "Plakatų spausdinimas"
    supplier_name = "UAB „Spaudos linija“"
    value_excl_vat = Decimal("5890.00")
    value_incl_vat = Decimal("7126.90")
    signed_on = factory.LazyFunction(timezone.localdate)
