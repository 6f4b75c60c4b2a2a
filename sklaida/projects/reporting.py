"""Reports owed to funders (5.1): their deadlines, the manager's tasks that remind of them,
and the report draft (DOCX and PDF) filled in from the project.

Deadlines. The final report's day comes from the call's terms: so many Lithuanian working
days after the project's last day (`core.workdays`, the one count reports, reminders and
deadlines share), but never after the call's fixed latest date when that comes first.
`sync_report_deadlines` recomputes it whenever the project's end, its manager or the call's
terms change (the project services call it), and staff add interim deadlines by hand. A
deadline computed from the terms is not edited by hand — change the terms or the end date;
a final deadline typed by hand (a call without terms) stays as typed.

Reminders. Each open deadline has one core Task for the project manager, due on the
deadline's day: the task list, the "my work" page and the daily e-mail digest of due and
overdue tasks (`core.services.send_due_task_reminders`, a periodic job of the core) remind
of it, and the manager is told by e-mail when the task is raised or moved to her. Marking a
report submitted closes its task; removing a deadline cancels it. A deadline that Sklaida
computes raises its task as Sklaida (no creator), so a territory specialist's change of her
library's project still reminds its manager.

The draft. `report_draft` reads everything once into plain rows (a dozen queries, whatever
the project's size); the DOCX (python-docx) and the PDF (WeasyPrint, from
projects/report_draft_pdf.html) print the same rows, so the two never disagree. Money is
Decimal throughout; the budget figures are computed here from the lines and expenses.
"""

from __future__ import annotations

import datetime
import io
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch, Sum
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sklaida.core import services as core_services
from sklaida.core.formatting import format_moment, format_money, format_number
from sklaida.core.models import Task, User
from sklaida.core.permissions import Capability, can_change, has_capability
from sklaida.core.workdays import add_working_days
from sklaida.events.models import Attendance, Event
from sklaida.projects.budget import BudgetSummary, LineSummary, budget_summary
from sklaida.projects.indicators import IndicatorProgress, indicator_progress
from sklaida.projects.models import (
    Activity,
    BudgetLine,
    Expense,
    FundingCall,
    Partner,
    Project,
    ReportDeadline,
)

Kind = ReportDeadline.Kind
TASK_TITLE_LENGTH = 200


# --- Deadlines ---------------------------------------------------------------------------


@dataclass(frozen=True)
class FinalDue:
    due_on: datetime.date
    basis: str


def final_report_due(*, ends_on: datetime.date | None, call: FundingCall | None) -> FinalDue | None:
    """When the final report is due under the call's terms, and why (in Lithuanian, the
    language the department files its reports in); None when the terms or the project's
    end do not say."""
    if call is None or ends_on is None:
        return None
    within, latest = call.report_within_working_days, call.report_no_later_than
    if within is None and latest is None:
        return None
    with translation.override(settings.LANGUAGE_CODE):
        if within is None:
            return FinalDue(
                latest,
                _("The call's latest date, %(date)s")
                % {"date": formats.date_format(latest, "DATE_FORMAT")},
            )
        counted = add_working_days(ends_on, within)
        basis = ngettext(
            "%(days)s working day after the project's end (%(end)s)",
            "%(days)s working days after the project's end (%(end)s)",
            within,
        ) % {"days": within, "end": formats.date_format(ends_on, "DATE_FORMAT")}
        if latest is not None and latest < counted:
            return FinalDue(
                latest,
                _("%(terms)s, but no later than %(date)s")
                % {"terms": basis, "date": formats.date_format(latest, "DATE_FORMAT")},
            )
        return FinalDue(counted, basis)


def is_computed(deadline: ReportDeadline) -> bool:
    """Set by the call's terms, so not edited by hand."""
    project = deadline.project
    return (
        deadline.kind == Kind.FINAL
        and final_report_due(ends_on=project.ends_on, call=project.call) is not None
    )


