"""Forms of a project's budget: a line, an expense with its evidence, and the pipeline's
year filter. Amounts are typed as people write them ("1 234,50", "1234.50") and read into
Decimal by `money.parse_amount`, never through a float."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sklaida.core.formatting import format_number
from sklaida.core.forms import DateInput
from sklaida.core.validators import ALLOWED_EXTENSIONS
from sklaida.projects.models import BudgetLine, Expense, Project
from sklaida.projects.money import parse_amount


class MoneyInput(forms.TextInput):
    """A text box for euros: shown as "1 234,50", the keyboard of numbers on a phone."""

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "decimal", "autocomplete": "off", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, Decimal | int):
            return format_number(value, 2)
        return super().format_value(value)


class MoneyField(forms.Field):
    """An amount in euros, rounded to the cent: "1 234,50", "1234.50", "60 000 €"."""

    widget = MoneyInput
    default_error_messages = {
        "invalid": _("Write an amount in euros, e.g. 1 234,50."),
        "min_value": _("The amount must be at least %(limit)s €."),
    }

    def __init__(self, *, min_value: Decimal | None = None, **kwargs) -> None:
        self.min_value = min_value
        super().__init__(**kwargs)

    def to_python(self, value) -> Decimal | None:
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal):
            return value
        try:
            return parse_amount(str(value))
        except ValueError as error:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from error

    def validate(self, value) -> None:
        super().validate(value)
        if value is not None and self.min_value is not None and value < self.min_value:
            raise ValidationError(
                self.error_messages["min_value"],
                code="min_value",
                params={"limit": format_number(self.min_value, 2)},
            )


class BudgetLineForm(forms.ModelForm):
    funder_amount = MoneyField(label=_("Funder, EUR"), required=False)
    own_amount = MoneyField(
        label=_("Own contribution, EUR"),
        required=False,
        help_text=_("What the library pays from its own funds."),
    )
    other_amount = MoneyField(
        label=_("Other sources, EUR"),
        required=False,
        help_text=_("Partners, sponsors, the municipality."),
    )

    class Meta:
        model = BudgetLine
        fields = ["category", "title", "funder_amount", "own_amount", "other_amount"]

    def clean(self) -> dict:
        data = super().clean()
        for name in ("funder_amount", "own_amount", "other_amount"):
            if data.get(name) is None and name not in self.errors:
                data[name] = Decimal("0.00")
        if not self.errors and not any(
            data[name] for name in ("funder_amount", "own_amount", "other_amount")
        ):
            raise ValidationError(_("Write the amount the line plans in at least one column."))
        return data


class ExpenseForm(forms.ModelForm):
    amount = MoneyField(label=_("Amount, EUR"), min_value=Decimal("0.01"))
    evidence = forms.FileField(
        label=_("Invoice or other evidence"),
        required=False,
        widget=forms.FileInput(attrs={"accept": ",".join(ALLOWED_EXTENSIONS)}),
    )
    remove_evidence = forms.BooleanField(label=_("Remove the attached evidence"), required=False)

    class Meta:
        model = Expense
        fields = ["line", "invoice_number", "invoice_date", "supplier", "description", "amount"]
        widgets = {"invoice_date": DateInput()}

    def __init__(self, *args, project: Project, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["line"].queryset = project.budget_lines.order_by("position", "pk")
        self.fields["line"].empty_label = None
        self.fields["evidence"].help_text = _("Allowed types: %(types)s; up to %(size)s.") % {
            "types": ", ".join(ALLOWED_EXTENSIONS),
            "size": filesizeformat(settings.ATTACHMENT_MAX_BYTES),
        }
        if not self.instance.pk:
            self.fields["invoice_date"].initial = timezone.localdate
        if not (self.instance.pk and self.instance.evidence):
            del self.fields["remove_evidence"]
        else:
            self.fields["evidence"].label = _("Replace the evidence")


class PipelineFilterForm(forms.Form):
    year = forms.TypedChoiceField(
        label=_("Year"), coerce=int, required=False, empty_value=None, choices=()
    )

    def __init__(self, *args, years: list[int], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("All years")), *((y, str(y)) for y in years)]
