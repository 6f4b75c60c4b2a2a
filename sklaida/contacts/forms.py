"""Forms of the contacts screens."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from sklaida.contacts.importing import FIELDS
from sklaida.contacts.models import (
    LANGUAGE_CHOICES,
    Agreement,
    ContactList,
    Interaction,
    Organisation,
    Person,
)
from sklaida.core.forms import ANY_MASCULINE, DateInput, as_people_type_them
from sklaida.core.selectors import assignable_users

TAGS_HELP = _("Separate tags with commas.")


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        formfield_callback = as_people_type_them
        fields = [
            "name",
            "kind",
            "library",
            "country",
            "city",
            "email",
            "phone",
            "website",
            "social_handles",
            "tags",
            "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"tags": TAGS_HELP}


class PersonForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=LANGUAGE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.all(),
        required=False,
        help_text=_(
            "Where the person works or what they represent; more roles can be added later."
        ),
    )
    role = forms.CharField(label=_("Role at the organisation"), max_length=150, required=False)

    class Meta:
        model = Person
        formfield_callback = as_people_type_them
        fields = [
            "first_name",
            "last_name",
            "category",
            "email",
            "phone",
            "country",
            "city",
            "languages",
            "website",
            "social_handles",
            "legal_basis",
            "consent_date",
            "tags",
            "notes",
        ]
        widgets = {"consent_date": DateInput(), "notes": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"tags": TAGS_HELP}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # Roles of an existing person are kept on the person's page.
            del self.fields["organisation"], self.fields["role"]


class MembershipForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.all()
    )
    role = forms.CharField(label=_("Role"), max_length=150, required=False)


class InteractionForm(forms.ModelForm):
    class Meta:
        model = Interaction
        fields = ["kind", "date", "staff", "summary", "organisations", "persons"]
        widgets = {
            "date": DateInput(),
            "summary": forms.Textarea(attrs={"rows": 3}),
            "organisations": forms.SelectMultiple(attrs={"size": 6}),
            "persons": forms.SelectMultiple(attrs={"size": 6}),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["staff"].queryset = assignable_users()
        self.fields["persons"].queryset = Person.objects.filter(anonymised_at__isnull=True)

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("organisations") and not data.get("persons"):
            raise forms.ValidationError(_("Choose at least one organisation or person."))
        return data


class AgreementForm(forms.ModelForm):
    class Meta:
        model = Agreement
        fields = ["organisation", "number", "subject", "start_date", "end_date", "owner", "persons"]
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "persons": forms.SelectMultiple(attrs={"size": 6}),
        }
        help_texts = {
            "end_date": _("Sixty days before this date the responsible person gets a task."),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = assignable_users()
        self.fields["persons"].queryset = Person.objects.filter(anonymised_at__isnull=True)
        self.fields["persons"].required = False


class PersonSearchForm(forms.Form):
    q = forms.CharField(label=_("Name or e-mail"), required=False, max_length=100)
    category = forms.ChoiceField(
        label=_("Category"), choices=[("", _("Any")), *Person.Category.choices], required=False
    )
    organisation_kind = forms.ChoiceField(
        label=_("Organisation type"),
        choices=[
            ("", ANY_MASCULINE),
            *Organisation.Kind.choices,
        ],
        required=False,
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    tag = forms.CharField(label=_("Tag"), required=False, max_length=100)
    contact_list = forms.ModelChoiceField(
        label=_("List"),
        queryset=ContactList.objects.all(),
        required=False,
        empty_label=ANY_MASCULINE,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("Any")), *countries]

    def criteria(self) -> dict:
        if not self.is_valid():
            return {}
        data = dict(self.cleaned_data)
        data["contact_list"] = data["contact_list"].pk if data.get("contact_list") else None
        return {key: value for key, value in data.items() if value}


class OrganisationSearchForm(forms.Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Type"),
        choices=[
            ("", ANY_MASCULINE),
            *Organisation.Kind.choices,
        ],
        required=False,
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    tag = forms.CharField(label=_("Tag"), required=False, max_length=100)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("Any")), *countries]


class ContactListForm(forms.ModelForm):
    class Meta:
        model = ContactList
        fields = ["name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


class AddToListForm(forms.Form):
    contact_list = forms.ModelChoiceField(
        label=_("List"), queryset=ContactList.objects.filter(kind=ContactList.Kind.MANUAL)
    )


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("Excel (.xlsx) or CSV (.csv); the first row holds the column names."),
    )


class ImportMappingForm(forms.Form):
    """For every Sklaida field, which column of the file fills it."""

    def __init__(self, *args, headers: list[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        columns = [("", _("— not imported —"))] + [
            (str(index), header or _("Column %(number)s") % {"number": index + 1})
            for index, header in enumerate(headers)
        ]
        for field in FIELDS:
            self.fields[field.name] = forms.ChoiceField(
                label=field.label, choices=columns, required=field.required
            )

    def mapping(self) -> dict[str, int]:
        return {name: int(value) for name, value in self.cleaned_data.items() if value != ""}


class MergeForm(forms.Form):
    """For each field where the two records differ, whose value to keep.

    A field left unanswered keeps what the screen proposed: the filled-in value.
    """

    def __init__(self, *args, keep: Person, remove: Person, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.differences = []
        for name in MERGEABLE_FIELDS:
            mine, theirs = getattr(keep, name), getattr(remove, name)
            if mine == theirs or theirs in ("", None, []):
                continue
            label = Person._meta.get_field(name).verbose_name
            self.fields[name] = forms.ChoiceField(
                label=label,
                choices=[("keep", _display(keep, name)), ("remove", _display(remove, name))],
                widget=forms.RadioSelect,
                initial="keep" if mine not in ("", None, []) else "remove",
                required=False,
            )
            self.differences.append(name)

    def chosen_values(self, remove: Person) -> dict:
        return {
            name: getattr(remove, name)
            for name in self.differences
            if (self.cleaned_data.get(name) or self.fields[name].initial) == "remove"
        }


MERGEABLE_FIELDS = [
    "first_name",
    "last_name",
    "category",
    "email",
    "phone",
    "country",
    "city",
    "website",
    "social_handles",
    "legal_basis",
    "consent_date",
    "notes",
]


def _display(person: Person, name: str) -> str:
    display = getattr(person, f"get_{name}_display", None)
    value = display() if display else getattr(person, name)
    return str(value) if value not in ("", None) else "—"


class PersonalDataForm(forms.Form):
    """Whom an export of personal data is about: a contact (from her page) or an address."""

    person = forms.ModelChoiceField(
        queryset=Person.objects.filter(anonymised_at__isnull=True),
        required=False,
        widget=forms.HiddenInput,
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        max_length=254,
        help_text=_(
            "Everything kept under this address: registrations, tour requests, the "
            "newsletter, press mailings and the contacts that have it."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )

    def hide_address(self) -> None:
        """A contact was chosen: the export is hers (with her address), no field to fill."""
        self.fields["email"].widget = forms.HiddenInput()

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("person") and not data.get("email"):
            raise forms.ValidationError(
                _("Enter an e-mail address, or open the export from a contact's page.")
            )
        return data
