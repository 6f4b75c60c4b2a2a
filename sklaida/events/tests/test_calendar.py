"""The staff calendar: what a month and a week show, its filters, and moving events."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone

from sklaida.core import bookings
from sklaida.core.models import Equipment, Space
from sklaida.events.models import Event, EventType, TourBooking
from sklaida.events.tests.factories import EventFactory, TourBookingFactory, at, county_library
from sklaida.testing.queries import queries_to_render

CALENDAR = "/veikla/kalendorius/"


@pytest.fixture
def day() -> datetime.date:
    """A Wednesday mid-month, after the demo's year of events (never at a month's edge)."""
    first = (timezone.localdate().replace(day=1) + datetime.timedelta(days=200)).replace(day=1)
    return first + datetime.timedelta(days=(2 - first.weekday()) % 7 + 7)


def booked(**fields) -> Event:
    """An event that holds its space, as the event form would leave it."""
    event = EventFactory(**fields)
    bookings.replace_bookings(
        holder=event,
        title=event.title,
        starts_at=event.blocked_from,
        ends_at=event.blocked_until,
        spaces=[event.space] if event.space_id else [],
    )
    return event


def hall() -> Space:
    return Space.objects.get(library=county_library(), name="Konferencijų salė")


def classroom() -> Space:
    return Space.objects.get(library=county_library(), name="Edukacijų klasė")


def entries_on(page: str, date: datetime.date) -> str:
    """The HTML of one day's cell in the month table."""
    match = re.search(rf'data-drop-date="{date.isoformat()}"(.*?)</td>', page, flags=re.DOTALL)
    assert match, f"no cell for {date}"
    return match.group(1)


def test_the_month_shows_events_of_every_status_and_confirmed_tours_as_links(
    client_as, personas, day
):
    planned = EventFactory(
        title="Planuojamas seminaras", status=Event.Status.PLANNED, starts_at=at(day, 10)
    )
    cancelled = EventFactory(
        title="Atšauktas koncertas", status=Event.Status.CANCELLED, starts_at=at(day, 18)
    )
    tomorrow = day + datetime.timedelta(days=1)
    announced = EventFactory(title="Knygos pristatymas", starts_at=at(tomorrow, 17))
    TourBookingFactory(
        institution="Gimnazija ekskursijoje",
        status=TourBooking.Status.CONFIRMED,
        starts_at=at(day, 12),
        ends_at=at(day, 13),
    )
    TourBookingFactory(institution="Dar neatsakyta mokykla", starts_at=None)

    page = client_as("specialiste").get(CALENDAR, {"view": "month", "date": day}).content.decode()

    assert "<caption>" in page and 'scope="col"' in page
    cell = entries_on(page, day)
    for event in (planned, cancelled):
        assert f'href="{event.get_absolute_url()}"' in cell
    assert "Gimnazija ekskursijoje" in cell
    assert "10:00" in cell and "12:00" in cell
    assert announced.title in entries_on(page, tomorrow)
    assert "Dar neatsakyta mokykla" not in page
    # Held, reported and cancelled events cannot be moved; the others can.
    assert f'data-move-url="/veikla/renginiai/{planned.pk}/perkelti/"' in page
    assert f'data-move-url="/veikla/renginiai/{cancelled.pk}/perkelti/"' not in page


def test_the_week_shows_set_up_and_tear_down_as_blocked_time(client_as, personas, day):
    EventFactory(
        title="Vakaras su poetu",
        starts_at=at(day, 18),
        ends_at=at(day, 20),
        setup_minutes=45,
        teardown_minutes=30,
        space=hall(),
    )

    page = client_as("specialiste").get(CALENDAR, {"view": "week", "date": day}).content.decode()

    blocked = re.findall(r'<div class="cal-blocked">(.*?)</div>', page, flags=re.DOTALL)
    assert len(blocked) == 2
    assert "17:15–18:00" in blocked[0] and "Konferencijų salė" in blocked[0]
    assert "20:00–20:30" in blocked[1] and "Vakaras su poetu" in blocked[1]
    assert 'data-drop-time="18:00"' in page
    assert page.count("Vakaras su poetu") >= 3


