"""Guided tours: a group's request, the department's answer, the tour held, the reminder."""

from __future__ import annotations

import datetime
import re
import zoneinfo

import pytest
import time_machine
from auditlog.models import LogEntry
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from sklaida.core.bookings import bookings_of
from sklaida.core.models import Space
from sklaida.core.scheduling import periodic_jobs
from sklaida.events import tasks
from sklaida.events.models import TourBooking
from sklaida.events.services import events as event_services
from sklaida.events.services import tours as services
from sklaida.events.tests.factories import (
    EventFactory,
    TourBookingFactory,
    at,
    county_library,
)
from sklaida.testing.public_forms import typed_by_a_person
from sklaida.testing.queries import queries_to_render

Status = TourBooking.Status
VILNIUS = zoneinfo.ZoneInfo("Europe/Vilnius")


def in_days(days: int, hour: int, minute: int = 0) -> datetime.datetime:
    return at(timezone.localdate() + datetime.timedelta(days=days), hour, minute)


def reading_room(name: str = "Skaitykla ekskursijoms") -> Space:
    """A room of the county library that the demo's events leave free."""
    return Space.objects.get_or_create(
        library=county_library(), name=name, defaults={"capacity": 40}
    )[0]


def schedule_data(prefix: str, *, starts_at, guide, space, message: str = "") -> dict:
    return {
        f"{prefix}-starts_at": timezone.localtime(starts_at).strftime("%Y-%m-%dT%H:%M"),
        f"{prefix}-ends_at": timezone.localtime(starts_at + datetime.timedelta(hours=1)).strftime(
            "%Y-%m-%dT%H:%M"
        ),
        f"{prefix}-guide": guide.pk,
        f"{prefix}-space": space.pk,
        f"{prefix}-message": message,
    }


def sent_to(address: str) -> list[mail.EmailMessage]:
    return [message for message in mail.outbox if address in message.to]


def test_a_request_reaches_the_department_and_the_group_hears_back_in_its_language(
    personas, django_capture_on_commit_callbacks
):
    day = timezone.localdate() + datetime.timedelta(days=9)
    with translation.override("en"):
        url = reverse("public:tour_request")
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(
            url,
            {
                "group_type": "school_class",
                "institution": "Kuršėnų Lauryno Ivinskio gimnazija",
                "group_size": "26",
                "age": "15–16 metų",
                "language": "en",
                "topic": "Senieji spaudiniai",
                "preferred_date": day.isoformat(),
                "preferred_time": "10:30",
                "contact_name": "Daiva Petrauskienė",
                "contact_email": "daiva@gimnazija.example",
                "contact_phone": "+370 600 12345",
                "consent": "on",
                **typed_by_a_person(),
            },
        )

    assert response.status_code == 302
    tour = TourBooking.objects.get(contact_email="daiva@gimnazija.example")
    assert (tour.status, tour.library, tour.request_language) == (
        Status.REQUESTED,
        county_library(),
        "en",
    )
    assert timezone.localtime(tour.preferred_at) == at(day, 10, 30)
    # The head and the specialist, not the viewer or the territory specialist.
    for username in ("vadove", "specialiste"):
        (notice,) = sent_to(personas[username].email)
        assert "Kuršėnų Lauryno Ivinskio gimnazija" in notice.body
        assert f"http://testserver/veikla/ekskursijos/{tour.pk}/" in notice.body
    assert not sent_to(personas["stebetojas"].email)
    assert not sent_to(personas["teritorija"].email)
    (acknowledgement,) = sent_to("daiva@gimnazija.example")
    assert acknowledgement.subject == "We have received your tour request"
    assert "for a group of 26" in acknowledgement.body
    # Nobody has shown the address is theirs: the reply repeats nothing typed into the form.
    assert acknowledgement.body.startswith("Hello,")
    for typed in ("Daiva", "Kuršėnų", "Senieji spaudiniai", "15–16"):
        assert typed not in acknowledgement.body


