"""Public procurement (5.2): the annual plan, the thresholds of the law as dated reference
data, purchase requests with their history, supplier surveys, the contracts register and
the documents generated for a request (with the versions staff upload afterwards)."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from sklaida.procurement import cpv

MONEY = {"max_digits": 14, "decimal_places": 2}
NOT_NEGATIVE = [MinValueValidator(Decimal("0"))]


class Kind(models.TextChoices):
    """What is bought; the law's thresholds differ for works."""

    GOODS = "goods", _("Goods")
    SERVICES = "services", _("Services")
    WORKS = "works", _("Works")


class Procedure(models.TextChoices):
    LOW_VALUE = "low_value", _("Low-value procurement")
    SIMPLIFIED = "simplified", _("Simplified procurement")
    INTERNATIONAL = "international", _("International procurement")


class Threshold(models.Model):
    """One limit of the law for one kind of purchase, in force from a date until a later
    row of the same procedure and kind replaces it. A change of law is a new row."""

    procedure = models.CharField(
        _("procedure"),
        max_length=15,
        choices=[
            (Procedure.LOW_VALUE, _("Low-value procurement limit")),
            (Procedure.INTERNATIONAL, _("EU threshold (international procurement)")),
        ],
        help_text=_(
            "Low-value: purchases below the amount are low-value procurements. "
            "International: purchases of the amount or more are international (the EU threshold)."
        ),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind)
    amount = models.DecimalField(
        _("amount excl. VAT, EUR"), **MONEY, validators=[MinValueValidator(Decimal("0.01"))]
    )
    effective_from = models.DateField(_("in force from"))
    legal_basis = models.CharField(_("legal basis"), max_length=500)

    class Meta:
        verbose_name = _("threshold")
        verbose_name_plural = _("thresholds")
        ordering = ["procedure", "kind", "-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["procedure", "kind", "effective_from"], name="procurement_threshold_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_procedure_display()}, {self.get_kind_display()}: {self.amount}"


