"""The split-purchase warning: requests of one CPV category in one year that reach the
low-value limit together while each alone is below it."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from sklaida.procurement import splitting
from sklaida.procurement.models import PurchaseRequest
from sklaida.procurement.tests.factories import new_request
from sklaida.testing.pages import text_of

S = PurchaseRequest.Status


def needed_next_year() -> datetime.date:
    # A year of its own: the demo's requests (the coming year) stay out of the sums.
    return datetime.date(2031, 5, 1)


def laptops(subject: str, value: str, code: str = "30213100-6", **fields) -> PurchaseRequest:
    return new_request(
        subject=subject,
        cpv_code=code,
        estimated_value=Decimal(value),
        needed_by=fields.pop("needed_by", needed_next_year()),
        **fields,
    )


def test_two_laptop_requests_that_reach_the_limit_together_warn_on_the_request_page(
    personas, client_as
):
    first = laptops("Nešiojamieji kompiuteriai renginiams", "38000")
    # A desktop is the same category (30213) as a laptop.
    second = laptops("Stacionarūs kompiuteriai darbuotojams", "34000", code="30213300-8")

    page = text_of(client_as("stebetojas").get(second.get_absolute_url()))

    assert "Possible split purchase" not in page
    assert "Galimas pirkimo skaidymas" in page
    assert "72 000,00 €" in page  # the sum
    assert "70 000,00 €" in page  # the limit in force
    assert f"{first.number} „Nešiojamieji kompiuteriai renginiams“ (38 000,00 €)" in page
    warning = splitting.warning_for(first, on=timezone.localdate())
    assert warning is not None and [other.pk for other in warning.others] == [second.pk]


def test_requests_that_stay_below_the_limit_together_do_not_warn(personas, client_as):
    laptops("Nešiojamieji kompiuteriai renginiams", "38000")
    second = laptops("Stacionarūs kompiuteriai", "31000")

    assert "Galimas pirkimo skaidymas" not in text_of(
        client_as("specialiste").get(second.get_absolute_url())
    )


def test_other_categories_other_years_and_cancelled_requests_do_not_count(personas):
    first = laptops("Nešiojamieji kompiuteriai", "38000")
    laptops("Projektorius", "34000", code="38652100-1")
    laptops("Kompiuteriai kitiems metams", "34000", needed_by=datetime.date(2032, 2, 1))
    cancelled = laptops("Atšaukti kompiuteriai", "34000")
    cancelled.status = S.CANCELLED
    cancelled.save()

    assert splitting.warning_for(first, on=timezone.localdate()) is None


def test_a_request_over_the_limit_on_its_own_is_no_split(personas):
    laptops("Kompiuterių klasė", "75000")
    second = laptops("Dar keli kompiuteriai", "5000")

    assert splitting.warning_for(second, on=timezone.localdate()) is None


def test_the_form_warns_before_saving_and_saves_once_the_warning_is_read(personas, client_as):
    laptops("Nešiojamieji kompiuteriai renginiams", "38000")
    client = client_as("specialiste")
    data = {
        "subject": "Kompiuteriai bibliotekininkams",
        "cpv_code": "30213100-6",
        "kind": "goods",
        "estimated_value": "34 000,00",
        "needed_by": needed_next_year().isoformat(),
        "initiator": personas["specialiste"].pk,
        "justification": "Seni kompiuteriai nebeatnaujinami.",
    }

    warned = client.post(reverse("procurement:request_create"), data)

    assert warned.status_code == 200
    assert "72 000,00 €" in text_of(warned) and "Galimas pirkimo skaidymas" in text_of(warned)
    assert not PurchaseRequest.objects.filter(subject=data["subject"]).exists()

    saved = client.post(reverse("procurement:request_create"), {**data, "split_acknowledged": "1"})
    request = PurchaseRequest.objects.get(subject=data["subject"])
    assert saved.status_code == 302 and request.estimated_value == Decimal("34000.00")
    edit_page = text_of(client.get(reverse("procurement:request_edit", args=[request.pk])))
    assert "Galimas pirkimo skaidymas" in edit_page


def test_a_request_below_the_sum_is_saved_without_a_question(personas, client_as):
    response = client_as("vadove").post(
        reverse("procurement:request_create"),
        {
            "subject": "Mikrofonai",
            "cpv_code": "32341000-5",
            "kind": "goods",
            "estimated_value": "690",
            "initiator": personas["vadove"].pk,
            "justification": "Sugedo.",
        },
    )
    assert response.status_code == 302
    assert PurchaseRequest.objects.get(subject="Mikrofonai").procedure == "low_value"
