"""Live broadcasts: recording them, their validation, and their viewers in the statistics."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from sklaida.archive.models import Asset, Broadcast
from sklaida.archive.services import broadcasts as services
from sklaida.events.models import Attendance, Audience, Event
from sklaida.events.selectors.statistics import period_statistics
from sklaida.events.tests.factories import EventFactory
from sklaida.testing.queries import queries_to_render


def held_event(**fields) -> Event:
    starts = timezone.now() - datetime.timedelta(days=2)
    values = {
        "status": Event.Status.HELD,
        "format": Event.Format.HYBRID,
        "online_url": "https://www.youtube.com/live/paskaita",
        "announced_at": None,
        "starts_at": starts,
        "ends_at": starts + datetime.timedelta(hours=2),
    }
    return EventFactory(**{**values, **fields})


def local(moment: datetime.datetime) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def form_for(event: Event, **fields) -> dict:
    return {
        "event": event.pk,
        "platform": "youtube",
        "url": "https://www.youtube.com/live/paskaita",
        "starts_at": local(event.starts_at),
        "ends_at": local(event.ends_at),
        "peak_viewers": "85",
        "total_viewers": "230",
        "notes": "",
        **fields,
    }


def video(event: Event | None = None, kind: str = Asset.Kind.VIDEO, name: str = "a") -> Asset:
    return Asset.objects.create(
        file=f"archive/originals/{name}.mp4",
        sha256=name * 64,
        size=1024,
        mime_type="video/mp4" if kind == Asset.Kind.VIDEO else "image/jpeg",
        kind=kind,
        original_name=f"{name}.mp4",
        title=f"Paskaitos įrašas {name}",
        event=event,
    )


def test_a_broadcasts_viewers_reach_the_online_participants_of_the_period(client_as, personas):
    event = held_event(title="Paskaita „Šiaulių pramonės istorija“")
    day = timezone.localdate(event.starts_at)
    before = period_statistics(date_from=day, date_to=day)
    recording = video(event)

    client_as("specialiste").post(
        "/archyvas/transliacijos/nauja/", form_for(event, recording=recording.pk)
    )

    broadcast = Broadcast.objects.get(event=event)
    assert (broadcast.total_viewers, broadcast.peak_viewers) == (230, 85)
    assert broadcast.recording == recording
    row = Attendance.objects.get(event=event)
    assert (row.audience, row.on_site, row.live_viewers) == (None, 0, 230)
    after = period_statistics(date_from=day, date_to=day)
    assert after.online - before.online == 230
    assert after.participants.live_viewers - before.participants.live_viewers == 230
    assert after.on_site == before.on_site


def test_thousands_of_viewers_read_the_lithuanian_way_on_the_broadcast_and_event_pages(
    client_as, personas
):
    event = held_event(title="Kultūros naktis bibliotekoje")
    client = client_as("specialiste")
    client.post(
        "/archyvas/transliacijos/nauja/",
        form_for(event, peak_viewers="1250", total_viewers="7350"),
    )
    broadcast = Broadcast.objects.get(event=event)

    detail = client.get(f"/archyvas/transliacijos/{broadcast.pk}/").content.decode()
    listing = client.get("/archyvas/transliacijos/").content.decode()
    event_page = client.get(event.get_absolute_url()).content.decode()

    assert '<dd class="col-sm-9">1\xa0250</dd>' in detail
    assert '<dd class="col-sm-9">7\xa0350</dd>' in detail
    assert '<td class="text-end">7\xa0350</td>' in listing
    assert "7\xa0350 žiūrovų" in event_page


def test_the_live_viewers_are_the_sum_of_the_events_broadcasts_and_follow_changes(personas):
    event = held_event()
    other = held_event()
    Attendance.objects.create(event=event, on_site=41, recording_views=12)
    staff = personas["specialiste"]
    common = {
        "platform": Broadcast.Platform.YOUTUBE,
        "url": "https://www.youtube.com/live/1",
        "starts_at": event.starts_at,
    }

    youtube = services.record_broadcast(actor=staff, event=event, total_viewers=120, **common)
    services.record_broadcast(
        actor=staff, event=event, total_viewers=75, **{**common, "platform": "facebook"}
    )
    row = Attendance.objects.get(event=event)
    assert (row.on_site, row.live_viewers, row.recording_views) == (41, 195, 12)

    services.record_broadcast(actor=staff, broadcast=youtube, event=other, total_viewers=120)
    assert Attendance.objects.get(event=event).live_viewers == 75
    assert Attendance.objects.get(event=other).live_viewers == 120

    services.delete_broadcast(actor=staff, broadcast=youtube)
    # The other event had nothing but the stream counted: its row goes with the broadcast.
    assert not Attendance.objects.filter(event=other).exists()
    assert Attendance.objects.get(event=event).live_viewers == 75


def test_split_attendance_is_left_alone_and_the_staff_are_told_where_to_enter_viewers(
    client_as, personas
):
    event = held_event()
    seniors = Audience.objects.get(code="seniors")
    Attendance.objects.create(event=event, audience=seniors, on_site=30, live_viewers=4)

    response = client_as("specialiste").post(
        "/archyvas/transliacijos/nauja/", form_for(event), follow=True
    )

    assert Broadcast.objects.filter(event=event, total_viewers=230).exists()
    row = Attendance.objects.get(event=event)
    assert (row.audience, row.live_viewers) == (seniors, 4)
    page = response.content.decode()
    assert f'href="/veikla/renginiai/{event.pk}/dalyviai/"' in page
    assert 'class="alert alert-warning' in page


def test_a_broadcast_ending_before_it_starts_or_with_a_peak_above_the_total_is_refused(
    client_as, personas
):
    event = held_event()
    client = client_as("specialiste")

    response = client.post(
        "/archyvas/transliacijos/nauja/",
        form_for(
            event,
            ends_at=local(event.starts_at - datetime.timedelta(minutes=30)),
            peak_viewers="300",
            total_viewers="120",
        ),
    )

    errors = response.context["form"].errors
    assert set(errors) == {"ends_at", "peak_viewers"}
    page = response.content.decode()
    assert 'id="id_ends_at_error"' in page and 'id="id_peak_viewers_error"' in page
    assert not Broadcast.objects.filter(event=event).exists()
    assert not Attendance.objects.filter(event=event).exists()


def test_a_recording_must_be_a_video_and_viewers_come_after_the_start(personas):
    event = held_event()
    photo = video(event, kind=Asset.Kind.IMAGE, name="b")
    staff = personas["specialiste"]
    common = {"event": event, "platform": "youtube", "url": "https://www.youtube.com/live/2"}

    with pytest.raises(services.ValidationError) as refused:
        services.record_broadcast(
            actor=staff, starts_at=event.starts_at, recording=photo, total_viewers=5, **common
        )
    assert set(refused.value.message_dict) == {"recording"}

    with pytest.raises(services.ValidationError) as refused:
        services.record_broadcast(
            actor=staff,
            starts_at=timezone.now() + datetime.timedelta(days=3),
            total_viewers=5,
            **common,
        )
    assert set(refused.value.message_dict) == {"total_viewers"}

    with pytest.raises(PermissionDenied):
        services.record_broadcast(actor=personas["stebetojas"], starts_at=event.starts_at, **common)
    assert not Broadcast.objects.filter(event=event).exists()


def test_the_form_offers_recent_events_and_their_videos_only(client_as, personas):
    event = held_event(title="Koncertas „Muzika bibliotekoje“")
    cancelled = held_event(title="Atšauktas renginys", status=Event.Status.CANCELLED)
    old = held_event(title="Senas renginys")
    Event.objects.filter(pk=old.pk).update(starts_at=old.starts_at - datetime.timedelta(days=800))
    own_video, other_video = video(event, name="c"), video(old, name="d")

    form = client_as("specialiste").get(f"/archyvas/transliacijos/nauja/?event={event.pk}")

    events = set(form.context["form"].fields["event"].queryset)
    assert event in events and cancelled not in events and old not in events
    recordings = set(form.context["form"].fields["recording"].queryset)
    assert own_video in recordings and other_video not in recordings
    assert form.context["form"]["event"].value() == event.pk


def test_the_broadcast_list_shows_events_platforms_and_viewers_newest_first(client_as, personas):
    older = held_event(title="Paskaita apie Saulės mūšį")
    newer = held_event(title="Knygos „Saulės miesto kronikos“ pristatymas")
    Event.objects.filter(pk=older.pk).update(starts_at=older.starts_at - datetime.timedelta(days=7))
    staff = personas["specialiste"]
    services.record_broadcast(
        actor=staff,
        event=older,
        platform="facebook",
        url="https://www.facebook.com/biblioteka/videos/1",
        starts_at=older.starts_at - datetime.timedelta(days=7),
        peak_viewers=310,
        total_viewers=1234,
    )
    services.record_broadcast(
        actor=staff,
        event=newer,
        platform="youtube",
        url="https://www.youtube.com/live/3",
        starts_at=newer.starts_at,
        total_viewers=56,
    )

    response = client_as("stebetojas").get("/archyvas/transliacijos/", {"q": "Saulės"})

    assert [b.event for b in response.context["page"].object_list] == [newer, older]
    page = response.content.decode()
    assert "Paskaita apie Saulės mūšį" in page and "Saulės miesto kronikos" in page
    assert "1\xa0234" in page and "1\xa0290" in page  # one broadcast's and all viewers
    assert response.context["totals"] == {"broadcasts": 2, "viewers": 1290}
    assert "/archyvas/transliacijos/nauja/" not in page  # the viewer records nothing
    assert '<html lang="lt">' in page


def test_the_broadcast_list_makes_the_same_queries_for_few_and_many(client_as, personas):
    client = client_as("specialiste")
    staff = personas["specialiste"]

    def broadcast(number: int) -> None:
        event = held_event()
        services.record_broadcast(
            actor=staff,
            event=event,
            platform="youtube",
            url=f"https://www.youtube.com/live/{number}",
            starts_at=event.starts_at,
            total_viewers=number,
            recording=video(event, name=f"{number:x}"[-1]) if number < 10 else None,
        )

    broadcast(1)
    few = queries_to_render(client, "/archyvas/transliacijos/")
    for number in range(2, 30):
        broadcast(number)
    assert queries_to_render(client, "/archyvas/transliacijos/") == few
    assert queries_to_render(client, "/archyvas/transliacijos/", {"platform": "youtube"}) == few


def test_removing_a_broadcast_takes_its_viewers_from_the_event(client_as, personas):
    event = held_event()
    Attendance.objects.create(event=event, on_site=20)
    broadcast = services.record_broadcast(
        actor=personas["vadove"],
        event=event,
        platform="zoom",
        url="https://zoom.us/j/123",
        starts_at=event.starts_at,
        total_viewers=33,
    )
    assert Attendance.objects.get(event=event).live_viewers == 33
    page = client_as("vadove").get(f"/archyvas/transliacijos/{broadcast.pk}/").content.decode()
    assert f"/archyvas/transliacijos/{broadcast.pk}/pasalinti/" in page

    client_as("vadove").post(f"/archyvas/transliacijos/{broadcast.pk}/pasalinti/")

    assert not Broadcast.objects.filter(pk=broadcast.pk).exists()
    assert (Attendance.objects.get(event=event).on_site, event.attendance.get().live_viewers) == (
        20,
        0,
    )
