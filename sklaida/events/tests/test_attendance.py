"""Participants of an event: on site and online, in total or by audience group."""

from __future__ import annotations

import datetime

from django.utils import timezone

from sklaida.events.models import Audience, Event
from sklaida.events.tests.factories import EventFactory


def held_event(**fields) -> Event:
    starts = timezone.now() - datetime.timedelta(days=2)
    return EventFactory(
        status=Event.Status.HELD,
        announced_at=None,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        **fields,
    )


def test_staff_record_the_participants_in_total_on_the_event_page(client_as, personas):
    event = held_event(format=Event.Format.HYBRID, online_url="https://transliacija.example/1")
    client = client_as("specialiste")
    form_page = client.get(event.get_absolute_url()).content.decode()
    assert f'action="/veikla/renginiai/{event.pk}/dalyviai/"' in form_page
    assert f'aria-describedby="attendance-help-{event.pk}"' in form_page

    page = client.post(
        f"/veikla/renginiai/{event.pk}/dalyviai/",
        {"total-on_site": "42", "total-live_viewers": "130", "total-recording_views": "58"},
        follow=True,
    ).content.decode()

    row = event.attendance.get()
    assert (row.audience, row.on_site, row.online) == (None, 42, 188)
    assert "42" in page and "188" in page and "230" in page


def test_participants_can_be_split_by_the_events_audience_groups(client_as, personas):
    event = held_event()
    children, seniors = Audience.objects.get(code="children"), Audience.objects.get(code="seniors")
    event.audiences.set([children, seniors])

    client_as("specialiste").post(
        f"/veikla/renginiai/{event.pk}/dalyviai/",
        {
            f"{children.pk}-on_site": "18",
            f"{seniors.pk}-on_site": "9",
            f"{seniors.pk}-live_viewers": "4",
        },
    )

    counted = {row.audience.code: (row.on_site, row.online) for row in event.attendance.all()}
    assert counted == {"children": (18, 0), "seniors": (9, 4)}
    page = client_as("specialiste").get(f"/veikla/renginiai/{event.pk}/dalyviai/").content.decode()
    assert f'name="{children.pk}-on_site" value="18"' in page


def test_a_total_and_audience_groups_together_are_refused(client_as, personas):
    event = held_event()
    children = Audience.objects.get(code="children")
    event.audiences.set([children])

    page = (
        client_as("specialiste")
        .post(
            f"/veikla/renginiai/{event.pk}/dalyviai/",
            {"total-on_site": "30", f"{children.pk}-on_site": "12"},
        )
        .content.decode()
    )

    assert 'role="alert"' in page
    assert 'value="30"' in page
    assert not event.attendance.exists()


def test_participants_of_an_event_that_has_not_started_cannot_be_recorded(client_as, personas):
    event = EventFactory(announced_at=None)

    response = client_as("specialiste").post(
        f"/veikla/renginiai/{event.pk}/dalyviai/", {"total-on_site": "10"}
    )

    assert 'role="alert"' in response.content.decode()
    assert not event.attendance.exists()
    page = client_as("specialiste").get(event.get_absolute_url()).content.decode()
    assert "/dalyviai/" not in page


def test_an_event_is_reported_only_after_its_participants_are_recorded(client_as, personas):
    event = held_event()
    client = client_as("specialiste")

    page = client.post(
        f"/veikla/renginiai/{event.pk}/busena/", {"status": "reported"}, follow=True
    ).content.decode()

    event.refresh_from_db()
    assert event.status == Event.Status.HELD
    assert 'role="alert"' in page

    client.post(f"/veikla/renginiai/{event.pk}/dalyviai/", {"total-on_site": "25"})
    client.post(f"/veikla/renginiai/{event.pk}/busena/", {"status": "reported"})
    event.refresh_from_db()
    assert event.status == Event.Status.REPORTED


def test_the_viewer_sees_the_participants_but_cannot_record_them(client_as, personas):
    event = held_event()
    event.attendance.create(on_site=15)

    page = client_as("stebetojas").get(event.get_absolute_url()).content.decode()
    assert "15" in page and "/dalyviai/" not in page
    response = client_as("stebetojas").post(
        f"/veikla/renginiai/{event.pk}/dalyviai/", {"total-on_site": "99"}
    )
    assert response.status_code == 403
    assert event.attendance.get().on_site == 15
