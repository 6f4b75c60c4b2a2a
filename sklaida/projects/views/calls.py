"""Screens of funders and their calls, whose rules the budgets are checked against."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from sklaida.core.permissions import Capability, has_capability
from sklaida.projects import selectors, services
from sklaida.projects.forms import CallForm, CostCapFormSet, FunderForm
from sklaida.projects.models import Funder, FundingCall

# Past calls shown under the open ones; older ones stay reachable from their funder.
PAST_CALLS_SHOWN = 30


def _may_read(request: HttpRequest) -> None:
    if not has_capability(request.user, Capability.READ_DEPARTMENT):
        raise PermissionDenied


def _may_work(request: HttpRequest) -> None:
    if not services.may_work(request.user):
        raise PermissionDenied


def call_list(request: HttpRequest) -> HttpResponse:
    _may_read(request)
    query = request.GET.get("q", "").strip()[:100]
    return render(
        request,
        "projects/call_list.html",
        {
            "query": query,
            "open_calls": selectors.open_calls(query),
            "past_calls": selectors.past_calls(query)[:PAST_CALLS_SHOWN],
            "may_work": services.may_work(request.user),
        },
    )


def call_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _may_read(request)
    call = get_object_or_404(FundingCall.objects.select_related("funder"), pk=pk)
    return render(
        request,
        "projects/call_detail.html",
        {
            "call": call,
            "caps": call.cost_caps.all(),
            "projects": call.projects.select_related("manager").order_by("-created_at"),
            "may_work": services.may_work(request.user),
        },
    )


def _save_call(request: HttpRequest, call: FundingCall, *, title: str) -> HttpResponse:
    form = CallForm(request.POST or None, instance=call)
    caps = CostCapFormSet(request.POST or None, instance=call, prefix="caps")
    if request.method == "POST" and form.is_valid() and caps.is_valid():
        saved = form.save(commit=False)
        try:
            services.save_call(
                actor=request.user,
                call=saved,
                caps=caps.save(commit=False),
                deleted_caps=caps.deleted_objects,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The call has been saved."))
            return redirect(saved)
    return render(
        request,
        "projects/call_form.html",
        {"form": form, "caps": caps, "title": title, "call": call if call.pk else None},
    )


def call_create(request: HttpRequest) -> HttpResponse:
    _may_work(request)
    call = FundingCall()
    if request.GET.get("finansuotojas", "").isdigit():
        call.funder_id = int(request.GET["finansuotojas"])
    return _save_call(request, call, title=_("New funding call"))


def call_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _may_work(request)
    return _save_call(request, get_object_or_404(FundingCall, pk=pk), title=_("Edit the call"))


def funder_list(request: HttpRequest) -> HttpResponse:
    _may_read(request)
    return render(
        request,
        "projects/funder_list.html",
        {"funders": selectors.funders_with_counts(), "may_work": services.may_work(request.user)},
    )


def funder_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _may_read(request)
    funder = get_object_or_404(Funder.objects.select_related("organisation"), pk=pk)
    return render(
        request,
        "projects/funder_detail.html",
        {
            "funder": funder,
            "calls": funder.calls.order_by("-deadline"),
            "projects": funder.projects.select_related("manager").order_by("-created_at"),
            "may_work": services.may_work(request.user),
        },
    )


def _save_funder(request: HttpRequest, funder: Funder, *, title: str) -> HttpResponse:
    form = FunderForm(request.POST or None, instance=funder)
    if request.method == "POST" and form.is_valid():
        services.save_funder(actor=request.user, funder=form.save(commit=False))
        messages.success(request, _("The funder has been saved."))
        return redirect(form.instance)
    return render(
        request,
        "projects/funder_form.html",
        {"form": form, "title": title, "funder": funder if funder.pk else None},
    )


def funder_create(request: HttpRequest) -> HttpResponse:
    _may_work(request)
    return _save_funder(request, Funder(), title=_("New funder"))


def funder_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _may_work(request)
    return _save_funder(request, get_object_or_404(Funder, pk=pk), title=_("Edit the funder"))