def test_confirming_books_the_meeting_place_and_sends_the_group_the_details(
    client_as, personas, django_capture_on_commit_callbacks
):
    tour = TourBookingFactory(preferred_at=in_days(12, 11))
    room = reading_room()

    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("specialiste").post(
            reverse("events:tour_confirm", args=[tour.pk]),
            schedule_data(
                "confirm",
                starts_at=in_days(12, 11),
                guide=personas["specialiste"],
                space=room,
                message="Susitinkame prie informacijos stalo.",
            ),
        )

    assert response.status_code == 302
    tour.refresh_from_db()
    assert (tour.status, tour.guide, tour.space) == (
        Status.CONFIRMED,
        personas["specialiste"],
        room,
    )
    (booking,) = bookings_of(tour)
    assert (booking.space, booking.starts_at) == (room, in_days(12, 11))
    (confirmation,) = sent_to(tour.contact_email)
    with translation.override("lt"):
        day = date_format(timezone.localtime(in_days(12, 11)), "DATE_FORMAT")
    assert day in confirmation.body
    assert "11:00–12:00" in confirmation.body
    assert room.name in confirmation.body
    assert str(personas["specialiste"]) in confirmation.body
    assert "Susitinkame prie informacijos stalo." in confirmation.body


def test_a_tour_is_not_confirmed_in_a_room_an_event_has_booked(client_as, personas):
    room = reading_room()
    event = EventFactory(space=room, starts_at=in_days(15, 10), title="Knygos pristatymas")
    event_services.save_event(
        actor=personas["specialiste"], event=event, relations=event_services.Relations()
    )
    tour = TourBookingFactory(preferred_at=in_days(15, 10, 30))

    page = client_as("specialiste").post(
        reverse("events:tour_confirm", args=[tour.pk]),
        schedule_data(
            "confirm", starts_at=in_days(15, 10, 30), guide=personas["specialiste"], space=room
        ),
    )

    assert page.status_code == 200
    assert "Knygos pristatymas" in page.content.decode()
    tour.refresh_from_db()
    assert tour.status == Status.REQUESTED
    assert not bookings_of(tour).exists()


@time_machine.travel(datetime.datetime(2026, 11, 25, 9, tzinfo=VILNIUS), tick=False)
def test_a_tour_in_a_room_an_exhibition_holds_for_days_names_the_exhibitions_whole_time(
    client_as, personas
):
    room = reading_room()
    exhibition = EventFactory(
        space=room,
        title="Senieji Žemaitijos žemėlapiai",
        starts_at=at(datetime.date(2026, 12, 1), 10),
        ends_at=at(datetime.date(2026, 12, 3), 18),
    )
    event_services.save_event(
        actor=personas["specialiste"], event=exhibition, relations=event_services.Relations()
    )
    tour = TourBookingFactory(preferred_at=at(datetime.date(2026, 12, 2), 11))

    page = client_as("specialiste").post(
        reverse("events:tour_confirm", args=[tour.pk]),
        schedule_data(
            "confirm",
            starts_at=at(datetime.date(2026, 12, 2), 11),
            guide=personas["specialiste"],
            space=room,
        ),
    )

    assert (
        "Skaitykla ekskursijoms: laikas sutampa su „Senieji Žemaitijos žemėlapiai“, "
        "2026 m. gruodžio 1 d. 10:00 – gruodžio 3 d. 18:00."
    ) in page.content.decode()


def test_a_guide_is_not_given_two_tours_at_once(personas):
    guide = personas["specialiste"]
    rooms = [reading_room(), reading_room("Retų spaudinių skyrius")]
    first = TourBookingFactory(institution="Pirmoji grupė")
    services.confirm_tour(
        actor=guide,
        tour=first,
        starts_at=in_days(20, 10),
        ends_at=in_days(20, 11),
        guide=guide,
        space=rooms[0],
    )

    with pytest.raises(ValidationError, match="Pirmoji grupė"):
        services.confirm_tour(
            actor=guide,
            tour=TourBookingFactory(),
            starts_at=in_days(20, 10, 30),
            ends_at=in_days(20, 11, 30),
            guide=guide,
            space=rooms[1],
        )


