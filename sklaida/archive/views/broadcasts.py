"""Screens of live broadcasts: the register, a broadcast, recording and removing one (3.1)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sklaida.archive.forms_broadcasts import BroadcastFilterForm, BroadcastForm
from sklaida.archive.models import Broadcast
from sklaida.archive.selectors import broadcasts as selectors
from sklaida.archive.services import broadcasts as services
from sklaida.core.permissions import (
    department_read_required,
    department_work_required,
)
from sklaida.core.views import paginated
from sklaida.events.models import Event
from sklaida.events.services.events import may_edit_events_of

PER_PAGE = 50


def _broadcast_or_404(pk: int) -> Broadcast:
    try:
        return selectors.broadcast_detail(pk=pk)
    except Broadcast.DoesNotExist as missing:
        raise Http404 from missing


def _tell_about_split_attendance(request: HttpRequest, event: Event) -> None:
    """Viewers of an event counted by audience group are the staff's to divide."""
    if services.attendance_is_split(event):
        messages.warning(
            request,
            format_html(
                '{} <a href="{}">{}</a>',
                _(
                    "The participants of “%(event)s” are counted by audience group, so the "
                    "stream's viewers were not added to them: enter the live stream viewers "
                    "by audience group on the participants page."
                )
                % {"event": event.title},
                reverse("events:attendance", args=[event.pk]),
                _("Enter the participants"),
            ),
        )


@department_read_required
def broadcast_list(request: HttpRequest) -> HttpResponse:
    form = BroadcastFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    criteria = selectors.BroadcastFilter(
        q=data.get("q") or "", platform=data.get("platform") or "", year=data.get("year")
    )
    return render(
        request,
        "archive/broadcasts/list.html",
        {
            "form": form,
            "totals": selectors.broadcast_totals(criteria=criteria),
            **paginated(request, selectors.broadcast_list(criteria=criteria), per_page=PER_PAGE),
        },
    )


@department_read_required
def broadcast_detail(request: HttpRequest, pk: int) -> HttpResponse:
    broadcast = _broadcast_or_404(pk)
    return render(
        request,
        "archive/broadcasts/detail.html",
        {
            "broadcast": broadcast,
            "attendance_is_split": services.attendance_is_split(broadcast.event),
            "may_enter_participants": may_edit_events_of(request.user, broadcast.event.library_id),
        },
    )


@department_work_required
def broadcast_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Record a new broadcast (optionally for `?event=`) or change one."""
    broadcast = _broadcast_or_404(pk) if pk else Broadcast()
    initial = {}
    if not pk:
        event = Event.objects.filter(pk=request.GET.get("event") or None).first()
        if event is not None:
            initial = {
                "event": event,
                "starts_at": event.starts_at,
                "ends_at": event.ends_at,
                "url": event.online_url,
            }
    form = BroadcastForm(request.POST or None, instance=broadcast, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            broadcast = services.record_broadcast(
                actor=request.user, broadcast=broadcast, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The broadcast has been saved."))
            _tell_about_split_attendance(request, broadcast.event)
            return redirect("archive:broadcast_detail", pk=broadcast.pk)
    return render(
        request,
        "archive/broadcasts/form.html",
        {
            "form": form,
            "broadcast": broadcast if pk else None,
            "title": _("Change the broadcast") if pk else _("Record a broadcast"),
        },
    )


@require_POST
@department_work_required
def broadcast_delete(request: HttpRequest, pk: int) -> HttpResponse:
    broadcast = _broadcast_or_404(pk)
    event = broadcast.event
    services.delete_broadcast(actor=request.user, broadcast=broadcast)
    messages.success(request, _("The broadcast has been removed."))
    _tell_about_split_attendance(request, event)
    return redirect("archive:broadcast_list")
