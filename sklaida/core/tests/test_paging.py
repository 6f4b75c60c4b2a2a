"""Lists count up to a cap: past it they say "10 000+" instead of counting every row."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sklaida.contacts.models import Person
from sklaida.contacts.tests.factories import PersonFactory
from sklaida.core import paging
from sklaida.core.paging import CappedPaginator

pytestmark = pytest.mark.django_db


def test_a_list_longer_than_the_cap_says_so_and_offers_only_the_capped_pages(
    client_as, personas, monkeypatch
):
    for number in range(5):
        PersonFactory(first_name="Rūta", last_name=f"Žuvėdrienė{number}")
    monkeypatch.setattr(paging, "COUNT_CAP", 3)

    page = client_as("vadove").get("/kontaktai/", {"q": "zuvedrien"}).content.decode()

    assert "Rasti 3+ asmenys" in page


def test_the_count_is_one_bounded_query():
    for number in range(6):
        PersonFactory(last_name=f"Petronienė{number}")
    paginator = CappedPaginator(Person.objects.order_by("pk"), 2, cap=4)

    with CaptureQueriesContext(connection) as captured:
        counted = (paginator.count, paginator.is_capped, paginator.num_pages)

    assert counted == (4, True, 2)
    assert len(captured) == 1
    assert "LIMIT 5" in captured[0]["sql"]
    assert (paginator.count_label, paginator.num_pages_label) == ("4+", "2+")
