"""Public registration: the sign-up form, a registration's own page, the cancellation link."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation

from sklaida.events.models import Event, Registration
from sklaida.events.selectors import registration as selectors
from sklaida.events.services import registration as services
from sklaida.public.context import public_context
from sklaida.public.registration_forms import RegistrationForm


def _event_taking_registrations(slug: str) -> Event:
    """An event with registration that has been published (not a draft)."""
    try:
        return (
            Event.objects.select_related("space__library")
            .prefetch_related("questions")
            .exclude(registration=Event.Registration.NONE)
            .exclude(status=Event.Status.PLANNED)
            .get(slug=slug)
        )
    except Event.DoesNotExist as missing:
        raise Http404 from missing


def _registration(token: str) -> Registration:
    try:
        return services.registration_for_token(token)
    except Registration.DoesNotExist as missing:
        raise Http404 from missing


def _language() -> str:
    return "en" if (translation.get_language() or "").startswith("en") else "lt"


@login_not_required
def register(request: HttpRequest, slug: str) -> HttpResponse:
    event = _event_taking_registrations(slug)
    refusal = services.registration_refusal(event)
    questions = selectors.questions_of(event)
    form = RegistrationForm(request.POST or None, event=event, questions=questions)
    if request.method == "POST" and not refusal and form.is_valid():
        data = form.cleaned_data
        try:
            registration = services.register(
                event=event,
                name=data["name"],
                email=data["email"],
                phone=data["phone"],
                seats=data["seats"],
                answers=form.answers(),
                language=_language(),
                consent=data.get("consent", False),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("public:registration_status", token=registration.token)
    return render(
        request,
        "public/registration_form.html",
        {"event": event, "form": form, "refusal": refusal, **public_context(request)},
    )


@login_not_required
def registration_status(request: HttpRequest, token: str) -> HttpResponse:
    registration = _registration(token)
    return render(
        request,
        "public/registration_status.html",
        {
            "registration": registration,
            "event": registration.event,
            "position": selectors.waitlist_position(registration),
            "may_cancel": registration.status in services.ACTIVE and not registration.event.is_past,
            **public_context(request),
        },
    )


@login_not_required
def registration_cancel(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows what will be cancelled; POST cancels it."""
    registration = _registration(token)
    error = ""
    if request.method == "POST":
        try:
            services.cancel_registration(token=token)
        except ValidationError as problem:
            error = " ".join(problem.messages)
        else:
            return redirect("public:registration_status", token=token)
    return render(
        request,
        "public/registration_cancel.html",
        {
            "registration": registration,
            "event": registration.event,
            "error": error,
            "may_cancel": registration.status in services.ACTIVE,
            **public_context(request),
        },
    )
