"""Events statistics of a period: by type and audience, on site and online, exhibitions, tours."""

from __future__ import annotations

import datetime
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import gettext

from sklaida.core.models import Library
from sklaida.events.models import Attendance, Audience, Event, EventType, TourBooking
from sklaida.events.selectors.statistics import period_statistics
from sklaida.events.tests.factories import (
    EventFactory,
    TourBookingFactory,
    at,
    county_library,
)
from sklaida.testing.spreadsheets import FORMULA, assert_inert_in_xlsx

YEAR_2025 = {"date_from": datetime.date(2025, 1, 1), "date_to": datetime.date(2025, 12, 31)}


def lt(message: str) -> str:
    with translation.override("lt"):
        return gettext(message)


def held(day: datetime.date, *, event_type=EventType.EVENT, status=Event.Status.HELD, **fields):
    return EventFactory(event_type=event_type, status=status, starts_at=at(day, 17), **fields)


def attendance(event: Event, audience: str | None, on_site=0, live=0, recording=0) -> None:
    Attendance.objects.create(
        event=event,
        audience=Audience.objects.get(code=audience) if audience else None,
        on_site=on_site,
        live_viewers=live,
        recording_views=recording,
    )


@pytest.fixture
def year_2025(personas) -> dict[str, Event]:
    children, seniors = Audience.objects.get(code="children"), Audience.objects.get(code="seniors")
    lecture = held(datetime.date(2025, 3, 12), event_type=EventType.LECTURE)
    lecture.audiences.set([seniors])
    attendance(lecture, "seniors", on_site=30, live=12, recording=40)

    workshop = held(
        datetime.date(2025, 5, 5), event_type=EventType.WORKSHOP, status=Event.Status.REPORTED
    )
    workshop.audiences.set([children, seniors])
    attendance(workshop, "children", on_site=18)
    attendance(workshop, "seniors", on_site=6)

    concert = held(datetime.date(2025, 12, 31), event_type=EventType.CONCERT)
    attendance(concert, None, on_site=120, live=80)

    exhibition = held(datetime.date(2025, 9, 1), event_type=EventType.EXHIBITION)
    exhibition.visitor_counts.create(counted_on=datetime.date(2025, 9, 30), visitors=210)
    exhibition.visitor_counts.create(counted_on=datetime.date(2025, 10, 31), visitors=190)
    # Visitors of a long exhibition opened the year before count in the month they came.
    old_exhibition = held(datetime.date(2024, 11, 15), event_type=EventType.EXHIBITION)
    old_exhibition.visitor_counts.create(counted_on=datetime.date(2024, 12, 31), visitors=999)
    old_exhibition.visitor_counts.create(counted_on=datetime.date(2025, 1, 31), visitors=75)

    # Never counted: cancelled, not yet held, or outside the period.
    cancelled = held(
        datetime.date(2025, 4, 1), event_type=EventType.LECTURE, status=Event.Status.CANCELLED
    )
    attendance(cancelled, None, on_site=500)
    cancelled_exhibition = held(
        datetime.date(2025, 6, 1), event_type=EventType.EXHIBITION, status=Event.Status.CANCELLED
    )
    cancelled_exhibition.visitor_counts.create(counted_on=datetime.date(2025, 6, 2), visitors=500)
    held(datetime.date(2025, 11, 1), status=Event.Status.PLANNED)
    held(datetime.date(2025, 11, 2), status=Event.Status.ANNOUNCED)
    held(datetime.date(2026, 1, 1), event_type=EventType.LECTURE)

    TourBookingFactory(
        status=TourBooking.Status.HELD,
        starts_at=at(datetime.date(2025, 4, 10), 10),
        participants=22,
    )
    TourBookingFactory(
        status=TourBooking.Status.HELD,
        starts_at=at(datetime.date(2025, 10, 2), 11),
        group_size=15,
        participants=None,
    )
    TourBookingFactory(
        status=TourBooking.Status.CANCELLED, starts_at=at(datetime.date(2025, 5, 2), 10)
    )
    TourBookingFactory(
        status=TourBooking.Status.CONFIRMED, starts_at=at(datetime.date(2025, 6, 2), 10)
    )
    return {"lecture": lecture, "workshop": workshop, "concert": concert}


def test_events_held_in_the_period_are_counted_by_type_with_their_participants(year_2025):
    figures = period_statistics(**YEAR_2025)

    by_type = {row.event_type: row for row in figures.by_type}
    assert by_type[EventType.LECTURE].events == 1
    assert by_type[EventType.WORKSHOP].events == 1
    assert by_type[EventType.CONCERT].events == 1
    assert by_type[EventType.EXHIBITION].events == 1
    assert by_type[EventType.SCREENING].events == 0
    assert figures.events == 4
    lecture = by_type[EventType.LECTURE].participants
    assert (lecture.on_site, lecture.online, lecture.total) == (30, 52, 82)


def test_online_participants_are_live_viewers_plus_recording_views(year_2025):
    figures = period_statistics(**YEAR_2025)

    assert figures.on_site == 30 + 18 + 6 + 120
    assert figures.participants.live_viewers == 12 + 80
    assert figures.participants.recording_views == 40
    assert figures.online == 12 + 40 + 80


def test_events_and_participants_are_counted_by_audience(year_2025):
    figures = period_statistics(**YEAR_2025)

    by_audience = {row.audience: row for row in figures.by_audience}
    assert by_audience["seniors"].events == 2
    assert by_audience["children"].events == 1
    assert by_audience["youth"].events == 0
    seniors = by_audience["seniors"].participants
    assert (seniors.on_site, seniors.online) == (36, 52)
    assert by_audience["children"].participants.on_site == 18
    # The concert had no audience group and its participants were not split.
    unsplit = by_audience[None]
    assert unsplit.events == 2  # the concert and the exhibition
    assert (unsplit.participants.on_site, unsplit.participants.online) == (120, 80)


