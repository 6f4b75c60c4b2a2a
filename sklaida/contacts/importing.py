"""Importing persons from XLSX/CSV: read, map columns, check every row, then save all or nothing.

The steps run as background jobs (contacts.tasks) and record their progress on the
PersonImport, so a page can show how far a large file has got; a step that raises (a
file that breaks the reader halfway) marks the import failed with the error, so the
page says so instead of polling for ever.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePath

import openpyxl
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override
from django_countries import countries

from sklaida.contacts.models import (
    LANGUAGE_CHOICES,
    DuplicateCandidate,
    Membership,
    Organisation,
    Person,
    PersonImport,
)
from sklaida.contacts.text import search_key
from sklaida.core import spreadsheets
from sklaida.core.jobs import failure_recorded

MAX_ROWS = 100_000
PREVIEW_ROWS = 20
PROGRESS_EVERY = 200


@dataclass(frozen=True)
class ImportField:
    name: str
    label: str
    # Header texts (normalised) that map to this field without asking.
    aliases: tuple[str, ...]
    required: bool = False


FIELDS = [
    ImportField(
        "first_name", gettext_lazy("First name"), ("vardas", "first name", "firstname"), True
    ),
    ImportField(
        "last_name",
        gettext_lazy("Last name"),
        ("pavarde", "last name", "surname", "lastname"),
        True,
    ),
    ImportField(
        "email", gettext_lazy("E-mail"), ("el. pastas", "el pastas", "e-mail", "email", "e. pastas")
    ),
    ImportField("phone", gettext_lazy("Phone"), ("telefonas", "tel.", "tel", "phone")),
    ImportField(
        "organisation",
        gettext_lazy("Organisation"),
        ("organizacija", "istaiga", "organisation", "organization"),
    ),
    ImportField(
        "organisation_kind",
        gettext_lazy("Organisation type"),
        ("organizacijos tipas", "tipas", "organisation type"),
    ),
    ImportField("role", gettext_lazy("Role at the organisation"), ("pareigos", "role", "position")),
    ImportField("category", gettext_lazy("Category"), ("kategorija", "category")),
    ImportField("country", gettext_lazy("Country"), ("salis", "country")),
    ImportField("city", gettext_lazy("City"), ("miestas", "city")),
    ImportField("languages", gettext_lazy("Languages"), ("kalbos", "languages")),
    ImportField("website", gettext_lazy("Website"), ("svetaine", "website", "web")),
    ImportField(
        "social_handles", gettext_lazy("Social networks"), ("socialiniai tinklai", "social")
    ),
    ImportField(
        "legal_basis",
        gettext_lazy("Legal basis"),
        ("teisinis pagrindas", "pagrindas", "legal basis"),
        True,
    ),
    ImportField("consent_date", gettext_lazy("Consent date"), ("sutikimo data", "consent date")),
    ImportField("tags", gettext_lazy("Tags"), ("zymos", "tags")),
    ImportField("notes", gettext_lazy("Notes"), ("pastabos", "notes")),
]
FIELD_NAMES = [field.name for field in FIELDS]


class ImportFileError(ValidationError):
    pass


def _choice_lookup(choices) -> dict[str, str]:
    """Accept a choice by its code or by its label in Lithuanian or English, any case."""
    lookup = {}
    for language in ("lt", "en"):
        with override(language):
            for value, label in choices:
                lookup[search_key(str(label))] = value
                lookup[search_key(value)] = value
    return lookup


def read_table(file, file_name: str) -> tuple[list[str], Iterator[list[str]]]:
    """Headers and rows of an XLSX file's first sheet or of a CSV file (UTF-8 or Windows-1257)."""
    extension = PurePath(file_name).suffix.lower()
    file.seek(0)
    if extension == ".xlsx":
        try:
            workbook = openpyxl.load_workbook(file, read_only=True, data_only=True)
        except Exception as error:
            raise ImportFileError(_("The file could not be read as an Excel workbook.")) from error
        rows = (
            ["" if cell is None else _cell_text(cell) for cell in row]
            for row in workbook.worksheets[0].iter_rows(values_only=True)
        )
    elif extension == ".csv":
        raw = file.read()
        for encoding in ("utf-8-sig", "cp1257"):
            try:
                text = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        rows = (
            [spreadsheets.imported_csv_value(value) for value in row]
            for row in csv.reader(io.StringIO(text), dialect)
        )
    else:
        raise ImportFileError(_("Upload an Excel (.xlsx) or CSV (.csv) file."))
    headers = next(rows, None)
    if not headers or not any(header.strip() for header in headers):
        raise ImportFileError(_("The first row of the file must hold the column names."))
    return [header.strip() for header in headers], rows


def _cell_text(value) -> str:
    if hasattr(value, "date") and hasattr(value, "isoformat"):
        return value.date().isoformat() if hasattr(value, "hour") else value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def guess_mapping(headers: list[str]) -> dict[str, int]:
    """Map the columns whose names Sklaida recognises."""
    normalised = [search_key(header) for header in headers]
    mapping = {}
    for field in FIELDS:
        for index, header in enumerate(normalised):
            if header in field.aliases or header == search_key(str(field.label)):
                mapping[field.name] = index
                break
    return mapping


