"""The staff calendar in a real browser: accessible month and week, moving by keyboard and mouse."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from sklaida.core import bookings
from sklaida.core.models import Space
from sklaida.events.models import Event
from sklaida.events.tests.factories import EventFactory, TourBookingFactory, at, county_library
from sklaida.testing.browser import assert_accessible


@pytest.fixture
def day() -> datetime.date:
    """A Wednesday in the middle of a month some weeks ahead."""
    first = (timezone.localdate().replace(day=1) + datetime.timedelta(days=200)).replace(day=1)
    return first + datetime.timedelta(days=(2 - first.weekday()) % 7 + 7)


def booked(**fields) -> Event:
    event = EventFactory(**fields)
    bookings.replace_bookings(
        holder=event,
        title=event.title,
        starts_at=event.blocked_from,
        ends_at=event.blocked_until,
        spaces=[event.space] if event.space_id else [],
    )
    return event


@pytest.fixture
def month_of_events(personas, day) -> dict[str, Event]:
    hall = Space.objects.get(library=county_library(), name="Konferencijų salė")
    TourBookingFactory(status="confirmed", starts_at=at(day, 10), ends_at=at(day, 11), space=hall)
    return {
        "reading": booked(
            title="Poezijos skaitymai", starts_at=at(day, 18), space=hall, setup_minutes=30
        ),
        "workshop": booked(
            title="Kūrybinės dirbtuvės",
            starts_at=at(day + datetime.timedelta(days=1), 11),
            status=Event.Status.PLANNED,
            space=Space.objects.get(library=county_library(), name="Edukacijų klasė"),
        ),
    }


def cell(page: Page, date: datetime.date):
    return page.locator(f'table.cal-month td[data-drop-date="{date.isoformat()}"]')


def test_a_specialist_sees_an_accessible_month_and_week(sign_in, page: Page, month_of_events, day):
    sign_in("specialiste")

    page.goto(f"/veikla/kalendorius/?view=month&date={day.isoformat()}")
    expect(cell(page, day)).to_contain_text("Poezijos skaitymai")
    expect(page.locator("table.cal-month caption")).to_be_visible()
    assert_accessible(page)

    page.goto(f"/veikla/kalendorius/?view=week&date={day.isoformat()}")
    expect(page.locator(".cal-blocked").first).to_contain_text("17:30–18:00")
    assert_accessible(page)

    page.goto(f"/veikla/kalendorius/?view=list&date={day.isoformat()}")
    expect(page.get_by_role("link", name="Kūrybinės dirbtuvės")).to_be_visible()
    assert_accessible(page)


def test_a_specialist_moves_an_event_with_the_keyboard(sign_in, page: Page, month_of_events, day):
    event = month_of_events["workshop"]
    target = day + datetime.timedelta(days=7)
    sign_in("specialiste")
    page.goto(f"/veikla/kalendorius/?view=month&date={day.isoformat()}")

    entry = cell(page, day + datetime.timedelta(days=1)).locator(f'[data-entry="event-{event.pk}"]')
    entry.locator("summary").focus()
    page.keyboard.press("Enter")
    entry.locator('input[name="date"]').fill(target.isoformat())
    entry.locator('input[name="time"]').fill("13:30")
    entry.locator('input[name="time"]').press("Enter")

    expect(cell(page, target)).to_contain_text("Kūrybinės dirbtuvės")
    expect(cell(page, target)).to_contain_text("13:30")
    expect(page.get_by_role("status")).to_contain_text("Kūrybinės dirbtuvės")
    event.refresh_from_db()
    assert timezone.localtime(event.starts_at) == timezone.localtime(at(target, 13, 30))
    assert_accessible(page)


def test_a_specialist_drags_an_event_to_another_day(sign_in, page: Page, month_of_events, day):
    event = month_of_events["reading"]
    target = day + datetime.timedelta(days=2)
    sign_in("specialiste")
    page.goto(f"/veikla/kalendorius/?view=month&date={day.isoformat()}")

    page.locator(f'table.cal-month [data-entry="event-{event.pk}"]').drag_to(cell(page, target))

    expect(cell(page, target)).to_contain_text("Poezijos skaitymai")
    expect(cell(page, day)).not_to_contain_text("Poezijos skaitymai")
    event.refresh_from_db()
    assert timezone.localtime(event.starts_at) == timezone.localtime(at(target, 18))


def test_a_drag_onto_a_booked_space_is_refused_in_an_alert(
    sign_in, page: Page, month_of_events, day
):
    hall = Space.objects.get(library=county_library(), name="Konferencijų salė")
    target = day + datetime.timedelta(days=3)
    booked(title="Miesto konferencija", starts_at=at(target, 17), space=hall)
    event = month_of_events["reading"]
    sign_in("specialiste")
    page.goto(f"/veikla/kalendorius/?view=month&date={day.isoformat()}")

    page.locator(f'table.cal-month [data-entry="event-{event.pk}"]').drag_to(cell(page, target))

    expect(page.get_by_role("alert")).to_contain_text("Miesto konferencija")
    expect(cell(page, day)).to_contain_text("Poezijos skaitymai")
    assert_accessible(page)
