"""iCalendar feeds of public events and one event's file, as a calendar program reads them."""

from __future__ import annotations

import datetime
import zoneinfo

import icalendar
from django.test import Client
from django.utils import timezone

from sklaida.events.models import Audience, AudienceGroup, Event, EventType
from sklaida.events.tests.factories import EventFactory, at

VILNIUS = zoneinfo.ZoneInfo("Europe/Vilnius")
AROUND_THE_CLOCK_CHANGE = {"date_from": "2026-10-20", "date_to": "2026-10-31"}


def calendar_at(url: str, params: dict | None = None) -> icalendar.Calendar:
    response = Client().get(url, params or {})
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def events_in(calendar: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(item["SUMMARY"]): item for item in calendar.walk("VEVENT")}


def wall_clock(moment: datetime.datetime) -> tuple[datetime.date, datetime.time]:
    """The date and time a clock in Vilnius shows at `moment`."""
    local = moment.astimezone(VILNIUS)
    return local.date(), local.time()


def in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def test_the_feed_is_a_valid_calendar_of_public_events(personas):
    shown = EventFactory(title="Poezijos vakaras")
    EventFactory(title="Vidinis pasitarimas", is_public=False)
    EventFactory(title="Dar planuojamas", status=Event.Status.PLANNED, announced_at=None)

    calendar = calendar_at("/renginiai.ics")

    assert calendar["VERSION"] == "2.0"
    assert "Sklaida" in str(calendar["PRODID"])
    assert [zone["TZID"] for zone in calendar.walk("VTIMEZONE")] == ["Europe/Vilnius"]
    items = events_in(calendar)
    assert list(items) == ["Poezijos vakaras"]
    item = items["Poezijos vakaras"]
    assert item["UID"] == f"event-{shown.pk}@testserver"
    assert item["URL"] == f"http://testserver/renginiai/{shown.slug}/"
    assert shown.library.address in str(item["LOCATION"])
    assert "Eilės ir muzika vakare bibliotekoje." in str(item["DESCRIPTION"])
    assert item["STATUS"] == "CONFIRMED"
    assert item.get("DTSTAMP") is not None
    assert item["LAST-MODIFIED"].dt == shown.updated_at.replace(microsecond=0)


def test_times_keep_their_wall_clock_across_the_autumn_clock_change(personas):
    EventFactory(title="Šeštadienio vakaras", starts_at=at(datetime.date(2026, 10, 24), 18))
    EventFactory(title="Sekmadienio vakaras", starts_at=at(datetime.date(2026, 10, 25), 18))

    items = events_in(calendar_at("/renginiai.ics", AROUND_THE_CLOCK_CHANGE))

    saturday = items["Šeštadienio vakaras"]["DTSTART"].dt
    sunday = items["Sekmadienio vakaras"]["DTSTART"].dt
    assert wall_clock(saturday) == (datetime.date(2026, 10, 24), datetime.time(18, 0))
    assert wall_clock(sunday) == (datetime.date(2026, 10, 25), datetime.time(18, 0))
    assert saturday.astimezone(datetime.UTC).hour == 15  # summer time, UTC+3
    assert sunday.astimezone(datetime.UTC).hour == 16  # winter time, UTC+2
    assert items["Sekmadienio vakaras"]["DTEND"].dt.astimezone(VILNIUS).hour == 20


def test_one_events_file_holds_that_event(personas):
    event = EventFactory(title="Sekmadienio vakaras", starts_at=at(datetime.date(2026, 10, 25), 18))
    EventFactory(title="Kitas renginys")

    response = Client().get(f"/renginiai/{event.slug}.ics")
    items = events_in(icalendar.Calendar.from_ical(response.content))

    assert response["Content-Disposition"] == f'attachment; filename="{event.slug}.ics"'
    assert list(items) == ["Sekmadienio vakaras"]
    start = items["Sekmadienio vakaras"]["DTSTART"].dt
    assert wall_clock(start) == (datetime.date(2026, 10, 25), datetime.time(18, 0))


