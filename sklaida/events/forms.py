"""Forms of the staff event screens."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sklaida.contacts.models import Organisation, Person
from sklaida.core.forms import ANY_MASCULINE, DateInput, as_people_type_them
from sklaida.core.models import Equipment, Library, Space, User
from sklaida.core.permissions import Role, roles_of, visible_to
from sklaida.core.pickers import SpaceChoiceField
from sklaida.core.selectors import assignable_users
from sklaida.core.validators import validate_image
from sklaida.events.choices import EventChoiceField
from sklaida.events.models import Audience, Event, EventType, PlannedActivity


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class EventFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    event_type = forms.ChoiceField(
        label=_("Type"),
        choices=[
            ("", ANY_MASCULINE),
            *EventType.choices,
        ],
        required=False,
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Any")), *Event.Status.choices], required=False
    )
    space = SpaceChoiceField(
        label=_("Space"), queryset=Space.objects.none(), required=False, empty_label=_("Any")
    )
    responsible = forms.ModelChoiceField(
        label=_("Organiser"),
        queryset=User.objects.none(),
        required=False,
        empty_label=ANY_MASCULINE,
    )
    date_from = forms.DateField(label=_("From date"), required=False, widget=DateInput())
    date_to = forms.DateField(label=_("Until date"), required=False, widget=DateInput())

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["space"].queryset = Space.objects.filter(is_active=True).select_related(
            "library"
        )
        self.fields["responsible"].queryset = assignable_users()


class EventForm(forms.ModelForm):
    """An event's details; the many-to-many parts are saved by the service."""

    audiences = forms.ModelMultipleChoiceField(
        label=_("Audiences"),
        queryset=Audience.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    equipment = forms.ModelMultipleChoiceField(
        label=_("Equipment to book"),
        queryset=Equipment.objects.none(),
        required=False,
        help_text=_("Booked for the event's time, including set-up and tear-down."),
    )
    repeat = forms.ChoiceField(
        label=_("Repeat"),
        choices=[
            ("", _("Does not repeat")),
            ("weekly", _("Every week")),
            ("monthly", _("Every month")),
        ],
        required=False,
    )
    repeat_until = forms.DateField(label=_("Repeat until"), required=False, widget=DateInput())
    apply_to_following = forms.BooleanField(
        label=_("Apply the changes to the following events of the series too"), required=False
    )

    class Meta:
        model = Event
        fields = [
            "title",
            "event_type",
            "format",
            "library",
            "planned_activity",
            "starts_at",
            "ends_at",
            "setup_minutes",
            "teardown_minutes",
            "space",
            "venue",
            "online_url",
            "responsible",
            "organisers",
            "partners",
            "performers",
            "audiences",
            "is_public",
            "summary",
            "description",
            "title_en",
            "summary_en",
            "description_en",
            "accessibility",
            "accessibility_en",
            "image",
            "image_alt",
            "price",
            "registration",
            "capacity",
            "max_seats_per_registration",
            "waitlist_allows_smaller_first",
            "registration_closes_at",
            "consent_text",
            "consent_text_en",
            "retention_days",
            "reminder_hours",
            "curator",
            "opening_event",
        ]
        widgets = {
            "starts_at": DateTimeInput(),
            "ends_at": DateTimeInput(),
            "registration_closes_at": DateTimeInput(),
            "description": forms.Textarea(attrs={"rows": 5}),
            "description_en": forms.Textarea(attrs={"rows": 5}),
            "accessibility": forms.Textarea(attrs={"rows": 2}),
            "accessibility_en": forms.Textarea(attrs={"rows": 2}),
            "consent_text": forms.Textarea(attrs={"rows": 3}),
            "consent_text_en": forms.Textarea(attrs={"rows": 3}),
        }
        field_classes = {"opening_event": EventChoiceField, "space": SpaceChoiceField}
        formfield_callback = as_people_type_them

    def __init__(self, *args, user: User, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        fields = self.fields
        fields["library"].queryset = Library.objects.filter(is_active=True)
        fields["space"].queryset = Space.objects.filter(is_active=True).select_related("library")
        fields["equipment"].queryset = Equipment.objects.filter(is_active=True)
        fields["responsible"].queryset = assignable_users()
        fields["organisers"].queryset = assignable_users()
        fields["partners"].queryset = Organisation.objects.all()
        fields["performers"].queryset = Person.objects.filter(anonymised_at__isnull=True)
        fields["curator"].queryset = Person.objects.filter(anonymised_at__isnull=True)
        fields["planned_activity"].queryset = PlannedActivity.objects.filter(
            is_cancelled=False, plan__year__gte=timezone.localdate().year - 1
        ).select_related("plan")
        fields["opening_event"].queryset = Event.objects.exclude(pk=self.instance.pk).filter(
            starts_at__gte=timezone.now() - datetime.timedelta(days=365)
        )
        fields["image"].validators.append(validate_image)
        if Role.TERRITORY in roles_of(user):
            self._limit_to_own_library(user)
        if self.instance.pk:
            del fields["repeat"], fields["repeat_until"]
            if not self.instance.series_id:
                del fields["apply_to_following"]
            from sklaida.core.bookings import bookings_of

            self.initial["equipment"] = [
                b.equipment_id for b in bookings_of(self.instance) if b.equipment_id
            ]
        else:
            del fields["apply_to_following"]

    # What a territory specialist is not offered: the department's contacts, plan and
    # equipment. Those an event already has stay as they are (`views.events._relations`).
    DEPARTMENT_ONLY_FIELDS = (
        "library",
        "partners",
        "performers",
        "curator",
        "planned_activity",
        "equipment",
    )

    def _limit_to_own_library(self, user: User) -> None:
        """A territory specialist registers her own library's events, with its spaces,
        its people and its other events, and nothing of the department's."""
        fields = self.fields
        for name in self.DEPARTMENT_ONLY_FIELDS:
            del fields[name]
        fields["space"].queryset = fields["space"].queryset.filter(library=user.library)
        for name in ("responsible", "organisers"):
            fields[name].queryset = fields[name].queryset.filter(library=user.library)
        fields["opening_event"].queryset = visible_to(user, fields["opening_event"].queryset)

    def clean(self) -> dict:
        data = super().clean()
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("An event must end after it starts."))
        if data.get("repeat") and not data.get("repeat_until"):
            self.add_error("repeat_until", _("Say until when the event repeats."))
        if (
            data.get("repeat_until")
            and starts
            and data["repeat_until"] < timezone.localdate(starts)
        ):
            self.add_error("repeat_until", _("The series must end after its first event."))
        return data


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, told to the registrants"), max_length=300, required=False
    )
