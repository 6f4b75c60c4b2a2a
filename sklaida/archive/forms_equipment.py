"""Forms of the equipment screens: inventory filter and item, booking, proposals (3.3)."""

from __future__ import annotations

from django import forms
from django.core.validators import MinValueValidator
from django.utils.translation import gettext_lazy as _

from sklaida.archive.models import Proposal
from sklaida.archive.selectors import equipment as selectors
from sklaida.core.forms import ANY_MASCULINE, DateInput
from sklaida.core.models import Equipment, Library
from sklaida.events.forms import DateTimeInput

IN_USE = "yes"
NOT_IN_USE = "no"


class EquipmentFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or inventory number"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Type"),
        choices=[
            ("", ANY_MASCULINE),
            *Equipment.Kind.choices,
        ],
        required=False,
    )
    condition = forms.ChoiceField(
        label=_("Condition"),
        choices=[("", _("Any")), *Equipment.Condition.choices],
        required=False,
    )
    location = forms.ChoiceField(label=_("Kept in"), choices=[], required=False)
    in_use = forms.ChoiceField(
        label=_("In use"),
        choices=[("", _("Any")), (IN_USE, _("In use")), (NOT_IN_USE, _("Not in use"))],
        required=False,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["location"].choices = [("", _("Anywhere"))] + [
            (place, place) for place in selectors.locations()
        ]

    def criteria(self) -> selectors.EquipmentFilter:
        data = self.cleaned_data if self.is_valid() else {}
        in_use = {IN_USE: True, NOT_IN_USE: False}.get(data.get("in_use") or "")
        return selectors.EquipmentFilter(
            q=data.get("q") or "",
            kind=data.get("kind") or "",
            condition=data.get("condition") or "",
            location=data.get("location") or "",
            in_use=in_use,
        )


class EquipmentForm(forms.ModelForm):
    class Meta:
        model = Equipment
        fields = [
            "name",
            "kind",
            "library",
            "inventory_number",
            "serial_number",
            "condition",
            "location",
            "purchase_date",
            "value",
            "is_active",
            "notes",
        ]
        widgets = {"purchase_date": DateInput(), "notes": forms.Textarea(attrs={"rows": 3})}
        localized_fields = ["value"]
        help_texts = {
            "is_active": _("Items not in use cannot be booked."),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["library"].queryset = Library.objects.filter(is_active=True)
        self.fields["value"].validators.append(MinValueValidator(0))
        self.fields["value"].widget.attrs["inputmode"] = "decimal"


class BookingForm(forms.Form):
    starts_at = forms.DateTimeField(label=_("Booked from"), widget=DateTimeInput())
    ends_at = forms.DateTimeField(label=_("Booked until"), widget=DateTimeInput())
    purpose = forms.CharField(
        label=_("Purpose"),
        max_length=250,
        help_text=_("What the item is needed for: an event, filming, a training day …"),
    )

    def clean(self) -> dict:
        data = super().clean()
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("A booking must end after it starts."))
        return data


class ProposalForm(forms.ModelForm):
    class Meta:
        model = Proposal
        fields = ["title", "kind", "justification", "estimated_cost", "replaces"]
        widgets = {"justification": forms.Textarea(attrs={"rows": 5})}
        localized_fields = ["estimated_cost"]
        help_texts = {
            "replaces": _("The inventory item the proposal would replace, if any."),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["replaces"].queryset = Equipment.objects.order_by("kind", "name")
        self.fields["estimated_cost"].validators.append(MinValueValidator(0))
        self.fields["estimated_cost"].widget.attrs["inputmode"] = "decimal"


class ProposalFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Any")), *Proposal.Status.choices], required=False
    )


class DecisionForm(forms.Form):
    note = forms.CharField(
        label=_("Reason or note"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