def test_the_group_accepts_a_proposed_time_through_the_link_in_its_e_mail(
    client_as, personas, django_capture_on_commit_callbacks
):
    tour = TourBookingFactory(preferred_at=in_days(8, 9))
    room = reading_room()
    with django_capture_on_commit_callbacks(execute=True):
        client_as("vadove").post(
            reverse("events:tour_propose", args=[tour.pk]),
            schedule_data(
                "propose",
                starts_at=in_days(9, 13),
                guide=personas["vadove"],
                space=room,
                message="Rytą skaitykla užimta, siūlome popietę.",
            ),
        )
    tour.refresh_from_db()
    assert tour.status == Status.PROPOSED
    assert not bookings_of(tour).exists()
    (proposal,) = sent_to(tour.contact_email)
    assert "Rytą skaitykla užimta, siūlome popietę." in proposal.body
    link = re.search(r"http://testserver(/\S+)", proposal.body).group(1)

    group = Client()
    page = group.get(link).content.decode()
    assert "13:00–14:00" in page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        group.post(link, {"answer": "accept"})

    tour.refresh_from_db()
    assert tour.status == Status.CONFIRMED
    (booking,) = bookings_of(tour)
    assert booking.space == room
    (confirmation,) = sent_to(tour.contact_email)
    assert "13:00–14:00" in confirmation.body
    assert sent_to(personas["vadove"].email), "the department hears the group's answer"


def test_a_group_that_declines_the_proposed_time_closes_its_request(personas):
    tour = TourBookingFactory()
    services.propose_tour_time(
        actor=personas["vadove"],
        tour=tour,
        starts_at=in_days(9, 13),
        ends_at=in_days(9, 14),
        guide=personas["vadove"],
        space=reading_room(),
        message="Siūlome kitą dieną.",
    )

    Client().post(reverse("public:tour_answer", args=[tour.token]), {"answer": "decline"})

    tour.refresh_from_db()
    assert tour.status == Status.CANCELLED
    with pytest.raises(ValidationError):
        services.accept_proposed_time(tour=tour)


def test_a_tour_is_held_only_after_it_started_and_with_its_participants(client_as, personas):
    coming = TourBookingFactory(status=Status.CONFIRMED, starts_at=in_days(3, 10))
    coming.ends_at = coming.starts_at + datetime.timedelta(hours=1)
    with pytest.raises(ValidationError, match="neprasidėjusios"):
        services.record_tour_held(actor=personas["specialiste"], tour=coming, participants=20)

    past = TourBookingFactory(
        status=Status.CONFIRMED,
        starts_at=timezone.now() - datetime.timedelta(hours=2),
        ends_at=timezone.now() - datetime.timedelta(hours=1),
    )
    client = client_as("specialiste")
    url = reverse("events:tour_held", args=[past.pk])
    client.post(url, {"participants": ""})
    past.refresh_from_db()
    assert past.status == Status.CONFIRMED

    client.post(url, {"participants": "23"})
    past.refresh_from_db()
    assert (past.status, past.participants) == (Status.HELD, 23)


def test_cancelling_frees_the_room_and_tells_the_group_why(
    personas, django_capture_on_commit_callbacks
):
    tour = TourBookingFactory()
    services.confirm_tour(
        actor=personas["specialiste"],
        tour=tour,
        starts_at=in_days(6, 12),
        ends_at=in_days(6, 13),
        guide=personas["specialiste"],
        space=reading_room(),
    )
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_tour(
            actor=personas["specialiste"], tour=tour, reason="Bibliotekoje dingo elektra."
        )

    assert not bookings_of(tour).exists()
    (notice,) = sent_to(tour.contact_email)
    assert "Bibliotekoje dingo elektra." in notice.body


def test_a_viewer_reads_a_tour_but_cannot_answer_it(client_as, personas):
    tour = TourBookingFactory()

    page = client_as("stebetojas").get(tour.get_absolute_url()).content.decode()

    assert tour.contact_name in page
    assert reverse("events:tour_confirm", args=[tour.pk]) not in page
    assert (
        client_as("stebetojas").post(reverse("events:tour_cancel", args=[tour.pk])).status_code
        == 403
    )


def test_the_group_is_reminded_the_day_before_and_only_once(
    personas, django_capture_on_commit_callbacks
):
    tomorrow = TourBookingFactory(contact_email="rytoj@mokykla.example")
    services.confirm_tour(
        actor=personas["specialiste"],
        tour=tomorrow,
        starts_at=in_days(1, 14),
        ends_at=in_days(1, 15),
        guide=personas["specialiste"],
        space=reading_room(),
    )
    later = TourBookingFactory(contact_email="veliau@mokykla.example")
    services.confirm_tour(
        actor=personas["specialiste"],
        tour=later,
        starts_at=in_days(4, 14),
        ends_at=in_days(4, 15),
        guide=personas["vadove"],
        space=reading_room(),
    )
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        tasks.send_tour_reminders.enqueue()
    with django_capture_on_commit_callbacks(execute=True):
        tasks.send_tour_reminders.enqueue()

    (reminder,) = sent_to("rytoj@mokykla.example")
    assert "14:00–15:00" in reminder.body
    assert not sent_to("veliau@mokykla.example")
    assert "tour-reminders" in {job.name for job in periodic_jobs()}


