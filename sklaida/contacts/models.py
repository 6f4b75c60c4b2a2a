"""Contacts: organisations, persons and their roles, interactions, agreements and lists."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from taggit.managers import TaggableManager

from sklaida.contacts.text import search_key
from sklaida.core.addresses import also_saved, mailbox_key
from sklaida.core.models import Library, Task

LANGUAGE_CHOICES = [
    ("lt", _("Lithuanian")),
    ("en", _("English")),
    ("lv", _("Latvian")),
    ("pl", _("Polish")),
    ("de", _("German")),
    ("fr", _("French")),
    ("ru", _("Russian")),
    ("uk", _("Ukrainian")),
    ("sv", _("Swedish")),
    ("no", _("Norwegian")),
    ("fi", _("Finnish")),
    ("es", _("Spanish")),
    ("it", _("Italian")),
]


class ContactDetails(models.Model):
    """Ways to reach an organisation or a person, and what the department knows of them."""

    country = CountryField(_("country"), default="LT")
    city = models.CharField(_("city"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    social_handles = models.CharField(
        _("social networks"),
        max_length=300,
        blank=True,
        help_text=_("Accounts or addresses, separated by commas, e.g. facebook.com/biblioteka"),
    )
    notes = models.TextField(_("notes"), blank=True)
    # Normalised name (see contacts.text.search_key), so "Zemaitis" finds "Žemaitis".
    search_name = models.CharField(max_length=300, editable=False, db_index=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class Organisation(ContactDetails):
    class Kind(models.TextChoices):
        MEDIA = "media", _("Media outlet")
        PARTNER = "partner", _("Partner")
        CULTURAL = "cultural", _("Cultural institution")
        EDUCATIONAL = "educational", _("Educational institution")
        NGO = "ngo", _("NGO")
        PUBLISHER = "publisher", _("Publisher")
        FOREIGN_PARTNER = "foreign_partner", _("Foreign partner")
        SCHOOL = "school", _("School")
        TERRITORY_LIBRARY = "territory_library", _("Territory library")

    name = models.CharField(_("name"), max_length=250)
    kind = models.CharField(_("type"), max_length=20, choices=Kind, db_index=True)
    library = models.OneToOneField(
        Library,
        verbose_name=_("library in Sklaida"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisation",
        help_text=_("Only for a territory library: the library it is."),
    )
    tags = TaggableManager(_("tags"), blank=True, related_name="contact_organisations")

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["search_name", "pk"]
        indexes = [models.Index(fields=["kind", "search_name"])]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.search_name = search_key(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("contacts:organisation_detail", args=[self.pk])

    def clean(self) -> None:
        if self.library_id and self.kind != self.Kind.TERRITORY_LIBRARY:
            raise ValidationError(
                {"library": _("Only a territory library can be linked to a library in Sklaida.")}
            )


class Person(ContactDetails):
    class Category(models.TextChoices):
        JOURNALIST = "journalist", _("Journalist")
        CREATOR = "creator", _("Creator, author or performer")
        PARTNER_CONTACT = "partner_contact", _("Partner contact")
        LIBRARY_SPECIALIST = "library_specialist", _("Library specialist")
        OTHER = "other", _("Other")

    class LegalBasis(models.TextChoices):
        CONSENT = "consent", _("Consent")
        LEGITIMATE_INTEREST = "legitimate_interest", _("Legitimate interest")
        CONTRACT = "contract", _("Contract")

    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    category = models.CharField(
        _("category"), max_length=20, choices=Category, default=Category.OTHER, db_index=True
    )
    languages = models.JSONField(_("languages"), default=list, blank=True)
    legal_basis = models.CharField(
        _("legal basis for keeping the data"), max_length=20, choices=LegalBasis
    )
    consent_date = models.DateField(_("consent given on"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True, editable=False)
    # The address as a mailbox (core.addresses.mailbox_key): a person's data is found by it.
    mailbox = models.CharField(max_length=254, blank=True, editable=False, db_index=True)
    organisations = models.ManyToManyField(
        Organisation,
        through="Membership",
        related_name="people",
        verbose_name=_("organisations"),
        blank=True,
    )
    tags = TaggableManager(_("tags"), blank=True, related_name="contact_persons")

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("persons")
        ordering = ["search_name", "pk"]
        indexes = [
            models.Index(fields=["category", "search_name"]),
            models.Index(fields=["email"]),
        ]

    def __str__(self) -> str:
        if self.anonymised_at:
            return gettext("Anonymised person #%(number)s") % {"number": self.pk}
        return f"{self.first_name} {self.last_name}".strip()

    def save(self, *args, **kwargs) -> None:
        self.search_name = search_key(self.first_name, self.last_name)
        self.mailbox = mailbox_key(self.email) if self.email else ""
        kwargs["update_fields"] = also_saved(kwargs.get("update_fields"), "email", "mailbox")
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("contacts:person_detail", args=[self.pk])

    def clean(self) -> None:
        if self.legal_basis == self.LegalBasis.CONSENT and not self.consent_date:
            raise ValidationError(
                {"consent_date": _("Enter the date the person gave their consent.")}
            )

    @property
    def is_anonymised(self) -> bool:
        return self.anonymised_at is not None

    def language_names(self) -> list[str]:
        names = dict(LANGUAGE_CHOICES)
        return [str(names.get(code, code)) for code in self.languages]


class Membership(models.Model):
    """A person's role at an organisation (editor, director, contact for projects …)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=150, blank=True)
    is_current = models.BooleanField(_("current"), default=True)

    class Meta:
        verbose_name = _("role at an organisation")
        verbose_name_plural = _("roles at organisations")
        ordering = ["-is_current", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "organisation", "role"], name="contacts_membership_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.role or '…'}, {self.organisation}"


