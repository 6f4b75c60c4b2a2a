"""Forms of the core screens; every message a person sees is in their language."""

from __future__ import annotations

import datetime

from django import forms
from django.conf import settings
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from sklaida.core.models import Library, Task, User
from sklaida.core.selectors import TASK_SCOPES, assignable_users
from sklaida.core.validators import ALLOWED_EXTENSIONS

# Words of the filter forms, one translation each (Lithuanian agrees with what they qualify).
ANY_MASCULINE = pgettext_lazy("any of a masculine noun: type, author, channel, list", "Any")
# The ends of a period ("Nuo", "Iki"), not the history's "was/became".
DATE_FROM = pgettext_lazy("date range", "From")
DATE_TO = pgettext_lazy("date range", "To")


def as_people_type_them(model_field, **kwargs) -> forms.Field | None:
    """ModelForm `formfield_callback`: a web address typed without a scheme gets https://;
    amounts are read as people type them (`WrittenDecimalField`)."""
    if isinstance(model_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    if isinstance(model_field, models.DecimalField):
        kwargs.setdefault("form_class", WrittenDecimalField)
    return model_field.formfield(**kwargs)


class WrittenDecimalField(forms.DecimalField):
    """An amount typed the Lithuanian way ("1 234,50", with a plain or a non-breaking space)
    or the English way ("1234.50"). Django reads a comma only with the thousands separator
    setting on, which would also change how every number is shown. A text box, since a
    number box refuses the space and the comma."""

    widget = forms.TextInput(attrs={"inputmode": "decimal"})

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace("\xa0", "").replace("\u202f", "").replace(" ", "")
            if value.count(",") == 1 and "." not in value:
                value = value.replace(",", ".")
        return super().to_python(value)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class MoveForm(forms.Form):
    """A calendar entry's new day and time: what drag and drop and the "Move" form send."""

    date = forms.DateField(label=_("New date"), widget=DateInput())
    time = forms.TimeField(
        label=_("New start time"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text=_("Empty: the same time of day."),
    )

    def moment(self, current: datetime.datetime) -> datetime.datetime:
        """The new aware time; without a time, `current`'s local time of day is kept."""
        local = timezone.localtime(current)
        time = self.cleaned_data["time"] or local.time().replace(tzinfo=None)
        return timezone.make_aware(datetime.datetime.combine(self.cleaned_data["date"], time))


class TaskForm(forms.ModelForm):
    class Meta:
        model = Task
        fields = ["title", "description", "owner", "due_date", "library", "tags"]
        widgets = {
            "due_date": DateInput(),
            "description": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {"tags": _("Separate tags with commas.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = assignable_users()
        self.fields["library"].queryset = Library.objects.filter(is_active=True)

    def clean_due_date(self):
        due_date = self.cleaned_data.get("due_date")
        is_new = self.instance.pk is None
        changed = "due_date" in self.changed_data
        if due_date and (is_new or changed) and due_date < timezone.localdate():
            raise forms.ValidationError(_("The due date has already passed."))
        return due_date


class TaskFilterForm(forms.Form):
    scope = forms.ChoiceField(
        label=_("Whose"),
        choices=[
            (TASK_SCOPES[0], _("Mine")),
            (TASK_SCOPES[1], _("Assigned by me to others")),
            (TASK_SCOPES[2], _("Everyone's")),
        ],
        required=False,
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Any")), ("open", _("Not finished")), *Task.Status.choices],
        required=False,
    )
    q = forms.CharField(label=_("Search"), required=False, max_length=100)


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        max_length=100,
        help_text=_("Any word form, with or without diacritics: “siauliu” finds “Šiaulių”."),
    )


class TaskStatusForm(forms.Form):
    status = forms.ChoiceField(choices=Task.Status.choices)


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Comment"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


class AttachmentForm(forms.Form):
    """The file's size and content are checked by services.add_attachment."""

    file = forms.FileField(label=_("File"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _("Allowed types: %(types)s; up to %(size)s.") % {
            "types": ", ".join(ALLOWED_EXTENSIONS),
            "size": filesizeformat(settings.ATTACHMENT_MAX_BYTES),
        }
        self.fields["file"].widget.attrs["accept"] = ",".join(ALLOWED_EXTENSIONS)


class ProfileForm(forms.ModelForm):
    """What a person sets herself. Her name is the administrator's to set (colleagues trust
    the name beside a comment); her e-mail address changes through a confirmed link."""

    class Meta:
        model = User
        fields = ["language"]
