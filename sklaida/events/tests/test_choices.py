"""An event chosen in a form says when and where: a series' lectures are told apart."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone

from sklaida.core.models import Space
from sklaida.events.tests.factories import EventFactory
from sklaida.testing.queries import queries_to_render

pytestmark = pytest.mark.django_db


def _lectures(count: int, starting: datetime.date) -> None:
    space = Space.objects.filter(is_active=True).first()
    for week in range(count):
        day = starting + datetime.timedelta(weeks=week)
        EventFactory(
            title="Paskaita „Žuvėdrų kelias“",
            starts_at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(18))),
            space=space,
        )


def test_the_content_editors_event_choices_show_date_time_and_place(client_as, personas):
    day = timezone.localdate() + datetime.timedelta(days=10)
    _lectures(2, day)
    space = Space.objects.filter(is_active=True).first()

    page = client_as("specialiste").get("/komunikacija/turinys/naujas/").content.decode()
    options = re.findall(r"<option[^>]*>(Paskaita „Žuvėdrų kelias“[^<]*)</option>", page)

    assert len(options) == 2 and options[0] != options[1]
    assert options[0].endswith(f"18:00, {space.name}")
    assert " m. " in options[0]  # a Lithuanian date, e.g. "2026 m. gruodžio 15 d."


def test_the_choices_cost_the_same_queries_for_two_or_twelve_events(client_as, personas):
    client = client_as("specialiste")
    day = timezone.localdate() + datetime.timedelta(days=10)
    _lectures(2, day)
    few = queries_to_render(client, "/komunikacija/turinys/naujas/")
    _lectures(10, day + datetime.timedelta(days=1))
    many = queries_to_render(client, "/komunikacija/turinys/naujas/")

    assert few == many
