"""Forms of the staff registration screens: the registrant filter and the event's questions."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from sklaida.events.models import Event, Registration, RegistrationQuestion


class RegistrantFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or e-mail"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Any")), *Registration.Status.choices], required=False
    )


class QuestionForm(forms.ModelForm):
    class Meta:
        model = RegistrationQuestion
        fields = ["label", "label_en", "kind", "options", "is_required", "position"]
        widgets = {"options": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        data = super().clean()
        if (
            data.get("kind") == RegistrationQuestion.Kind.CHOICE
            and not (data.get("options") or "").strip()
        ):
            self.add_error("options", _("Write the options, one per line."))
        return data


QuestionFormSet = forms.inlineformset_factory(
    Event,
    RegistrationQuestion,
    form=QuestionForm,
    extra=2,
    can_delete=True,
)
