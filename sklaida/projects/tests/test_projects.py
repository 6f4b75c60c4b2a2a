"""Projects (5.1, 5.4) through their pages: made, moved along the lifecycle with who and
when, partners and team, documents with versions, and who sees which project."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from sklaida.contacts.tests.factories import OrganisationFactory
from sklaida.projects import services
from sklaida.projects.models import BudgetLine, Project, StatusChange
from sklaida.projects.tests.factories import BudgetLineFactory, FundingCallFactory, ProjectFactory
from sklaida.testing.pages import text_of
from sklaida.testing.queries import queries_to_render

LIST_URL = "/projektai/"


def test_a_specialist_prepares_an_application_for_a_call_through_the_page(client_as):
    call = FundingCallFactory(title="Skaitymo skatinimo projektai 2027")
    client = client_as("specialiste")
    response = client.post(
        "/projektai/naujas/",
        {
            "title": "Vasaros skaitymo iššūkis",
            "call": call.pk,
            "role": "lead",
            "library": _county_pk(),
            "manager": _user_pk("specialiste"),
            "summary": "Vaikai vasarą skaito ir rašo apie knygas.",
        },
    )
    project = Project.objects.get(title="Vasaros skaitymo iššūkis")
    assert response.status_code == 302
    assert project.funder == call.funder, "the funder follows from the call"
    assert project.status == Project.Status.IDEA
    page = text_of(client.get(project.get_absolute_url()))
    assert "Vaikai vasarą skaito ir rašo apie knygas." in page
    assert "Lietuvos kultūros taryba" in page


def _county_pk() -> int:
    from sklaida.core.models import Library

    return Library.objects.get(kind=Library.Kind.COUNTY).pk


def _user_pk(username: str) -> int:
    from sklaida.core.models import User

    return User.objects.get(username=username).pk


def test_a_project_moves_along_its_lifecycle_recording_who_and_when(personas):
    project = ProjectFactory()
    BudgetLineFactory(project=project, funder_amount=Decimal("8100.00"), own_amount=Decimal("900"))
    actor = personas["specialiste"]
    for status in ("preparing", "submitted", "evaluation"):
        project = services.move_project(actor=actor, project=project, to_status=status)
    assert project.requested_amount == Decimal("8100.00"), "submitting takes the funder share"
    assert project.submitted_on == timezone.localdate()
    project = services.move_project(
        actor=personas["vadove"],
        project=project,
        to_status="approved",
        granted_amount=Decimal("6500.00"),
        note="Skirta mažiau, nei prašyta",
    )
    assert project.granted_amount == Decimal("6500.00")
    assert project.decided_on == timezone.localdate()
    steps = list(StatusChange.objects.filter(project=project).order_by("pk"))
    assert [(s.from_status, s.to_status) for s in steps[-4:]] == [
        ("idea", "preparing"),
        ("preparing", "submitted"),
        ("submitted", "evaluation"),
        ("evaluation", "approved"),
    ]
    assert steps[-1].changed_by == personas["vadove"]
    assert steps[-1].note == "Skirta mažiau, nei prašyta"


def test_a_project_cannot_skip_a_step_and_says_why(personas):
    project = ProjectFactory()
    with pytest.raises(ValidationError) as refused:
        services.move_project(
            actor=personas["specialiste"], project=project, to_status="implementation"
        )
    assert refused.value.messages == [
        "Projektas, kurio būsena „Idėja“, negali tapti „Įgyvendinamas“."
    ]
    project.refresh_from_db()
    assert project.status == Project.Status.IDEA


def test_submitting_without_a_budget_or_an_amount_is_refused(personas):
    project = ProjectFactory(status=Project.Status.PREPARING)
    with pytest.raises(ValidationError):
        services.move_project(actor=personas["specialiste"], project=project, to_status="submitted")


def test_the_overview_offers_only_the_next_steps_and_the_move_shows_in_the_history(client_as):
    project = ProjectFactory(status=Project.Status.SUBMITTED, requested_amount=Decimal("5000"))
    client = client_as("vadove")
    page = client.get(project.get_absolute_url()).content.decode()
    assert '<option value="evaluation">' in page
    assert '<option value="implementation">' not in page
    response = client.post(
        f"/projektai/{project.pk}/busena/",
        {"status": "rejected", "note": "Trūko balų"},
        follow=True,
    )
    text = text_of(response)
    project.refresh_from_db()
    assert project.status == Project.Status.REJECTED
    assert "Trūko balų" in text
    assert "Rasa Petrauskienė" in text


def test_a_viewer_reads_a_project_but_is_offered_no_moves(client_as):
    project = ProjectFactory()
    page = client_as("stebetojas").get(project.get_absolute_url()).content.decode()
    assert project.title in page
    assert 'name="status"' not in page


def test_partners_come_from_the_contacts_and_are_listed_with_their_contribution(client_as):
    project = ProjectFactory()
    organisation = OrganisationFactory(name="Šiaulių dramos teatras")
    client = client_as("specialiste")
    client.post(
        f"/projektai/{project.pk}/partneriai/",
        {
            "organisation": organisation.pk,
            "role": "Spektaklių partneris",
            "contribution": "Aktoriai ir salė",
            "contribution_amount": "1 200,50",
        },
    )
    response = client.post(
        f"/projektai/{project.pk}/partneriai/", {"organisation": organisation.pk}, follow=True
    )
    text = text_of(response)
    assert "Šiaulių dramos teatras" in text
    assert "Aktoriai ir salė" in text
    assert "Ši organizacija jau yra projekto partnerė." in text
    assert project.partners.count() == 1


def test_team_members_are_colleagues_or_named_outsiders(client_as):
    project = ProjectFactory()
    client = client_as("specialiste")
    client.post(f"/projektai/{project.pk}/komanda/", {"user": _user_pk("vadove"), "role": "Vadovė"})
    client.post(
        f"/projektai/{project.pk}/komanda/", {"name": "Dr. Jonas Jonaitis", "role": "Ekspertas"}
    )
    response = client.post(f"/projektai/{project.pk}/komanda/", {"role": "Be vardo"}, follow=True)
    text = text_of(response)
    assert "Rasa Petrauskienė — Vadovė" in text
    assert "Dr. Jonas Jonaitis — Ekspertas" in text
    assert project.team.count() == 2


def test_a_document_keeps_its_versions_and_refuses_a_file_that_is_not_what_it_says(client_as):
    project = ProjectFactory()
    client = client_as("specialiste")
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    client.post(
        f"/projektai/{project.pk}/dokumentai/",
        {
            "kind": "application",
            "title": "Paraiška LKT",
            "file": SimpleUploadedFile("paraiska.pdf", pdf, content_type="application/pdf"),
        },
    )
    document = project.documents.get()
    client.post(
        f"/projektai/{project.pk}/dokumentai/{document.pk}/versija/",
        {
            "note": "Pataisytas biudžetas",
            "file": SimpleUploadedFile("paraiska-2.pdf", pdf, content_type="application/pdf"),
        },
    )
    refused = client.post(
        f"/projektai/{project.pk}/dokumentai/",
        {"kind": "annex", "file": SimpleUploadedFile("sutartis.pdf", b"MZ\x90\x00not a pdf")},
    )
    assert [v.number for v in document.versions.order_by("number")] == [1, 2]
    text = text_of(client.get(f"/projektai/{project.pk}/dokumentai/"))
    assert "Paraiška LKT" in text and "Pataisytas biudžetas" in text
    assert project.documents.count() == 1
    assert refused.status_code == 200
    latest = document.versions.get(number=2)
    download = client.get(f"/projektai/{project.pk}/dokumentai/versijos/{latest.pk}/")
    assert b"".join(download.streaming_content) == pdf
    assert "paraiska-2.pdf" in download["Content-Disposition"]


def test_a_territory_specialist_sees_only_her_librarys_projects(client_as, personas):
    hers = ProjectFactory(title="Joniškio vaikų vasara", library=personas["teritorija"].library)
    county = ProjectFactory(title="Apskrities skaitymų festivalis")
    client = client_as("teritorija")
    text = text_of(client.get(LIST_URL))
    assert "Joniškio vaikų vasara" in text
    assert "Apskrities skaitymų festivalis" not in text
    assert client.get(hers.get_absolute_url()).status_code == 200
    assert client.get(county.get_absolute_url()).status_code == 403


def test_the_list_filters_by_status_and_funder(client_as):
    ProjectFactory(title="Pateiktas projektas", status=Project.Status.SUBMITTED)
    ProjectFactory(title="Tik idėja")
    text = text_of(client_as("vadove").get(LIST_URL, {"status": "submitted"}))
    assert "Pateiktas projektas" in text
    assert "Tik idėja" not in text


def test_the_list_and_the_overview_make_the_same_number_of_queries_for_more_rows(client_as):
    client = client_as("vadove")
    project = ProjectFactory()
    ProjectFactory.create_batch(2)
    few = queries_to_render(client, LIST_URL)
    detail_few = queries_to_render(client, project.get_absolute_url())
    ProjectFactory.create_batch(8)
    for _ in range(4):
        services.add_team_member(
            actor=_user("vadove"),
            member=project.team.model(project=project, name="Narys", role="Savanoris"),
        )
    assert queries_to_render(client, LIST_URL) == few
    assert queries_to_render(client, project.get_absolute_url()) == detail_few


def _user(username: str):
    from sklaida.core.models import User

    return User.objects.get(username=username)


def test_budget_lines_sum_in_decimal_to_the_planned_amount():
    line = BudgetLine(funder_amount=Decimal("0.10"), own_amount=Decimal("0.20"))
    assert line.planned_amount == Decimal("0.30")


def test_a_funded_project_owes_its_final_report_and_a_rejected_one_stops_reminding(personas):
    from sklaida.core.models import Task

    ends = timezone.localdate() + datetime.timedelta(days=90)
    funded = ProjectFactory(
        status=Project.Status.EVALUATION,
        requested_amount=Decimal("5000"),
        ends_on=ends,
        starts_on=ends - datetime.timedelta(days=100),
    )
    assert not funded.report_deadlines.exists(), "an application owes no report"
    services.move_project(actor=personas["vadove"], project=funded, to_status="approved")
    deadline = funded.report_deadlines.get()
    assert deadline.due_on > ends
    assert deadline.task.owner == funded.manager
    assert deadline.task.status == Task.Status.OPEN

    services.move_project(actor=personas["vadove"], project=funded, to_status="closed")
    deadline.task.refresh_from_db()
    assert deadline.task.status == Task.Status.CANCELLED


def test_the_list_exports_what_it_shows_as_a_spreadsheet_with_formulas_made_inert(client_as):
    import io

    import openpyxl

    from sklaida.testing.spreadsheets import assert_inert_in_xlsx

    ProjectFactory(title='=HYPERLINK("http://x")', status=Project.Status.SUBMITTED)
    ProjectFactory(
        title="Pateiktas projektas",
        status=Project.Status.SUBMITTED,
        requested_amount=Decimal("12345.67"),
    )
    ProjectFactory(title="Tik idėja")
    response = client_as("stebetojas").get("/projektai/projektai.xlsx", {"status": "submitted"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = {row[0]: row for row in sheet.iter_rows(values_only=True)}
    assert rows["Pateiktas projektas"][3] == "Pateiktas"
    assert rows["Pateiktas projektas"][9] == 12345.67
    assert "Tik idėja" not in rows
    assert_inert_in_xlsx(response.content, '=HYPERLINK("http://x")')
