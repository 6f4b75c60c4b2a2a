"""The supplier survey of an approved request and the contracts register: recording them
moves the request on, and the register lists contracts at a constant number of queries."""

from __future__ import annotations

from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from sklaida.contacts.models import Organisation
from sklaida.procurement.models import Contract, PurchaseRequest
from sklaida.procurement.tests.factories import ContractFactory, new_request
from sklaida.testing.pages import text_of
from sklaida.testing.queries import queries_to_render

S = PurchaseRequest.Status


def approved(**fields) -> PurchaseRequest:
    request = new_request(**fields)
    PurchaseRequest.objects.filter(pk=request.pk).update(status=S.APPROVED)
    request.refresh_from_db()
    return request


def survey_data(**extra) -> dict:
    data = {
        "surveyed_on": timezone.localdate().isoformat(),
        "method": "written",
        "choice_reason": "Mažiausia kaina.",
        "note": "",
        "offers-TOTAL_FORMS": "3",
        "offers-INITIAL_FORMS": "0",
        "offers-MIN_NUM_FORMS": "0",
        "offers-MAX_NUM_FORMS": "1000",
        "offers-0-supplier_name": "UAB „Spaudos linija“",
        "offers-0-price_excl_vat": "5 890,00",
        "offers-0-price_incl_vat": "7 126,90",
        "offers-0-chosen": "on",
        "offers-1-supplier_name": "UAB „Reklamos spaustuvė“",
        "offers-1-price_excl_vat": "6010",
        "offers-1-price_incl_vat": "7272.10",
        "offers-2-supplier_name": "UAB „Lėta spauda“",
    }
    data.update(extra)
    return data


def test_a_survey_of_three_suppliers_is_recorded_and_starts_the_procurement(personas, client_as):
    request = approved(subject="Plakatų spausdinimas")
    publisher = Organisation.objects.create(name="Leidykla „Saulės delta“", kind="publisher")
    client = client_as("specialiste")

    response = client.post(
        reverse("procurement:survey_edit", args=[request.pk]),
        survey_data(**{"offers-2-supplier_name": "", "offers-2-organisation": publisher.pk}),
    )

    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == S.IN_PROCUREMENT
    survey = request.survey
    assert survey.offers.count() == 3
    assert survey.chosen_offer.name == "UAB „Spaudos linija“"
    page = text_of(client.get(request.get_absolute_url()))
    assert "UAB „Spaudos linija“ Pasirinktas 5 890,00 € 7 126,90 €" in page
    assert "Leidykla „Saulės delta“ — — Pasiūlymo nėra" in page


def test_a_chosen_offer_needs_a_price_and_only_one_offer_is_chosen(personas, client_as):
    request = approved()
    client = client_as("specialiste")
    url = reverse("procurement:survey_edit", args=[request.pk])

    two = client.post(url, survey_data(**{"offers-1-chosen": "on"}))
    no_price = client.post(url, survey_data(**{"offers-0-chosen": "", "offers-2-chosen": "on"}))

    assert "Pasirinkite vieną pasiūlymą." in text_of(two)
    assert "nepateikė pasiūlymo" in text_of(no_price)
    assert not hasattr(PurchaseRequest.objects.get(pk=request.pk), "survey")


def test_a_draft_request_is_not_surveyed(personas, client_as):
    request = new_request()
    response = client_as("specialiste").post(
        reverse("procurement:survey_edit", args=[request.pk]), survey_data()
    )
    assert response.status_code == 200
    assert "patvirtinus" in text_of(response)


def test_registering_the_contract_moves_the_request_and_takes_the_chosen_offer(personas, client_as):
    request = approved(subject="Plakatų spausdinimas")
    client = client_as("specialiste")
    client.post(reverse("procurement:survey_edit", args=[request.pk]), survey_data())

    form = client.get(reverse("procurement:contract_create") + f"?paraiska={request.pk}")
    assert "UAB „Spaudos linija“" in form.content.decode()
    assert "5890.00" in form.content.decode()

    client.post(
        reverse("procurement:contract_create"),
        {
            "number": "PS-T-2031-01",
            "subject": "Plakatų spausdinimas",
            "supplier_name": "UAB „Spaudos linija“",
            "value_excl_vat": "5 890,00",
            "value_incl_vat": "7 126,90",
            "signed_on": timezone.localdate().isoformat(),
            "request": request.pk,
        },
    )

    contract = Contract.objects.get(number="PS-T-2031-01")
    request.refresh_from_db()
    assert request.status == S.CONTRACTED
    assert contract.value_excl_vat == Decimal("5890.00") and contract.procedure == "low_value"
    register = text_of(client_as("stebetojas").get(reverse("procurement:contract_list")))
    assert "PS-T-2031-01 Plakatų spausdinimas UAB „Spaudos linija“ 5 890,00 €" in register


def test_a_contract_cannot_end_before_it_starts(personas, client_as):
    response = client_as("specialiste").post(
        reverse("procurement:contract_create"),
        {
            "number": "PS-X",
            "subject": "Priežiūra",
            "supplier_name": "UAB „Tinklo meistrai“",
            "value_excl_vat": "100",
            "signed_on": "2027-01-01",
            "starts_on": "2027-02-01",
            "ends_on": "2027-01-15",
        },
    )
    assert "Sutartis negali baigtis anksčiau, nei prasideda." in text_of(response)
    assert not Contract.objects.filter(number="PS-X").exists()


def test_the_register_makes_as_many_queries_for_ten_contracts_as_for_one(
    personas, client_as, django_assert_num_queries
):
    client = client_as("specialiste")
    url = reverse("procurement:contract_list")
    ContractFactory(request=new_request())
    one = queries_to_render(client, url)
    publisher = Organisation.objects.create(name="Leidykla „Saulės delta“", kind="publisher")
    for _number in range(9):
        ContractFactory(request=new_request(), organisation=publisher, supplier_name="")
    with django_assert_num_queries(one):
        response = client.get(url)
    assert "Leidykla „Saulės delta“" in text_of(response)


def test_the_header_search_finds_requests_and_contracts(personas, client_as):
    new_request(subject="Lazerinis projektorius edukacijoms")
    ContractFactory(subject="Interneto svetainės priežiūra", supplier_name="UAB „Tinklo meistrai“")
    client = client_as("stebetojas")

    found = text_of(client.get(reverse("core:search"), {"q": "projektoriaus"}))
    assert "Lazerinis projektorius edukacijoms" in found
    found = text_of(client.get(reverse("core:search"), {"q": "Tinklo meistrai"}))
    assert "Interneto svetainės priežiūra" in found
