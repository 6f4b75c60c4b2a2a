"""Cultural activity plans (2.2): the plans, a plan by quarters, its lines, approval, downloads."""

from __future__ import annotations

import io

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sklaida.contacts.models import Organisation
from sklaida.core import registry
from sklaida.core.forms import DateInput
from sklaida.core.permissions import Capability, has_capability
from sklaida.core.selectors import assignable_users
from sklaida.core.spreadsheets import append_row
from sklaida.core.views import discussion_context
from sklaida.events.models import ActivityPlan, Audience, PlannedActivity
from sklaida.events.selectors import plans as selectors
from sklaida.events.services import plans as services
from sklaida.events.views.common import staff_only

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class PlanForm(forms.ModelForm):
    class Meta:
        model = ActivityPlan
        fields = ["year", "title", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}


class PlannedActivityForm(forms.ModelForm):
    """A line of the plan; the audiences and partners are saved by the service."""

    audiences = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Audiences"),
        queryset=Audience.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    partners = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Partners"), queryset=Organisation.objects.none(), required=False
    )

    class Meta:
        model = PlannedActivity
        fields = [
            "title",
            "event_type",
            "audiences",
            "starts_on",
            "ends_on",
            "planned_count",
            "responsible",
            "partners",
            "budget",
            "funding_source",
            "description",
        ]
        # "450,50": the budget is typed as Lithuanians write numbers.
        localized_fields = ["budget"]
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = assignable_users()
        self.fields["partners"].queryset = Organisation.objects.order_by("name")
        self.fields["planned_count"].min_value = 1
        self.fields["planned_count"].widget.attrs["min"] = 1
        if self.instance.pk:
            self.initial["audiences"] = list(self.instance.audiences.all())
            self.initial["partners"] = list(self.instance.partners.all())

    def clean(self) -> dict:
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The planned period must end after it starts."))
        if data.get("planned_count") == 0:
            self.add_error("planned_count", _("Plan at least one event."))
        return data


def _may_read(request: HttpRequest) -> None:
    if not has_capability(request.user, Capability.READ_DEPARTMENT):
        raise PermissionDenied


def _plan_or_404(pk: int) -> ActivityPlan:
    try:
        return ActivityPlan.objects.get(pk=pk)
    except ActivityPlan.DoesNotExist as missing:
        raise Http404 from missing


def _overview_or_404(pk: int) -> selectors.PlanOverview:
    try:
        return selectors.plan_overview(plan_id=pk)
    except ActivityPlan.DoesNotExist as missing:
        raise Http404 from missing


def _activity_or_404(pk: int) -> PlannedActivity:
    try:
        return selectors.planned_activity_for(pk=pk)
    except PlannedActivity.DoesNotExist as missing:
        raise Http404 from missing


def plan_list(request: HttpRequest) -> HttpResponse:
    _may_read(request)
    return render(
        request,
        "events/plans/plan_list.html",
        {"plans": selectors.plan_list(), "may_edit": services.may_edit_plans(request.user)},
    )


def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _may_read(request)
    overview = _overview_or_404(pk)
    plan = overview.plan
    return render(
        request,
        "events/plans/plan_detail.html",
        {
            "overview": overview,
            "plan": plan,
            "may_edit": services.may_edit_plans(request.user),
            "may_approve": services.may_approve_plans(request.user)
            and ActivityPlan.Status.APPROVED in services.TRANSITIONS[plan.status],
            "panels": registry.panels_for(request, plan),
            **discussion_context(request, plan),
        },
    )


def plan_create(request: HttpRequest) -> HttpResponse:
    staff_only(request)
    year = timezone.localdate().year + 1
    form = PlanForm(
        request.POST or None,
        instance=ActivityPlan(),
        initial={"year": year, "title": _("%(year)s cultural activity plan") % {"year": year}},
    )
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.save_plan(actor=request.user, plan=form.save(commit=False))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The plan has been created; add its activities."))
            return redirect(plan)
    return render(
        request,
        "events/plans/plan_form.html",
        {"form": form, "title": _("New cultural activity plan")},
    )