class Interaction(models.Model):
    class Kind(models.TextChoices):
        MEETING = "meeting", _("Meeting")
        CALL = "call", _("Call")
        EMAIL = "email", _("E-mail")
        LETTER = "letter", _("Letter")
        AGREEMENT = "agreement", _("Agreement")

    kind = models.CharField(_("type"), max_length=12, choices=Kind)
    date = models.DateField(_("date"), db_index=True)
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff member"),
        on_delete=models.PROTECT,
        related_name="contact_interactions",
    )
    summary = models.TextField(_("summary"))
    organisations = models.ManyToManyField(
        Organisation, verbose_name=_("organisations"), related_name="interactions", blank=True
    )
    persons = models.ManyToManyField(
        Person, verbose_name=_("persons"), related_name="interactions", blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("interaction")
        verbose_name_plural = _("interactions")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.date:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("contacts:interaction_update", args=[self.pk])


class Agreement(models.Model):
    """A cooperation agreement; its document hangs on it as an attachment."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="agreements",
    )
    number = models.CharField(_("number"), max_length=60, blank=True)
    subject = models.CharField(_("subject"), max_length=300)
    start_date = models.DateField(_("valid from"))
    end_date = models.DateField(_("valid until"), null=True, blank=True, db_index=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible staff member"),
        on_delete=models.PROTECT,
        related_name="contact_agreements",
    )
    persons = models.ManyToManyField(
        Person, verbose_name=_("contact persons"), related_name="agreements", blank=True
    )
    # The task raised when the agreement nears its end (at most one).
    expiry_task = models.OneToOneField(
        Task, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("cooperation agreement")
        verbose_name_plural = _("cooperation agreements")
        ordering = ["-start_date", "-pk"]

    def __str__(self) -> str:
        # The subject alone: a task list shows many agreements without fetching each organisation.
        return f"{self.subject} ({self.number})" if self.number else self.subject

    def get_absolute_url(self) -> str:
        return reverse("contacts:agreement_detail", args=[self.pk])

    def clean(self) -> None:
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The agreement cannot end before it starts.")})

    @property
    def date_for_tasks(self) -> datetime.date | None:
        """Its tasks are about its ending (a reminder to renew): the day it ends."""
        return self.end_date


class ContactList(models.Model):
    """A named segment: hand-picked contacts, or a saved search that updates itself."""

    class Kind(models.TextChoices):
        MANUAL = "manual", _("Hand-picked")
        SAVED_FILTER = "filter", _("Saved search")

    name = models.CharField(_("name"), max_length=150, unique=True)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind, default=Kind.MANUAL)
    # For saved searches: the person search's criteria (see contacts.selectors.PersonSearch).
    criteria = models.JSONField(_("search criteria"), default=dict, blank=True)
    persons = models.ManyToManyField(
        Person, verbose_name=_("persons"), related_name="lists", blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("contact list")
        verbose_name_plural = _("contact lists")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("contacts:list_detail", args=[self.pk])


class DuplicateCandidate(models.Model):
    """Two person records that look like the same person, waiting for a merge or a dismissal."""

    class Reason(models.TextChoices):
        EMAIL = "email", _("Same e-mail")
        NAME_AND_ORGANISATION = "name_org", _("Same name and organisation")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    duplicate_of = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(_("reason"), max_length=10, choices=Reason)
    found_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("possible duplicate")
        verbose_name_plural = _("possible duplicates")
        ordering = ["-found_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "duplicate_of"], name="contacts_duplicate_pair_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} ≈ {self.duplicate_of}"


class PersonImport(models.Model):
    """One uploaded XLSX/CSV file of persons on its way: mapped, checked, then saved or refused."""

    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("Waiting for column mapping")
        CHECKING = "checking", _("Being checked")
        READY = "ready", _("Checked, ready to import")
        REJECTED = "rejected", _("Refused: the file has errors")
        IMPORTING = "importing", _("Being imported")
        DONE = "done", _("Imported")
        # A job raised (a file that breaks the reader, say); nothing was saved.
        FAILED = "failed", _("Stopped by an error")

    file = models.FileField(_("file"), upload_to="contacts/imports/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.UPLOADED)
    headers = models.JSONField(default=list)
    # Sklaida field name → index of the file's column.
    mapping = models.JSONField(default=dict)
    rows_total = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    # Rows with errors: [{"row": 3, "errors": ["E-mail: …"]}], and the first rows to preview.
    errors = models.JSONField(default=list)
    preview = models.JSONField(default=list)
    duplicates_found = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    # What stopped a job that failed (core.jobs.failure_recorded).
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("person import")
        verbose_name_plural = _("person imports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse("contacts:import_detail", args=[self.pk])

    @property
    def progress_percent(self) -> int:
        return round(100 * self.rows_done / self.rows_total) if self.rows_total else 0

    @property
    def is_working(self) -> bool:
        return self.status in {self.Status.CHECKING, self.Status.IMPORTING}


class PersonalDataExport(models.Model):
    """A record that everything held about a person was exported: who, when, about whom.

    None of the data is copied here. An export asked for by e-mail address keeps only a
    keyed fingerprint of the address (`contacts.privacy.address_fingerprint`), which shows
    that the same address was asked for again without telling anyone what it is.
    """

    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("made by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    made_at = models.DateTimeField(_("made"), default=timezone.now, db_index=True)
    person = models.ForeignKey(
        Person,
        verbose_name=_("contact"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="data_exports",
    )
    address_fingerprint = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    rows = models.PositiveIntegerField(_("records"), default=0)

    class Meta:
        verbose_name = _("personal data export")
        verbose_name_plural = _("personal data exports")
        ordering = ["-made_at", "-pk"]

    def __str__(self) -> str:
        # No name: this row's history must not become another copy of whom it was about.
        return gettext("Personal data export #%(number)s") % {"number": self.pk}
