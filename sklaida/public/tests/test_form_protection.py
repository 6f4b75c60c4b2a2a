"""Robots and floods on the public forms: limits per client and per address, the honeypot,
the time to fill — and a person who is refused keeps what they typed."""

from __future__ import annotations

import datetime
import re
import time

import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from sklaida.communication.models import Subscriber
from sklaida.events.models import Event, Registration, TourBooking
from sklaida.events.tests.factories import EventFactory
from sklaida.public import protection
from sklaida.testing.public_forms import typed_by_a_person
from sklaida.testing.redis import redis_cache, redis_url  # noqa: F401 - redis_url is a fixture

TOO_MANY = "Ši forma iš jūsų ryšio arba šiuo el. pašto adresu siųsta per daug kartų."
TOO_FAST = "Forma atsiųsta greičiau, nei žmogus paprastai ją užpildo"


def registration_data(number: int, **extra) -> dict:
    return {
        "name": f"Robotas Nr. {number}",
        "email": f"auka+{number}@pastas.example",
        "seats": "1",
        "consent": "on",
        **typed_by_a_person(),
        **extra,
    }


def register_url(event: Event) -> str:
    return reverse("public:register", kwargs={"slug": event.slug})


def open_event(**fields) -> Event:
    return EventFactory(registration=Event.Registration.OPEN, capacity=5000, **fields)


def assert_throttled(response, *, kept: str) -> None:
    """HTTP 429 with Retry-After, the form again with what was typed, saying when to retry."""
    assert response.status_code == 429
    retry_after = int(response["Retry-After"])
    assert 0 < retry_after <= 24 * 60 * 60
    page = response.content.decode()
    assert TOO_MANY in page
    # Windows end on the minute, so the moment to retry is that minute.
    until = timezone.localtime(timezone.now() + datetime.timedelta(seconds=retry_after))
    assert f"{until:%H:%M}" in page
    assert kept in page


def test_a_stranger_signed_up_for_event_after_event_gets_five_e_mails_then_429(
    personas, django_capture_on_commit_callbacks
):
    events = [open_event() for _ in range(7)]
    script = Client()

    with django_capture_on_commit_callbacks(execute=True):
        answers = [
            script.post(register_url(event), registration_data(number))
            for number, event in enumerate(events)
        ]

    # Tagged addresses are one mailbox: five sign-ups reach it, then the limit per address.
    assert [answer.status_code for answer in answers[:5]] == [302] * 5
    assert_throttled(answers[5], kept="auka+5@pastas.example")
    assert Registration.objects.filter(email__startswith="auka+").count() == 5
    assert len(mail.outbox) == 5


def test_one_connection_may_sign_up_twenty_people_in_ten_minutes_then_waits(personas):
    event = open_event()
    school = Client()

    answers = [
        school.post(register_url(event), registration_data(n, email=f"mokinys{n}@mokykla.lt"))
        for n in range(22)
    ]

    assert [answer.status_code for answer in answers[:20]] == [302] * 20
    assert_throttled(answers[20], kept="mokinys20@mokykla.lt")
    assert event.registrations.count() == 20
    # Another connection is not held back.
    other = Client(REMOTE_ADDR="198.51.100.20")
    assert other.post(register_url(event), registration_data(99, email="ona@pastas.example"))[
        "Location"
    ].endswith("/registracija/issiusta/")


def test_a_forged_forwarded_for_header_does_not_escape_the_limit(personas, settings):
    settings.TRUSTED_PROXIES = []
    event = open_event()
    script = Client()

    answers = [
        script.post(
            register_url(event),
            registration_data(n, email=f"vardas{n}@pastas.example"),
            headers={"X-Forwarded-For": f"203.0.113.{n}"},
        )
        for n in range(21)
    ]

    assert answers[-1].status_code == 429