def _task_text(deadline: ReportDeadline) -> tuple[str, str]:
    project = deadline.project
    with translation.override(settings.LANGUAGE_CODE):
        if deadline.kind == Kind.FINAL:
            title = _("Submit the final report: %(project)s")
        else:
            title = _("Submit the interim report: %(project)s")
        title = Truncator(title % {"project": project.title}).chars(TASK_TITLE_LENGTH)
        description = _("Due %(date)s to %(funder)s. %(basis)s") % {
            "date": formats.date_format(deadline.due_on, "DATE_FORMAT"),
            "funder": project.funder or "—",
            "basis": deadline.basis,
        }
    return title, description.strip()


def _raiser(actor: User | None) -> User | None:
    """Who raises a deadline's task: the colleague when she may raise tasks, else Sklaida."""
    if actor is not None and has_capability(actor, Capability.WORK_IN_DEPARTMENT):
        return actor
    return None


def _sync_task(deadline: ReportDeadline, actor: User) -> None:
    """The deadline's task for the manager, raised or brought up to date while open."""
    project = deadline.project
    title, description = _task_text(deadline)
    task = deadline.task
    if task is None or task.status == Task.Status.CANCELLED:
        deadline.task = core_services.create_task(
            actor=_raiser(actor),
            title=title,
            owner=project.manager,
            due_date=deadline.due_on,
            description=description,
            target=project,
        )
        deadline.save(update_fields=["task"])
    elif task.is_open and (task.title, task.owner_id, task.due_date, task.description) != (
        title,
        project.manager_id,
        deadline.due_on,
        description,
    ):
        core_services.update_task(
            task=task,
            actor=actor,
            title=title,
            owner=project.manager,
            due_date=deadline.due_on,
            description=description,
            library=task.library,
        )


def _require_change(actor: User, project: Project) -> None:
    if not can_change(actor, project):
        raise PermissionDenied


@transaction.atomic
def sync_report_deadlines(project: Project, actor: User) -> list[ReportDeadline]:
    """Bring the final report's deadline in line with the call's terms and the project's
    end, and every open deadline's task in line with its date and the project's manager.
    Called after the project's dates, manager or call, or the call's terms, change.
    Returns the project's deadlines."""
    due = final_report_due(ends_on=project.ends_on, call=project.call)
    if due is not None:
        final = project.report_deadlines.filter(kind=Kind.FINAL).order_by("due_on", "pk").first()
        if final is None:
            ReportDeadline.objects.create(
                project=project, kind=Kind.FINAL, due_on=due.due_on, basis=due.basis
            )
        elif final.submitted_on is None and (final.due_on, final.basis) != (due.due_on, due.basis):
            final.due_on, final.basis = due.due_on, due.basis
            final.save(update_fields=["due_on", "basis"])
    deadlines = list(project.report_deadlines.select_related("task"))
    for deadline in deadlines:
        deadline.project = project
        if deadline.submitted_on is None:
            _sync_task(deadline, actor)
    return deadlines


# A funded project owes its reports; an application, a rejected or a closed project does not.
OWES_REPORTS = (
    Project.Status.APPROVED,
    Project.Status.CONTRACT,
    Project.Status.IMPLEMENTATION,
    Project.Status.REPORTING,
)


def follow_project(project: Project, actor: User) -> None:
    """After any change of a project (services.on_project_change): a funded project's
    deadlines follow its end, manager and call; a project that is rejected or closed stops
    reminding of reports nobody will write."""
    if project.status in OWES_REPORTS:
        sync_report_deadlines(project, actor)
        return
    for deadline in project.report_deadlines.filter(submitted_on__isnull=True).select_related(
        "task"
    ):
        if deadline.task is not None and deadline.task.is_open:
            core_services.change_task_status(
                task=deadline.task, actor=actor, status=Task.Status.CANCELLED
            )


@transaction.atomic
def add_report_deadline(
    *,
    actor: User,
    project: Project,
    due_on: datetime.date,
    kind: str = Kind.INTERIM,
    basis: str = "",
) -> ReportDeadline:
    _require_change(actor, project)
    if kind == Kind.FINAL and (
        final_report_due(ends_on=project.ends_on, call=project.call) is not None
        or project.report_deadlines.filter(kind=Kind.FINAL).exists()
    ):
        raise ValidationError(
            _("The project has its final report's deadline already."), code="final_exists"
        )
    deadline = ReportDeadline(project=project, kind=kind, due_on=due_on, basis=basis)
    deadline.full_clean()
    deadline.save()
    _sync_task(deadline, actor)
    return deadline


