"""Exhibitions: the exhibits list and visitor counts on the exhibition's page."""

from __future__ import annotations

import datetime

from django.utils import timezone

from sklaida.events.models import Event, EventType
from sklaida.events.tests.factories import EventFactory


def open_exhibition(**fields) -> Event:
    opened = timezone.now() - datetime.timedelta(days=10)
    return EventFactory(
        title="Šiaulių kraštas senose fotografijose",
        event_type=EventType.EXHIBITION,
        announced_at=None,
        starts_at=opened,
        ends_at=opened + datetime.timedelta(days=60),
        **fields,
    )


def formset(rows: list[dict], initial: int = 0) -> dict:
    data = {"exhibits-TOTAL_FORMS": str(len(rows)), "exhibits-INITIAL_FORMS": str(initial)}
    for index, row in enumerate(rows):
        data.update({f"exhibits-{index}-{name}": value for name, value in row.items()})
    return data


def test_staff_list_the_exhibits_and_remove_one(client_as, personas):
    exhibition = open_exhibition()
    client = client_as("specialiste")

    page = client.post(
        f"/veikla/renginiai/{exhibition.pk}/eksponatai/",
        formset(
            [
                {
                    "position": "1",
                    "title": "Turgaus aikštė",
                    "author": "A. Jonaitis",
                    "year": "1932",
                },
                {"position": "2", "title": "Geležinkelio stotis", "lender": "Aušros muziejus"},
                {"position": "0"},
            ]
        ),
        follow=True,
    ).content.decode()

    assert list(exhibition.exhibits.values_list("title", flat=True)) == [
        "Turgaus aikštė",
        "Geležinkelio stotis",
    ]
    assert "Turgaus aikštė, A. Jonaitis (1932)" in page
    assert "Aušros muziejus" in page

    first, second = exhibition.exhibits.all()
    client.post(
        f"/veikla/renginiai/{exhibition.pk}/eksponatai/",
        formset(
            [
                {"id": first.pk, "position": "1", "title": first.title, "DELETE": "on"},
                {"id": second.pk, "position": "2", "title": second.title},
            ],
            initial=2,
        ),
    )
    assert list(exhibition.exhibits.values_list("title", flat=True)) == ["Geležinkelio stotis"]


def test_visitor_counts_add_up_and_a_second_count_of_a_day_replaces_the_first(client_as, personas):
    exhibition = open_exhibition()
    client = client_as("specialiste")
    today = timezone.localdate()
    yesterday = today - datetime.timedelta(days=1)

    client.post(
        f"/veikla/renginiai/{exhibition.pk}/lankytojai/",
        {"counted_on": yesterday.isoformat(), "visitors": "35"},
    )
    client.post(
        f"/veikla/renginiai/{exhibition.pk}/lankytojai/",
        {"counted_on": today.isoformat(), "visitors": "20"},
    )
    page = client.post(
        f"/veikla/renginiai/{exhibition.pk}/lankytojai/",
        {"counted_on": yesterday.isoformat(), "visitors": "40"},
        follow=True,
    ).content.decode()

    assert sorted(exhibition.visitor_counts.values_list("visitors", flat=True)) == [20, 40]
    assert '<dd class="col-sm-9">60</dd>' in page


def test_visitors_are_counted_only_on_days_the_exhibition_is_open(client_as, personas):
    exhibition = open_exhibition()
    before = timezone.localdate() - datetime.timedelta(days=30)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    client = client_as("specialiste")

    for day in (before, tomorrow):
        page = client.post(
            f"/veikla/renginiai/{exhibition.pk}/lankytojai/",
            {"counted_on": day.isoformat(), "visitors": "12"},
        ).content.decode()
        assert 'role="alert"' in page

    assert not exhibition.visitor_counts.exists()


def test_an_event_that_is_not_an_exhibition_has_no_exhibits_page(client_as, personas):
    event = EventFactory(announced_at=None)
    client = client_as("specialiste")

    assert client.get(f"/veikla/renginiai/{event.pk}/eksponatai/").status_code == 404
    assert client.get(f"/veikla/renginiai/{event.pk}/lankytojai/").status_code == 404
    assert "/eksponatai/" not in client.get(event.get_absolute_url()).content.decode()


def test_the_viewer_reads_the_exhibition_but_cannot_change_it(client_as, personas):
    exhibition = open_exhibition()
    exhibition.exhibits.create(title="Senasis paštas", position=1)

    page = client_as("stebetojas").get(exhibition.get_absolute_url()).content.decode()

    assert "Senasis paštas" in page
    assert "/eksponatai/" not in page and "/lankytojai/" not in page
    response = client_as("stebetojas").post(
        f"/veikla/renginiai/{exhibition.pk}/lankytojai/",
        {"counted_on": timezone.localdate().isoformat(), "visitors": "5"},
    )
    assert response.status_code == 403
