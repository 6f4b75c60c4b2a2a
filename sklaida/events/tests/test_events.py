"""The event register: creating, conflicts in a space, series, statuses and cancelling."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from sklaida.contacts.tests.factories import OrganisationFactory
from sklaida.core.bookings import bookings_of
from sklaida.core.models import Equipment, Space
from sklaida.events.models import Audience, Event, EventType, Registration
from sklaida.events.services import events as services
from sklaida.events.tests.factories import (
    EventFactory,
    PlannedActivityFactory,
    RegistrationFactory,
    at,
    county_library,
)
from sklaida.testing.queries import queries_to_render

VILNIUS = zoneinfo.ZoneInfo("Europe/Vilnius")
# After the demo's events (they reach 100 days ahead), still to come whatever today is.
DAY = timezone.localdate() + datetime.timedelta(days=200)
NO_RELATIONS = services.Relations()


def saved(actor, **fields) -> Event:
    """An event saved through the service, so its space is booked; by default on DAY, clear
    of the demo's events whatever today's date is."""
    times = {"starts_at": at(DAY, 18), "ends_at": at(DAY, 20)}
    event = EventFactory.build(**{"slug": "", **times, **fields})
    return services.save_event(actor=actor, event=event, relations=NO_RELATIONS)


@pytest.fixture
def hall(personas) -> Space:
    return Space.objects.get(name="Konferencijų salė")


def test_a_specialist_creates_an_event_from_the_form_and_sees_it_in_the_register(
    personas, client_as, hall
):
    client = client_as("specialiste")
    form = {
        "title": "Knygos „Šiaurės vėjai“ pristatymas",
        "event_type": EventType.BOOK_PRESENTATION,
        "format": Event.Format.ON_SITE,
        "library": hall.library_id,
        "starts_at": f"{DAY}T18:00",
        "ends_at": f"{DAY}T19:30",
        "setup_minutes": 30,
        "teardown_minutes": 15,
        "space": hall.pk,
        "responsible": personas["specialiste"].pk,
        "audiences": [Audience.objects.get(code="adults").pk],
        "is_public": "on",
        "registration": Event.Registration.NONE,
        "max_seats_per_registration": 4,
        "retention_days": 30,
        "reminder_hours": 24,
    }
    response = client.post(reverse("events:create"), form, follow=True)
    page = response.content.decode()
    assert "Renginys sukurtas." in page
    event = Event.objects.get(title="Knygos „Šiaurės vėjai“ pristatymas")
    assert event.status == Event.Status.PLANNED
    assert list(event.audiences.values_list("code", flat=True)) == ["adults"]
    listing = client.get(reverse("events:list")).content.decode()
    assert "Knygos „Šiaurės vėjai“ pristatymas" in listing


def test_the_form_keeps_what_was_typed_and_names_the_clash(personas, client_as, hall):
    saved(
        personas["vadove"],
        title="Direktorės susitikimas",
        space=hall,
        starts_at=at(DAY, 17),
        ends_at=at(DAY, 19),
    )
    response = client_as("specialiste").post(
        reverse("events:create"),
        {
            "title": "Dirbtuvės",
            "event_type": EventType.WORKSHOP,
            "format": Event.Format.ON_SITE,
            "library": hall.library_id,
            "starts_at": f"{DAY}T18:00",
            "ends_at": f"{DAY}T19:30",
            "setup_minutes": 0,
            "teardown_minutes": 0,
            "space": hall.pk,
            "responsible": personas["specialiste"].pk,
            "registration": Event.Registration.NONE,
            "max_seats_per_registration": 4,
            "retention_days": 30,
            "reminder_hours": 24,
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Direktorės susitikimas" in page
    assert 'value="Dirbtuvės"' in page
    assert not Event.objects.filter(title="Dirbtuvės").exists()


def event_form(space: Space, responsible, **fields) -> dict:
    """The event form as a specialist fills it in for an on-site workshop without set-up."""
    return {
        "title": "Dirbtuvės",
        "event_type": EventType.WORKSHOP,
        "format": Event.Format.ON_SITE,
        "library": space.library_id,
        "setup_minutes": 0,
        "teardown_minutes": 0,
        "space": space.pk,
        "responsible": responsible.pk,
        "registration": Event.Registration.NONE,
        "max_seats_per_registration": 4,
        "retention_days": 30,
        "reminder_hours": 24,
        **fields,
    }


@time_machine.travel(datetime.datetime(2026, 11, 25, 9, tzinfo=VILNIUS), tick=False)
def test_a_clash_with_only_the_set_up_names_the_event_by_its_own_time_and_the_set_up(
    personas, client_as
):
    room = Space.objects.create(library=county_library(), name="Poezijos kambarys", capacity=30)
    saved(
        personas["vadove"],
        title="Poezijos vakaras",
        space=room,
        starts_at=at(datetime.date(2026, 12, 10), 18),
        ends_at=at(datetime.date(2026, 12, 10), 20),
        setup_minutes=60,
        teardown_minutes=30,
    )
    form = event_form(
        room,
        personas["specialiste"],
        starts_at="2026-12-10T16:00",
        ends_at="2026-12-10T17:30",
    )

    page = client_as("specialiste").post(reverse("events:create"), form).content.decode()

    assert (
        "Poezijos kambarys: nuo 17:00 ruošiamasi renginiui „Poezijos vakaras“; "
        "pats renginys – 2026 m. gruodžio 10 d. 18:00–20:00."
    ) in page
    tear_down = event_form(
        room,
        personas["specialiste"],
        starts_at="2026-12-10T20:15",
        ends_at="2026-12-10T21:00",
    )
    page = client_as("specialiste").post(reverse("events:create"), tear_down).content.decode()
    assert (
        "Poezijos kambarys: po renginio „Poezijos vakaras“ tvarkomasi iki 20:30; "
        "pats renginys – 2026 m. gruodžio 10 d. 18:00–20:00."
    ) in page
    assert not Event.objects.filter(title="Dirbtuvės").exists()


@time_machine.travel(datetime.datetime(2026, 11, 25, 9, tzinfo=VILNIUS), tick=False)
def test_a_clash_with_a_multi_day_exhibition_names_its_first_and_last_day(personas, client_as):
    room = Space.objects.create(
        library=county_library(), name="Parodų salė antrame aukšte", capacity=80
    )
    saved(
        personas["vadove"],
        title="Senieji Žemaitijos žemėlapiai",
        event_type=EventType.EXHIBITION,
        space=room,
        starts_at=at(datetime.date(2026, 12, 1), 10),
        ends_at=at(datetime.date(2026, 12, 3), 18),
    )
    form = event_form(
        room,
        personas["specialiste"],
        starts_at="2026-12-02T12:00",
        ends_at="2026-12-02T13:00",
    )

    page = client_as("specialiste").post(reverse("events:create"), form).content.decode()

    assert (
        "Parodų salė antrame aukšte: laikas sutampa su „Senieji Žemaitijos žemėlapiai“, "
        "2026 m. gruodžio 1 d. 10:00 – gruodžio 3 d. 18:00."
    ) in page


def test_an_event_is_created_with_its_space_booked_for_set_up_and_tear_down(personas, hall):
    event = saved(
        personas["specialiste"],
        space=hall,
        starts_at=at(DAY, 18),
        ends_at=at(DAY, 20),
        setup_minutes=60,
        teardown_minutes=30,
    )
    (booking,) = bookings_of(event)
    assert booking.space == hall
    assert booking.starts_at == at(DAY, 17)
    assert booking.ends_at == at(DAY, 20, 30)
    assert event.slug.endswith(f"-{DAY}")


def test_a_second_event_in_the_blocked_time_of_a_space_is_refused_with_the_clash_named(
    personas, hall
):
    saved(
        personas["specialiste"],
        title="Poezijos vakaras",
        space=hall,
        starts_at=at(DAY, 18),
        ends_at=at(DAY, 20),
        setup_minutes=60,
    )
    with pytest.raises(ValidationError) as refused:
        saved(personas["vadove"], space=hall, starts_at=at(DAY, 16), ends_at=at(DAY, 17, 30))
    message = " ".join(refused.value.messages)
    assert "Konferencijų salė" in message and "Poezijos vakaras" in message
    assert Event.objects.filter(space=hall, starts_at__gte=at(DAY, 0)).count() == 1


def test_events_that_only_touch_do_not_conflict_and_other_spaces_are_free(personas, hall):
    saved(personas["specialiste"], space=hall, starts_at=at(DAY, 10), ends_at=at(DAY, 12))
    saved(personas["specialiste"], space=hall, starts_at=at(DAY, 12), ends_at=at(DAY, 13))
    other = Space.objects.exclude(pk=hall.pk).filter(library=hall.library).first()
    saved(personas["specialiste"], space=other, starts_at=at(DAY, 10), ends_at=at(DAY, 12))
    assert Event.objects.filter(starts_at__gte=at(DAY, 0)).count() == 3


def test_equipment_booked_by_one_event_cannot_be_booked_by_an_overlapping_one(personas, hall):
    projector = Equipment.objects.create(
        library=hall.library, name="Nešiojamas projektorius", kind=Equipment.Kind.PROJECTION
    )
    first = EventFactory.build(space=hall, starts_at=at(DAY, 10), ends_at=at(DAY, 12))
    services.save_event(
        actor=personas["specialiste"],
        event=first,
        relations=services.Relations(equipment=[projector]),
    )
    other_space = Space.objects.exclude(pk=hall.pk).filter(library=hall.library).first()
    second = EventFactory.build(space=other_space, starts_at=at(DAY, 11), ends_at=at(DAY, 13))
    with pytest.raises(ValidationError, match="Nešiojamas projektorius"):
        services.save_event(
            actor=personas["specialiste"],
            event=second,
            relations=services.Relations(equipment=[projector]),
        )


def test_a_weekly_series_creates_one_event_per_week_each_with_its_own_address(personas, hall):
    template = EventFactory.build(
        title="Skaitymų klubas", space=hall, starts_at=at(DAY, 17), ends_at=at(DAY, 18)
    )
    created = services.create_series(
        actor=personas["specialiste"],
        event=template,
        relations=NO_RELATIONS,
        frequency="weekly",
        until=DAY + datetime.timedelta(weeks=4),
    )
    assert [e.starts_at for e in created] == [
        at(DAY + datetime.timedelta(weeks=week), 17) for week in range(5)
    ]
    assert len({e.slug for e in created}) == 5
    assert all(e.series_id == created[0].series_id for e in created)
    assert all(bookings_of(e).count() == 1 for e in created)


def test_a_series_with_one_clashing_date_is_refused_whole(personas, hall):
    saved(
        personas["vadove"],
        title="Konferencija",
        space=hall,
        starts_at=at(DAY + datetime.timedelta(days=7), 9),
        ends_at=at(DAY + datetime.timedelta(days=7), 20),
    )
    template = EventFactory.build(space=hall, starts_at=at(DAY, 17), ends_at=at(DAY, 18))
    with pytest.raises(ValidationError, match="Konferencija"):
        services.create_series(
            actor=personas["specialiste"],
            event=template,
            relations=NO_RELATIONS,
            frequency="weekly",
            until=DAY + datetime.timedelta(days=21),
        )
    assert Event.objects.filter(space=hall, starts_at__gte=at(DAY, 0)).count() == 1


def test_editing_all_following_events_of_a_series_keeps_their_dates_and_leaves_earlier_ones(
    personas, hall
):
    created = services.create_series(
        actor=personas["specialiste"],
        event=EventFactory.build(
            title="Skaitymų klubas", space=hall, starts_at=at(DAY, 17), ends_at=at(DAY, 18)
        ),
        relations=NO_RELATIONS,
        frequency="weekly",
        until=DAY + datetime.timedelta(days=21),
    )
    second = Event.objects.get(pk=created[1].pk)
    second.title = "Jaunimo skaitymų klubas"
    second.starts_at += datetime.timedelta(hours=1)
    second.ends_at += datetime.timedelta(hours=1)
    changed = services.update_event(
        actor=personas["specialiste"], event=second, relations=NO_RELATIONS, following=True
    )
    assert len(changed) == 3
    events = list(Event.objects.filter(series=second.series).order_by("starts_at"))
    assert [e.title for e in events] == ["Skaitymų klubas"] + ["Jaunimo skaitymų klubas"] * 3
    assert [e.starts_at.astimezone(at(DAY, 0).tzinfo).hour for e in events] == [17, 18, 18, 18]
    assert events[3].starts_at.date() == DAY + datetime.timedelta(days=21)


def test_status_moves_along_its_path_and_announcing_makes_the_event_public(personas, hall):
    event = saved(
        personas["specialiste"], space=hall, status=Event.Status.PLANNED, announced_at=None
    )
    for status in (Event.Status.CONFIRMED, Event.Status.ANNOUNCED):
        services.change_event_status(actor=personas["specialiste"], event=event, status=status)
    assert event.announced_at is not None
    with pytest.raises(ValidationError, match="neprasidėjusio"):
        services.change_event_status(
            actor=personas["specialiste"], event=event, status=Event.Status.HELD
        )


def test_an_event_cannot_be_reported_before_its_participants_are_counted(personas, hall):
    past = timezone.localdate() - datetime.timedelta(days=500)
    event = saved(
        personas["specialiste"],
        space=hall,
        starts_at=at(past, 18),
        ends_at=at(past, 20),
        status=Event.Status.HELD,
    )
    with pytest.raises(ValidationError, match="dalyvių skaičių"):
        services.change_event_status(
            actor=personas["specialiste"], event=event, status=Event.Status.REPORTED
        )
    services.record_attendance(
        actor=personas["specialiste"],
        event=event,
        rows=[services.AttendanceRow(audience=None, on_site=42, live_viewers=15)],
    )
    services.change_event_status(
        actor=personas["specialiste"], event=event, status=Event.Status.REPORTED
    )
    assert services.attendance_totals(event) == {"on_site": 42, "online": 15, "total": 57}


def test_cancelling_frees_the_space_and_e_mails_everyone_signed_up(
    personas, hall, django_capture_on_commit_callbacks
):
    event = saved(personas["specialiste"], title="Vakaras su rašytoja", space=hall, capacity=10)
    RegistrationFactory(event=event, name="Jonas Jonaitis", email="jonas@pastas.example")
    RegistrationFactory(
        event=event, status=Registration.Status.WAITLISTED, email="ona@pastas.example"
    )
    RegistrationFactory(
        event=event, status=Registration.Status.CANCELLED, email="atsisake@pastas.example"
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_event(actor=personas["specialiste"], event=event, reason="Autorė susirgo.")
    assert bookings_of(event).count() == 0
    assert sorted(message.to[0] for message in mail.outbox) == [
        "jonas@pastas.example",
        "ona@pastas.example",
    ]
    letter = mail.outbox[0]
    assert "Vakaras su rašytoja" in letter.subject
    assert "Autorė susirgo." in letter.body


def test_a_territory_specialist_edits_only_her_own_librarys_events(personas):
    territory = personas["teritorija"]
    own = EventFactory(library=territory.library, space=territory.library.spaces.first())
    other = EventFactory()
    assert services.may_edit_events_of(territory, own.library_id)
    with pytest.raises(PermissionDenied):
        services.change_event_status(actor=territory, event=other, status=Event.Status.CONFIRMED)


def test_another_librarys_event_is_not_found_for_a_territory_specialist(client_as):
    other = EventFactory()
    response = client_as("teritorija").get(reverse("events:detail", args=[other.pk]))
    assert response.status_code == 404


def test_the_event_page_shows_time_place_plan_and_status_buttons(client_as, hall):
    activity = PlannedActivityFactory(title="Vasaros skaitymai vaikams")
    event = EventFactory(
        title="Vasaros skaitymų pradžia",
        space=hall,
        starts_at=at(DAY, 18),
        ends_at=at(DAY, 20),
        planned_activity=activity,
        status=Event.Status.CONFIRMED,
    )
    page = client_as("specialiste").get(event.get_absolute_url()).content.decode()
    assert f"{date_format(DAY, 'DATE_FORMAT')}, 18:00–20:00" in page
    assert "Konferencijų salė" in page
    assert "Vasaros skaitymai vaikams" in page
    assert "Pažymėti „Paskelbtas“" in page


def test_the_register_filters_by_type_and_makes_the_same_queries_for_more_rows(client_as, hall):
    client = client_as("vadove")
    EventFactory(title="Koncertas kieme", event_type=EventType.CONCERT, space=hall)
    EventFactory(title="Paskaita apie Šiaulius", event_type=EventType.LECTURE, space=hall)
    page = client.get(
        reverse("events:list"), {"event_type": EventType.CONCERT, "q": "kieme"}
    ).content.decode()
    assert "Koncertas kieme" in page and "Paskaita apie Šiaulius" not in page
    few = queries_to_render(client, reverse("events:list"))
    EventFactory.create_batch(15, space=hall)
    assert queries_to_render(client, reverse("events:list")) == few


def test_a_performers_contact_history_lists_the_events_they_took_part_in(client_as, hall):
    from sklaida.contacts.tests.factories import PersonFactory

    poet = PersonFactory(first_name="Aldona", last_name="Žemaitė")
    event = EventFactory(title="Poezijos pavasaris bibliotekoje", space=hall)
    event.performers.add(poet)
    page = client_as("specialiste").get(poet.get_absolute_url()).content.decode()
    assert "Poezijos pavasaris bibliotekoje" in page
    assert event.get_absolute_url() in page


def test_a_territory_specialists_event_form_offers_only_what_her_library_may_use(
    personas, client_as, hall
):
    territory = personas["teritorija"]
    own_space = territory.library.spaces.first()
    activity = PlannedActivityFactory(title="Departamento plano eilutė")
    department_event = saved(personas["vadove"], title="Departamento renginys", space=hall)

    form = client_as("teritorija").get(reverse("events:create")).content.decode()

    assert own_space.name in form
    assert hall.name not in form
    for department_only in ("partners", "performers", "curator", "planned_activity"):
        assert f'name="{department_only}"' not in form
    assert activity.title not in form
    assert department_event.title not in form
    assert personas["vadove"].get_full_name() not in form
    assert territory.get_full_name() in form


def test_a_territory_specialist_cannot_count_her_event_toward_the_departments_plan(
    personas, client_as
):
    territory = personas["teritorija"]
    activity = PlannedActivityFactory(title="Departamento plano eilutė")
    client = client_as("teritorija")
    form = {
        "title": "Vakaronė bibliotekoje",
        "event_type": EventType.LECTURE,
        "format": Event.Format.ON_SITE,
        "starts_at": f"{DAY}T18:00",
        "ends_at": f"{DAY}T19:30",
        "setup_minutes": 0,
        "teardown_minutes": 0,
        "space": territory.library.spaces.first().pk,
        "responsible": territory.pk,
        "registration": Event.Registration.NONE,
        "max_seats_per_registration": 4,
        "retention_days": 30,
        "reminder_hours": 24,
        # Sent by hand: the form never offers them to her.
        "planned_activity": activity.pk,
        "partners": [OrganisationFactory().pk],
    }

    client.post(reverse("events:create"), form)

    event = Event.objects.get(title="Vakaronė bibliotekoje")
    assert event.library == territory.library
    assert event.planned_activity is None
    assert not event.partners.exists()
    event.planned_activity = activity
    with pytest.raises(PermissionDenied):
        services.save_event(actor=territory, event=event, relations=NO_RELATIONS)
