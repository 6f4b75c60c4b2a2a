"""Guided tours for staff: the list of requests and tours, one tour with its answers."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sklaida.core.bookings import bookings_of
from sklaida.core.forms import DateInput
from sklaida.core.models import Space
from sklaida.core.permissions import Capability, has_capability
from sklaida.core.pickers import SpaceChoiceField
from sklaida.core.views import discussion_context, paginated
from sklaida.events.forms import DateTimeInput
from sklaida.events.models import TourBooking
from sklaida.events.selectors import tours as selectors
from sklaida.events.services import tours as services

PER_PAGE = 50
Status = TourBooking.Status


class TourFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        choices=[("", gettext_lazy("Any")), *Status.choices],
        required=False,
    )
    date_from = forms.DateField(label=gettext_lazy("From date"), required=False, widget=DateInput())
    date_to = forms.DateField(label=gettext_lazy("To date"), required=False, widget=DateInput())


class TourScheduleForm(forms.Form):
    """A time, a guide and a meeting place: to confirm the tour or to propose to the group."""

    starts_at = forms.DateTimeField(label=gettext_lazy("Starts"), widget=DateTimeInput())
    ends_at = forms.DateTimeField(label=gettext_lazy("Ends"), widget=DateTimeInput())
    guide = forms.ModelChoiceField(label=gettext_lazy("Guide"), queryset=None)
    space = SpaceChoiceField(label=gettext_lazy("Meeting place"), queryset=None)
    message = forms.CharField(
        label=gettext_lazy("Message to the group"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, tour: TourBooking, proposal: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["guide"].queryset = selectors.guides()
        self.fields["space"].queryset = Space.objects.filter(
            is_active=True, library=tour.library_id
        )
        if proposal:
            self.fields["message"].required = True
            self.fields["message"].help_text = _(
                "Why the asked time does not suit; the group accepts or declines the new one."
            )
        else:
            self.fields["message"].help_text = _("Sent with the confirmation, if written.")

    def clean(self) -> dict:
        data = super().clean()
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("A tour must end after it starts."))
        return data


class TourHeldForm(forms.Form):
    participants = forms.IntegerField(
        label=gettext_lazy("Participants"), min_value=1, max_value=1000
    )


class TourCancelForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason, told to the group"), max_length=500, required=False
    )


def _may_read(request: HttpRequest) -> None:
    if not has_capability(request.user, Capability.READ_DEPARTMENT):
        raise PermissionDenied


def _may_work(request: HttpRequest) -> None:
    if not has_capability(request.user, Capability.WORK_IN_DEPARTMENT):
        raise PermissionDenied


def _tour_or_404(request: HttpRequest, pk: int) -> TourBooking:
    try:
        return selectors.tour_for(user=request.user, pk=pk)
    except TourBooking.DoesNotExist as missing:
        raise Http404 from missing


def tour_list(request: HttpRequest) -> HttpResponse:
    _may_read(request)
    form = TourFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    criteria = selectors.TourFilter(
        status=data.get("status") or "",
        date_from=data.get("date_from"),
        date_to=data.get("date_to"),
    )
    tours = selectors.tour_list(user=request.user, criteria=criteria)
    return render(
        request,
        "events/tours/list.html",
        {"form": form, **paginated(request, tours, per_page=PER_PAGE)},
    )


def _schedule_initial(request: HttpRequest, tour: TourBooking) -> dict:
    initial = {"guide": tour.guide_id or request.user.pk, "space": tour.space_id}
    starts = tour.starts_at or tour.preferred_at
    try:
        initial["starts_at"] = timezone.localtime(starts)
        initial["ends_at"] = timezone.localtime(tour.ends_at or starts + services.DEFAULT_LENGTH)
    except OverflowError:
        # A request filed before its dates were bounded may name the calendar's last
        # hour, whose end Python cannot reach; the staff then type the time themselves.
        initial.pop("starts_at", None)
    return initial


def _detail(request: HttpRequest, tour: TourBooking, **bound: forms.Form) -> HttpResponse:
    """The tour's page with the forms its status allows (bound ones keep what was typed)."""
    may_work = has_capability(request.user, Capability.WORK_IN_DEPARTMENT)
    allowed = services.TRANSITIONS[tour.status] if may_work else set()
    initial = _schedule_initial(request, tour)
    may_hold = Status.HELD in allowed and tour.starts_at and tour.starts_at <= timezone.now()
    context = {
        "tour": tour,
        "may_confirm": Status.CONFIRMED in allowed,
        "may_propose": Status.PROPOSED in allowed,
        "may_hold": may_hold,
        "may_cancel": Status.CANCELLED in allowed,
        "confirm_form": bound.get("confirm_form")
        or TourScheduleForm(tour=tour, initial=initial, prefix="confirm"),
        "propose_form": bound.get("propose_form")
        or TourScheduleForm(tour=tour, proposal=True, initial=initial, prefix="propose"),
        "held_form": bound.get("held_form") or TourHeldForm(initial={"participants": None}),
        "cancel_form": bound.get("cancel_form") or TourCancelForm(),
        "bookings": bookings_of(tour),
        **discussion_context(request, tour),
    }
    return render(request, "events/tours/detail.html", context)


def tour_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _may_read(request)
    return _detail(request, _tour_or_404(request, pk))


def _schedule(request: HttpRequest, pk: int, *, proposal: bool) -> HttpResponse:
    _may_work(request)
    tour = _tour_or_404(request, pk)
    prefix = "propose" if proposal else "confirm"
    form = TourScheduleForm(request.POST, tour=tour, proposal=proposal, prefix=prefix)
    if form.is_valid():
        service = services.propose_tour_time if proposal else services.confirm_tour
        try:
            service(actor=request.user, tour=tour, **form.cleaned_data)
        except ValidationError as error:
            tour.refresh_from_db()
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The new time has been proposed; the group will answer through the e-mail.")
                if proposal
                else _("The tour is confirmed and the group has been sent the details."),
            )
            return redirect(tour)
    return _detail(request, tour, **{f"{prefix}_form": form})


@require_POST
def tour_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    return _schedule(request, pk, proposal=False)


@require_POST
def tour_propose(request: HttpRequest, pk: int) -> HttpResponse:
    return _schedule(request, pk, proposal=True)


@require_POST
def tour_held(request: HttpRequest, pk: int) -> HttpResponse:
    _may_work(request)
    tour = _tour_or_404(request, pk)
    form = TourHeldForm(request.POST)
    if form.is_valid():
        try:
            services.record_tour_held(
                actor=request.user, tour=tour, participants=form.cleaned_data["participants"]
            )
        except ValidationError as error:
            tour.refresh_from_db()
            form.add_error(None, error)
        else:
            messages.success(request, _("The tour has been recorded as held."))
            return redirect(tour)
    return _detail(request, tour, held_form=form)


@require_POST
def tour_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    _may_work(request)
    tour = _tour_or_404(request, pk)
    form = TourCancelForm(request.POST)
    form.is_valid()
    try:
        services.cancel_tour(
            actor=request.user, tour=tour, reason=form.cleaned_data.get("reason", "")
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The tour has been cancelled and the group told."))
    return redirect(tour)
