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
from sklaida.public import protection
from sklaida.public.context import public_context
from sklaida.public.registration_forms import RegistrationForm
from sklaida.public.selectors import public_events


def _event_taking_registrations(slug: str) -> Event:
    """A public event with registration: what the public may not see takes no sign-ups either."""
    try:
        return (
            public_events()
            .select_related("space__library")
            .prefetch_related("questions")
            .exclude(registration=Event.Registration.NONE)
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
    template = "public/registration_form.html"
    context = {"event": event, "form": form, "refusal": refusal, **public_context(request)}
    if request.method == "POST" and not refusal:
        limited = protection.refusal_for_client(request, protection.REGISTRATION)
        if limited:
            return protection.throttled_response(request, template, context, limited)
    if request.method == "POST" and not refusal and form.is_valid():
        data = form.cleaned_data
        if form.is_spam:
            # Tell a robot nothing: it sees the thank-you page, nobody is signed up.
            return redirect("public:registration_sent", slug=event.slug)
        limited = protection.refusal_for_address(protection.REGISTRATION, data["email"])
        if limited:
            return protection.throttled_response(request, template, context, limited)
        try:
            services.sign_up(
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
            # The same page for a new sign-up and for an address already signed up (which
            # is e-mailed its link instead): the answer must not tell who is registered.
            # The result itself — a seat, the waiting list — is in the e-mail.
            return redirect("public:registration_sent", slug=event.slug)
    return render(request, template, context)


@login_not_required
def registration_sent(request: HttpRequest, slug: str) -> HttpResponse:
    """What everyone sees after sending the form: the e-mail tells the rest."""
    event = _event_taking_registrations(slug)
    return render(
        request, "public/registration_sent.html", {"event": event, **public_context(request)}
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