def validate_upload(file: UploadedFile) -> list[str]:
    """The file's headers, or an ImportFileError saying what is wrong with it."""
    headers, _rows = read_table(file, file.name or "")
    file.seek(0)
    return headers


class PersonRowForm(forms.Form):
    """One row of the file, checked as if typed into a form."""

    first_name = forms.CharField(max_length=100)
    last_name = forms.CharField(max_length=100)
    email = forms.EmailField(required=False)
    phone = forms.CharField(max_length=40, required=False)
    organisation = forms.CharField(max_length=250, required=False)
    organisation_kind = forms.CharField(required=False)
    role = forms.CharField(max_length=150, required=False)
    category = forms.CharField(required=False)
    country = forms.CharField(required=False)
    city = forms.CharField(max_length=100, required=False)
    languages = forms.CharField(required=False)
    website = forms.URLField(required=False, assume_scheme="https")
    social_handles = forms.CharField(max_length=300, required=False)
    legal_basis = forms.CharField()
    consent_date = forms.DateField(
        required=False, input_formats=["%Y-%m-%d", "%Y.%m.%d", "%Y/%m/%d"]
    )
    tags = forms.CharField(required=False)
    notes = forms.CharField(required=False)

    def __init__(self, *args, lookups: dict, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.lookups = lookups
        for field in FIELDS:
            self.fields[field.name].label = field.label

    def _choice(self, name: str, default: str = "") -> str:
        value = self.cleaned_data.get(name, "")
        if not value:
            return default
        found = self.lookups[name].get(search_key(value))
        if found is None:
            raise ValidationError(_("“%(value)s” is not a known value.") % {"value": value})
        return found

    def clean_organisation_kind(self) -> str:
        return self._choice("organisation_kind")

    def clean_category(self) -> str:
        return self._choice("category", Person.Category.OTHER)

    def clean_legal_basis(self) -> str:
        return self._choice("legal_basis")

    def clean_country(self) -> str:
        return self._choice("country", "LT")

    def clean_languages(self) -> list[str]:
        value = self.cleaned_data.get("languages", "")
        codes = []
        for part in filter(None, (piece.strip() for piece in value.replace(";", ",").split(","))):
            code = self.lookups["languages"].get(search_key(part))
            if code is None:
                raise ValidationError(_("“%(value)s” is not a known language.") % {"value": part})
            codes.append(code)
        return codes

    def clean(self) -> dict:
        data = super().clean()
        if data.get("legal_basis") == Person.LegalBasis.CONSENT and not data.get("consent_date"):
            self.add_error("consent_date", _("Enter the date the person gave their consent."))
        return data


def _lookups() -> dict[str, dict[str, str]]:
    return {
        "organisation_kind": _choice_lookup(Organisation.Kind.choices),
        "category": _choice_lookup(Person.Category.choices),
        "legal_basis": _choice_lookup(Person.LegalBasis.choices),
        "country": _choice_lookup(list(countries)),
        "languages": _choice_lookup(LANGUAGE_CHOICES),
    }


class DuplicateIndex:
    """Existing persons by e-mail and by name + organisation, loaded once for a whole file."""

    def __init__(self) -> None:
        self.by_email: dict[str, int] = {}
        self.by_name_and_org: dict[tuple[str, str], int] = {}
        for pk, email in Person.objects.exclude(email="").values_list("pk", "email"):
            self.by_email.setdefault(email.casefold(), pk)
        for pk, name, organisation in Membership.objects.values_list(
            "person_id", "person__search_name", "organisation__search_name"
        ):
            self.by_name_and_org.setdefault((name, organisation), pk)

    def match(self, data: dict) -> tuple[int, str] | None:
        email = (data.get("email") or "").casefold()
        if email and email in self.by_email:
            return self.by_email[email], DuplicateCandidate.Reason.EMAIL
        if data.get("organisation"):
            key = (
                search_key(data["first_name"], data["last_name"]),
                search_key(data["organisation"]),
            )
            if key in self.by_name_and_org:
                return self.by_name_and_org[key], DuplicateCandidate.Reason.NAME_AND_ORGANISATION
        return None

    def remember(self, data: dict, pk: int) -> None:
        if data.get("email"):
            self.by_email.setdefault(data["email"].casefold(), pk)
        if data.get("organisation"):
            key = (
                search_key(data["first_name"], data["last_name"]),
                search_key(data["organisation"]),
            )
            self.by_name_and_org.setdefault(key, pk)


def _mapped_rows(batch: PersonImport) -> Iterator[tuple[int, dict[str, str]]]:
    with batch.file.open("rb") as file:
        _headers, rows = read_table(file, batch.original_name)
        number = 1
        try:
            for number, row in enumerate(rows, start=2):
                if not any(cell.strip() for cell in row):
                    continue
                yield (
                    number,
                    {
                        name: (row[index].strip() if index < len(row) else "")
                        for name, index in batch.mapping.items()
                    },
                )
        except (ValueError, KeyError, OSError, SyntaxError, csv.Error, zipfile.BadZipFile) as error:
            # A file damaged past its first rows reads well at upload and breaks here
            # (a ParseError of the sheet's XML is a SyntaxError).
            raise ImportFileError(
                _("The file could not be read after row %(row)s (%(error)s).")
                % {"row": number, "error": error}
            ) from error


def _save_progress(batch: PersonImport, **fields) -> None:
    for name, value in fields.items():
        setattr(batch, name, value)
    PersonImport.objects.filter(pk=batch.pk).update(**fields)


def check_import(batch: PersonImport) -> PersonImport:
    """Validate every row; the file is refused as a whole when any row has an error."""
    with failure_recorded(batch):
        return _check_rows(batch)


def _check_rows(batch: PersonImport) -> PersonImport:
    lookups = _lookups()
    duplicates = DuplicateIndex()
    errors, preview, duplicates_found = [], [], 0
    total = sum(1 for _row in _mapped_rows(batch))
    _save_progress(batch, status=PersonImport.Status.CHECKING, rows_total=total, rows_done=0)
    if total > MAX_ROWS:
        errors.append(
            {"row": None, "errors": [_("The file has more than %(max)s rows.") % {"max": MAX_ROWS}]}
        )
    else:
        for done, (number, values) in enumerate(_mapped_rows(batch), start=1):
            form = PersonRowForm(values, lookups=lookups)
            if form.is_valid():
                match = duplicates.match(form.cleaned_data)
                duplicates_found += match is not None
                duplicates.remember(form.cleaned_data, -number)
                if len(preview) < PREVIEW_ROWS:
                    preview.append({"row": number, "values": values, "duplicate": bool(match)})
            else:
                errors.append({"row": number, "errors": _messages(form)})
            if done % PROGRESS_EVERY == 0:
                _save_progress(batch, rows_done=done)
    status = PersonImport.Status.REJECTED if errors else PersonImport.Status.READY
    _save_progress(
        batch,
        status=status,
        rows_done=total,
        errors=errors,
        preview=preview,
        duplicates_found=duplicates_found,
    )
    return batch


def _messages(form: forms.Form) -> list[str]:
    return [
        f"{form.fields[name].label}: {message}" if name in form.fields else message
        for name, messages in form.errors.items()
        for message in messages
    ]


def apply_import(batch: PersonImport) -> PersonImport:
    """Save every row in one transaction; a row that looks like an existing person is saved
    and put on the merge screen, never silently merged."""
    if batch.status != PersonImport.Status.IMPORTING:
        raise ValueError("Only a checked import without errors, once started, can be saved.")
    lookups = _lookups()
    duplicates = DuplicateIndex()
    organisations = {org.search_name: org for org in Organisation.objects.all()}
    _save_progress(batch, status=PersonImport.Status.IMPORTING, rows_done=0)
    # Nothing was saved when it fails (one transaction); the page says so.
    with failure_recorded(batch, rows_done=0):
        created = _create_rows(batch, lookups, duplicates, organisations)
    _save_progress(batch, status=PersonImport.Status.DONE, rows_done=created, created_count=created)
    return batch


def _create_rows(batch, lookups, duplicates: DuplicateIndex, organisations: dict) -> int:
    created = 0
    with transaction.atomic():
        for done, (number, values) in enumerate(_mapped_rows(batch), start=1):
            form = PersonRowForm(values, lookups=lookups)
            if not form.is_valid():
                raise ValueError(f"Row {number} became invalid after the check.")
            data = form.cleaned_data
            person = Person.objects.create(
                **{
                    name: data[name]
                    for name in (
                        "first_name",
                        "last_name",
                        "email",
                        "phone",
                        "category",
                        "country",
                        "city",
                        "languages",
                        "website",
                        "social_handles",
                        "legal_basis",
                        "consent_date",
                        "notes",
                    )
                }
            )
            if data["tags"]:
                person.tags.set([tag.strip() for tag in data["tags"].split(",") if tag.strip()])
            if data["organisation"]:
                key = search_key(data["organisation"])
                organisation = organisations.get(key)
                if organisation is None:
                    organisation = Organisation.objects.create(
                        name=data["organisation"],
                        kind=data["organisation_kind"] or Organisation.Kind.PARTNER,
                    )
                    organisations[key] = organisation
                Membership.objects.create(
                    person=person, organisation=organisation, role=data["role"]
                )
            match = duplicates.match(data)
            if match is not None and match[0] > 0:
                DuplicateCandidate.objects.get_or_create(
                    person=person, duplicate_of_id=match[0], defaults={"reason": match[1]}
                )
            duplicates.remember(data, person.pk)
            created += 1
            if done % PROGRESS_EVERY == 0:
                _save_progress(batch, rows_done=done)
    return created
