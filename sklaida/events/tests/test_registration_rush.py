"""A rush of simultaneous sign-ups never overbooks an event (SQLite and PostgreSQL alike).

Each sign-up runs in its own thread with its own database connection, all released at
once by a barrier, against an event with 10 seats.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from sklaida.core import demo
from sklaida.events.models import Event, Registration
from sklaida.events.services import registration as services
from sklaida.events.tests.factories import EventFactory

CLIENTS = 60
SEATS = 10


@pytest.mark.django_db(transaction=True)
def test_sixty_simultaneous_sign_ups_fill_ten_seats_exactly_and_the_rest_wait():
    demo.load_demo()
    event = EventFactory(registration=Event.Registration.OPEN, capacity=SEATS)
    start = threading.Barrier(CLIENTS)

    def sign_up(number: int) -> str:
        try:
            start.wait(timeout=30)
            registration = services.register(
                event=event,
                name=f"Skubantis lankytojas {number}",
                email=f"skuba{number}@pastas.example",
                consent=True,
            )
            return registration.status
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        statuses = list(pool.map(sign_up, range(CLIENTS)))

    assert statuses.count(Registration.Status.CONFIRMED) == SEATS
    assert statuses.count(Registration.Status.WAITLISTED) == CLIENTS - SEATS
    event.refresh_from_db()
    assert event.seats_confirmed == SEATS
    confirmed = Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED)
    assert sum(confirmed.values_list("seats", flat=True)) == SEATS
    assert Registration.objects.filter(event=event).count() == CLIENTS
    assert connection.vendor in {"sqlite", "postgresql"}