def test_cancelled_and_not_yet_held_events_never_count(year_2025):
    figures = period_statistics(
        date_from=datetime.date(2025, 4, 1), date_to=datetime.date(2025, 11, 30)
    )

    assert figures.events == 2  # the workshop and the exhibition
    assert figures.on_site == 24
    assert figures.exhibition_visitors == 400


def test_exhibitions_and_tours_are_counted(year_2025):
    figures = period_statistics(**YEAR_2025)

    assert figures.exhibitions == 1
    assert figures.exhibition_visitors == 210 + 190 + 75
    assert figures.tours == 2
    # A tour without recorded participants counts its group's size.
    assert figures.tour_participants == 22 + 15


def test_one_library_is_counted_alone(year_2025, personas):
    territory = personas["teritorija"].library
    space = territory.spaces.first()
    local = held(datetime.date(2025, 7, 1), library=territory, space=space)
    attendance(local, None, on_site=40)
    TourBookingFactory(
        library=territory,
        status=TourBooking.Status.HELD,
        starts_at=at(datetime.date(2025, 7, 2), 10),
        participants=9,
    )

    own = period_statistics(**YEAR_2025, library=territory)
    county = period_statistics(**YEAR_2025, library=county_library())

    assert (own.events, own.on_site, own.tours, own.tour_participants) == (1, 40, 1, 9)
    assert (county.events, county.tours) == (4, 2)
    assert period_statistics(**YEAR_2025).events == 5


def test_the_statistics_take_the_same_queries_for_any_number_of_events(personas):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            period_statistics(**YEAR_2025)
        return len(captured)

    held(datetime.date(2025, 2, 1))
    few = queries()
    for day in range(1, 20):
        attendance(held(datetime.date(2025, 3, day)), "adults", on_site=day)

    assert queries() == few == 7


def test_the_statistics_page_shows_the_period_in_tables(year_2025, client_as):
    page = (
        client_as("stebetojas")
        .get("/veikla/statistika/", {"date_from": "2025-01-01", "date_to": "2025-12-31"})
        .content.decode()
    )

    by_type = page.split('id="pagal-rusi"')[1].split("</table>")[0]
    lecture_row = by_type.split(lt("Lecture"))[1].split("</tr>")[0]
    assert '<td class="text-end">1</td><td class="text-end">30</td>' in lecture_row
    assert '<td class="text-end">52</td><td class="text-end">82</td>' in lecture_row
    summary = page.split('id="santrauka"')[1].split("</table>")[0]
    assert '<td class="text-end">475</td>' in summary  # exhibition visitors
    assert '<td class="text-end">37</td>' in summary  # tour participants


def test_the_statistics_page_defaults_to_this_year(client_as, personas):
    page = client_as("vadove").get("/veikla/statistika/").content.decode()

    year = timezone.localdate().year
    assert f'value="{year}-01-01"' in page
    assert f'value="{year}-12-31"' in page


def test_the_statistics_download_as_xlsx(year_2025, client_as):
    response = client_as("vadove").get(
        "/veikla/statistika/",
        {"date_from": "2025-01-01", "date_to": "2025-12-31", "format": "xlsx"},
    )

    assert (
        'filename="renginiu-statistika-2025-01-01_2025-12-31.xlsx"'
        in (response["Content-Disposition"])
    )
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = {row[0]: row[1:] for row in sheet.iter_rows(values_only=True) if row and row[0]}
    assert rows[lt("Events held")][0] == 4
    assert rows[lt("Lecture")][:4] == (1, 30, 52, 82)
    assert rows[lt("Tour participants")][0] == 37


def test_thousands_are_grouped_on_the_page_and_stay_numbers_in_the_xlsx(client_as, personas):
    festival = held(datetime.date(2023, 9, 9), event_type=EventType.CONCERT)
    attendance(festival, None, on_site=1250, live=6100)
    period = {"date_from": "2023-01-01", "date_to": "2023-12-31"}
    client = client_as("vadove")

    page = client.get("/veikla/statistika/", period).content.decode()
    workbook = client.get("/veikla/statistika/", {**period, "format": "xlsx"}).content

    summary = page.split('id="santrauka"')[1].split("</table>")[0]
    assert '<td class="text-end">1\xa0250</td>' in summary
    assert '<td class="text-end">6\xa0100</td>' in summary
    by_type = page.split('id="pagal-rusi"')[1].split("</table>")[0]
    assert '<td class="text-end">7\xa0350</td>' in by_type.split(lt("Concert"))[1]
    sheet = openpyxl.load_workbook(io.BytesIO(workbook)).active
    concert = next(row for row in sheet.iter_rows() if row[0].value == lt("Concert"))
    assert [cell.value for cell in concert[1:5]] == [1, 1250, 6100, 7350]
    assert concert[4].number_format == "#,##0"


def test_a_formula_typed_as_a_library_name_is_inert_text_in_the_download(year_2025, client_as):
    library = county_library()
    # A library's name is typed by the system administrator.
    Library.objects.filter(pk=library.pk).update(name=FORMULA, short_name="")

    response = client_as("vadove").get(
        "/veikla/statistika/",
        {
            "date_from": "2025-01-01",
            "date_to": "2025-12-31",
            "library": library.pk,
            "format": "xlsx",
        },
    )

    assert_inert_in_xlsx(response.content, FORMULA)
