"""Staff screens of an event's registrations: the list, check-in, approval, export, questions."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sklaida.core.spreadsheets import as_csv, as_xlsx
from sklaida.core.views import paginated
from sklaida.events.models import Event, Registration
from sklaida.events.registration_forms import QuestionFormSet, RegistrantFilterForm
from sklaida.events.selectors import registration as selectors
from sklaida.events.services import events as event_services
from sklaida.events.services import registration as services
from sklaida.events.views.common import event_or_404, may_read, may_work

PER_PAGE = 200


def _list_url(event: Event) -> str:
    return reverse("events:registrations", args=[event.pk])


def _editable_event(request: HttpRequest, pk: int) -> Event:
    may_work(request)
    event = event_or_404(request, pk)
    if not event_services.may_edit_events_of(request.user, event.library_id):
        raise PermissionDenied
    return event


def _registration_of(event: Event, registration_pk: int) -> Registration:
    try:
        return event.registrations.get(pk=registration_pk)
    except Registration.DoesNotExist as missing:
        raise Http404 from missing


def registration_list(request: HttpRequest, pk: int) -> HttpResponse:
    may_read(request)
    event = event_or_404(request, pk)
    form = RegistrantFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    registrations = selectors.registrations_of(
        event=event, status=data.get("status") or "", q=data.get("q") or ""
    )
    questions = selectors.questions_of(event)
    context = paginated(request, registrations, per_page=PER_PAGE)
    context["rows"] = [
        (registration, selectors.answers_in_order(registration, questions))
        for registration in context["page"]
    ]
    return render(
        request,
        "events/registration_list.html",
        {
            "event": event,
            "form": form,
            "questions": questions,
            "counts": selectors.registration_counts(event),
            "may_edit": event_services.may_edit_events_of(request.user, event.library_id),
            **context,
        },
    )


def registration_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    may_read(request)
    event = event_or_404(request, pk)
    rows = selectors.export_rows(event)
    name = f"registracijos-{slugify(event.slug)}"
    if fmt == "xlsx":
        response = HttpResponse(
            as_xlsx(rows, title=_("Registrations")),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    elif fmt == "csv":
        response = HttpResponse(as_csv(rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    else:
        raise Http404
    return response


@require_POST
def registration_check_in(request: HttpRequest, pk: int, registration_pk: int) -> HttpResponse:
    """Check a registrant in (or undo it); htmx swaps the row, plain forms reload the list."""
    event = _editable_event(request, pk)
    registration = _registration_of(event, registration_pk)
    undo = request.POST.get("undo") == "1"
    try:
        if undo:
            services.undo_check_in(actor=request.user, registration=registration)
        else:
            services.check_in(actor=request.user, registration=registration)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            (_("%(name)s is no longer checked in.") if undo else _("%(name)s is checked in."))
            % {"name": registration.name},
        )
    if request.htmx:
        questions = selectors.questions_of(event)
        return render(
            request,
            "events/_registration_row.html",
            {
                "event": event,
                "registration": registration,
                "answers": selectors.answers_in_order(registration, questions),
                "may_edit": True,
            },
        )
    return redirect(_list_url(event))


@require_POST
def registration_approve(request: HttpRequest, pk: int, registration_pk: int) -> HttpResponse:
    event = _editable_event(request, pk)
    registration = _registration_of(event, registration_pk)
    try:
        services.approve_registration(actor=request.user, registration=registration)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if registration.status == Registration.Status.CONFIRMED:
            messages.success(
                request,
                _("%(name)s is confirmed and will get an e-mail.") % {"name": registration.name},
            )
        else:
            messages.success(
                request,
                _("No seat is free for %(name)s now: the registration is on the waiting list.")
                % {"name": registration.name},
            )
    return redirect(_list_url(event))


@require_POST
def registration_decline(request: HttpRequest, pk: int, registration_pk: int) -> HttpResponse:
    event = _editable_event(request, pk)
    registration = _registration_of(event, registration_pk)
    try:
        services.decline_registration(actor=request.user, registration=registration)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The registration of %(name)s is declined; they will get an e-mail.")
            % {"name": registration.name},
        )
    return redirect(_list_url(event))


@require_POST
def registration_withdraw(request: HttpRequest, pk: int, registration_pk: int) -> HttpResponse:
    event = _editable_event(request, pk)
    registration = _registration_of(event, registration_pk)
    try:
        services.withdraw_registration(actor=request.user, registration=registration)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The registration of %(name)s is cancelled; they will get an e-mail.")
            % {"name": registration.name},
        )
    return redirect(_list_url(event))


def registration_questions(request: HttpRequest, pk: int) -> HttpResponse:
    """Edit the questions the event's public registration form asks."""
    event = _editable_event(request, pk)
    formset = QuestionFormSet(request.POST or None, instance=event, prefix="questions")
    if request.method == "POST" and formset.is_valid():
        changed = formset.save(commit=False)
        try:
            services.save_registration_questions(
                actor=request.user,
                event=event,
                changed=changed,
                deleted=formset.deleted_objects,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The registration questions have been saved."))
            return redirect(_list_url(event))
    return render(
        request,
        "events/registration_questions.html",
        {"event": event, "formset": formset},
    )
