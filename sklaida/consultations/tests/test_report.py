"""The methodical-help report: consultations and hours by library, topic and form."""

import datetime
import io
from decimal import Decimal

import openpyxl

from sklaida.consultations import selectors
from sklaida.consultations.models import Consultation
from sklaida.consultations.tests.factories import ConsultationFactory
from sklaida.core.models import Library
from sklaida.testing.spreadsheets import FORMULA, assert_inert_in_xlsx

YEAR_2025 = {"date_from": "2025-01-01", "date_to": "2025-12-31"}


def given_in_2025(personas) -> None:
    joniskis = personas["teritorija"].library
    kelme = Library.objects.get(name__startswith="Kelmės")
    ConsultationFactory(
        library=joniskis,
        date=datetime.date(2025, 3, 1),
        duration_hours=Decimal("1.5"),
        topic="projects",
    )
    ConsultationFactory(
        library=joniskis,
        date=datetime.date(2025, 6, 1),
        duration_hours=Decimal("2"),
        topic="events",
        form="seminar",
    )
    ConsultationFactory(
        library=kelme, date=datetime.date(2025, 9, 1), duration_hours=Decimal("4"), topic="projects"
    )
    # Not counted: another year, and a request not yet given.
    ConsultationFactory(
        library=kelme, date=datetime.date(2024, 12, 31), duration_hours=Decimal("9")
    )
    ConsultationFactory(
        library=kelme,
        date=datetime.date(2025, 10, 1),
        status=Consultation.Status.SCHEDULED,
        duration_hours=None,
        advice="",
    )


def test_the_report_counts_given_consultations_and_hours_of_the_period(client_as, personas):
    given_in_2025(personas)

    page = (
        client_as("stebetojas")
        .get("/konsultacijos/ataskaita/", {**YEAR_2025, "group_by": "library"})
        .content.decode()
    )

    assert "Konsultacijos nuo 2025 m. sausio 1 d. iki 2025 m. gruodžio 31 d." in page
    joniskis = personas["teritorija"].library.name
    assert (
        f'<th scope="row" class="fw-normal">{joniskis}</th>'
        '<td class="text-end">2</td><td class="text-end">3,5</td>'
    ) in page
    assert (
        '<td class="text-end fw-semibold">3</td><td class="text-end fw-semibold">7,5</td>' in page
    )


def test_the_report_groups_by_topic_and_form(personas):
    given_in_2025(personas)
    period = {"date_from": datetime.date(2025, 1, 1), "date_to": datetime.date(2025, 12, 31)}

    by_topic, _ = selectors.methodical_help(**period, group_by="topic")
    by_form, total = selectors.methodical_help(**period, group_by="form")

    assert {(row.label, row.consultations, row.hours) for row in by_topic} == {
        ("Renginiai", 1, Decimal("2")),
        ("Projektai", 2, Decimal("5.5")),
    }
    assert {(row.label, row.consultations) for row in by_form} == {
        ("Individuali", 2),
        ("Seminaras", 1),
    }
    assert (total.consultations, total.hours) == (3, Decimal("7.5"))


def test_the_report_downloads_as_an_excel_table(client_as, personas):
    given_in_2025(personas)

    response = client_as("vadove").get(
        "/konsultacijos/ataskaita/", {**YEAR_2025, "group_by": "topic", "format": "xlsx"}
    )

    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == ["Teminė sritis", "Konsultacijos", "Valandos"]
    assert ["Projektai", 2, 5.5] in rows
    assert rows[-1] == ["Iš viso", 3, 7.5]


def test_a_period_that_ends_before_it_starts_is_explained(client_as, personas):
    page = (
        client_as("vadove")
        .get(
            "/konsultacijos/ataskaita/",
            {"date_from": "2025-12-31", "date_to": "2025-01-01", "group_by": "form"},
        )
        .content.decode()
    )

    assert "Laikotarpis turi prasidėti anksčiau, nei baigiasi." in page


def test_a_formula_typed_as_a_library_name_is_inert_text_in_the_download(client_as, personas):
    given_in_2025(personas)
    # A library's name is typed by the system administrator.
    Library.objects.filter(pk=personas["teritorija"].library_id).update(name=FORMULA)

    response = client_as("vadove").get(
        "/konsultacijos/ataskaita/", {**YEAR_2025, "group_by": "library", "format": "xlsx"}
    )

    assert_inert_in_xlsx(response.content, FORMULA)