def test_the_tour_list_filters_by_status_and_date_with_a_fixed_number_of_queries(
    client_as, personas
):
    client = client_as("vadove")
    url = reverse("events:tour_list")
    TourBookingFactory()
    few = queries_to_render(client, url)
    for number in range(25):
        tour = TourBookingFactory(institution=f"Mokykla Nr. {number}")
        if number % 2:
            services.confirm_tour(
                actor=personas["specialiste"],
                tour=tour,
                starts_at=in_days(30 + number, 10),
                ends_at=in_days(30 + number, 11),
                guide=personas["specialiste"],
                space=reading_room(),
            )
    assert queries_to_render(client, url) == few

    day = (timezone.localdate() + datetime.timedelta(days=31)).isoformat()
    page = client.get(url, {"status": "confirmed", "date_from": day, "date_to": day})
    content = page.content.decode()
    assert "Mokykla Nr. 1<" in content
    assert "Mokykla Nr. 3<" not in content
    assert "Mokykla Nr. 2<" not in content


def test_a_worker_sees_the_request_with_the_forms_to_answer_it(client_as, personas):
    tour = TourBookingFactory(topic="Lietuviškos knygos istorija", notes="Grupėje yra vežimėlis.")
    room = reading_room()

    page = client_as("specialiste").get(tour.get_absolute_url()).content.decode()

    assert "Lietuviškos knygos istorija" in page
    assert "Grupėje yra vežimėlis." in page
    for name in ("tour_confirm", "tour_propose", "tour_cancel"):
        assert reverse(f"events:{name}", args=[tour.pk]) in page
    assert reverse("events:tour_held", args=[tour.pk]) not in page, "not held before it starts"
    assert 'name="confirm-guide"' in page
    assert f'<option value="{room.pk}">{room.name}</option>' in page


def test_proposing_another_time_needs_a_message_to_the_group(client_as, personas):
    tour = TourBookingFactory()

    page = client_as("specialiste").post(
        reverse("events:tour_propose", args=[tour.pk]),
        schedule_data(
            "propose", starts_at=in_days(9, 13), guide=personas["vadove"], space=reading_room()
        ),
    )

    assert 'id="id_propose-message_error"' in page.content.decode()
    tour.refresh_from_db()
    assert tour.status == Status.REQUESTED


def test_a_groups_contact_data_is_erased_a_year_after_the_tour_and_the_counts_stay(personas):
    from sklaida.events.services.tours import anonymise_old_tour_requests

    old = TourBookingFactory(
        status=TourBooking.Status.HELD,
        starts_at=timezone.now() - datetime.timedelta(days=400),
        participants=22,
        contact_name="Rūta Mockienė",
        contact_email="ruta@gimnazija.example",
    )
    recent = TourBookingFactory(
        status=TourBooking.Status.HELD,
        starts_at=timezone.now() - datetime.timedelta(days=30),
        participants=18,
    )
    assert anonymise_old_tour_requests() == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.contact_name, old.contact_email, old.participants) == ("", "", 22)
    assert old.institution == "Šiaulių „Saulės“ gimnazija"
    assert recent.contact_name == "Rūta Mockienė"
    history = LogEntry.objects.get_for_object(old)
    assert "Rūta Mockienė" not in str([entry.changes for entry in history])


def test_a_request_for_the_calendars_last_hour_still_opens_for_the_staff(client_as, personas):
    # Filed before the form bounded its dates: 9999-12-31 23:30 in Vilnius.
    tour = TourBookingFactory(
        preferred_at=at(datetime.date(9999, 12, 31), 23, 30), institution="Ateities mokykla"
    )
    client = client_as("specialiste")

    detail = client.get(f"/veikla/ekskursijos/{tour.pk}/")
    listed = client.get("/veikla/ekskursijos/")

    assert detail.status_code == 200
    assert "Ateities mokykla" in detail.content.decode()
    assert "9999 m. gruodžio 31 d." in detail.content.decode()
    assert "Ateities mokykla" in listed.content.decode()
