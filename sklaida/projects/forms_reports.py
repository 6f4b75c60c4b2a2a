"""Forms of a project's reports page: a deadline staff add by hand, a report submitted."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sklaida.core.forms import DateInput
from sklaida.projects.models import ReportDeadline


class DeadlineForm(forms.ModelForm):
    class Meta:
        model = ReportDeadline
        fields = ["kind", "due_on", "basis"]
        labels = {"basis": _("Reason")}
        help_texts = {"basis": _("E.g. the contract's clause: “Interim report by 15 June”.")}
        widgets = {"due_on": DateInput()}

    def __init__(self, *args, final_allowed: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if "kind" in self.fields:
            self.fields["kind"].initial = ReportDeadline.Kind.INTERIM
        if self.instance.pk:
            # A deadline keeps its kind; only its day and reason change.
            del self.fields["kind"]
        elif not final_allowed:
            self.fields["kind"].choices = [
                choice for choice in self.fields["kind"].choices if choice[0] != "final"
            ]
            self.fields["kind"].help_text = _(
                "The final report's deadline comes from the call's terms."
            )


class SubmittedForm(forms.Form):
    submitted_on = forms.DateField(label=_("Submitted on"), widget=DateInput())

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["submitted_on"].initial = timezone.localdate()
