"""Screens of the annual procurement plan: the years, a year's lines with their totals, the
lines' form, the summary to publish by 15 March (XLSX) and the thresholds in force."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_POST

from sklaida.core import spreadsheets
from sklaida.core.models import Library
from sklaida.core.permissions import department_read_required, department_work_required
from sklaida.procurement import selectors, services, thresholds
from sklaida.procurement.forms import PlanForm, PlanLineForm, PublishedForm
from sklaida.procurement.models import PlanLine, ProcurementPlan

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _plan_or_404(year: int) -> ProcurementPlan:
    return get_object_or_404(ProcurementPlan, year=year)


@department_read_required
def plan_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "procurement/plan_list.html",
        {"plans": selectors.plans_with_totals(), "may_work": services.may_work(request.user)},
    )


def _save_plan(request: HttpRequest, plan: ProcurementPlan, *, title: str) -> HttpResponse:
    form = PlanForm(request.POST or None, instance=plan)
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.save_plan(actor=request.user, plan=form.save(commit=False))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The plan has been saved."))
            return redirect(plan)
    return render(
        request, "procurement/plan_form.html", {"form": form, "title": title, "plan": plan}
    )


@department_work_required
def plan_create(request: HttpRequest) -> HttpResponse:
    return _save_plan(
        request,
        ProcurementPlan(year=timezone.localdate().year + 1),
        title=_("New procurement plan"),
    )


@department_work_required
def plan_edit(request: HttpRequest, year: int) -> HttpResponse:
    return _save_plan(request, _plan_or_404(year), title=_("Change the plan"))


@department_read_required
def plan_detail(request: HttpRequest, year: int) -> HttpResponse:
    plan = _plan_or_404(year)
    lines = selectors.plan_lines(plan)
    totals, total = selectors.plan_totals(lines)
    deadline = selectors.summary_deadline(plan.year)
    return render(
        request,
        "procurement/plan_detail.html",
        {
            "plan": plan,
            "lines": lines,
            "totals": totals,
            "total": total,
            "deadline": deadline,
            "late": plan.summary_published_on is None and timezone.localdate() > deadline,
            "may_work": services.may_work(request.user),
            "published_form": PublishedForm(initial={"published_on": timezone.localdate()}),
        },
    )


def _save_line(request: HttpRequest, plan: ProcurementPlan, line: PlanLine, *, title: str):
    form = PlanLineForm(request.POST or None, instance=line)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.plan = plan
        try:
            services.save_plan_line(actor=request.user, line=saved)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The plan line has been saved."))
            return redirect(plan)
    return render(
        request,
        "procurement/plan_line_form.html",
        {"form": form, "plan": plan, "line": line, "title": title},
    )


@department_work_required
def plan_line_create(request: HttpRequest, year: int) -> HttpResponse:
    plan = _plan_or_404(year)
    return _save_line(request, plan, PlanLine(plan=plan), title=_("New plan line"))


@department_work_required
def plan_line_edit(request: HttpRequest, year: int, pk: int) -> HttpResponse:
    plan = _plan_or_404(year)
    line = get_object_or_404(PlanLine, plan=plan, pk=pk)
    return _save_line(request, plan, line, title=_("Change the plan line"))


@require_POST
@department_work_required
def plan_line_delete(request: HttpRequest, year: int, pk: int) -> HttpResponse:
    plan = _plan_or_404(year)
    line = get_object_or_404(PlanLine, plan=plan, pk=pk)
    services.delete_plan_line(actor=request.user, line=line)
    messages.success(
        request, _("The line “%(subject)s” has been removed.") % {"subject": line.subject}
    )
    return redirect(plan)


@require_POST
@department_work_required
def plan_published(request: HttpRequest, year: int) -> HttpResponse:
    plan = _plan_or_404(year)
    form = PublishedForm(request.POST)
    if form.is_valid():
        try:
            services.mark_summary_published(
                actor=request.user, plan=plan, on=form.cleaned_data["published_on"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The day the summary was published has been noted."))
    else:
        messages.error(request, _("Give the day the summary was published."))
    return redirect(plan)


def summary_rows(plan: ProcurementPlan, lines: list[PlanLine]) -> list[list]:
    """The summary the law asks to publish in CVP IS by 15 March, as spreadsheet rows, in
    Lithuanian whatever the staff member's language: it is published as it is."""
    library = Library.objects.filter(kind=Library.Kind.COUNTY).first()
    totals, total = selectors.plan_totals(lines)
    with translation.override("lt"):
        rows: list[list] = [
            [library.name if library else ""],
            [_("Summary of the procurements planned in %(year)s") % {"year": plan.year}],
            [],
            [
                pgettext("procurement summary", "No."),
                pgettext("purchase", "Subject"),
                _("CPV code"),
                pgettext("purchase", "Kind"),
                _("Estimated value excl. VAT, EUR"),
                _("Planned start (quarter)"),
                _("Procedure"),
            ],
        ]
        for number, line in enumerate(lines, start=1):
            rows.append(
                [
                    str(number),
                    line.subject,
                    line.cpv_code,
                    str(line.get_kind_display()),
                    line.estimated_value,
                    str(line.get_quarter_display()),
                    str(line.get_procedure_display()) if line.procedure else "",
                ]
            )
        rows.append([])
        for kind_total in totals:
            rows.append(
                ["", _("Total: %(kind)s") % {"kind": kind_total.label}, "", "", kind_total.value]
            )
        rows.append(["", _("Total"), "", "", total])
    return rows


@department_read_required
def plan_summary(request: HttpRequest, year: int) -> HttpResponse:
    plan = _plan_or_404(year)
    rows = summary_rows(plan, selectors.plan_lines(plan))
    response = HttpResponse(
        spreadsheets.as_xlsx(rows, title=f"Suvestinė {plan.year}"), content_type=XLSX
    )
    response["Content-Disposition"] = (
        f'attachment; filename="pirkimu-plano-suvestine-{plan.year}.xlsx"'
    )
    return response


@department_read_required
def threshold_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    in_force = thresholds.in_force(on=today)
    return render(
        request,
        "procurement/threshold_list.html",
        {
            "rows": selectors.thresholds_by_date(),
            "in_force_pks": {row.pk for row in in_force.values()},
            "today": today,
        },
    )