def test_the_filters_narrow_the_calendar_by_type_space_organiser_and_status(
    client_as, personas, day
):
    EventFactory(
        title="Kino vakaras", event_type=EventType.SCREENING, starts_at=at(day, 18), space=hall()
    )
    EventFactory(
        title="Dirbtuvės vaikams",
        event_type=EventType.WORKSHOP,
        starts_at=at(day, 11),
        space=classroom(),
        responsible=personas["vadove"],
        status=Event.Status.CONFIRMED,
    )
    client = client_as("specialiste")

    def titles(**filters) -> set[str]:
        page = client.get(CALENDAR, {"view": "list", "date": day, **filters}).content.decode()
        return {title for title in ("Kino vakaras", "Dirbtuvės vaikams") if title in page}

    assert titles() == {"Kino vakaras", "Dirbtuvės vaikams"}
    assert titles(event_type="screening") == {"Kino vakaras"}
    assert titles(space=classroom().pk) == {"Dirbtuvės vaikams"}
    assert titles(responsible=personas["vadove"].pk) == {"Dirbtuvės vaikams"}
    assert titles(status="announced") == {"Kino vakaras"}


def test_a_territory_specialist_sees_only_her_librarys_events(client_as, personas, day):
    own = personas["teritorija"].library
    EventFactory(
        title="Filialo popietė", library=own, space=own.spaces.first(), starts_at=at(day, 15)
    )
    EventFactory(title="Centrinės bibliotekos koncertas", starts_at=at(day, 18))

    page = client_as("teritorija").get(CALENDAR, {"date": day}).content.decode()

    assert "Filialo popietė" in page
    assert "Centrinės bibliotekos koncertas" not in page


def test_without_a_chosen_view_small_screens_get_the_list(client_as, personas, day):
    EventFactory(title="Skaitymai", starts_at=at(day, 18))

    page = client_as("stebetojas").get(CALENDAR, {"date": day}).content.decode()

    assert '<div class="d-none d-md-block">' in page
    assert '<div class="d-md-none">' in page
    assert page.count('href="/veikla/renginiai/') >= 2
    # The viewer only reads: nothing to drag, no move form.
    assert "data-move-url" not in page and "/perkelti/" not in page


def move(client, event: Event, date: datetime.date, time: str = "", **headers):
    return client.post(
        f"/veikla/renginiai/{event.pk}/perkelti/",
        {"date": date.isoformat(), "time": time},
        headers=headers,
    )


def test_dragging_an_event_to_another_day_keeps_its_time_and_moves_its_bookings(
    client_as, personas, day
):
    event = booked(title="Literatūrinė popietė", starts_at=at(day, 16, 30), space=hall())
    projector = Equipment.objects.create(library=county_library(), name="Projektorius Epson")
    bookings.replace_bookings(
        holder=event,
        title=event.title,
        starts_at=event.blocked_from,
        ends_at=event.blocked_until,
        spaces=[hall()],
        equipment=[projector],
    )
    target = day + datetime.timedelta(days=2)

    response = move(client_as("specialiste"), event, target, accept="application/json")

    assert response.status_code == 200
    assert response.json()["ok"] is True
    event.refresh_from_db()
    assert timezone.localtime(event.starts_at) == timezone.localtime(at(target, 16, 30))
    assert event.ends_at - event.starts_at == datetime.timedelta(hours=2)
    held = bookings.bookings_of(event)
    assert {b.starts_at for b in held} == {event.starts_at}
    assert {b.resource.name for b in held} == {"Konferencijų salė", "Projektorius Epson"}
    page = client_as("specialiste").get(CALENDAR, {"view": "month", "date": day}).content.decode()
    assert "Literatūrinė popietė" in entries_on(page, target)
    assert "Literatūrinė popietė" not in entries_on(page, day)


def test_a_move_onto_a_booked_space_is_refused_with_a_clear_message(client_as, personas, day):
    event = booked(title="Susitikimas su autore", starts_at=at(day, 18), space=hall())
    booked(
        title="Jaunimo debatai",
        starts_at=at(day + datetime.timedelta(days=1), 17),
        space=hall(),
    )

    response = move(
        client_as("specialiste"),
        event,
        day + datetime.timedelta(days=1),
        accept="application/json",
    )

    assert response.status_code == 409
    message = response.json()["message"]
    assert "Susitikimas su autore" in message
    assert "Jaunimo debatai" in message and "Konferencijų salė" in message
    event.refresh_from_db()
    assert timezone.localtime(event.starts_at) == timezone.localtime(at(day, 18))


