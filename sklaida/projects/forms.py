"""Forms of funders, calls and projects (budgets and the timeline have their own modules)."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sklaida.contacts.models import Organisation
from sklaida.core.forms import ANY_MASCULINE, DateInput, WrittenDecimalField, as_people_type_them
from sklaida.core.models import Library
from sklaida.core.selectors import assignable_users
from sklaida.events.models import PlannedActivity
from sklaida.projects.models import (
    CostCap,
    Document,
    Funder,
    FundingCall,
    Partner,
    Project,
    TeamMember,
)

# Plan entries offered to a project: those of last year and later, so the list stays short.
PLAN_YEARS_BACK = 1


class FunderForm(forms.ModelForm):
    class Meta:
        model = Funder
        formfield_callback = as_people_type_them
        fields = ["name", "short_name", "kind", "website", "organisation", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None) -> None:
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class CallForm(forms.ModelForm):
    class Meta:
        model = FundingCall
        formfield_callback = as_people_type_them
        fields = [
            "funder",
            "title",
            "programme",
            "url",
            "opens_on",
            "deadline",
            "min_request",
            "max_request",
            "max_funding_share",
            "lump_sums",
            "eligible_costs",
            "scoring_criteria",
            "report_within_working_days",
            "report_no_later_than",
            "notes",
        ]
        widgets = {
            "opens_on": DateInput(),
            "deadline": DateTimeInput(),
            "report_no_later_than": DateInput(),
            "eligible_costs": forms.Textarea(attrs={"rows": 4}),
            "scoring_criteria": forms.Textarea(attrs={"rows": 4}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }


CostCapFormSet = forms.inlineformset_factory(
    FundingCall,
    CostCap,
    fields=["category", "max_share"],
    extra=2,
    can_delete=True,
    formfield_callback=as_people_type_them,
)


class ProjectForm(forms.ModelForm):
    class Meta:
        model = Project
        formfield_callback = as_people_type_them
        fields = [
            "title",
            "acronym",
            "call",
            "funder",
            "role",
            "lead_organisation",
            "library",
            "territory_libraries",
            "manager",
            "starts_on",
            "ends_on",
            "requested_amount",
            "summary",
            "goals",
            "activities_description",
            "target_groups",
            "expected_results",
            "plan_activities",
        ]
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "summary": forms.Textarea(attrs={"rows": 4}),
            "goals": forms.Textarea(attrs={"rows": 4}),
            "activities_description": forms.Textarea(attrs={"rows": 4}),
            "target_groups": forms.Textarea(attrs={"rows": 3}),
            "expected_results": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["call"].queryset = FundingCall.objects.select_related("funder")
        self.fields["funder"].queryset = Funder.objects.order_by("name")
        self.fields["lead_organisation"].queryset = Organisation.objects.order_by("name")
        self.fields["manager"].queryset = assignable_users()
        self.fields["library"].queryset = Library.objects.order_by("-kind", "name")
        self.fields["territory_libraries"].queryset = Library.objects.filter(
            kind=Library.Kind.TERRITORY
        ).order_by("name")
        since = timezone.localdate().year - PLAN_YEARS_BACK
        offered = PlannedActivity.objects.filter(starts_on__gte=datetime.date(since, 1, 1))
        if self.instance.pk:
            offered = offered | PlannedActivity.objects.filter(funding_projects=self.instance)
        self.fields["plan_activities"].queryset = offered.distinct().order_by("starts_on")
        self.fields["plan_activities"].help_text = _(
            "The lines of the activity plan this project pays for."
        )
        if not self.instance.pk:
            self.initial.setdefault(
                "library", Library.objects.filter(kind=Library.Kind.COUNTY).first()
            )

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("call") and not data.get("funder") and self.instance.status != "idea":
            self.add_error("funder", _("Choose the call or at least the funder."))
        return data


class MoveForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=Project.Status.choices)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)
    granted_amount = WrittenDecimalField(
        label=_("Granted, EUR"),
        max_digits=12,
        decimal_places=2,
        min_value=0,
        required=False,
        help_text=_("On approval; the amount requested when left empty."),
    )
    contract_number = forms.CharField(label=_("Contract number"), max_length=60, required=False)


class PartnerForm(forms.ModelForm):
    class Meta:
        model = Partner
        formfield_callback = as_people_type_them
        fields = ["organisation", "role", "contribution", "contribution_amount"]
        widgets = {"contribution": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")


class TeamMemberForm(forms.ModelForm):
    class Meta:
        model = TeamMember
        fields = ["user", "name", "role"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = assignable_users()
        self.fields["user"].required = False


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type"), choices=Document.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=250, required=False)
    file = forms.FileField(label=_("File"))
    note = forms.CharField(label=_("What changed"), max_length=500, required=False)


class VersionForm(forms.Form):
    file = forms.FileField(label=_("File"))
    note = forms.CharField(label=_("What changed"), max_length=500, required=False)


class ProjectFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", ANY_MASCULINE), *Project.Status.choices]
    )
    funder = forms.ModelChoiceField(
        label=_("Funder"),
        required=False,
        queryset=Funder.objects.order_by("name"),
        empty_label=ANY_MASCULINE,
    )
    role = forms.ChoiceField(
        label=_("Our role"), required=False, choices=[("", ANY_MASCULINE), *Project.Role.choices]
    )
