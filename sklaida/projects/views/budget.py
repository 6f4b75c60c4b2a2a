"""A project's budget page (lines planned against spent, the call's rules checked), the
forms of its lines and expenses, and the download of an expense's evidence.

Who reads a project reads its budget: the department, and a territory specialist her
library's projects (5.4); the head and the specialists change it."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sklaida.core.files import clean_filename
from sklaida.projects import budget as services
from sklaida.projects import rules
from sklaida.projects.forms_budget import BudgetLineForm, ExpenseForm
from sklaida.projects.models import BudgetLine, Expense, Project
from sklaida.projects.views.projects import project_or_404


def _project_or_404(request: HttpRequest, pk: int, *, for_work: bool = False) -> Project:
    project = project_or_404(request, pk, for_work=for_work)
    if project.call is not None:
        # The rule check reads the call's cost caps: one query, however many there are.
        prefetch_related_objects([project.call], "cost_caps")
    return project


def _changeable_project(request: HttpRequest, pk: int) -> Project:
    return _project_or_404(request, pk, for_work=True)


def _line_or_404(project: Project, line_pk: int) -> BudgetLine:
    line = project.budget_lines.filter(pk=line_pk).first()
    if line is None:
        raise Http404
    line.project = project
    return line


def _expense_or_404(project: Project, expense_pk: int) -> Expense:
    expense = (
        Expense.objects.select_related("line").filter(pk=expense_pk, line__project=project).first()
    )
    if expense is None:
        raise Http404
    expense.line.project = project
    return expense


def _budget_url(project: Project, anchor: str = "") -> str:
    return reverse("projects:budget", args=[project.pk]) + (f"#{anchor}" if anchor else "")


def budget(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project_or_404(request, pk)
    summary = services.budget_summary(project)
    lines = summary.budget_lines
    draft_breaches = rules.check_budget(project.call, lines) if project.call else []
    actual_breaches = rules.check_actuals(project, lines=lines) if summary.spent else []
    return render(
        request,
        "projects/budget.html",
        {
            "project": project,
            "tab": "budget",
            "summary": summary,
            "draft_breaches": draft_breaches,
            "actual_breaches": actual_breaches,
            "costs_are_in": rules.costs_are_in(project),
            "may_change": services.may_change_budget(request.user),
        },
    )


def _line_form_page(request: HttpRequest, project: Project, line: BudgetLine | None):
    form = BudgetLineForm(request.POST or None, instance=line or BudgetLine(project=project))
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in services.LINE_FIELDS}
        try:
            if line is None:
                saved = services.add_line(actor=request.user, project=project, **fields)
                messages.success(request, _("The budget line has been added."))
            else:
                saved = services.change_line(
                    actor=request.user, line=BudgetLine.objects.get(pk=line.pk), **fields
                )
                messages.success(request, _("The budget line has been saved."))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(_budget_url(project, f"line-{saved.pk}"))
    return render(
        request,
        "projects/budget_line_form.html",
        {
            "project": project,
            "tab": "budget",
            "form": form,
            "line": line,
            "title": _("Edit the budget line") if line else _("New budget line"),
        },
    )


def line_create(request: HttpRequest, pk: int) -> HttpResponse:
    return _line_form_page(request, _changeable_project(request, pk), None)


def line_edit(request: HttpRequest, pk: int, line_pk: int) -> HttpResponse:
    project = _changeable_project(request, pk)
    return _line_form_page(request, project, _line_or_404(project, line_pk))


@require_POST
def line_delete(request: HttpRequest, pk: int, line_pk: int) -> HttpResponse:
    project = _changeable_project(request, pk)
    line = _line_or_404(project, line_pk)
    try:
        services.remove_line(actor=request.user, line=line)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(_budget_url(project, f"line-{line.pk}"))
    messages.success(request, _("“%(line)s” has been removed.") % {"line": line.title})
    return redirect(_budget_url(project, "lines"))


def _expense_form_page(request: HttpRequest, project: Project, expense: Expense | None):
    if expense is None and not project.budget_lines.exists():
        messages.error(request, _("Add a budget line first: an expense is recorded against one."))
        return redirect(_budget_url(project))
    initial = {}
    if expense is None and request.GET.get("line", "").isdigit():
        initial["line"] = int(request.GET["line"])
    form = ExpenseForm(
        request.POST or None,
        request.FILES or None,
        instance=expense,
        initial=initial,
        project=project,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = {name: data[name] for name in services.EXPENSE_FIELDS}
        try:
            if expense is None:
                saved = services.record_expense(
                    actor=request.user, line=data["line"], evidence=data["evidence"], **fields
                )
                messages.success(request, _("The expense has been recorded."))
            else:
                saved = services.change_expense(
                    actor=request.user,
                    expense=Expense.objects.select_related("line__project").get(pk=expense.pk),
                    line=data["line"],
                    evidence=data["evidence"],
                    remove_evidence=data.get("remove_evidence", False),
                    **fields,
                )
                messages.success(request, _("The expense has been saved."))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(_budget_url(project, f"expense-{saved.pk}"))
    return render(
        request,
        "projects/expense_form.html",
        {
            "project": project,
            "tab": "budget",
            "form": form,
            "expense": expense,
            "title": _("Edit the expense") if expense else _("New expense"),
        },
    )


def expense_create(request: HttpRequest, pk: int) -> HttpResponse:
    return _expense_form_page(request, _changeable_project(request, pk), None)


def expense_edit(request: HttpRequest, pk: int, expense_pk: int) -> HttpResponse:
    project = _changeable_project(request, pk)
    return _expense_form_page(request, project, _expense_or_404(project, expense_pk))


@require_POST
def expense_delete(request: HttpRequest, pk: int, expense_pk: int) -> HttpResponse:
    project = _changeable_project(request, pk)
    expense = _expense_or_404(project, expense_pk)
    services.remove_expense(actor=request.user, expense=expense)
    messages.success(
        request,
        _("The expense of invoice %(number)s has been removed.")
        % {"number": expense.invoice_number},
    )
    return redirect(_budget_url(project, "lines"))


def expense_evidence(request: HttpRequest, pk: int, expense_pk: int) -> FileResponse:
    """The invoice or other evidence of an expense, for whoever reads the project."""
    project = _project_or_404(request, pk)
    expense = _expense_or_404(project, expense_pk)
    if not expense.evidence:
        raise Http404
    return FileResponse(
        expense.evidence.open("rb"),
        as_attachment=True,
        # Cleaned again: the name is offered to the reader's computer.
        filename=clean_filename(expense.evidence_name or expense.evidence.name),
    )
