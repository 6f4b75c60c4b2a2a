"""Screens of consultations: the register, a request, scheduling, the record, the report."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sklaida.consultations import selectors, services
from sklaida.consultations.forms import (
    FilterForm,
    RecordForm,
    ReportForm,
    RequestForm,
    ScheduleForm,
)
from sklaida.consultations.models import Consultation
from sklaida.consultations.selectors import ConsultationFilter
from sklaida.core.permissions import Capability, Role, has_capability, roles_of
from sklaida.core.spreadsheets import as_xlsx
from sklaida.core.views import discussion_context, paginated

PER_PAGE = 50


def _may_use(request: HttpRequest) -> None:
    if not (
        has_capability(request.user, Capability.READ_DEPARTMENT)
        or has_capability(request.user, Capability.WORK_FOR_OWN_LIBRARY)
    ):
        raise PermissionDenied


def _staff_only(request: HttpRequest) -> None:
    if not has_capability(request.user, Capability.WORK_IN_DEPARTMENT):
        raise PermissionDenied


def _consultation_or_404(request: HttpRequest, pk: int) -> Consultation:
    try:
        return selectors.consultation_for(user=request.user, pk=pk)
    except Consultation.DoesNotExist as missing:
        raise Http404 from missing


def consultation_list(request: HttpRequest) -> HttpResponse:
    _may_use(request)
    form = FilterForm(request.GET or None, user=request.user)
    data = form.cleaned_data if form.is_valid() else {}
    criteria = ConsultationFilter(
        q=data.get("q") or "",
        library=data["library"].pk if data.get("library") else None,
        **{name: data.get(name) or "" for name in ("topic", "form", "status")},
        date_from=data.get("date_from"),
        date_to=data.get("date_to"),
    )
    consultations = selectors.consultation_list(user=request.user, criteria=criteria)
    return render(
        request,
        "consultations/list.html",
        {"form": form, **paginated(request, consultations, per_page=PER_PAGE)},
    )


def consultation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _may_use(request)
    consultation = _consultation_or_404(request, pk)
    is_staff = has_capability(request.user, Capability.WORK_IN_DEPARTMENT)
    open_for_work = consultation.status in {
        Consultation.Status.REQUESTED,
        Consultation.Status.SCHEDULED,
    }
    return render(
        request,
        "consultations/detail.html",
        {
            "consultation": consultation,
            "may_schedule": is_staff and consultation.status == Consultation.Status.REQUESTED,
            "may_record": is_staff and open_for_work,
            "may_cancel": open_for_work and services.may_cancel(request.user, consultation),
            "schedule_form": ScheduleForm(
                initial={
                    "date": consultation.preferred_date,
                    "form": consultation.form,
                    "consultants": [request.user],
                }
            ),
            **discussion_context(request, consultation),
        },
    )


def consultation_request(request: HttpRequest) -> HttpResponse:
    is_territory = Role.TERRITORY in roles_of(request.user)
    if not is_territory:
        _staff_only(request)
    form = RequestForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        library = request.user.library if is_territory else data.pop("library")
        data.pop("library", None)
        consultation = services.request_consultation(actor=request.user, library=library, **data)
        messages.success(
            request, _("The request has been sent; the department will reply with a date.")
        )
        return redirect(consultation)
    return render(
        request,
        "consultations/form.html",
        {"form": form, "title": _("Request a consultation")},
    )


def consultation_record(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Record a consultation that was given: a new one, or a requested one."""
    _staff_only(request)
    consultation = _consultation_or_404(request, pk) if pk else Consultation()
    initial = {"date": timezone.localdate(), "consultants": [request.user]}
    form = RecordForm(request.POST or None, instance=consultation, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            consultation = services.record_consultation(
                actor=request.user,
                consultation=form.save(commit=False),
                date=data["date"],
                duration_hours=data["duration_hours"],
                advice=data["advice"],
                consultants=list(data["consultants"]),
                persons=list(data["persons"]),
                follow_up=data["follow_up"],
                follow_up_due=data["follow_up_due"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The consultation has been recorded."))
            return redirect(consultation)
    return render(
        request,
        "consultations/form.html",
        {
            "form": form,
            "title": _("Record the consultation") if pk else _("Record a consultation"),
            "consultation": consultation if pk else None,
        },
    )


@require_POST
def consultation_schedule(request: HttpRequest, pk: int) -> HttpResponse:
    _staff_only(request)
    consultation = _consultation_or_404(request, pk)
    form = ScheduleForm(request.POST)
    if form.is_valid():
        try:
            services.schedule_consultation(
                actor=request.user,
                consultation=consultation,
                date=form.cleaned_data["date"],
                consultants=list(form.cleaned_data["consultants"]),
                form=form.cleaned_data["form"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The consultation has been scheduled."))
    else:
        messages.error(request, _("Not scheduled: choose the date and the consultants."))
    return redirect(consultation)


@require_POST
def consultation_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    _may_use(request)
    consultation = _consultation_or_404(request, pk)
    try:
        services.cancel_consultation(actor=request.user, consultation=consultation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The consultation has been cancelled."))
    return redirect(consultation)


def consultation_report(request: HttpRequest) -> HttpResponse:
    if not has_capability(request.user, Capability.READ_REPORTS):
        raise PermissionDenied
    today = timezone.localdate()
    defaults = {
        "date_from": datetime.date(today.year, 1, 1),
        "date_to": datetime.date(today.year, 12, 31),
        "group_by": "library",
    }
    form = ReportForm({**defaults, **request.GET.dict()})
    rows, total, group_label = [], None, ""
    if form.is_valid():
        group_label = dict(form.fields["group_by"].choices)[form.cleaned_data["group_by"]]
        rows, total = selectors.methodical_help(**form.cleaned_data)
        if request.GET.get("format") == "xlsx":
            return _report_xlsx(form, rows, total)
    return render(
        request,
        "consultations/report.html",
        {
            "form": form,
            "rows": rows,
            "total": total,
            "group_label": group_label,
            "query": request.GET.urlencode(),
        },
    )


def _report_xlsx(form: ReportForm, rows, total) -> HttpResponse:
    group_label = dict(form.fields["group_by"].choices)[form.cleaned_data["group_by"]]
    table = [
        [str(group_label), _("Consultations"), _("Hours")],
        *([row.label, row.consultations, float(row.hours)] for row in rows),
        [_("Total"), total.consultations, float(total.hours)],
    ]
    content = as_xlsx(table, title=_("Methodical help"))
    response = HttpResponse(
        content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    period = f"{form.cleaned_data['date_from']:%Y-%m-%d}_{form.cleaned_data['date_to']:%Y-%m-%d}"
    response["Content-Disposition"] = f'attachment; filename="metodine-pagalba-{period}.xlsx"'
    return response