def plan_update(request: HttpRequest, pk: int) -> HttpResponse:
    staff_only(request)
    plan = _plan_or_404(pk)
    form = PlanForm(request.POST or None, instance=plan)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_plan(actor=request.user, plan=form.save(commit=False))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The plan has been saved."))
            return redirect(plan)
    return render(
        request,
        "events/plans/plan_form.html",
        {"form": form, "title": _("Edit the plan"), "plan": plan},
    )


@require_POST
def plan_approve(request: HttpRequest, pk: int) -> HttpResponse:
    if not services.may_approve_plans(request.user):
        raise PermissionDenied
    plan = _plan_or_404(pk)
    try:
        plan = services.approve_plan(actor=request.user, plan=plan)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The plan was approved on %(date)s")
            % {"date": formats.date_format(plan.approved_on, "DATE_FORMAT")},
        )
    return redirect(plan)


def _save_activity(request: HttpRequest, form: PlannedActivityForm) -> PlannedActivity | None:
    try:
        return services.save_planned_activity(
            actor=request.user,
            activity=form.save(commit=False),
            audiences=form.cleaned_data["audiences"],
            partners=form.cleaned_data["partners"],
        )
    except ValidationError as error:
        form.add_error(None, error)
        return None


def planned_activity_create(request: HttpRequest, pk: int) -> HttpResponse:
    staff_only(request)
    plan = _plan_or_404(pk)
    form = PlannedActivityForm(
        request.POST or None,
        instance=PlannedActivity(plan=plan),
        initial={"responsible": request.user, "planned_count": 1},
    )
    if request.method == "POST" and form.is_valid():
        activity = _save_activity(request, form)
        if activity is not None:
            messages.success(request, _("The activity has been added to the plan."))
            return redirect(activity)
    return render(
        request,
        "events/plans/activity_form.html",
        {"form": form, "plan": plan, "title": _("New planned activity")},
    )


def planned_activity_update(request: HttpRequest, pk: int) -> HttpResponse:
    staff_only(request)
    activity = _activity_or_404(pk)
    form = PlannedActivityForm(request.POST or None, instance=activity)
    if request.method == "POST" and form.is_valid() and _save_activity(request, form):
        messages.success(request, _("The planned activity has been saved."))
        return redirect(activity)
    return render(
        request,
        "events/plans/activity_form.html",
        {
            "form": form,
            "plan": activity.plan,
            "activity": activity,
            "title": _("Edit the planned activity"),
        },
    )


@require_POST
def planned_activity_drop(request: HttpRequest, pk: int) -> HttpResponse:
    staff_only(request)
    activity = _activity_or_404(pk)
    try:
        services.drop_planned_activity(actor=request.user, activity=activity)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("“%(title)s” has been dropped from the plan.") % {"title": activity.title},
        )
    return redirect(activity)


# Downloads: the plan as the Library publishes it, always in Lithuanian.


