"""Forms of the asset screens: describing, filtering, bulk edits, upload batches."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sklaida.archive.models import Asset
from sklaida.contacts.models import Person
from sklaida.core.validators import validate_attachment
from sklaida.events.choices import EventChoiceField
from sklaida.events.models import Event


def recent_events():
    """Events a batch of photos can belong to: the past year and the next month."""
    today = timezone.localdate()
    return Event.objects.filter(
        starts_at__date__gte=today - datetime.timedelta(days=365),
        starts_at__date__lte=today + datetime.timedelta(days=31),
    ).order_by("-starts_at")


class BatchForm(forms.Form):
    event = EventChoiceField(
        label=_("Event"),
        queryset=Event.objects.none(),
        required=False,
        help_text=_("Leave empty to link each file to the event held when it was taken."),
    )
    label = forms.CharField(label=_("Description"), max_length=250, required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = recent_events()


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input (Django's documented recipe)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            if not data and self.required:  # the widget gives [] when nothing was chosen
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return [super(MultipleFileField, self).clean(item, initial) for item in data]
        return [super().clean(data, initial)]


class FilesForm(forms.Form):
    """The upload without JavaScript: several files in one request, not resumable.

    An empty file passes here and is refused by ingest with its own message, so one
    empty file does not turn back the whole selection.
    """

    files = MultipleFileField(label=_("Files"), allow_empty_file=True)


class AssetForm(forms.ModelForm):
    people = forms.ModelMultipleChoiceField(
        label=_("People shown"),
        queryset=Person.objects.order_by("last_name", "first_name"),
        required=False,
    )

    class Meta:
        model = Asset
        fields = [
            "title",
            "description",
            "captured_at",
            "event",
            "creator",
            "creator_name",
            "people",
            "keywords",
            "place",
            "rights_holder",
            "licence",
            "consent",
            "minors_present",
            "consent_document",
            "access",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "captured_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["event"] = EventChoiceField(
            label=_("Event"), queryset=Event.objects.order_by("-starts_at"), required=False
        )
        self.fields["creator"].queryset = Person.objects.order_by("last_name", "first_name")
        if self.instance.pk:
            self.initial["people"] = list(self.instance.people.values_list("pk", flat=True))

    def clean_consent_document(self):
        document = self.cleaned_data.get("consent_document")
        if document and hasattr(document, "content_type"):
            validate_attachment(document)
        return document

    def clean(self):
        cleaned = super().clean()
        probe = Asset(
            access=cleaned.get("access"),
            consent=cleaned.get("consent"),
            minors_present=cleaned.get("minors_present") or False,
            consent_document=cleaned.get("consent_document") or "",
        )
        if probe.access == Asset.Access.PUBLIC and probe.publication_blocker:
            self.add_error("access", probe.publication_blocker)
        return cleaned


NO_CHANGE = [("", _("— no change —"))]


class BulkEditForm(forms.Form):
    """The same change to every chosen asset; empty fields change nothing."""

    event = EventChoiceField(label=_("Event"), queryset=Event.objects.none(), required=False)
    add_keywords = forms.CharField(
        label=_("Add keywords"),
        required=False,
        help_text=_("Separated by commas."),
    )
    add_people = forms.ModelMultipleChoiceField(
        label=_("Add people shown"), queryset=Person.objects.none(), required=False
    )
    creator = forms.ModelChoiceField(
        label=_("Creator"), queryset=Person.objects.none(), required=False
    )
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    rights_holder = forms.CharField(label=_("Rights holder"), max_length=200, required=False)
    licence = forms.ChoiceField(
        label=_("Licence"), choices=NO_CHANGE + Asset.Licence.choices, required=False
    )
    consent = forms.ChoiceField(
        label=_("Consent of people shown"),
        choices=NO_CHANGE + Asset.Consent.choices,
        required=False,
    )
    access = forms.ChoiceField(
        label=_("Access"), choices=NO_CHANGE + Asset.Access.choices, required=False
    )
    selection = forms.ChoiceField(
        label=_("Selection"), choices=NO_CHANGE + Asset.Selection.choices, required=False
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = recent_events()
        people = Person.objects.order_by("last_name", "first_name")
        self.fields["add_people"].queryset = people
        self.fields["creator"].queryset = people

    def changes(self) -> dict:
        """The descriptive fields to set on each asset."""
        data = self.cleaned_data
        return {
            name: data[name]
            for name in (
                "event",
                "creator",
                "place",
                "rights_holder",
                "licence",
                "consent",
                "access",
            )
            if data.get(name)
        }

    def keywords(self) -> list[str]:
        return [
            word.strip() for word in self.cleaned_data["add_keywords"].split(",") if word.strip()
        ]


class AssetFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    kind = forms.ChoiceField(
        label=_("Type"), choices=[("", _("All"))] + Asset.Kind.choices, required=False
    )
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1900, max_value=2100)
    event = forms.IntegerField(required=False, widget=forms.HiddenInput)
    creator = forms.IntegerField(required=False, widget=forms.HiddenInput)
    person = forms.IntegerField(required=False, widget=forms.HiddenInput)
    access = forms.ChoiceField(
        label=_("Access"), choices=[("", _("All"))] + Asset.Access.choices, required=False
    )
    selection = forms.ChoiceField(
        label=_("Selection"), choices=[("", _("All"))] + Asset.Selection.choices, required=False
    )
    # Files whose previews failed, so staff can look at them and remove them.
    damaged = forms.BooleanField(required=False, widget=forms.HiddenInput)
