"""Booking a guided tour of the Library: the request form, its thank-you page, the answer link."""

from __future__ import annotations

import datetime

from django import forms
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from sklaida.core.forms import DateInput
from sklaida.events.models import TourBooking
from sklaida.events.selectors import tours as selectors
from sklaida.events.services import tours as services
from sklaida.public import protection
from sklaida.public.context import public_context
from sklaida.public.protection import HumanCheckForm

# How long a request's personal data are kept, as the consent tells the visitor.
RETENTION = gettext_lazy("one year after the tour")


# The service speaks of the model's fields; the form asks the date and the time apart.
FIELD_OF = {"preferred_at": "preferred_date", "alternative_at": "alternative_date"}


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%H:%M")


class TourRequestForm(HumanCheckForm, forms.ModelForm):
    """What a group tells the Library; the date and time are asked separately, both labelled."""

    preferred_date = forms.DateField(label=gettext_lazy("Preferred date"), widget=DateInput())
    preferred_time = forms.TimeField(label=gettext_lazy("Preferred time"), widget=TimeInput())
    alternative_date = forms.DateField(
        label=gettext_lazy("Another suitable date"), required=False, widget=DateInput()
    )
    alternative_time = forms.TimeField(
        label=gettext_lazy("Another suitable time"), required=False, widget=TimeInput()
    )
    consent = forms.BooleanField(
        error_messages={
            "required": gettext_lazy("Please agree to the use of your data, or we cannot reply.")
        },
    )
    group_size = forms.IntegerField(
        label=gettext_lazy("Number of people"),
        min_value=1,
        max_value=services.MAX_GROUP_SIZE,
        error_messages=dict.fromkeys(("min_value", "max_value"), services.GROUP_SIZE_MESSAGE),
    )
    field_order = [
        "group_type",
        "institution",
        "group_size",
        "age",
        "language",
        "topic",
        "preferred_date",
        "preferred_time",
        "alternative_date",
        "alternative_time",
        "contact_name",
        "contact_email",
        "contact_phone",
        "notes",
        "consent",
    ]

    class Meta:
        model = TourBooking
        fields = [
            "group_type",
            "institution",
            "group_size",
            "age",
            "language",
            "topic",
            "contact_name",
            "contact_email",
            "contact_phone",
            "notes",
        ]
        labels = {
            "group_type": pgettext_lazy("tour", "Group"),
            "institution": gettext_lazy("School, institution or organisation"),
            "age": gettext_lazy("Age of the participants"),
            "language": gettext_lazy("Language of the tour"),
            "topic": gettext_lazy("What would you like to see or learn?"),
            "contact_name": gettext_lazy("Contact person"),
            "contact_email": gettext_lazy("E-mail"),
            "contact_phone": gettext_lazy("Phone"),
            "notes": gettext_lazy("Anything else we should know"),
        }
        help_texts = {
            "age": gettext_lazy("For example, 7–8 years or adults."),
            "notes": gettext_lazy(
                "For example, accessibility needs of the group, or another language."
            ),
        }
        widgets = {
            "institution": forms.TextInput(attrs={"autocomplete": "organization"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "contact_phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        earliest = timezone.localdate(services.earliest_request_time()).isoformat()
        latest = services.latest_request_day().isoformat()
        for name in ("preferred_date", "alternative_date"):
            self.fields[name].widget.attrs.update(min=earliest, max=latest)
        self.fields["preferred_date"].help_text = _("At least %(days)d days ahead.") % {
            "days": services.MIN_DAYS_AHEAD
        }
        self.fields["consent"].label = _(
            "I agree that the Library uses these data to arrange the tour. "
            "They are kept for %(period)s and then deleted."
        ) % {"period": RETENTION}

    def clean(self) -> dict:
        data = super().clean()
        data["preferred_at"] = self._moment("preferred", required=True)
        data["alternative_at"] = self._moment("alternative", required=False)
        try:
            services.check_request(
                preferred_at=data["preferred_at"],
                alternative_at=data["alternative_at"],
                group_size=data.get("group_size"),
            )
        except ValidationError as error:
            self.add_service_error(error)
        return data

    def add_service_error(self, error: ValidationError) -> None:
        """Show the service's refusal at the field it is about (the time under its date)."""
        if not hasattr(error, "error_dict"):
            self.add_error(None, error)
            return
        for name, errors in error.error_dict.items():
            field = FIELD_OF.get(name, name)
            if field not in self.fields:
                field = None
            for problem in errors:
                if field is None or field not in self.errors:
                    self.add_error(field, problem)

    def _moment(self, prefix: str, *, required: bool) -> datetime.datetime | None:
        day, time = self.cleaned_data.get(f"{prefix}_date"), self.cleaned_data.get(f"{prefix}_time")
        if day and time:
            return timezone.make_aware(datetime.datetime.combine(day, time))
        if not required and (day or time) and not self.errors.get(f"{prefix}_date"):
            self.add_error(
                f"{prefix}_time" if day else f"{prefix}_date",
                _("Give both the date and the time, or neither."),
            )
        return None

    def tour(self) -> TourBooking:
        tour = self.save(commit=False)
        tour.preferred_at = self.cleaned_data["preferred_at"]
        tour.alternative_at = self.cleaned_data["alternative_at"]
        return tour


@login_not_required
def tour_request(request: HttpRequest) -> HttpResponse:
    """The booking form; a valid request is filed and the visitor sent to the thank-you page."""
    form = TourRequestForm(request.POST or None)
    template = "public/tours/request.html"
    context = {"form": form, "retention": RETENTION, **public_context(request)}
    if request.method == "POST":
        limited = protection.refusal_for_client(request, protection.TOUR)
        if limited:
            return protection.throttled_response(request, template, context, limited)
    if request.method == "POST" and form.is_valid():
        if form.is_spam:
            # Tell a robot nothing: it sees the same thank-you page, nothing is filed.
            return redirect("public:tour_request_thanks")
        limited = protection.refusal_for_address(
            protection.TOUR, form.cleaned_data["contact_email"]
        )
        if limited:
            return protection.throttled_response(request, template, context, limited)
        try:
            services.request_tour(tour=form.tour(), language=translation.get_language())
        except ValidationError as error:
            form.add_service_error(error)
        else:
            return redirect("public:tour_request_thanks")
    return render(request, template, context)


@login_not_required
def tour_request_thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "public/tours/thanks.html", public_context(request))


@login_not_required
def tour_answer(request: HttpRequest, token: str) -> HttpResponse:
    """The group's page behind the e-mailed link: the request's state; accept or decline."""
    try:
        tour = selectors.tour_by_token(token)
    except TourBooking.DoesNotExist as missing:
        raise Http404 from missing
    error = ""
    if request.method == "POST":
        answer = request.POST.get("answer")
        try:
            if answer == "accept":
                services.accept_proposed_time(tour=tour)
            elif answer == "decline":
                services.decline_proposed_time(tour=tour)
        except ValidationError as refused:
            error = " ".join(refused.messages)
        else:
            return redirect("public:tour_answer", token=tour.token)
    return render(
        request,
        "public/tours/answer.html",
        {"tour": tour, "error": error, "Status": TourBooking.Status, **public_context(request)},
    )
