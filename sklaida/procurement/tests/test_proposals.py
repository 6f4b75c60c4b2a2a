"""An approved equipment proposal becomes a purchase request with one click, and the
proposal's page then follows the request."""

from __future__ import annotations

from decimal import Decimal

from django.urls import reverse

from sklaida.archive.models import Proposal
from sklaida.procurement import services
from sklaida.procurement.models import PurchaseRequest
from sklaida.testing.pages import text_of

BUTTON = "Parengti pirkimo paraišką"


def approved_proposal(personas, **fields) -> Proposal:
    return Proposal.objects.create(
        title="Lazerinis projektorius konferencijų salei",
        justification="Senojo projektoriaus vaizdas šviesioje salėje blankus.",
        estimated_cost=Decimal("1450.00"),
        status=Proposal.Status.APPROVED,
        proposed_by=personas["specialiste"],
        decided_by=personas["vadove"],
        **fields,
    )


def test_an_approved_proposal_becomes_a_request_with_its_justification_and_cost(
    personas, client_as
):
    proposal = approved_proposal(personas)
    client = client_as("specialiste")
    proposal_url = reverse("archive:proposal_detail", args=[proposal.pk])
    assert BUTTON in text_of(client.get(proposal_url))

    response = client.post(reverse("procurement:request_from_proposal", args=[proposal.pk]))

    request = PurchaseRequest.objects.get(proposal=proposal)
    assert response["Location"] == request.get_absolute_url()
    assert request.subject == proposal.title
    assert request.justification == proposal.justification
    assert request.estimated_value == Decimal("1450.00")
    assert request.initiator == personas["specialiste"]
    assert request.status == PurchaseRequest.Status.DRAFT
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.TO_PROCUREMENT

    page = text_of(client.get(proposal_url))
    assert BUTTON not in page
    assert f"Pirkimo paraiška Nr. {request.number}" in page
    assert "rengiama" in page and "Žingsnis 1 iš 6" in page


def test_the_proposal_page_follows_the_request_as_it_moves_on(personas, client_as):
    proposal = approved_proposal(personas)
    request = services.create_request_from_proposal(actor=personas["vadove"], proposal=proposal)
    request.cpv_code = "38652100-1"
    services.update_request(actor=personas["vadove"], request=request)
    services.move_request(actor=personas["vadove"], request=request, to_status="submitted")
    services.move_request(actor=personas["vadove"], request=request, to_status="approved")

    page = text_of(
        client_as("stebetojas").get(reverse("archive:proposal_detail", args=[proposal.pk]))
    )
    assert "patvirtinta" in page and "Žingsnis 3 iš 6" in page


def test_a_second_click_makes_no_second_request(personas, client_as):
    proposal = approved_proposal(personas)
    client = client_as("specialiste")
    url = reverse("procurement:request_from_proposal", args=[proposal.pk])
    client.post(url)
    client.post(url)
    assert PurchaseRequest.objects.filter(proposal=proposal).count() == 1


def test_a_proposal_not_yet_approved_offers_no_request(personas, client_as):
    proposal = approved_proposal(personas)
    Proposal.objects.filter(pk=proposal.pk).update(status=Proposal.Status.SUBMITTED)
    client = client_as("vadove")
    assert BUTTON not in text_of(client.get(reverse("archive:proposal_detail", args=[proposal.pk])))
    client.post(reverse("procurement:request_from_proposal", args=[proposal.pk]))
    assert not PurchaseRequest.objects.filter(proposal=proposal).exists()


def test_the_viewer_sees_no_button_on_an_approved_proposal(personas, client_as):
    proposal = approved_proposal(personas)
    page = text_of(
        client_as("stebetojas").get(reverse("archive:proposal_detail", args=[proposal.pk]))
    )
    assert BUTTON not in page
