"""One English word, two Lithuanian ones: the senses kept apart by a translation context."""

from __future__ import annotations

import re

from django.urls import reverse
from django.utils import translation

from sklaida.communication.models import Channel, Subscriber
from sklaida.events.models import Registration


def first_option(html: str, name: str) -> str:
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return re.search(r"<option[^>]*>([^<]*)</option>", select).group(1)


def test_any_agrees_with_the_filter_it_is_offered_in(client_as):
    page = client_as("specialiste").get(reverse("events:list")).content.decode()

    assert first_option(page, "event_type") == "Bet koks"  # tipas
    assert first_option(page, "responsible") == "Bet koks"  # organizatorius
    assert first_option(page, "status") == "Bet kokia"  # būsena
    assert first_option(page, "space") == "Bet kokia"  # erdvė


def test_a_persons_name_and_a_things_name_are_different_words():
    with translation.override("lt"):
        assert str(Registration._meta.get_field("name").verbose_name) == "vardas, pavardė"
        assert str(Subscriber._meta.get_field("name").verbose_name) == "vardas, pavardė"
        assert str(Channel._meta.get_field("name").verbose_name) == "pavadinimas"
