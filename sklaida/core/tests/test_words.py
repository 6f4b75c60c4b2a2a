"""Words that mean two things get a context each: a period's ends read "Nuo"/"Iki" (not the
history's "Buvo"/"Tapo"), a person's name reads "Vardas, pavardė" (not a thing's title)."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/konsultacijos/ataskaita/", "/veikla/statistika/"])
def test_a_period_filter_reads_from_and_until(client_as, personas, url):
    page = client_as("vadove").get(url).content.decode()

    assert '<label class="form-label" for="id_date_from">Nuo</label>' in page
    assert '<label class="form-label" for="id_date_to">Iki</label>' in page
    assert "Buvo" not in page and "Tapo" not in page


def test_the_newsletter_sign_up_asks_for_a_persons_name(personas):
    page = Client().get("/naujienlaiskis/").content.decode()

    assert "Vardas, pavardė" in page
    assert ">Pavadinimas<" not in page


def test_the_upload_page_speaks_to_staff_not_to_developers(client_as, personas):
    page = client_as("specialiste").get("/archyvas/ikelti/").content.decode()

    assert "kreipkitės į sistemos administratorių" in page
    assert "manage.py" not in page


def test_an_empty_choice_reads_choose_not_dashes(client_as, personas):
    page = client_as("specialiste").get("/veikla/renginiai/naujas/").content.decode()

    assert '<option value="" selected>— pasirinkite —</option>' in page
    assert "---------" not in page