def _download(content: bytes, *, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def _file_name(plan: ActivityPlan, extension: str) -> str:
    return f"{plan.year} m. kultūrinės veiklos planas.{extension}"


def _period(activity: PlannedActivity) -> str:
    return "{} – {}".format(
        formats.date_format(activity.starts_on, "MONTH_DAY_FORMAT"),
        formats.date_format(activity.ends_on, "MONTH_DAY_FORMAT"),
    )


def _note(row: selectors.ActivityProgress) -> str:
    if row.is_dropped:
        return _("Dropped from the plan")
    if row.is_overdue:
        return _("Overdue")
    return ""


PLAN_COLUMNS = (
    (gettext_lazy("No."), 6),
    (gettext_lazy("Activity"), 42),
    (gettext_lazy("Type"), 18),
    (gettext_lazy("Audiences"), 22),
    (gettext_lazy("Period"), 24),
    (gettext_lazy("Responsible"), 20),
    (gettext_lazy("Partners"), 26),
    (gettext_lazy("Budget, EUR"), 12),
    (gettext_lazy("Funding source"), 18),
    (gettext_lazy("Planned events"), 10),
    (gettext_lazy("Held"), 8),
    (gettext_lazy("Completion, %"), 11),
    (gettext_lazy("Note"), 18),
)


def plan_workbook(overview: selectors.PlanOverview) -> bytes:
    """The plan as an XLSX sheet: a title, then each quarter under its heading, then totals."""
    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    plan = overview.plan
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = str(plan.year)
    bold = Font(bold=True)
    heading_fill = PatternFill("solid", fgColor="DDE5F0")
    wrap = Alignment(wrap_text=True, vertical="top")
    append_row(sheet, [plan.title])
    sheet["A1"].font = Font(bold=True, size=14)
    if plan.approved_on:
        append_row(sheet, [_("Approved on %(date)s") % {"date": _date(plan.approved_on)}])
    else:
        append_row(sheet, [_("Draft, not yet approved")])
    append_row(sheet, [])
    append_row(sheet, [str(label) for label, _width in PLAN_COLUMNS])
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font, cell.alignment = bold, wrap
    for index, (_label, width) in enumerate(PLAN_COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    number = 0
    for quarter in overview.quarters:
        append_row(sheet, [quarter.name])
        sheet.merge_cells(
            start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=13
        )
        sheet.cell(row=sheet.max_row, column=1).font = bold
        sheet.cell(row=sheet.max_row, column=1).fill = heading_fill
        for row in quarter.activities:
            number += 1
            activity = row.activity
            append_row(
                sheet,
                [
                    number,
                    activity.title,
                    activity.get_event_type_display(),
                    ", ".join(str(audience) for audience in activity.audiences.all()),
                    _period(activity),
                    str(activity.responsible),
                    ", ".join(partner.name for partner in activity.partners.all()),
                    activity.budget,
                    activity.funding_source,
                    row.planned,
                    row.held,
                    row.completion,
                    _note(row),
                ],
            )
            for cell in sheet[sheet.max_row]:
                cell.alignment = wrap
            sheet.cell(row=sheet.max_row, column=8).number_format = "#,##0.00"
        _totals_row(sheet, _("Total for the quarter"), quarter.totals, bold)
    append_row(sheet, [])
    _totals_row(sheet, _("Total for the year"), overview.totals, bold)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.print_title_rows = f"{header_row}:{header_row}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _totals_row(sheet, label: str, totals: selectors.Totals, font) -> None:
    append_row(
        sheet,
        ["", label, "", "", "", "", "", totals.budget, "", totals.planned, totals.held]
        + [totals.completion, ""],
    )
    for cell in sheet[sheet.max_row]:
        cell.font = font
    sheet.cell(row=sheet.max_row, column=8).number_format = "#,##0.00"


def _date(day) -> str:
    return formats.date_format(day, "DATE_FORMAT")


def plan_document_html(overview: selectors.PlanOverview) -> str:
    """The HTML the PDF is printed from: A4 landscape, quarters as sections, page numbers."""
    return render_to_string(
        "events/plans/plan_pdf.html",
        {"overview": overview, "plan": overview.plan, "printed_on": timezone.localdate()},
    )


def plan_pdf_bytes(overview: selectors.PlanOverview) -> bytes:
    from weasyprint import HTML

    return HTML(string=plan_document_html(overview)).write_pdf()


def plan_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    _may_read(request)
    overview = _overview_or_404(pk)
    with translation.override(settings.LANGUAGE_CODE):
        content = plan_workbook(overview)
    return _download(content, content_type=XLSX_TYPE, filename=_file_name(overview.plan, "xlsx"))


def plan_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    _may_read(request)
    overview = _overview_or_404(pk)
    with translation.override(settings.LANGUAGE_CODE):
        content = plan_pdf_bytes(overview)
    return _download(
        content, content_type="application/pdf", filename=_file_name(overview.plan, "pdf")
    )
