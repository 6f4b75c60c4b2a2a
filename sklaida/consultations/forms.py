"""Forms of the consultation screens."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sklaida.consultations.models import Consultation
from sklaida.contacts.models import Person
from sklaida.core.forms import DATE_FROM, DATE_TO, DateInput
from sklaida.core.models import Library, User
from sklaida.core.permissions import Role, roles_of
from sklaida.core.selectors import assignable_users


class RequestForm(forms.ModelForm):
    """A library asks for help; a territory specialist's library is their own."""

    class Meta:
        model = Consultation
        fields = ["library", "topic", "form", "question", "preferred_date", "recipient_names"]
        widgets = {"preferred_date": DateInput(), "question": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, user: User, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["library"].queryset = Library.objects.filter(is_active=True)
        if Role.TERRITORY in roles_of(user):
            del self.fields["library"]

    def clean_preferred_date(self) -> datetime.date | None:
        date = self.cleaned_data.get("preferred_date")
        if date and date < timezone.localdate():
            raise forms.ValidationError(_("Choose a day that has not passed."))
        return date


class ScheduleForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput())
    form = forms.ChoiceField(label=_("Form"), choices=Consultation.Form.choices)
    consultants = forms.ModelMultipleChoiceField(
        label=_("Consultants"), queryset=User.objects.none()
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["consultants"].queryset = assignable_users()


class RecordForm(forms.ModelForm):
    """What was given: a new consultation, or the record of a requested one."""

    consultants = forms.ModelMultipleChoiceField(
        label=_("Consultants"), queryset=User.objects.none()
    )
    persons = forms.ModelMultipleChoiceField(
        label=_("Recipients from contacts"), queryset=Person.objects.none(), required=False
    )
    follow_up = forms.CharField(
        label=_("Follow-up"),
        max_length=200,
        required=False,
        help_text=_("If something remains to be done, it becomes a task of the first consultant."),
    )
    follow_up_due = forms.DateField(label=_("Follow-up due"), required=False, widget=DateInput())

    class Meta:
        model = Consultation
        fields = [
            "library",
            "recipient_unit",
            "recipient_names",
            "topic",
            "form",
            "question",
            "date",
            "duration_hours",
            "advice",
        ]
        # Hours are typed the Lithuanian way: 2,5.
        localized_fields = ["duration_hours"]
        widgets = {
            "date": DateInput(),
            "question": forms.Textarea(attrs={"rows": 3}),
            "advice": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["consultants"].queryset = assignable_users()
        self.fields["persons"].queryset = Person.objects.filter(
            anonymised_at__isnull=True, category=Person.Category.LIBRARY_SPECIALIST
        )
        for name in ("date", "duration_hours", "advice"):
            self.fields[name].required = True
        if self.instance.pk:
            # The request's own facts stay as the library gave them.
            for name in ("library", "question"):
                del self.fields[name]
            self.fields["consultants"].initial = list(self.instance.consultants.all())

    def clean_date(self) -> datetime.date:
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise forms.ValidationError(_("A consultation is recorded once it has been given."))
        return date


class FilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    library = forms.ModelChoiceField(
        label=_("Library"), queryset=Library.objects.all(), required=False, empty_label=_("Any")
    )
    topic = forms.ChoiceField(
        label=_("Topic area"), choices=[("", _("Any")), *Consultation.Topic.choices], required=False
    )
    form = forms.ChoiceField(
        label=_("Form"), choices=[("", _("Any")), *Consultation.Form.choices], required=False
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Any")), *Consultation.Status.choices], required=False
    )
    date_from = forms.DateField(label=DATE_FROM, required=False, widget=DateInput())
    date_to = forms.DateField(label=DATE_TO, required=False, widget=DateInput())

    def __init__(self, *args, user: User, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if Role.TERRITORY in roles_of(user):
            del self.fields["library"]


class ReportForm(forms.Form):
    date_from = forms.DateField(label=DATE_FROM, widget=DateInput())
    date_to = forms.DateField(label=DATE_TO, widget=DateInput())
    group_by = forms.ChoiceField(
        label=_("By"),
        choices=[("library", _("Library")), ("topic", _("Topic area")), ("form", _("Form"))],
    )

    def clean(self) -> dict:
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            raise forms.ValidationError(_("The period must start before it ends."))
        return data
