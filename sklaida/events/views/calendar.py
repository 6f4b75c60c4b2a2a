"""The staff calendar (month, week, list), moving events by drag and drop or a form, equipment."""

from __future__ import annotations

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sklaida.core.forms import ANY_MASCULINE, MoveForm
from sklaida.core.models import Space, User
from sklaida.core.permissions import Capability, has_capability
from sklaida.core.pickers import SpaceChoiceField
from sklaida.core.selectors import assignable_users
from sklaida.core.views import safe_next, wants_json
from sklaida.events.models import Event, EventType
from sklaida.events.selectors import calendar as selectors
from sklaida.events.services import events as services
from sklaida.events.views.common import event_or_404, may_read, may_work

VIEWS = ("month", "week", "list")


class CalendarFilterForm(forms.Form):
    event_type = forms.ChoiceField(
        label=gettext_lazy("Type"),
        choices=[
            ("", ANY_MASCULINE),
            *EventType.choices,
        ],
        required=False,
    )
    space = SpaceChoiceField(
        label=gettext_lazy("Space"),
        queryset=Space.objects.none(),
        required=False,
        empty_label=gettext_lazy("Any"),
    )
    responsible = forms.ModelChoiceField(
        label=gettext_lazy("Organiser"),
        queryset=User.objects.none(),
        required=False,
        empty_label=ANY_MASCULINE,
    )
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        choices=[("", gettext_lazy("Any")), *Event.Status.choices],
        required=False,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["space"].queryset = Space.objects.filter(is_active=True).select_related(
            "library"
        )
        self.fields["responsible"].queryset = assignable_users()


def _day(request: HttpRequest, today: datetime.date) -> datetime.date:
    try:
        return datetime.date.fromisoformat(request.GET.get("date", ""))
    except ValueError:
        return today


def calendar(request: HttpRequest) -> HttpResponse:
    may_read(request)
    today = timezone.localdate()
    chosen = request.GET.get("view", "")
    view = chosen if chosen in VIEWS else "month"
    day = _day(request, today)
    form = CalendarFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    criteria = selectors.CalendarFilter(
        event_type=data.get("event_type") or "",
        space=data["space"].pk if data.get("space") else None,
        responsible=data["responsible"].pk if data.get("responsible") else None,
        status=data.get("status") or "",
    )
    build = selectors.week if view == "week" else selectors.month
    period = build(user=request.user, day=day, criteria=criteria, today=today)
    filters = request.GET.copy()
    for name in ("view", "date"):
        filters.pop(name, None)
    return render(
        request,
        "events/calendar.html",
        {
            "form": form,
            "view": view,
            "period": period,
            "today": today,
            "filters": filters.urlencode(),
            "move_form": MoveForm(),
        },
    )


def _back(request: HttpRequest, event: Event) -> HttpResponse:
    return redirect(safe_next(request) or event.get_absolute_url())


@require_POST
def move(request: HttpRequest, pk: int) -> HttpResponse:
    """Move an event to another day (and time): the calendar's drag and drop and its form."""
    may_work(request)
    event = event_or_404(request, pk)
    if not services.may_edit_events_of(request.user, event.library_id):
        raise PermissionDenied
    form = MoveForm(request.POST)
    if form.is_valid():
        starts_at = form.moment(event.starts_at)
        try:
            services.move_event(actor=request.user, event=event, starts_at=starts_at)
        except ValidationError as error:
            problem = " ".join(error.messages)
        else:
            problem = ""
    else:
        problem = _("Choose the new date and time.")
    if problem:
        message = _("“%(event)s” was not moved: %(problem)s") % {
            "event": event.title,
            "problem": problem,
        }
        if wants_json(request):
            return JsonResponse({"ok": False, "message": message}, status=409)
        messages.error(request, message)
        return _back(request, event)
    local = timezone.localtime(event.starts_at)
    message = _("“%(event)s” now starts on %(date)s at %(time)s.") % {
        "event": event.title,
        "date": _date_text(local),
        "time": local.strftime("%H:%M"),
    }
    messages.success(request, message)
    if wants_json(request):
        return JsonResponse({"ok": True, "message": message})
    return _back(request, event)


def _date_text(moment: datetime.datetime) -> str:
    return date_format(moment, "DATE_FORMAT")


def equipment(request: HttpRequest) -> HttpResponse:
    """Equipment items with their coming bookings; overlapping bookings are marked."""
    if not has_capability(request.user, Capability.READ_DEPARTMENT):
        raise PermissionDenied
    return render(
        request,
        "events/equipment.html",
        {"rows": selectors.equipment_schedule(now=timezone.now())},
    )
