"""The public registration form: name and contacts, seats, the event's questions, consent."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from sklaida.events.models import Event, Registration, RegistrationQuestion
from sklaida.public.forms import EMAIL_TOO_LONG
from sklaida.public.protection import HumanCheckForm

QUESTION_PREFIX = "question_"


def _max_length(field: str) -> int:
    return Registration._meta.get_field(field).max_length


class RegistrationForm(HumanCheckForm):
    name = forms.CharField(
        label=_("Name and surname"),
        max_length=_max_length("name"),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        help_text=_("The confirmation and your personal cancellation link are sent here."),
        max_length=_max_length("email"),
        error_messages={"max_length": EMAIL_TOO_LONG},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=_max_length("phone"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    seats = forms.TypedChoiceField(label=_("Seats"), coerce=int, initial=1)
    consent = forms.BooleanField(
        label=_("I agree that my data is used as described above."),
        error_messages={"required": _("Agree to how your data is used, or we cannot sign you up.")},
    )

    def __init__(self, *args, event: Event, questions: list[RegistrationQuestion], **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        most = max(event.max_seats_per_registration, 1)
        self.fields["seats"].choices = [(n, str(n)) for n in range(1, most + 1)]
        if most == 1:
            self.fields["seats"].widget = forms.HiddenInput()
        if not event.consent_text.strip():
            del self.fields["consent"]
        # The event's own questions go between the seats and the consent; the honeypot
        # and the time stamp come last.
        last = ("consent", "website", "started")
        moved = {name: self.fields.pop(name) for name in last if name in self.fields}
        for question in questions:
            self.fields[f"{QUESTION_PREFIX}{question.pk}"] = _question_field(question)
        self.fields.update(moved)

    def answers(self) -> dict[str, object]:
        return {
            str(question.pk): self.cleaned_data.get(f"{QUESTION_PREFIX}{question.pk}")
            for question in self.questions
        }


def _question_field(question: RegistrationQuestion) -> forms.Field:
    Kind = RegistrationQuestion.Kind
    common = {"label": question.public_label, "required": question.is_required}
    if question.kind == Kind.LONG_TEXT:
        return forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=2000, **common)
    if question.kind == Kind.CHOICE:
        choices = [(option, option) for option in question.option_list]
        return forms.ChoiceField(choices=[("", "—"), *choices], **common)
    if question.kind == Kind.CHECKBOX:
        return forms.BooleanField(**common)
    return forms.CharField(max_length=500, **common)