@transaction.atomic
def update_report_deadline(
    *, actor: User, deadline: ReportDeadline, due_on: datetime.date, basis: str = ""
) -> ReportDeadline:
    _require_change(actor, deadline.project)
    if is_computed(deadline):
        raise ValidationError(
            _("The call's terms set this deadline; change the terms or the project's end."),
            code="computed",
        )
    deadline.due_on, deadline.basis = due_on, basis
    deadline.full_clean()
    deadline.save()
    if deadline.submitted_on is None:
        _sync_task(deadline, actor)
    return deadline


@transaction.atomic
def mark_report_submitted(
    *, actor: User, deadline: ReportDeadline, submitted_on: datetime.date
) -> ReportDeadline:
    """The report went to the funder: the deadline is met and its task is done."""
    _require_change(actor, deadline.project)
    if submitted_on > timezone.localdate():
        raise ValidationError(_("A report cannot be submitted in the future."), code="future")
    deadline.submitted_on = submitted_on
    deadline.save(update_fields=["submitted_on"])
    task = deadline.task
    if task is not None and task.is_open:
        core_services.change_task_status(task=task, actor=actor, status=Task.Status.DONE)
    return deadline


@transaction.atomic
def remove_report_deadline(*, actor: User, deadline: ReportDeadline) -> None:
    """An interim deadline (or a final one typed by hand) goes, and its open task is
    cancelled rather than left to remind of nothing."""
    _require_change(actor, deadline.project)
    if is_computed(deadline):
        raise ValidationError(
            _("The call's terms set this deadline; change the terms or the project's end."),
            code="computed",
        )
    task = deadline.task
    if task is not None and task.is_open:
        core_services.change_task_status(task=task, actor=actor, status=Task.Status.CANCELLED)
    deadline.delete()


def deadlines_of(project: Project) -> list[ReportDeadline]:
    return list(project.report_deadlines.select_related("task", "task__owner"))


# --- The report draft --------------------------------------------------------------------


@dataclass(frozen=True)
class EventDone:
    event: Event
    on_site: int
    online: int

    @property
    def when(self) -> str:
        return format_moment(self.event.starts_at)


@dataclass(frozen=True)
class ActivityDone:
    activity: Activity
    events: list[EventDone]

    @property
    def on_site(self) -> int:
        return sum(row.on_site for row in self.events)

    @property
    def online(self) -> int:
        return sum(row.online for row in self.events)


@dataclass(frozen=True)
class ReportDraft:
    project: Project
    prepared_on: datetime.date
    activities: list[ActivityDone]
    indicators: list[IndicatorProgress]
    partners: list[Partner]
    budget: BudgetSummary

    @property
    def lines(self) -> list[LineSummary]:
        return self.budget.lines

    @property
    def planned(self) -> Decimal:
        return self.budget.planned

    @property
    def spent(self) -> Decimal:
        return self.budget.spent

    @property
    def remaining(self) -> Decimal:
        return self.budget.remaining

    @property
    def expenses(self) -> list[tuple[BudgetLine, Expense]]:
        """The evidence list: every expense with its line, by invoice date."""
        rows = [(row.line, expense) for row in self.lines for expense in row.expenses]
        return sorted(rows, key=lambda pair: (pair[1].invoice_date, pair[1].pk))


def evidence_name(expense: Expense) -> str:
    if expense.evidence_name:
        return expense.evidence_name
    return expense.evidence.name.rsplit("/", 1)[-1] if expense.evidence else ""


def _activities_done(project: Project) -> list[ActivityDone]:
    activities = list(
        project.activities.filter(done=True)
        .select_related("responsible")
        .prefetch_related(
            Prefetch(
                "events",
                queryset=Event.objects.exclude(status=Event.Status.CANCELLED)
                .select_related("space")
                .order_by("starts_at", "pk"),
            )
        )
    )
    event_ids = {event.pk for activity in activities for event in activity.events.all()}
    attendance: dict[int, tuple[int, int]] = defaultdict(lambda: (0, 0))
    for row in (
        Attendance.objects.filter(event_id__in=event_ids)
        .values("event_id")
        .annotate(on_site=Sum("on_site"), live=Sum("live_viewers"), views=Sum("recording_views"))
    ):
        attendance[row["event_id"]] = (
            row["on_site"] or 0,
            (row["live"] or 0) + (row["views"] or 0),
        )
    return [
        ActivityDone(
            activity=activity,
            events=[EventDone(event, *attendance[event.pk]) for event in activity.events.all()],
        )
        for activity in activities
    ]