def test_uids_stay_the_same_while_the_sequence_grows_with_each_change(personas):
    event = EventFactory(title="Poezijos vakaras", title_en="Poetry evening")
    # As if it was last edited a minute ago.
    Event.objects.filter(pk=event.pk).update(
        updated_at=event.updated_at - datetime.timedelta(minutes=1)
    )
    before = events_in(calendar_at("/renginiai.ics"))["Poezijos vakaras"]

    event.refresh_from_db()
    event.title = "Poezijos ir muzikos vakaras"
    event.save()
    after = events_in(calendar_at("/renginiai.ics"))["Poezijos ir muzikos vakaras"]
    english = events_in(calendar_at("/en/events.ics"))["Poetry evening"]

    assert before["UID"] == after["UID"] == english["UID"] == f"event-{event.pk}@testserver"
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])
    assert english["URL"] == f"http://testserver/en/events/{event.slug}/"


def test_a_cancelled_event_is_in_the_feed_as_cancelled(personas):
    EventFactory(
        title="Atšauktas koncertas",
        status=Event.Status.CANCELLED,
        cancellation_reason="Atlikėjas susirgo.",
    )

    item = events_in(calendar_at("/renginiai.ics"))["Atšauktas koncertas"]

    assert item["STATUS"] == "CANCELLED"
    assert "Atlikėjas susirgo." in str(item["DESCRIPTION"])


def test_the_feed_keeps_the_last_thirty_days_and_everything_ahead(personas):
    EventFactory(title="Prieš savaitę", starts_at=at(in_days(-7), 18))
    EventFactory(title="Prieš du mėnesius", starts_at=at(in_days(-60), 18))
    EventFactory(title="Po pusmečio", starts_at=at(in_days(180), 18))

    titles = set(events_in(calendar_at("/renginiai.ics")))

    assert titles == {"Prieš savaitę", "Po pusmečio"}


def test_feeds_filter_by_the_same_query_as_the_list(personas):
    concert = EventFactory(title="Kalėdinis koncertas", event_type=EventType.CONCERT)
    concert.audiences.add(Audience.objects.get(code=AudienceGroup.CHILDREN))
    EventFactory(title="Paskaita", event_type=EventType.LECTURE)

    by_type = set(events_in(calendar_at("/renginiai.ics", {"event_type": "concert"})))
    by_audience = set(events_in(calendar_at("/renginiai.ics", {"audience": "children"})))
    by_both = set(
        events_in(calendar_at("/renginiai.ics", {"event_type": "lecture", "audience": "children"}))
    )

    assert by_type == {"Kalėdinis koncertas"}
    assert by_audience == {"Kalėdinis koncertas"}
    assert by_both == set()


def test_an_online_event_with_registration_keeps_its_link_out_of_the_feed(personas):
    EventFactory(
        title="Nuotolinė paskaita",
        format=Event.Format.ONLINE,
        space=None,
        online_url="https://transliacija.example/slapta",
        registration=Event.Registration.OPEN,
    )

    item = events_in(calendar_at("/renginiai.ics"))["Nuotolinė paskaita"]

    assert "slapta" not in item.to_ical().decode()


def test_a_title_with_a_line_break_is_escaped_in_the_events_file(personas):
    event = EventFactory(
        title="Poezijos vakaras\nir muzika",
        summary="Eilės;\r\nmuzika, šokiai",
    )

    calendar = calendar_at(f"/renginiai/{event.slug}.ics")

    # The calendar's name is the title, escaped as TEXT (a reader keeps X- values raw).
    assert calendar["X-WR-CALNAME"] == "Poezijos vakaras\\nir muzika"
    item = calendar.walk("VEVENT")[0]
    assert str(item["SUMMARY"]) == "Poezijos vakaras\nir muzika"
    assert "Eilės;\nmuzika, šokiai" in str(item["DESCRIPTION"])
