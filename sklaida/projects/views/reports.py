"""A project's reports page (5.1): the deadlines owed to the funder with their tasks, the
forms that add, move, mark submitted and remove them, and the report draft's downloads."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sklaida.core.permissions import can_change
from sklaida.projects import reporting
from sklaida.projects.forms_reports import DeadlineForm, SubmittedForm
from sklaida.projects.models import Project, ReportDeadline
from sklaida.projects.views.timeline import project_or_404

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _reports_url(project: Project) -> str:
    return reverse("projects:reports", args=[project.pk]) + "#deadlines"


def _deadline_or_404(project: Project, deadline_pk: int) -> ReportDeadline:
    deadline = project.report_deadlines.select_related("task").filter(pk=deadline_pk).first()
    if deadline is None:
        raise Http404
    deadline.project = project
    return deadline


def _final_allowed(project: Project) -> bool:
    return (
        reporting.final_report_due(ends_on=project.ends_on, call=project.call) is None
        and not project.report_deadlines.filter(kind=ReportDeadline.Kind.FINAL).exists()
    )


@login_required
def reports(request: HttpRequest, pk: int) -> HttpResponse:
    project = project_or_404(request, pk)
    terms = reporting.final_report_due(ends_on=project.ends_on, call=project.call)
    deadlines = [
        (deadline, terms is not None and deadline.kind == ReportDeadline.Kind.FINAL)
        for deadline in reporting.deadlines_of(project)
    ]
    return render(
        request,
        "projects/reports.html",
        {
            "project": project,
            "tab": "reports",
            "deadlines": deadlines,
            "terms": terms,
            "submitted_form": SubmittedForm(),
            "may_change": can_change(request.user, project),
        },
    )


def _deadline_page(request: HttpRequest, project: Project, deadline: ReportDeadline | None):
    form = DeadlineForm(
        request.POST or None,
        instance=deadline or ReportDeadline(project=project),
        final_allowed=_final_allowed(project),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if deadline is None:
                reporting.add_report_deadline(
                    actor=request.user,
                    project=project,
                    kind=data["kind"],
                    due_on=data["due_on"],
                    basis=data["basis"],
                )
                messages.success(
                    request,
                    _("The deadline has been added; the project manager has a task for it."),
                )
            else:
                reporting.update_report_deadline(
                    actor=request.user,
                    deadline=deadline,
                    due_on=data["due_on"],
                    basis=data["basis"],
                )
                messages.success(request, _("The deadline has been saved."))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(_reports_url(project))
    return render(
        request,
        "projects/timeline_form.html",
        {
            "project": project,
            "tab": "reports",
            "form": form,
            "title": _("Edit the report deadline") if deadline else _("New report deadline"),
            "cancel_url": _reports_url(project),
        },
    )


@login_required
def deadline_create(request: HttpRequest, pk: int) -> HttpResponse:
    return _deadline_page(request, project_or_404(request, pk, change=True), None)


@login_required
def deadline_edit(request: HttpRequest, pk: int, deadline_pk: int) -> HttpResponse:
    project = project_or_404(request, pk, change=True)
    deadline = _deadline_or_404(project, deadline_pk)
    if reporting.is_computed(deadline):
        messages.error(
            request,
            _("The call's terms set this deadline; change the terms or the project's end."),
        )
        return redirect(_reports_url(project))
    return _deadline_page(request, project, deadline)


@login_required
@require_POST
def deadline_submitted(request: HttpRequest, pk: int, deadline_pk: int) -> HttpResponse:
    project = project_or_404(request, pk, change=True)
    deadline = _deadline_or_404(project, deadline_pk)
    form = SubmittedForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the day the report was submitted."))
        return redirect(_reports_url(project))
    try:
        reporting.mark_report_submitted(
            actor=request.user, deadline=deadline, submitted_on=form.cleaned_data["submitted_on"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The report is marked submitted and its task is done."))
    return redirect(_reports_url(project))


@login_required
@require_POST
def deadline_delete(request: HttpRequest, pk: int, deadline_pk: int) -> HttpResponse:
    project = project_or_404(request, pk, change=True)
    deadline = _deadline_or_404(project, deadline_pk)
    try:
        reporting.remove_report_deadline(actor=request.user, deadline=deadline)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The deadline has been removed and its task cancelled."))
    return redirect(_reports_url(project))


def _download(content: bytes, *, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@login_required
def report_draft_docx(request: HttpRequest, pk: int) -> HttpResponse:
    project = project_or_404(request, pk)
    # The funder reads Lithuanian, whatever language the page is in.
    with translation.override(settings.LANGUAGE_CODE):
        draft = reporting.report_draft(project)
        content = reporting.report_docx(draft)
        filename = reporting.report_file_name(draft, "docx")
    return _download(content, content_type=DOCX_TYPE, filename=filename)


@login_required
def report_draft_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    project = project_or_404(request, pk)
    with translation.override(settings.LANGUAGE_CODE):
        draft = reporting.report_draft(project)
        content = reporting.report_pdf(draft)
        filename = reporting.report_file_name(draft, "pdf")
    return _download(content, content_type="application/pdf", filename=filename)