def report_draft(project: Project) -> ReportDraft:
    """Everything a report to the funder starts from, read once for both documents."""
    project = Project.objects.select_related(
        "call", "funder", "manager", "library", "lead_organisation"
    ).get(pk=project.pk)
    return ReportDraft(
        project=project,
        prepared_on=timezone.localdate(),
        activities=_activities_done(project),
        indicators=indicator_progress(project),
        partners=list(project.partners.select_related("organisation")),
        budget=budget_summary(project),
    )


# --- The two documents -------------------------------------------------------------------


def _date(day: datetime.date | None) -> str:
    return formats.date_format(day, "DATE_FORMAT") if day else "—"


def _period(activity: Activity) -> str:
    if activity.is_milestone or activity.starts_on == activity.ends_on:
        return _date(activity.starts_on)
    return f"{_date(activity.starts_on)} – {_date(activity.ends_on)}"


def project_facts(draft: ReportDraft) -> list[tuple[str, str]]:
    """The project's particulars as label and value, the first table of the report."""
    project = draft.project
    period = f"{_date(project.starts_on)} – {_date(project.ends_on)}" if project.starts_on else "—"
    return [
        (_("Project"), project.title),
        (_("Funder"), project.funder.name if project.funder else "—"),
        (_("Funding call"), project.call.title if project.call else "—"),
        (_("Contract number"), project.contract_number or "—"),
        (_("Period"), period),
        (_("Our role"), project.get_role_display()),
        (_("Library"), str(project.library)),
        (_("Project manager"), project.manager.get_full_name() or project.manager.username),
        (_("Granted"), format_money(project.granted_amount) if project.granted_amount else "—"),
    ]


def _events_text(row: ActivityDone) -> str:
    return "\n".join(f"{done.event.title} — {done.when}" for done in row.events) or "—"


def _percent(progress: IndicatorProgress) -> str:
    return f"{progress.percent} %" if progress.percent is not None else "—"


def _achieved(progress: IndicatorProgress) -> str:
    return format_number(progress.achieved) if progress.achieved is not None else "—"


def document_tables(draft: ReportDraft) -> dict[str, tuple[list[str], list[list[str]]]]:
    """The report's tables as text, header and rows: the DOCX prints these; the PDF's
    template prints the same rows from the draft."""
    return {
        "activities": (
            [_("Activity"), _("Dates"), _("Events"), _("On site"), _("Online")],
            [
                [
                    row.activity.title,
                    _period(row.activity),
                    _events_text(row),
                    format_number(row.on_site),
                    format_number(row.online),
                ]
                for row in draft.activities
            ],
        ),
        "indicators": (
            [_("Indicator"), _("Unit"), _("Planned"), _("Achieved"), _("Achieved, %")],
            [
                [
                    progress.indicator.name,
                    progress.indicator.unit,
                    format_number(progress.indicator.planned),
                    _achieved(progress),
                    _percent(progress),
                ]
                for progress in draft.indicators
            ],
        ),
        "partners": (
            [_("Partner"), _("Role in the project"), _("Contribution"), _("Contribution, EUR")],
            [
                [
                    str(partner.organisation),
                    partner.role,
                    partner.contribution,
                    format_money(partner.contribution_amount),
                ]
                for partner in draft.partners
            ],
        ),
        "budget": (
            [_("Category"), _("Budget line"), _("Planned"), _("Spent"), _("Remaining")],
            [
                [
                    row.line.get_category_display(),
                    row.line.title,
                    format_money(row.planned),
                    format_money(row.spent),
                    format_money(row.remaining),
                ]
                for row in draft.lines
            ]
            + [
                [
                    _("Total"),
                    "",
                    format_money(draft.planned),
                    format_money(draft.spent),
                    format_money(draft.remaining),
                ]
            ],
        ),
        "evidence": (
            [
                _("Budget line"),
                _("Invoice number"),
                _("Invoice date"),
                _("Supplier"),
                _("Amount"),
                _("Evidence file"),
            ],
            [
                [
                    line.title,
                    expense.invoice_number,
                    _date(expense.invoice_date),
                    expense.supplier,
                    format_money(expense.amount),
                    evidence_name(expense) or "—",
                ]
                for line, expense in draft.expenses
            ],
        ),
    }