class ProcurementPlan(models.Model):
    """The Library's procurement plan of one year; its summary is published by 15 March."""

    year = models.PositiveSmallIntegerField(
        _("year"),
        unique=True,
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
    )
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    summary_published_on = models.DateField(_("summary published on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("procurement plan")
        verbose_name_plural = _("procurement plans")
        ordering = ["-year"]

    def __str__(self) -> str:
        return _("Procurement plan %(year)s") % {"year": self.year}

    def get_absolute_url(self) -> str:
        return reverse("procurement:plan_detail", args=[self.year])


class PlanLine(models.Model):
    """One purchase the plan foresees."""

    plan = models.ForeignKey(
        ProcurementPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="lines"
    )
    subject = models.CharField(pgettext_lazy("purchase", "subject"), max_length=250)
    cpv_code = models.CharField(_("CPV code"), max_length=10, validators=[cpv.validate_cpv])
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.GOODS)
    estimated_value = models.DecimalField(
        _("estimated value excl. VAT, EUR"), **MONEY, validators=NOT_NEGATIVE
    )
    quarter = models.PositiveSmallIntegerField(
        _("planned quarter"),
        choices=[(1, _("Q1")), (2, _("Q2")), (3, _("Q3")), (4, _("Q4"))],
    )
    procedure = models.CharField(
        _("procedure"),
        max_length=15,
        choices=Procedure,
        blank=True,
        help_text=_("Left empty, the procedure the thresholds suggest is written in."),
    )
    budget_line = models.ForeignKey(
        "projects.BudgetLine",
        verbose_name=_("project budget line"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plan_lines",
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("plan line")
        verbose_name_plural = _("plan lines")
        ordering = ["plan", "quarter", "position", "pk"]

    def __str__(self) -> str:
        return f"{self.subject} ({self.cpv_code})"


class PurchaseRequest(models.Model):
    """A purchase the department asks for: what, why, for how much, and how it goes."""

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("purchase request", "Draft")
        SUBMITTED = "submitted", pgettext_lazy("purchase request", "Submitted")
        APPROVED = "approved", pgettext_lazy("purchase request", "Approved")
        REJECTED = "rejected", pgettext_lazy("purchase request", "Rejected")
        IN_PROCUREMENT = "in_procurement", _("Procurement under way")
        CONTRACTED = "contracted", _("Contract signed")
        COMPLETED = "completed", pgettext_lazy("purchase request", "Completed")
        CANCELLED = "cancelled", pgettext_lazy("purchase request", "Cancelled")

    # The way a request normally goes, for the progress shown on it and on its proposal.
    PATH = (
        Status.DRAFT,
        Status.SUBMITTED,
        Status.APPROVED,
        Status.IN_PROCUREMENT,
        Status.CONTRACTED,
        Status.COMPLETED,
    )
    # Requests that no longer count towards a year's purchases of a subject.
    DROPPED = (Status.REJECTED, Status.CANCELLED)

    year = models.PositiveSmallIntegerField(_("year"), editable=False)
    sequence = models.PositiveIntegerField(_("number in the year"), editable=False)
    subject = models.CharField(pgettext_lazy("purchase", "subject"), max_length=250)
    cpv_code = models.CharField(
        _("CPV code"),
        max_length=10,
        blank=True,
        validators=[cpv.validate_cpv],
        help_text=_("Eight digits, a hyphen and the check digit, e.g. 38652100-1."),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.GOODS)
    initiator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("initiator"),
        on_delete=models.PROTECT,
        related_name="purchase_requests",
    )
    justification = models.TextField(_("justification"))
    technical_specification = models.TextField(
        _("technical specification"),
        blank=True,
        help_text=_("The features the goods, services or works must have; one per line."),
    )
    estimated_value = models.DecimalField(
        _("estimated value excl. VAT, EUR"), **MONEY, validators=NOT_NEGATIVE
    )
    needed_by = models.DateField(_("needed by"), null=True, blank=True)
    procedure = models.CharField(
        _("procedure"),
        max_length=15,
        choices=Procedure,
        blank=True,
        help_text=_("Left empty, the procedure the thresholds suggest is written in."),
    )
    plan_line = models.ForeignKey(
        PlanLine,
        verbose_name=_("procurement plan line"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="requests",
    )
    budget_line = models.ForeignKey(
        "projects.BudgetLine",
        verbose_name=_("project budget line"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="purchase_requests",
    )
    proposal = models.OneToOneField(
        "archive.Proposal",
        verbose_name=_("improvement proposal"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="purchase_request",
    )
    status = models.CharField(
        _("status"), max_length=15, choices=Status, default=Status.DRAFT, db_index=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("purchase request")
        verbose_name_plural = _("purchase requests")
        ordering = ["-year", "-sequence"]
        constraints = [
            models.UniqueConstraint(fields=["year", "sequence"], name="procurement_request_number")
        ]
        indexes = [models.Index(fields=["year", "cpv_code"], name="procurement_year_cpv")]

    def __str__(self) -> str:
        return f"{self.number} {self.subject}"

    def get_absolute_url(self) -> str:
        return reverse("procurement:request_detail", args=[self.pk])

    @property
    def number(self) -> str:
        return f"{self.year}-{self.sequence:03d}"

    @property
    def cpv_group(self) -> str:
        return cpv.group(self.cpv_code)

    @property
    def progress(self) -> tuple[int, int]:
        """(steps reached, steps in all) on the usual way; (0, n) for a dropped request."""
        if self.status in self.PATH:
            return self.PATH.index(self.status) + 1, len(self.PATH)
        return 0, len(self.PATH)

    @property
    def progress_percent(self) -> int:
        done, total = self.progress
        return round(done * 100 / total)


class StatusChange(models.Model):
    """Who moved a request from one status to another, and when."""

    request = models.ForeignKey(
        PurchaseRequest, on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(max_length=15, choices=PurchaseRequest.Status, blank=True)
    to_status = models.CharField(max_length=15, choices=PurchaseRequest.Status)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["changed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.request_id}: {self.from_status} → {self.to_status}"


class SupplierSurvey(models.Model):
    """The record of asking suppliers for offers (tiekėjų apklausos pažyma)."""

    class Method(models.TextChoices):
        WRITTEN = "written", _("In writing (e-mail)")
        ORAL = "oral", _("Orally")
        CVP_IS = "cvp_is", _("In the Central Public Procurement Portal (CVP IS)")
        CATALOGUE = "catalogue", _("From suppliers' public price lists")

    request = models.OneToOneField(
        PurchaseRequest,
        verbose_name=_("purchase request"),
        on_delete=models.CASCADE,
        related_name="survey",
    )
    surveyed_on = models.DateField(_("surveyed on"), default=timezone.localdate)
    method = models.CharField(_("how"), max_length=10, choices=Method, default=Method.WRITTEN)
    chosen_offer = models.OneToOneField(
        "SurveyOffer",
        verbose_name=_("chosen offer"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="chosen_in",
    )
    choice_reason = models.TextField(_("why this offer"), blank=True)
    note = models.TextField(_("note"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("supplier survey")
        verbose_name_plural = _("supplier surveys")

    def __str__(self) -> str:
        return _("Supplier survey of %(number)s") % {"number": self.request.number}


class SurveyOffer(models.Model):
    """A supplier asked and what it offered (no prices: it made no offer)."""

    survey = models.ForeignKey(SupplierSurvey, on_delete=models.CASCADE, related_name="offers")
    organisation = models.ForeignKey(
        "contacts.Organisation",
        verbose_name=_("supplier from contacts"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="procurement_offers",
    )
    supplier_name = models.CharField(
        _("supplier"),
        max_length=250,
        blank=True,
        help_text=_("Type the name when the supplier is not among the contacts."),
    )
    price_excl_vat = models.DecimalField(
        _("price excl. VAT, EUR"), **MONEY, null=True, blank=True, validators=NOT_NEGATIVE
    )
    price_incl_vat = models.DecimalField(
        _("price incl. VAT, EUR"), **MONEY, null=True, blank=True, validators=NOT_NEGATIVE
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        ordering = ["survey", "position", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.organisation.name if self.organisation_id else self.supplier_name

    @property
    def made_offer(self) -> bool:
        return self.price_excl_vat is not None

    def clean(self) -> None:
        if not self.organisation_id and not self.supplier_name.strip():
            raise ValidationError(_("Choose the supplier from the contacts or type its name."))
        if (self.price_excl_vat is None) != (self.price_incl_vat is None):
            raise ValidationError(
                _("Give both prices, excl. and incl. VAT, or neither when no offer came.")
            )
        if self.price_excl_vat is not None and self.price_incl_vat < self.price_excl_vat:
            raise ValidationError(
                _("The price incl. VAT cannot be lower than the price excl. VAT.")
            )


class Contract(models.Model):
    """A contract of the contracts register."""

    number = models.CharField(_("contract number"), max_length=60, unique=True)
    subject = models.CharField(pgettext_lazy("purchase", "subject"), max_length=250)
    organisation = models.ForeignKey(
        "contacts.Organisation",
        verbose_name=_("supplier from contacts"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="procurement_contracts",
    )
    supplier_name = models.CharField(
        _("supplier"),
        max_length=250,
        blank=True,
        help_text=_("Type the name when the supplier is not among the contacts."),
    )
    value_excl_vat = models.DecimalField(
        _("value excl. VAT, EUR"), **MONEY, validators=NOT_NEGATIVE
    )
    value_incl_vat = models.DecimalField(
        _("value incl. VAT, EUR"), **MONEY, null=True, blank=True, validators=NOT_NEGATIVE
    )
    signed_on = models.DateField(_("signed on"))
    starts_on = models.DateField(_("valid from"), null=True, blank=True)
    ends_on = models.DateField(_("valid until"), null=True, blank=True)
    request = models.ForeignKey(
        PurchaseRequest,
        verbose_name=_("purchase request"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contracts",
    )
    procedure = models.CharField(_("procedure"), max_length=15, choices=Procedure, blank=True)
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("contract")
        verbose_name_plural = _("contracts")
        ordering = ["-signed_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.number} {self.subject}"

    def get_absolute_url(self) -> str:
        return reverse("procurement:contract_detail", args=[self.pk])

    @property
    def supplier(self) -> str:
        return self.organisation.name if self.organisation_id else self.supplier_name

    def clean(self) -> None:
        if not self.organisation_id and not self.supplier_name.strip():
            raise ValidationError(_("Choose the supplier from the contacts or type its name."))
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("A contract cannot end before it starts.")})
        if (
            self.value_incl_vat is not None
            and self.value_excl_vat is not None
            and self.value_incl_vat < self.value_excl_vat
        ):
            raise ValidationError(
                {"value_incl_vat": _("The value incl. VAT cannot be lower than excl. VAT.")}
            )


class RequestDocument(models.Model):
    """One of a request's documents; each generation or upload is a new version."""

    class Kind(models.TextChoices):
        REQUEST = "request", _("Purchase request")
        SPECIFICATION = "specification", _("Technical specification")
        SURVEY_RECORD = "survey_record", _("Supplier survey record")

    request = models.ForeignKey(PurchaseRequest, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("document"), max_length=15, choices=Kind)

    class Meta:
        verbose_name = _("request document")
        verbose_name_plural = _("request documents")
        ordering = ["request", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["request", "kind"], name="procurement_document_once")
        ]

    def __str__(self) -> str:
        return f"{self.request.number} {self.get_kind_display()}"


def version_upload_to(instance: DocumentVersion, filename: str) -> str:
    document = instance.document
    return f"procurement/{document.request_id}/{document.kind}/{instance.number}-{filename}"


class DocumentVersion(models.Model):
    document = models.ForeignKey(RequestDocument, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    file = models.FileField(_("file"), upload_to=version_upload_to, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    generated = models.BooleanField(_("generated from the template"), default=False)
    note = models.CharField(_("what changed"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        ordering = ["document", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="procurement_version_once")
        ]

    def __str__(self) -> str:
        return f"{self.document} v{self.number}"