def test_behind_the_trusted_proxy_each_client_has_its_own_limit(personas, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.2"]
    event = open_event()
    proxy = Client(REMOTE_ADDR="10.0.0.2")

    def sign_up(n: int, client_address: str):
        return proxy.post(
            register_url(event),
            registration_data(n, email=f"vardas{n}@pastas.example"),
            headers={"X-Forwarded-For": client_address},
        )

    answers = [sign_up(n, "203.0.113.5") for n in range(21)]
    neighbour = sign_up(50, "203.0.113.6")

    assert answers[-1].status_code == 429
    assert neighbour.status_code == 302


def test_the_limit_holds_across_web_processes_with_the_redis_cache(
    personas,
    settings,
    redis_url,  # noqa: F811
):
    settings.CACHES = redis_cache(redis_url)
    event = open_event()

    answers = [
        Client().post(register_url(event), registration_data(n, email=f"v{n}@pastas.example"))
        for n in range(21)
    ]

    assert [answer.status_code for answer in answers[:20]] == [302] * 20
    assert_throttled(answers[20], kept="v20@pastas.example")


def test_a_robot_filling_the_hidden_field_is_thanked_and_nobody_is_signed_up(personas):
    event = open_event()

    response = Client().post(
        register_url(event), registration_data(1, website="pigu.example"), follow=True
    )

    assert response.status_code == 200
    assert "Dėkojame: jūsų registraciją gavome." in response.content.decode()
    assert not event.registrations.exists()
    assert mail.outbox == []


def test_every_public_form_has_the_hidden_field_and_the_time_stamp(personas):
    event = open_event()

    for url in (register_url(event), "/ekskursijos/uzsakymas/", "/naujienlaiskis/"):
        page = Client().get(url).content.decode()
        assert 'name="website"' in page
        assert re.search(r'<input type="hidden" name="started" value="[^"]+"', page)


def test_a_form_sent_too_quickly_is_shown_again_with_what_was_typed_then_taken(personas):
    event = open_event()
    visitor = Client()
    page = visitor.get(register_url(event)).content.decode()
    started = re.search(r'name="started" value="([^"]+)"', page).group(1)
    data = registration_data(1, email="ona@pastas.example", name="Ona Petraitienė")

    quick = visitor.post(register_url(event), {**data, "started": started})

    assert quick.status_code == 200
    content = quick.content.decode()
    assert TOO_FAST in content
    assert 'value="Ona Petraitienė"' in content
    assert f'value="{started}"' in content
    assert not event.registrations.exists()

    # The person looks it over and sends it again: by then it is not too quick.
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=10)):
        again = visitor.post(register_url(event), {**data, "started": started})
    assert again.status_code == 302
    assert event.registrations.get().name == "Ona Petraitienė"


def test_a_missing_or_forged_time_stamp_is_refused_and_replaced(personas):
    event = open_event()

    for started in ("", "1700000000", protection.signed_start(time.time() - 60)[:-2] + "xx"):
        response = Client().post(register_url(event), registration_data(1, started=started))
        content = response.content.decode()
        assert TOO_FAST in content
        fresh = re.search(r'name="started" value="([^"]+)"', content).group(1)
        assert fresh != started
    assert not event.registrations.exists()


def tour_data(**changes) -> dict:
    day = timezone.localdate() + datetime.timedelta(days=10)
    return {
        "group_type": "kindergarten",
        "institution": "Lopšelis „Žiogelis“",
        "group_size": "18",
        "age": "5–6 metai",
        "language": "lt",
        "topic": "Pasakos",
        "preferred_date": day.isoformat(),
        "preferred_time": "10:00",
        "contact_name": "Jolanta Vaitkienė",
        "contact_email": "jolanta@zeiogelis.example",
        "consent": "on",
        **typed_by_a_person(),
        **changes,
    }


def test_tour_requests_are_limited_per_address_and_per_connection(personas):
    visitor = Client()

    to_one_address = [visitor.post("/ekskursijos/uzsakymas/", tour_data()) for _ in range(4)]
    assert [answer.status_code for answer in to_one_address[:3]] == [302] * 3
    assert_throttled(to_one_address[3], kept="Lopšelis „Žiogelis“")

    to_others = visitor.post(
        "/ekskursijos/uzsakymas/", tour_data(contact_email="kita@zeiogelis.example")
    )
    over = visitor.post("/ekskursijos/uzsakymas/", tour_data(contact_email="trecia@example.lt"))
    assert to_others.status_code == 302
    assert_throttled(over, kept="trecia@example.lt")
    assert TourBooking.objects.filter(institution="Lopšelis „Žiogelis“").count() == 4


def test_a_tour_request_sent_too_quickly_is_shown_again(personas):
    response = Client().post(
        "/ekskursijos/uzsakymas/", tour_data(started=protection.signed_start())
    )

    assert response.status_code == 200
    assert TOO_FAST in response.content.decode()
    assert "Lopšelis „Žiogelis“" in response.content.decode()
    assert not TourBooking.objects.filter(institution="Lopšelis „Žiogelis“").exists()


def test_newsletter_sign_ups_are_limited_per_connection_and_checked_for_speed(personas):
    visitor = Client()

    def sign_up(number: int, **extra):
        return visitor.post(
            "/naujienlaiskis/",
            {"email": f"skaitytojas{number}@example.lt", "consent": "on"}
            | typed_by_a_person()
            | extra,
        )

    quick = sign_up(0, started=protection.signed_start())
    assert TOO_FAST in quick.content.decode()
    answers = [sign_up(number) for number in range(1, 11)]
    assert [answer.status_code for answer in answers[:9]] == [200] * 9
    assert_throttled(answers[9], kept="skaitytojas10@example.lt")
    assert Subscriber.objects.filter(email__startswith="skaitytojas").count() == 9