@dataclass(frozen=True)
class Section:
    """One part of the report: a heading and a table (or what an empty part says)."""

    key: str
    heading: str
    empty: str
    header: list[str]
    rows: list[list[str]]
    # Columns of figures, aligned right; the budget's last row is its total.
    numeric: frozenset[int]

    @property
    def is_empty(self) -> bool:
        return not self.rows

    def is_number(self, index: int) -> bool:
        return index in self.numeric


def report_sections(draft: ReportDraft) -> list[Section]:
    """The report's parts in order, as text: the DOCX and the PDF print the same ones."""
    tables = document_tables(draft)
    parts = [
        ("activities", _("Activities carried out"), _("No activity is marked done yet."), {3, 4}),
        (
            "indicators",
            _("Indicators: planned and achieved"),
            _("The project has no indicators."),
            {2, 3, 4},
        ),
        ("partners", _("Partners' contributions"), _("The project has no partners."), {3}),
        (
            "budget",
            _("Financial report by budget line"),
            _("The project has no budget lines."),
            {2, 3, 4},
        ),
        ("evidence", _("Evidence of expenses"), _("No expenses are recorded."), {4}),
    ]
    sections = []
    for key, heading, empty, numeric in parts:
        header, rows = tables[key]
        if key == "budget" and not draft.lines:
            rows = []
        sections.append(Section(key, heading, empty, header, rows, frozenset(numeric)))
    return sections


def report_title(draft: ReportDraft) -> str:
    return _("Report draft: %(project)s") % {"project": draft.project.title}


def report_docx(draft: ReportDraft) -> bytes:
    """The draft as a Word document staff finish in their editor."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = Document()
    document.core_properties.title = report_title(draft)
    document.core_properties.language = settings.LANGUAGE_CODE
    document.add_heading(report_title(draft), level=1)
    document.add_paragraph(_("Prepared on %(date)s") % {"date": _date(draft.prepared_on)})

    facts = document.add_table(rows=0, cols=2)
    facts.style = "Table Grid"
    for label, value in project_facts(draft):
        cells = facts.add_row().cells
        cells[0].text, cells[1].text = label, value

    for section in report_sections(draft):
        document.add_heading(section.heading, level=2)
        if section.is_empty:
            document.add_paragraph(section.empty)
            continue
        table = document.add_table(rows=1, cols=len(section.header))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, section.header, strict=True):
            cell.text = text
            cell.paragraphs[0].runs[0].bold = True
        for row in section.rows:
            cells = table.add_row().cells
            for index, (cell, text) in enumerate(zip(cells, row, strict=True)):
                cell.text = text
                if section.is_number(index):
                    cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if section.key == "budget":
            for cell in table.rows[-1].cells:
                for run in cell.paragraphs[0].runs:
                    run.bold = True
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def report_html(draft: ReportDraft) -> str:
    sections = report_sections(draft)
    return render_to_string(
        "projects/report_draft_pdf.html",
        {
            "draft": draft,
            "title": report_title(draft),
            "facts": project_facts(draft),
            "sections": [
                (
                    section,
                    [(text, section.is_number(index)) for index, text in enumerate(section.header)],
                    [
                        [(text, section.is_number(index)) for index, text in enumerate(row)]
                        for row in section.rows
                    ],
                )
                for section in sections
            ],
        },
    )


def report_pdf(draft: ReportDraft) -> bytes:
    """The draft as a PDF to read or send as it is."""
    from weasyprint import HTML

    return HTML(string=report_html(draft)).write_pdf()


def report_file_name(draft: ReportDraft, extension: str) -> str:
    name = draft.project.acronym or Truncator(draft.project.title).chars(60)
    return f"{_('Report draft')} – {name}.{extension}"
