"""The event register: list, create (once or as a series), edit, statuses, cancelling."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from sklaida.core import registry
from sklaida.core.bookings import bookings_of
from sklaida.core.permissions import Role, roles_of
from sklaida.core.views import discussion_context, paginated
from sklaida.events.forms import CancelForm, EventFilterForm, EventForm
from sklaida.events.models import Event, PlannedActivity
from sklaida.events.selectors import events as selectors
from sklaida.events.services import events as services
from sklaida.events.views.common import event_or_404, may_read, may_work

PER_PAGE = 50


def event_list(request: HttpRequest) -> HttpResponse:
    may_read(request)
    form = EventFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    # The register opens on what is coming. A search, or a "From" date given (even an
    # emptied one), reaches every date; the page says which it shows.
    upcoming_only = not data.get("q") and "date_from" not in request.GET
    criteria = selectors.EventFilter(
        q=data.get("q") or "",
        event_type=data.get("event_type") or "",
        status=data.get("status") or "",
        space=data["space"].pk if data.get("space") else None,
        responsible=data["responsible"].pk if data.get("responsible") else None,
        date_from=timezone.localdate() if upcoming_only else data.get("date_from"),
        date_to=data.get("date_to"),
    )
    events = selectors.event_list(user=request.user, criteria=criteria)
    return render(
        request,
        "events/event_list.html",
        {
            "form": form,
            "upcoming_only": upcoming_only,
            "searched": bool(data.get("q")),
            **paginated(request, events, per_page=PER_PAGE),
        },
    )


def _relations(form: EventForm) -> services.Relations:
    """What the form chose; a relation the form did not offer keeps what the event has."""
    data, event = form.cleaned_data, form.instance

    def chosen(name: str, current) -> list:
        if name in data:
            return data[name]
        return list(current()) if event.pk else []

    return services.Relations(
        audiences=data["audiences"],
        organisers=data["organisers"],
        partners=chosen("partners", lambda: event.partners.all()),
        performers=chosen("performers", lambda: event.performers.all()),
        equipment=chosen(
            "equipment", lambda: [b.equipment for b in bookings_of(event) if b.equipment_id]
        ),
    )


def _initial_from_plan(request: HttpRequest) -> dict:
    """A new event from a line of the plan takes over its title, type and people."""
    initial = {"responsible": request.user}
    activity = PlannedActivity.objects.filter(pk=request.GET.get("planned_activity")).first()
    if activity:
        initial.update(
            planned_activity=activity,
            title=activity.title,
            event_type=activity.event_type,
            responsible=activity.responsible,
            partners=list(activity.partners.all()),
            audiences=list(activity.audiences.all()),
        )
    if request.user.library_id:
        initial["library"] = request.user.library_id
    return initial


def event_create(request: HttpRequest) -> HttpResponse:
    may_work(request)
    form = EventForm(
        request.POST or None,
        request.FILES or None,
        instance=Event(),
        user=request.user,
        initial=_initial_from_plan(request),
    )
    if request.method == "POST" and form.is_valid():
        event = form.save(commit=False)
        if Role.TERRITORY in roles_of(request.user):
            event.library = request.user.library
        try:
            if form.cleaned_data.get("repeat"):
                created = services.create_series(
                    actor=request.user,
                    event=event,
                    relations=_relations(form),
                    frequency=form.cleaned_data["repeat"],
                    until=form.cleaned_data["repeat_until"],
                )
                event = created[0]
                messages.success(
                    request,
                    ngettext(
                        "%(count)d event of the series has been created.",
                        "%(count)d events of the series have been created.",
                        len(created),
                    )
                    % {"count": len(created)},
                )
            else:
                services.save_event(actor=request.user, event=event, relations=_relations(form))
                messages.success(request, _("The event has been created."))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(event)
    return render(request, "events/event_form.html", {"form": form, "title": _("New event")})


def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    may_read(request)
    event = event_or_404(request, pk)
    may_edit = services.may_edit_events_of(request.user, event.library_id)
    return render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            "may_edit": may_edit,
            "next_statuses": [
                (status, Event.Status(status).label)
                for status in sorted(services.TRANSITIONS[event.status])
                if status != Event.Status.CANCELLED
            ]
            if may_edit
            else [],
            "may_cancel": may_edit and Event.Status.CANCELLED in services.TRANSITIONS[event.status],
            "cancel_form": CancelForm(),
            "bookings": bookings_of(event),
            "attendance": services.attendance_totals(event),
            "registration_counts": _registration_counts(event),
            "panels": registry.panels_for(request, event),
            **discussion_context(request, event),
        },
    )


def _registration_counts(event: Event) -> dict[str, int]:
    counts = dict.fromkeys(event.registrations.model.Status.values, 0)
    for status, seats in event.registrations.values_list("status", "seats"):
        counts[status] += seats
    return counts


def event_update(request: HttpRequest, pk: int) -> HttpResponse:
    may_work(request)
    event = event_or_404(request, pk)
    if not services.may_edit_events_of(request.user, event.library_id):
        return redirect(event)
    form = EventForm(request.POST or None, request.FILES or None, instance=event, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.update_event(
                actor=request.user,
                event=form.save(commit=False),
                relations=_relations(form),
                following=form.cleaned_data.get("apply_to_following", False),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The event has been saved.")
                if len(changed) == 1
                else ngettext(
                    "%(count)d event of the series has been saved.",
                    "%(count)d events of the series have been saved.",
                    len(changed),
                )
                % {"count": len(changed)},
            )
            return redirect(event)
    return render(
        request,
        "events/event_form.html",
        {"form": form, "title": _("Edit the event"), "event": event},
    )


@require_POST
def event_status(request: HttpRequest, pk: int) -> HttpResponse:
    may_work(request)
    event = event_or_404(request, pk)
    try:
        services.change_event_status(
            actor=request.user, event=event, status=request.POST.get("status", "")
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The event is now “%(status)s”.") % {"status": event.get_status_display()},
        )
    return redirect(event)


@require_POST
def event_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    may_work(request)
    event = event_or_404(request, pk)
    form = CancelForm(request.POST)
    form.is_valid()
    try:
        services.cancel_event(
            actor=request.user, event=event, reason=form.cleaned_data.get("reason", "")
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("The event has been cancelled; everyone signed up will get an e-mail.")
        )
    return redirect(event)
