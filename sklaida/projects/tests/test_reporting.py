"""Reporting: the final report's deadline from the call's terms in Lithuanian working days,
the manager's task and e-mail reminders, and the report draft as DOCX and PDF."""

from __future__ import annotations

import datetime
import io
import re
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from sklaida.contacts.models import Organisation
from sklaida.core.models import Task
from sklaida.core.services import send_due_task_reminders
from sklaida.events.models import Attendance, Event
from sklaida.events.tests.factories import EventFactory, at
from sklaida.projects import reporting
from sklaida.projects.models import Partner, ReportDeadline
from sklaida.projects.tests.factories import (
    ActivityFactory,
    BudgetLineFactory,
    ExpenseFactory,
    FundingCallFactory,
    IndicatorFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db


def day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


# --- The deadline computed from the terms (fixed dates: holidays are per year) ----------


def test_ten_working_days_after_a_december_end_skip_christmas_and_new_year():
    call = FundingCallFactory.build(report_within_working_days=10, report_no_later_than=None)

    due = reporting.final_report_due(ends_on=day("2026-12-18"), call=call)

    assert due.due_on == day("2027-01-06")
    assert due.basis == "10 darbo dienų po projekto pabaigos (2026 m. gruodžio 18 d.)"


def test_a_project_ending_before_easter_reports_after_easter_monday():
    call = FundingCallFactory.build(report_within_working_days=1, report_no_later_than=None)

    due = reporting.final_report_due(ends_on=day("2026-04-03"), call=call)

    assert due.due_on == day("2026-04-07")
    assert due.basis.startswith("1 darbo diena po projekto pabaigos")


def test_the_calls_latest_date_caps_the_count_when_earlier():
    call = FundingCallFactory.build(
        report_within_working_days=10, report_no_later_than=day("2026-12-31")
    )

    due = reporting.final_report_due(ends_on=day("2026-12-18"), call=call)

    assert due.due_on == day("2026-12-31")
    assert due.basis.endswith("bet ne vėliau kaip 2026 m. gruodžio 31 d.")


def test_a_later_latest_date_does_not_move_the_counted_day():
    call = FundingCallFactory.build(
        report_within_working_days=10, report_no_later_than=day("2027-02-01")
    )

    assert reporting.final_report_due(ends_on=day("2026-12-18"), call=call).due_on == day(
        "2027-01-06"
    )


def test_without_terms_or_an_end_there_is_no_computed_deadline():
    call = FundingCallFactory.build(report_within_working_days=None, report_no_later_than=None)

    assert reporting.final_report_due(ends_on=day("2026-12-18"), call=call) is None
    assert reporting.final_report_due(ends_on=None, call=FundingCallFactory.build()) is None
    only_latest = FundingCallFactory.build(
        report_within_working_days=None, report_no_later_than=day("2027-03-01")
    )
    assert reporting.final_report_due(ends_on=day("2026-12-18"), call=only_latest).due_on == day(
        "2027-03-01"
    )


# --- Tasks and reminders -------------------------------------------------------------


@pytest.fixture
def project(personas):
    today = timezone.localdate()
    return ProjectFactory(
        title="Skaitome kartu",
        call=FundingCallFactory(report_within_working_days=10, report_no_later_than=None),
        starts_on=today - datetime.timedelta(days=200),
        ends_on=today + datetime.timedelta(days=20),
        manager=personas["specialiste"],
    )


def test_syncing_raises_the_managers_task_and_tells_her_by_e_mail(
    project, personas, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        [deadline] = reporting.sync_report_deadlines(project, personas["vadove"])

    task = deadline.task
    assert deadline.kind == ReportDeadline.Kind.FINAL
    assert deadline.due_on == reporting.add_working_days(project.ends_on, 10)
    assert (task.owner, task.due_date, task.status) == (
        personas["specialiste"],
        deadline.due_on,
        Task.Status.OPEN,
    )
    assert task.title == "Pateikti galutinę ataskaitą: Skaitome kartu"
    assert task.target == project
    assert [message.to for message in mail.outbox] == [[personas["specialiste"].email]]
    assert "Pateikti galutinę ataskaitą: Skaitome kartu" in mail.outbox[0].body


def test_a_new_end_date_moves_the_deadline_and_its_task(project, personas):
    [deadline] = reporting.sync_report_deadlines(project, personas["vadove"])
    project.ends_on += datetime.timedelta(days=30)
    project.save()

    [moved] = reporting.sync_report_deadlines(project, personas["vadove"])

    assert moved.pk == deadline.pk
    assert moved.due_on == reporting.add_working_days(project.ends_on, 10)
    moved.task.refresh_from_db()
    assert moved.task.due_date == moved.due_on
    assert (
        Task.objects.filter(
            title__startswith="Pateikti galutinę", title__endswith=project.title
        ).count()
        == 1
    )


def test_new_call_terms_and_a_new_manager_reach_the_task(project, personas):
    reporting.sync_report_deadlines(project, personas["vadove"])
    call = project.call
    call.report_within_working_days = 5
    call.save()
    project.manager = personas["vadove"]
    project.save()

    [deadline] = reporting.sync_report_deadlines(project, personas["specialiste"])

    deadline.task.refresh_from_db()
    assert deadline.due_on == reporting.add_working_days(project.ends_on, 5)
    assert (deadline.task.owner, deadline.task.due_date) == (personas["vadove"], deadline.due_on)


def test_the_daily_reminder_names_the_report_the_day_before(
    project, personas, django_capture_on_commit_callbacks
):
    [deadline] = reporting.sync_report_deadlines(project, personas["specialiste"])
    Task.objects.exclude(pk=deadline.task_id).update(status=Task.Status.DONE)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        send_due_task_reminders(today=deadline.due_on - datetime.timedelta(days=1))

    [message] = mail.outbox
    assert message.to == [personas["specialiste"].email]
    assert "Pateikti galutinę ataskaitą: Skaitome kartu" in message.body


def test_a_report_marked_submitted_closes_its_task_and_stops_reminders(
    project, personas, django_capture_on_commit_callbacks
):
    [deadline] = reporting.sync_report_deadlines(project, personas["vadove"])
    reporting.mark_report_submitted(
        actor=personas["specialiste"], deadline=deadline, submitted_on=timezone.localdate()
    )
    Task.objects.exclude(pk=deadline.task_id).update(status=Task.Status.DONE)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        sent = send_due_task_reminders(today=deadline.due_on)

    deadline.task.refresh_from_db()
    assert deadline.task.status == Task.Status.DONE
    assert sent == 0


def test_staff_add_an_interim_deadline_and_removing_it_cancels_the_task(
    client_as, project, personas
):
    due = timezone.localdate() + datetime.timedelta(days=15)
    client = client_as("vadove")

    client.post(
        f"/projektai/{project.pk}/ataskaitos/terminai/naujas/",
        {"kind": "interim", "due_on": due.isoformat(), "basis": "Sutarties 4.2 p."},
    )
    deadline = project.report_deadlines.get(kind="interim")
    page = client.get(f"/projektai/{project.pk}/ataskaitos/").content.decode()
    client.post(f"/projektai/{project.pk}/ataskaitos/terminai/{deadline.pk}/salinti/")

    assert "Tarpinė ataskaita" in page and "Sutarties 4.2 p." in page
    assert deadline.task.owner == personas["specialiste"]
    assert Task.objects.get(pk=deadline.task_id).status == Task.Status.CANCELLED
    assert not project.report_deadlines.filter(kind="interim").exists()


def test_the_computed_final_deadline_is_not_offered_for_hand_editing(client_as, project, personas):
    [deadline] = reporting.sync_report_deadlines(project, personas["vadove"])
    client = client_as("vadove")

    form = client.get(f"/projektai/{project.pk}/ataskaitos/terminai/naujas/").content.decode()
    edit = client.get(f"/projektai/{project.pk}/ataskaitos/terminai/{deadline.pk}/keisti/")

    assert 'value="final"' not in form
    assert edit.status_code == 302


# --- The report draft ---------------------------------------------------------------


@pytest.fixture
def full_project(project, personas):
    done = ActivityFactory(project=project, title="Skaitymų vakarai", done=True)
    held = EventFactory(
        title="Poezijos vakaras",
        starts_at=at(timezone.localdate() - datetime.timedelta(days=20), 18),
        status=Event.Status.HELD,
    )
    Attendance.objects.create(event=held, on_site=42, live_viewers=10, recording_views=5)
    done.events.add(held)
    ActivityFactory(project=project, title="Neatlikta veikla", done=False)
    IndicatorFactory(
        project=project, name="Dalyvių skaičius", unit="dalyviai", source="participants", planned=60
    )
    Partner.objects.create(
        project=project,
        organisation=Organisation.objects.create(name="Rajono kultūros centras"),
        role="Partneris",
        contribution="Salė ir įgarsinimas",
        contribution_amount=Decimal("750.00"),
    )
    fees = BudgetLineFactory(
        project=project,
        title="Lektorių honorarai",
        funder_amount=Decimal("900.00"),
        own_amount=Decimal("100.00"),
    )
    books = BudgetLineFactory(
        project=project,
        category="materials",
        title="Knygos dirbtuvėms",
        funder_amount=Decimal("333.33"),
        own_amount=Decimal("0.34"),
    )
    ExpenseFactory(line=fees, invoice_number="SF-101", amount=Decimal("150.10"))
    ExpenseFactory(
        line=fees,
        invoice_number="SF-102",
        amount=Decimal("99.95"),
        evidence_name="saskaita-102.pdf",
    )
    ExpenseFactory(
        line=books, invoice_number="KN-7", amount=Decimal("333.67"), supplier="UAB „Knygynas“"
    )
    return project


def test_the_draft_sums_the_budget_in_decimal(full_project):
    draft = reporting.report_draft(full_project)

    assert [(row.planned, row.spent, row.remaining) for row in draft.lines] == [
        (Decimal("1000.00"), Decimal("250.05"), Decimal("749.95")),
        (Decimal("333.67"), Decimal("333.67"), Decimal("0.00")),
    ]
    assert (draft.planned, draft.spent, draft.remaining) == (
        Decimal("1333.67"),
        Decimal("583.72"),
        Decimal("749.95"),
    )
    assert [activity.activity.title for activity in draft.activities] == ["Skaitymų vakarai"]
    assert (draft.activities[0].on_site, draft.activities[0].online) == (42, 15)


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\xa0", " ").replace("\u202f", " "))


def docx_text(content: bytes) -> str:
    from docx import Document

    document = Document(io.BytesIO(content))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return normalised("\n".join(parts))


def pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content))
    return normalised(" ".join(page.extract_text() for page in reader.pages))


