"""Forms of the procurement screens: requests, the survey with its offers, contracts, the
plan and its lines, documents."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from sklaida.core.forms import ANY_MASCULINE, DateInput, as_people_type_them
from sklaida.core.selectors import assignable_users
from sklaida.procurement import cpv, selectors
from sklaida.procurement.models import (
    Contract,
    Kind,
    PlanLine,
    Procedure,
    ProcurementPlan,
    PurchaseRequest,
    RequestDocument,
    SupplierSurvey,
    SurveyOffer,
)
from sklaida.projects.models import BudgetLine

SUGGESTED = _("As the thresholds suggest")


def _budget_lines():
    return BudgetLine.objects.select_related("project").order_by("project__title", "position")


def _budget_line_label(line: BudgetLine) -> str:
    return f"{line.project.title}: {line.title}"


class CpvMixin:
    def clean_cpv_code(self) -> str:
        code = cpv.normalise(self.cleaned_data.get("cpv_code", ""))
        if code:
            cpv.validate_cpv(code)
        return code


class RequestForm(CpvMixin, forms.ModelForm):
    class Meta:
        model = PurchaseRequest
        formfield_callback = as_people_type_them
        fields = [
            "subject",
            "cpv_code",
            "kind",
            "estimated_value",
            "needed_by",
            "procedure",
            "initiator",
            "justification",
            "technical_specification",
            "plan_line",
            "budget_line",
        ]
        widgets = {
            "needed_by": DateInput(),
            "justification": forms.Textarea(attrs={"rows": 4}),
            "technical_specification": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["procedure"].choices = [("", SUGGESTED), *Procedure.choices]
        self.fields["initiator"].queryset = assignable_users()
        self.fields["plan_line"].queryset = PlanLine.objects.select_related("plan").order_by(
            "-plan__year", "quarter", "position"
        )
        self.fields["plan_line"].label_from_instance = lambda line: (
            f"{line.plan.year}: {line.subject} ({line.cpv_code})"
        )
        self.fields["budget_line"].queryset = _budget_lines()
        self.fields["budget_line"].label_from_instance = _budget_line_label


class RequestFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    status = forms.ChoiceField(label=_("Status"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    kind = forms.ChoiceField(
        label=pgettext_lazy("purchase", "Kind"),
        required=False,
        choices=[("", _("Any")), *Kind.choices],
    )
    procedure = forms.ChoiceField(
        label=_("Procedure"), required=False, choices=[("", ANY_MASCULINE), *Procedure.choices]
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            ("", _("Any")),
            (selectors.OPEN, _("Not yet contracted")),
            *PurchaseRequest.Status.choices,
        ]
        self.fields["year"].choices = [("", _("Any year"))] + [
            (year, str(year)) for year in selectors.request_years()
        ]

    def criteria(self) -> selectors.RequestFilter:
        data = self.cleaned_data if self.is_valid() else {}
        return selectors.RequestFilter(
            q=data.get("q") or "",
            status=data.get("status") or "",
            year=data.get("year"),
            kind=data.get("kind") or "",
            procedure=data.get("procedure") or "",
        )


class MoveForm(forms.Form):
    status = forms.ChoiceField(choices=PurchaseRequest.Status.choices, widget=forms.HiddenInput)
    note = forms.CharField(label=_("Note"), required=False, max_length=500)


class SurveyForm(forms.ModelForm):
    class Meta:
        model = SupplierSurvey
        fields = ["surveyed_on", "method", "choice_reason", "note"]
        widgets = {
            "surveyed_on": DateInput(),
            "choice_reason": forms.Textarea(attrs={"rows": 2}),
            "note": forms.Textarea(attrs={"rows": 2}),
        }


class OfferForm(forms.ModelForm):
    chosen = forms.BooleanField(label=_("Chosen"), required=False)

    class Meta:
        model = SurveyOffer
        formfield_callback = as_people_type_them
        fields = ["organisation", "supplier_name", "price_excl_vat", "price_incl_vat", "note"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = self.fields["organisation"].queryset.order_by(
            "search_name"
        )
        if self.instance.pk and hasattr(self.instance, "chosen_in"):
            self.fields["chosen"].initial = True


class BaseOfferFormSet(forms.BaseInlineFormSet):
    def clean(self) -> None:
        super().clean()
        chosen = [
            form
            for form in self.forms
            if form.cleaned_data.get("chosen") and not form.cleaned_data.get("DELETE")
        ]
        if len(chosen) > 1:
            raise ValidationError(_("Choose one offer."))

    def chosen_form(self) -> OfferForm | None:
        for form in self.forms:
            if form.cleaned_data.get("chosen") and not form.cleaned_data.get("DELETE"):
                return form
        return None


OfferFormSet = forms.inlineformset_factory(
    SupplierSurvey,
    SurveyOffer,
    form=OfferForm,
    formset=BaseOfferFormSet,
    extra=3,
    can_delete=True,
)


class ContractForm(forms.ModelForm):
    class Meta:
        model = Contract
        formfield_callback = as_people_type_them
        fields = [
            "number",
            "subject",
            "organisation",
            "supplier_name",
            "value_excl_vat",
            "value_incl_vat",
            "signed_on",
            "starts_on",
            "ends_on",
            "request",
            "procedure",
            "note",
        ]
        widgets = {
            "signed_on": DateInput(),
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = self.fields["organisation"].queryset.order_by(
            "search_name"
        )
        self.fields["request"].queryset = PurchaseRequest.objects.order_by("-year", "-sequence")


class ContractFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    year = forms.IntegerField(
        label=_("Signed in the year"), required=False, min_value=2000, max_value=2100
    )
    valid_on = forms.DateField(label=_("Valid on"), required=False, widget=DateInput())

    def criteria(self) -> selectors.ContractFilter:
        data = self.cleaned_data if self.is_valid() else {}
        return selectors.ContractFilter(
            q=data.get("q") or "", year=data.get("year"), valid_on=data.get("valid_on")
        )


class PlanForm(forms.ModelForm):
    class Meta:
        model = ProcurementPlan
        fields = ["year", "approved_on", "note"]
        widgets = {"approved_on": DateInput(), "note": forms.Textarea(attrs={"rows": 2})}


class PlanLineForm(CpvMixin, forms.ModelForm):
    class Meta:
        model = PlanLine
        formfield_callback = as_people_type_them
        fields = [
            "subject",
            "cpv_code",
            "kind",
            "estimated_value",
            "quarter",
            "procedure",
            "budget_line",
            "note",
        ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["procedure"].choices = [("", SUGGESTED), *Procedure.choices]
        self.fields["budget_line"].queryset = _budget_lines()
        self.fields["budget_line"].label_from_instance = _budget_line_label


class PublishedForm(forms.Form):
    published_on = forms.DateField(label=_("Published on"), widget=DateInput())


class DocumentUploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("Document"), choices=RequestDocument.Kind.choices)
    file = forms.FileField(label=_("Edited file (.docx)"))
    note = forms.CharField(label=_("What changed"), required=False, max_length=500)