def test_the_move_form_sets_date_and_time_and_returns_to_the_calendar(client_as, personas, day):
    event = booked(title="Edukacija senjorams", starts_at=at(day, 10), space=classroom())
    back = f"{CALENDAR}?view=week&date={day.isoformat()}"
    client = client_as("specialiste")

    response = client.post(
        f"/veikla/renginiai/{event.pk}/perkelti/",
        {"date": (day + datetime.timedelta(days=1)).isoformat(), "time": "14:00", "next": back},
    )

    assert response.status_code == 302 and response["Location"] == back
    event.refresh_from_db()
    assert timezone.localtime(event.starts_at) == timezone.localtime(
        at(day + datetime.timedelta(days=1), 14)
    )
    page = client.get(back).content.decode()
    assert "Edukacija senjorams" in page and "14:00" in page


def test_a_move_refused_through_the_form_is_told_on_the_page(client_as, personas, day):
    event = booked(title="Rytmečio skaitymai", starts_at=at(day, 9), space=hall())
    booked(title="Konferencija", starts_at=at(day + datetime.timedelta(days=3), 9), space=hall())

    page = (
        client_as("specialiste")
        .post(
            f"/veikla/renginiai/{event.pk}/perkelti/",
            {"date": (day + datetime.timedelta(days=3)).isoformat(), "next": CALENDAR},
            follow=True,
        )
        .content.decode()
    )

    assert 'role="alert"' in page
    assert "Konferencija" in page and "Konferencijų salė" in page


def test_the_viewer_cannot_move_an_event(client_as, personas, day):
    event = booked(starts_at=at(day, 18))

    response = move(client_as("stebetojas"), event, day + datetime.timedelta(days=1))

    assert response.status_code == 403
    assert Event.objects.get(pk=event.pk).starts_at == event.starts_at


def test_a_territory_specialist_moves_her_own_event_but_not_anothers(client_as, personas, day):
    own = personas["teritorija"].library
    hers = booked(
        library=own, space=own.spaces.first(), starts_at=at(day, 15), status=Event.Status.PLANNED
    )
    other = booked(starts_at=at(day, 18))
    client = client_as("teritorija")

    assert move(client, hers, day + datetime.timedelta(days=1)).status_code == 302
    assert move(client, other, day + datetime.timedelta(days=1)).status_code == 404
    hers.refresh_from_db()
    assert timezone.localdate(hers.starts_at) == day + datetime.timedelta(days=1)


@pytest.mark.parametrize("view", ["month", "week", "list"])
def test_the_calendar_makes_the_same_number_of_queries_however_many_entries(
    client_as, personas, day, view
):
    client = client_as("specialiste")
    EventFactory(starts_at=at(day, 10), setup_minutes=30)
    TourBookingFactory(
        status=TourBooking.Status.CONFIRMED,
        starts_at=at(day, 9),
        ends_at=at(day, 10),
        guide=personas["specialiste"],
    )
    params = {"view": view, "date": day}
    few = queries_to_render(client, CALENDAR, params)

    for offset in range(12):
        EventFactory(
            starts_at=at(day + datetime.timedelta(days=offset % 5), 9 + offset),
            space=hall() if offset % 2 else classroom(),
            responsible=personas["vadove"] if offset % 3 else personas["specialiste"],
            setup_minutes=15,
            teardown_minutes=15,
        )
        TourBookingFactory(
            status=TourBooking.Status.CONFIRMED,
            starts_at=at(day + datetime.timedelta(days=offset % 5), 8),
            ends_at=at(day + datetime.timedelta(days=offset % 5), 9),
            space=hall(),
            guide=personas["vadove"],
        )

    assert queries_to_render(client, CALENDAR, params) == few


def test_the_equipment_page_lists_bookings_and_marks_conflicts(client_as, personas, day):
    camera = Equipment.objects.create(library=county_library(), name="Vaizdo kamera Sony")
    first = EventFactory(title="Transliacija", starts_at=at(day, 18))
    second = EventFactory(title="Filmavimas", starts_at=at(day, 19))
    for event in (first, second):
        bookings.replace_bookings(
            holder=event,
            title=event.title,
            starts_at=event.starts_at,
            ends_at=event.ends_at,
            equipment=[camera],
        )
    Equipment.objects.create(library=county_library(), name="Mikrofonų rinkinys")

    page = client_as("stebetojas").get("/veikla/iranga/").content.decode()

    assert "Vaizdo kamera Sony" in page and "Mikrofonų rinkinys" in page
    assert f'href="{first.get_absolute_url()}"' in page
    assert page.count('class="task-overdue"') == 2
    assert "Filmavimas" in page