EXPECTED = [
    "Ataskaitos juodraštis: Skaitome kartu",
    "Įgyvendintos veiklos",
    "Skaitymų vakarai",
    "Poezijos vakaras",
    "Dalyvių skaičius",
    "Rajono kultūros centras",
    "Salė ir įgarsinimas",
    "750,00 €",
    "Lektorių honorarai",
    "1 000,00 €",
    "250,05 €",
    "749,95 €",
    "1 333,67 €",
    "583,72 €",
    "SF-102",
    "saskaita-102.pdf",
    "UAB „Knygynas“",
]


def test_the_docx_draft_holds_activities_indicators_partners_and_the_financial_table(
    client_as, full_project
):
    response = client_as("stebetojas").get(
        f"/projektai/{full_project.pk}/ataskaitos/juodrastis.docx"
    )
    text = docx_text(response.content)

    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    for expected in EXPECTED:
        assert expected in text, expected
    assert "Dalyvių skaičius | dalyviai | 60 | 42 | 70 %" in text
    assert "Iš viso | | 1 333,67 € | 583,72 € | 749,95 €" in text
    assert "Neatlikta veikla" not in text


def test_the_pdf_draft_holds_the_same_content(client_as, full_project):
    response = client_as("vadove").get(f"/projektai/{full_project.pk}/ataskaitos/juodrastis.pdf")
    text = pdf_text(response.content)

    assert response["Content-Type"] == "application/pdf"
    for expected in EXPECTED:
        assert expected in text, expected
    assert "Neatlikta veikla" not in text


def test_the_draft_reads_a_constant_number_of_queries(full_project, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        reporting.report_draft(full_project)
