"""Purchase requests: numbered per year, moved by the people allowed to with a recorded
history, listed with filters at a constant number of queries."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from sklaida.procurement import services
from sklaida.procurement.models import PurchaseRequest
from sklaida.procurement.tests.factories import new_request
from sklaida.testing.pages import text_of
from sklaida.testing.queries import queries_to_render

S = PurchaseRequest.Status
LIST_URL = reverse("procurement:request_list")


def test_requests_are_numbered_within_the_year_they_are_needed_in(personas):
    first = new_request(needed_by=datetime.date(2031, 3, 1))
    second = new_request(needed_by=datetime.date(2031, 9, 1))
    other_year = new_request(needed_by=datetime.date(2032, 1, 10))

    assert (first.number, second.number, other_year.number) == ("2031-001", "2031-002", "2032-001")


def test_a_request_goes_to_a_contract_and_its_history_says_who_moved_it(personas, client_as):
    request = new_request(subject="Garso pultas")
    specialist, head = personas["specialiste"], personas["vadove"]
    move = reverse("procurement:request_move", args=[request.pk])

    client_as("specialiste").post(move, {"status": "submitted"})
    # The specialist cannot approve: the head decides.
    with pytest.raises(PermissionDenied):
        services.move_request(actor=specialist, request=request, to_status=S.APPROVED)
    client_as("vadove").post(move, {"status": "approved"})
    request.refresh_from_db()
    assert request.status == S.APPROVED

    page = text_of(client_as("stebetojas").get(request.get_absolute_url()))
    assert "Pateikta → Patvirtinta" in page
    assert f"{head.get_full_name()}: Pateikta → Patvirtinta" in page
    assert f"{specialist.get_full_name()}: Rengiama → Pateikta" in page
    assert "Žingsnis 3 iš 6" in page


def test_a_request_cannot_skip_its_steps_or_be_submitted_without_a_cpv_code(personas):
    specialist = personas["specialiste"]
    request = new_request(cpv_code="")
    with pytest.raises(ValidationError, match="CPV"):
        services.move_request(actor=specialist, request=request, to_status=S.SUBMITTED)
    with pytest.raises(ValidationError):
        services.move_request(actor=specialist, request=request, to_status=S.CONTRACTED)


def test_rejecting_needs_a_reason_that_the_history_keeps(personas, client_as):
    request = new_request()
    services.move_request(actor=personas["specialiste"], request=request, to_status=S.SUBMITTED)
    client = client_as("vadove")
    move = reverse("procurement:request_move", args=[request.pk])

    client.post(move, {"status": "rejected"})
    request.refresh_from_db()
    assert request.status == S.SUBMITTED

    client.post(move, {"status": "rejected", "note": "Pirksime kitais metais."})
    request.refresh_from_db()
    assert request.status == S.REJECTED
    assert "Pirksime kitais metais." in text_of(client.get(request.get_absolute_url()))


def test_the_viewer_reads_a_request_but_is_offered_no_moves(personas, client_as):
    request = new_request(subject="Fotoaparatas")
    page = client_as("stebetojas").get(request.get_absolute_url()).content.decode()
    assert "Fotoaparatas" in page
    assert reverse("procurement:request_move", args=[request.pk]) not in page
    assert (
        client_as("stebetojas")
        .post(reverse("procurement:request_move", args=[request.pk]), {"status": "submitted"})
        .status_code
        == 403
    )


def test_the_request_page_shows_the_value_and_the_procedure_the_thresholds_suggest(
    personas, client_as
):
    request = new_request(
        subject="Kompiuterių klasė", cpv_code="30213300-8", estimated_value=Decimal("98500.00")
    )
    page = text_of(client_as("specialiste").get(request.get_absolute_url()))
    assert "98 500,00 €" in page
    assert "Supaprastintas pirkimas" in page
    assert "mažos vertės iki 70 000,00 €" in page


def test_the_list_filters_by_status_and_finds_by_words(personas, client_as):
    new_request(subject="Lazerinis projektorius")
    submitted = new_request(
        subject="Skaityklos kėdės", cpv_code="39130000-2", justification="Kėdės nusidėvėjo."
    )
    services.move_request(actor=personas["specialiste"], request=submitted, to_status=S.SUBMITTED)
    client = client_as("stebetojas")

    by_status = text_of(client.get(LIST_URL, {"status": "submitted"}))
    assert "Skaityklos kėdės" in by_status and "Lazerinis projektorius" not in by_status
    by_words = text_of(client.get(LIST_URL, {"q": "projektoriaus"}))
    assert "Lazerinis projektorius" in by_words and "Skaityklos kėdės" not in by_words


def test_the_list_makes_as_many_queries_for_ten_requests_as_for_one(
    personas, client_as, django_assert_num_queries
):
    client = client_as("specialiste")
    new_request(subject="Pirkimas 0")
    one = queries_to_render(client, LIST_URL)
    for number in range(1, 10):
        new_request(subject=f"Pirkimas {number}", initiator=personas["vadove"])
    with django_assert_num_queries(one):
        response = client.get(LIST_URL)
    assert "Pirkimas 9" in text_of(response)


def test_a_closed_request_is_no_longer_changed(personas, client_as):
    request = new_request()
    PurchaseRequest.objects.filter(pk=request.pk).update(status=S.CANCELLED)
    response = client_as("specialiste").get(reverse("procurement:request_edit", args=[request.pk]))
    assert response.status_code == 302
